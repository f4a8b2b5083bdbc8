"""The core's language: chosen from the environment or --lang, English by default."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from outreach import i18n


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_CA.UTF-8"}, "en"),  # LC_MESSAGES wins
        ({"LC_ALL": "fr_BE", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "de:fr", "LANG": "en_CA.UTF-8"}, "fr"),  # the first spoken of a list
        ({"LANGUAGE": "de", "LANG": "fr_CA.UTF-8"}, "fr"),  # none spoken: the next variable
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
    ],
)
def test_the_language_follows_the_environment_as_gettext_reads_it(
    environ: dict[str, str], expected: str
) -> None:
    assert i18n.language_from_environment(environ) == expected


def test_an_unsupported_language_falls_back_to_english() -> None:
    i18n.set_language("de")
    assert i18n.current_language() == "en"
    assert i18n._("Cambodia") == "Cambodia"
