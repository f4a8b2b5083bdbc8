"""Issue 11, finding 1: long text broke printing. A cell taller than a page stopped the
build ("unexpected LayoutError … (this is a bug)"); now every sheet and pack prints
whatever was typed: long cells go on over the next page, words wider than a column are
broken, and only a text longer than some ten pages is cut with "… (continued in
Outreach)"."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from outreach.briefing import (
    BriefingData,
    MeetingPack,
    PrintOptions,
    find_meeting,
    gather,
    gather_pack,
    pack_document,
    sheets_document,
)
from outreach.briefing import layout as sheet_layout
from outreach.briefing.data import InterventionLine
from outreach.cli.briefing_commands import register
from outreach.cli.main import cli
from outreach.domain.enums import CategoryKind
from outreach.domain.records import CategoryRecord
from outreach.services.interventions import InterventionService
from outreach.services.states import StateService
from outreach.setup import open_database
from outreach.storage.database import Database
from tests.conftest import copy_file
from tests.outreach.briefing.conftest import page_texts

register(cli)
AS_OF = date(2004, 11, 29)
MARKER = "…(continuedinOutreach)"  # as the pages read with the spaces taken out
LONG = 100_000  # more than any form accepts: the printing must hold anyway
CONTACT_GROUP = "Universalization Contact Group"


def compact(pdf: bytes | Path) -> str:
    """The pages' text without any whitespace: a long word is broken over lines."""
    return "".join("".join(text.split()) for text in page_texts(pdf))


def long_text(tag: str, shape: str, length: int = LONG) -> str:
    """`length` characters starting "BEGIN<tag>" and ending "<tag>END": words, or one
    word with no space to break at (a pasted URL)."""
    if shape == "words":
        body = ("Landmine clearance and victim assistance " * (length // 41 + 1))[:length]
        return f"BEGIN{tag} {body} {tag}END"
    return f"BEGIN{tag}https://example.org/{'x' * length}{tag}END"


def assert_printed(pdf: bytes | Path, tag: str, *, whole: bool) -> None:
    """The text's beginning prints; its end too when `whole`, else the cut's marker."""
    text = compact(pdf)
    assert f"BEGIN{tag}" in text
    if whole:
        assert f"{tag}END" in text
        assert MARKER not in text
    else:
        assert MARKER in text
        assert f"{tag}END" not in text


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(copy_file(demo_template, tmp_path_factory.mktemp("long") / "demo.db"))
    yield database
    database.close()


@pytest.fixture(scope="module")
def cambodia(demo: Database) -> BriefingData:
    """Cambodia's sheet: it has facts, a log, an open démarche, a contact, obligations."""
    return gather(demo, ["KHM"], as_of=AS_OF)[0]


@pytest.fixture(scope="module")
def small_pack(demo: Database) -> MeetingPack:
    """The Nairobi pack with one sheet, to print fast."""
    pack = gather_pack(demo, find_meeting(demo, "nairobi"))
    group = pack.groups[0]
    return replace(pack, groups=(replace(group, sheets=group.sheets[:1]),))


@pytest.fixture
def short_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut at about a page and a half rather than ten: the same splitting and cutting,
    laid out in a fraction of the time."""
    monkeypatch.setattr(sheet_layout, "MAX_TEXT_HEIGHT", 1_000.0)


Change = Callable[[BriefingData, str], BriefingData]


def with_status_source(data: BriefingData, source: str) -> BriefingData:
    assert data.participation is not None
    return replace(data, participation=replace(data.participation, source=source))


CATEGORY = CategoryRecord(1, "donors", "Donors", "", "#1f3a5f", CategoryKind.MANUAL, "")

SHEET_FIELDS: dict[str, Change] = {
    "state's talking points": lambda d, v: replace(d, state=replace(d.state, talking_points=v)),
    "fact's detail": lambda d, v: replace(d, facts=(replace(d.facts[0], detail=v),)),
    "fact's source": lambda d, v: replace(d, facts=(replace(d.facts[0], source=v),)),
    "log summary": lambda d, v: replace(d, log=(replace(d.log[0], summary=v),)),
    "log's people": lambda d, v: replace(d, log=(replace(d.log[0], people=(v,)),)),
    "démarche title": lambda d, v: replace(
        d, open_demarches=(replace(d.open_demarches[0], title=v),)
    ),
    "contact name": lambda d, v: replace(
        d,
        contacts=(replace(d.contacts[0], contact=replace(d.contacts[0].contact, family_name=v)),),
    ),
    "contact position": lambda d, v: replace(
        d,
        contacts=(replace(d.contacts[0], contact=replace(d.contacts[0].contact, position=v)),),
    ),
    "organization": lambda d, v: replace(d, contacts=(replace(d.contacts[0], organization=v),)),
    "status source": lambda d, v: with_status_source(d, v),
    "obligation": lambda d, v: replace(d, obligations=(replace(d.obligations[0], description=v),)),
    "category reason": lambda d, v: replace(d, categories=((CATEGORY, v),)),
}

LINE = InterventionLine("statement", "Statement", "planned", "Lead", None, None, "", ())
PACK_FIELDS: dict[str, Callable[[MeetingPack, str], MeetingPack]] = {
    "intervention talking points": lambda p, v: replace(
        p, interventions=(replace(LINE, talking_points=v),)
    ),
    "intervention title": lambda p, v: replace(p, interventions=(replace(LINE, title=v),)),
    "intervention targets": lambda p, v: replace(p, interventions=(replace(LINE, targets=(v,)),)),
    "lead officer": lambda p, v: replace(p, interventions=(replace(LINE, lead_officer=v),)),
    "meeting city": lambda p, v: replace(p, meeting=replace(p.meeting, city=v)),
    "forum name": lambda p, v: replace(p, forum=replace(p.forum, name=v)),
}


@pytest.mark.usefixtures("short_budget")
@pytest.mark.parametrize("shape", ["words", "one word"])
@pytest.mark.parametrize("field", list(SHEET_FIELDS))
def test_a_sheet_prints_any_length_of_text(cambodia: BriefingData, field: str, shape: str) -> None:
    data = SHEET_FIELDS[field](cambodia, long_text("Q", shape))
    pdf, pages = sheets_document([data], PrintOptions())
    assert len(PdfReader(io.BytesIO(pdf)).pages) == pages > 1
    assert_printed(pdf, "Q", whole=False)
    assert "Cambodia" in page_texts(pdf)[0]


@pytest.mark.usefixtures("short_budget")
@pytest.mark.parametrize("shape", ["words", "one word"])
@pytest.mark.parametrize("field", list(PACK_FIELDS))
def test_a_pack_prints_any_length_of_text(small_pack: MeetingPack, field: str, shape: str) -> None:
    pdf, pages = pack_document(
        PACK_FIELDS[field](small_pack, long_text("Q", shape)), PrintOptions()
    )
    assert len(PdfReader(io.BytesIO(pdf)).pages) == pages
    assert_printed(pdf, "Q", whole=False)


def test_only_absurd_lengths_are_cut(cambodia: BriefingData, small_pack: MeetingPack) -> None:
    """With the real budget: talking points of 20,000 characters (the most the form
    takes) print whole, under their heading on the sheet's first page, and so do names
    of a few hundred characters; 100,000 characters are cut after some ten pages."""
    name = long_text("N", "words", 280)
    contact = SHEET_FIELDS["contact name"](cambodia, name)
    assert_printed(sheets_document([contact], PrintOptions())[0], "N", whole=True)
    intervention = PACK_FIELDS["intervention title"](small_pack, name)
    assert_printed(pack_document(intervention, PrintOptions())[0], "N", whole=True)
    talking_points = SHEET_FIELDS["state's talking points"]
    most = talking_points(cambodia, long_text("T", "words", 20_000))
    pdf, pages = sheets_document([most], PrintOptions())
    assert_printed(pdf, "T", whole=True)
    assert "BEGINT" in "".join(page_texts(pdf)[0].split())
    assert pages <= 5
    absurd = talking_points(cambodia, long_text("T", "words"))
    pdf, pages = sheets_document([absurd], PrintOptions())
    assert_printed(pdf, "T", whole=False)
    assert 8 <= pages <= 13


def test_the_commands_print_long_talking_points(demo_db_path: Path, tmp_path: Path) -> None:
    """The issue's cases, through the services and the command line: talking points of
    9,000 characters on Cambodia, an intervention planned with 4,350, and a URL of 5,000
    characters in each. (The pack is the contact group's, of no sheet: Nairobi's, of 156
    sheets, fails and prints the same way, only slower.)"""
    path = demo_db_path
    database = open_database(path)
    try:
        state_points = long_text("S", "words", 9_000) + "\n" + long_text("U", "one word", 5_000)
        StateService(database).update_profile("KHM", talking_points=state_points)
        meeting = find_meeting(database, CONTACT_GROUP)
        plan_points = long_text("P", "words", 4_350) + "\n" + long_text("V", "one word", 5_000)
        InterventionService(database).plan(
            meeting.id, "statement", "Long statement", talking_points=plan_points
        )
    finally:
        database.close()
    runner = CliRunner()
    sheet, pack = tmp_path / "k.pdf", tmp_path / "p.pdf"
    result = runner.invoke(cli, ["--db", str(path), "brief", "KHM", "-o", str(sheet)])
    assert result.exit_code == 0, result.output
    for tag in "SU":
        assert_printed(sheet, tag, whole=True)
    result = runner.invoke(cli, ["--db", str(path), "pack", CONTACT_GROUP, "-o", str(pack)])
    assert result.exit_code == 0, result.output
    for tag in "PV":
        assert_printed(pack, tag, whole=True)
