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


def language_from_arguments(arguments: Sequence[str]) -> str | None:
    """The language the program's own `--lang fr` (or `--lang=fr`) asks for, before the
    command's name: after it, `--lang` is the command's (`brief … --lang fr` chooses the
    printed language, not the messages')."""
    found = None
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        if argument.startswith("--lang="):
            found = supported(argument.partition("=")[2]) or found
        elif argument in VALUED_OPTIONS:
            if argument == "--lang" and position + 1 < len(arguments):
                found = supported(arguments[position + 1]) or found
            position += 1
        elif not argument.startswith("-"):
            break  # the command's name
        position += 1
    return found


def desktop_database(arguments: Sequence[str]) -> str | Path | None:
    """The database to open in the desktop app when `arguments` name no command (only
    `--db` and `--lang`, each with its value): the `--db` given, else OUTREACH_DB, else
    the default file. None when they name a command, ask for help or hold anything
    else, for the command line to run or to refuse."""
    database: str | Path | None = os.environ.get(ENV_VAR) or default_database_path()
    position = 0
    while position < len(arguments):
        option, equals, value = arguments[position].partition("=")
        if option not in VALUED_OPTIONS:
            return None
        if not equals:
            if position + 1 >= len(arguments):
                return None  # `--db` without its value: the command line says so
            position += 1
            value = arguments[position]
        if option == "--db":
            database = value
        position += 1
    return database


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
