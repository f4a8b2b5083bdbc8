"""Every stored vocabulary reads as words, in English and in French."""

from __future__ import annotations

import csv
import inspect
from datetime import date
from enum import StrEnum
from pathlib import Path

import pytest

from outreach.domain import enums
from outreach.domain.enums import Channel, DemarcheStatus, Level, TreatyStatus
from outreach.domain.treaty_rules import apmbc_obligations, duty_text
from outreach.domain.vocabulary import LABELS, label, label_of, labelled
from outreach.reference.countries import all_states
from outreach.reference.names import SHIPPED, shipped_name

#: kept for the machine: the audit trail's actions are never shown as words
UNSHOWN = {enums.AuditAction}
VOCABULARIES = [
    kind
    for _name, kind in inspect.getmembers(enums, inspect.isclass)
    if issubclass(kind, StrEnum) and kind is not StrEnum and kind not in UNSHOWN
]


@pytest.mark.parametrize("kind", VOCABULARIES, ids=lambda kind: kind.__name__)
def test_every_value_of_every_vocabulary_has_a_label(kind: type[StrEnum]) -> None:
    assert set(LABELS[kind]) == set(kind)
    assert all(label(member) for member in kind)


def test_a_stored_value_reads_as_its_label_and_an_unknown_one_as_itself_made_human() -> None:
    assert label_of(Level, "deputy_minister") == "Deputy minister"
    assert label(Channel.NOTE_VERBALE) == "Note verbale"
    assert label_of(Level, "chargé_d_affaires") == "Chargé d affaires"
    assert labelled(TreatyStatus)[0] == (TreatyStatus.PARTY, "Party")


def test_a_label_is_in_the_language_asked_for() -> None:
    assert label(DemarcheStatus.DRAFT, "fr") == "Brouillon"
    assert label(Channel.NOTE_VERBALE, "en") == "Note verbale"


def test_the_shipped_names_read_in_french_and_typed_ones_as_typed() -> None:
    assert shipped_name("Conference on Disarmament", "fr") == "Conférence du désarmement"
    assert shipped_name("South-eastern Asia", "fr") == "Asie du Sud-Est"
    assert shipped_name("Ottawa Convention", "fr") == "Convention d'Ottawa"
    assert shipped_name("Ottawa Convention", "en") == "Ottawa Convention"
    assert shipped_name("Our desk's own forum", "fr") == "Our desk's own forum"


def test_every_shipped_forum_meeting_and_region_has_its_name_for_translation() -> None:
    reference = Path(__file__).parents[2] / "resources" / "reference"
    with (reference / "forums.csv").open(encoding="utf-8") as forums:
        names = {row["name"] for row in csv.DictReader(forums)}
    with (reference / "meetings.csv").open(encoding="utf-8") as meetings:
        names |= {row["title"] for row in csv.DictReader(meetings)}
    names |= {ref.region for ref in all_states()} | {ref.subregion for ref in all_states()}
    assert names - SHIPPED == set()


def test_the_duties_the_rules_write_read_in_french_and_typed_ones_as_typed() -> None:
    duty = apmbc_obligations(date(1999, 3, 1), mine_affected=True)[0]
    assert duty_text(duty.description, "fr").startswith("Rapport initial de transparence")
    assert duty_text(duty.description, "en") == duty.description
    assert duty_text("Report to the donors' group", "fr") == "Report to the donors' group"
