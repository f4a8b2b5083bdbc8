"""The `outreach` program's entry point: it settles the language first (`--lang`, else
LANGUAGE / LC_ALL / LC_MESSAGES / LANG), so that the commands' help, built when their
module is imported, is in that language too; then it runs the command line, or, with no
command, opens the desktop app before loading the command line's modules at all (the
app shows its window first, and the data layer loads after)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from outreach.cli.frontends import launch_desktop
from outreach.errors import OutreachError
from outreach.i18n import language_from_environment, set_language, supported
from outreach.paths import ENV_VAR, default_database_path

#: the program's options that take a value (the value is not the command's name)
VALUED_OPTIONS = ("--db", "--lang")


def program_arguments(arguments: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """The program's own `--db` and `--lang` given before the command's name (`--db X`
    or `--db=X`), and every other argument: other flags, a valued option missing its
    value, the command and what follows it (after the command, `--lang` is the
    command's: `brief … --lang fr` chooses the printed language, not the messages')."""
    options: dict[str, str] = {}
    others: list[str] = []
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        option, equals, value = argument.partition("=")
        if option in VALUED_OPTIONS and (equals or position + 1 < len(arguments)):
            if not equals:
                position += 1
                value = arguments[position]
            options[option] = value
        elif argument.startswith("-"):
            others.append(argument)
        else:
            others.extend(arguments[position:])  # the command's name, and its arguments
            break
        position += 1
    return options, others


def language_from_arguments(arguments: Sequence[str]) -> str | None:
    """The language the program's own `--lang fr` (or `--lang=fr`) asks for."""
    options, _others = program_arguments(arguments)
    return supported(options.get("--lang", ""))


def desktop_database(arguments: Sequence[str]) -> str | Path | None:
    """The database to open in the desktop app when `arguments` name no command (only
    `--db` and `--lang`, each with its value): the `--db` given, else OUTREACH_DB, else
    the default file. None when they name a command, ask for help, hold an unknown
    language or anything else, for the command line to run or to refuse."""
    options, others = program_arguments(arguments)
    if others or ("--lang" in options and not supported(options["--lang"])):
        return None
    return options.get("--db") or os.environ.get(ENV_VAR) or default_database_path()


def main() -> None:
    arguments = sys.argv[1:]
    set_language(language_from_arguments(arguments) or language_from_environment())
    database = desktop_database(arguments)
    if database is not None:
        try:
            sys.exit(launch_desktop(database))
        except OutreachError as error:
            sys.exit(f"outreach: {error}")
    from outreach.cli.main import main as run_command_line

    run_command_line()


if __name__ == "__main__":  # `python -m outreach.cli.start …`, as `outreach …`
    main()
