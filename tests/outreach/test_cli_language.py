"""The program's language: `outreach --lang fr …`, else the environment's."""

from __future__ import annotations

import pytest

from outreach.cli.start import language_from_arguments


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["--lang", "fr", "states"], "fr"),
        (["--lang=fr", "states"], "fr"),
        (["--db", "x.db", "--lang", "fr", "states"], "fr"),
        (["states"], None),
        (["brief", "KHM", "--lang", "fr"], None),  # the printed language, not the messages'
        (["--db", "--lang", "states"], None),  # a file called --lang
        (["--lang", "de", "states"], None),
    ],
)
def test_the_programs_own_lang_option_is_read_before_the_command(
    arguments: list[str], expected: str | None
) -> None:
    assert language_from_arguments(arguments) == expected
