"""Briefing sheets and meeting packs in French, chosen per print whatever the language of
the app or of the command line's messages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach.briefing import Marking, PrintOptions, print_states
from outreach.cli.briefing_commands import register
from outreach.cli.main import cli
from outreach.errors import ValidationError
from outreach.i18n import current_language, set_language
from outreach.storage.database import Database

from .conftest import metadata, page_texts, words

AS_OF = date(2004, 11, 29)


@pytest.fixture
def app_in_french() -> Iterator[None]:
    """The process speaks French for the test, English again afterwards."""
    before = current_language()
    set_language("fr")
    try:
        yield
    finally:
        set_language(before)


def test_a_french_sheet_has_french_headings_dates_and_marking(
    demo_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "fiche.pdf"
    options = PrintOptions(marking=Marking.PROTECTED_B, language="fr")
    print_states(demo_db, ["KHM"], out, options, as_of=AS_OF)
    texts = page_texts(out)
    text = words(texts)
    assert "Statut" in text  # the status column, "Status" in English
    assert "Statut au 29 novembre 2004" in text  # a date in words, in French
    assert "Statut à l'égard du traité" in text
    assert "ÉTAT PARTIE" in text  # Cambodia ratified in 1999
    assert "Démarches en cours" in text and "Points de discussion" in text
    assert all(page.count("PROTÉGÉ B") >= 2 for page in texts)
    assert "page 1 de 1" in text
    assert "Cambodge (KHM)" in text  # the state's French name (typed text stays as typed)
    assert "Kingdom of Cambodia" not in text  # its official name is known in English only
    assert "Status as of" not in text and "PROTECTED B" not in text
    meta = metadata(out)
    assert meta["/Title"] == "Fiche d'information : Cambodge"
    assert meta["/Keywords"] == "PROTÉGÉ B"


@pytest.mark.usefixtures("app_in_french")
def test_the_language_of_a_print_is_its_own() -> None:
    assert PrintOptions().language == "fr"  # the app's language by default
    assert PrintOptions(language="en").language == "en"
    with pytest.raises(ValidationError, match="« de »"):  # the app's language
        PrintOptions(language="de")


@pytest.mark.usefixtures("app_in_french")
def test_an_english_sheet_from_an_app_in_french(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    print_states(demo_db, ["KHM"], out, PrintOptions(language="en"), as_of=AS_OF)
    text = words(page_texts(out))
    assert "Status as of 2004-11-29" in text
    assert "UNCLASSIFIED" in text and "NON CLASSIFIÉ" not in text
    assert "Kingdom of Cambodia" in text and "Cambodge" not in text  # named as printed


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["brief", "KHM"], ["Statut", "NON CLASSIFIÉ", "Fiche d'information par pays"]),
        (
            ["pack", "contact group"],
            ["Dossier de réunion", "NON CLASSIFIÉ", "Interventions prévues", "Table des matières"],
        ),
    ],
)
def test_lang_chooses_the_language_of_the_pages_not_of_the_messages(
    demo_db_path: Path, tmp_path: Path, command: list[str], expected: list[str]
) -> None:
    register(cli)
    out = tmp_path / "fr.pdf"
    result = CliRunner().invoke(
        cli, ["--db", str(demo_db_path), *command, "--lang", "fr", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {out}: ")  # the messages stay in English
    text = words(page_texts(out))
    for word in expected:
        assert word in text, word
