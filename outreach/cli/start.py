"""The `outreach` program's entry point: it settles the language first (`--lang`, else
LANGUAGE / LC_ALL / LC_MESSAGES / LANG), so that the commands' help, built when their
module is imported, is in that language too; then it runs the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from outreach.i18n import language_from_environment, set_language, supported

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


def main() -> None:
    set_language(language_from_arguments(sys.argv[1:]) or language_from_environment())
    from outreach.cli.main import main as run_command_line

    run_command_line()


if __name__ == "__main__":  # `python -m outreach.cli.start …`, as `outreach …`
    main()
