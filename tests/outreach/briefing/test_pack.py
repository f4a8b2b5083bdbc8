"""Meeting packs: cover, contents, outline, one sheet per state in the room grouped by
priority category, the planned interventions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from outreach.briefing import (
    Marking,
    PrintOptions,
    find_meeting,
    gather_pack,
    pack_document,
    print_meeting,
)
from outreach.briefing.data import OTHER_GROUP, MeetingPack
from outreach.charts.world import world_shapes
from outreach.demo import content
from outreach.errors import CancelledError, NotFoundError, ValidationError
from outreach.services.forums import ForumService
from outreach.services.interventions import InterventionService
from outreach.setup import open_database
from outreach.storage.database import Database
from tests.conftest import copy_file

from .conftest import assert_no_leak, metadata, outline, page_texts, words

OPTIONS = PrintOptions(marking=Marking.PROTECTED_B, officer="Officer Example")


@dataclass(frozen=True)
class Printed:
    pack: MeetingPack
    content: bytes
    pages: int
    texts: list[str]
    outline: list[tuple[int, str, int]]


@pytest.fixture(scope="module")
def nairobi(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Printed]:
    """The Nairobi pack of the demo, with an observer announced and two interventions;
    built once for the module's tests, which only read it."""
    path = copy_file(demo_template, tmp_path_factory.mktemp("nairobi") / "demo.db")
    db = open_database(path, actor="test-officer", create=True)
    try:
        meeting = find_meeting(db, "nairobi")
        ForumService(db).add_attendee(meeting.id, "USA")  # an observer, outside the treaty
        interventions = InterventionService(db)
        interventions.plan(
            meeting.id,
            "bilateral",
            "Bilateral with the United States delegation",
            targets=["USA"],
            lead_officer="Officer Example",
            talking_points="Ask about the landmine policy review.",
            starts_at=datetime(2004, 11, 30, 10, 0),
            ends_at=datetime(2004, 11, 30, 10, 30),
        )
        interventions.plan(meeting.id, "statement", "Universalization statement")
        pack = gather_pack(db, find_meeting(db, meeting.id), officer=OPTIONS.officer)
        content, pages = pack_document(pack, OPTIONS)
        yield Printed(pack, content, pages, page_texts(content), outline(content))
    finally:
        db.close()


def test_the_cover_names_the_meeting_and_the_marking(nairobi: Printed) -> None:
    cover = words(nairobi.texts[:1])
    assert "First Review Conference (Nairobi Summit on a Mine-Free World)" in cover
    assert "2004-11-29 to 2004-12-03" in cover
    assert "Nairobi" in cover
    assert "Review Conference (APMBC)" in cover
    assert cover.count("PROTECTED B") >= 3  # top, bottom and the cover's own box
    assert "Officer Example" in cover


def test_every_page_has_the_marking_and_its_number(nairobi: Printed) -> None:
    assert len(nairobi.texts) == nairobi.pages
    for number, text in enumerate(nairobi.texts, start=1):
        assert text.count("PROTECTED B") >= 2, number
        assert f"page {number} of {nairobi.pages}" in text, number


def test_the_outline_lists_every_state_under_its_group(nairobi: Printed) -> None:
    entries = nairobi.outline
    assert entries[0] == (0, "Cover", 1)
    assert entries[1][:2] == (0, "Contents")
    states = [(title, page) for depth, title, page in entries if depth == 1]
    expected = [f"{s.state.name} ({s.state.iso3})" for s in nairobi.pack.sheets]
    assert [title for title, _page in states] == expected
    assert len(expected) == len({s.state.id for s in nairobi.pack.sheets})  # each state once
    groups = [title for depth, title, _page in entries if depth == 0][2:]
    assert groups[-1] == "Planned interventions"
    assert [re.sub(r" \(\d+\)$", "", g) for g in groups[:-1]] == [
        group.title for group in nairobi.pack.groups
    ]
    # each bookmark opens the first page of its state's sheet
    for title, page in states:
        assert title in nairobi.texts[page - 1], title
        assert "sheet page 1 of" in nairobi.texts[page - 1]


def test_the_contents_give_the_pages_the_sheets_are_on(nairobi: Printed) -> None:
    pages_by_title = {title: page for _depth, title, page in nairobi.outline}
    contents_page = pages_by_title["Contents"]
    assert contents_page == 2  # right after the cover, though laid out last
    contents = "\n".join(text for text in nairobi.texts[1:] if text.lstrip().startswith("Contents"))
    listed = dict(re.findall(r"^(.+\([A-Z]{3}\))\n(\d+)$", contents, re.MULTILINE))
    assert len(listed) == len(nairobi.pack.sheets)
    for title, page in listed.items():
        assert int(page) == pages_by_title[title], title


def test_states_are_grouped_by_priority_category(nairobi: Printed) -> None:
    groups = {group.title: group for group in nairobi.pack.groups}
    assert list(groups)[-1] == OTHER_GROUP
    steadfast = groups["Steadfast producers and users"]
    observers = {"USA", *content.NAIROBI_OBSERVERS}  # the fixture's and the demo's
    steadfast_observers = observers & set(content.STEADFAST)
    shown = {sheet.state.iso3 for sheet in steadfast.sheets}
    assert "USA" in shown and shown <= steadfast_observers
    # a state in several categories is printed once, under the first of them
    categorized = {sheet.state.iso3 for group in nairobi.pack.groups[:-1] for sheet in group.sheets}
    assert steadfast_observers <= categorized
    acceders = [sheet.state.iso3 for sheet in groups["Likely acceders"].sheets]
    assert "TUR" in acceders  # a States Party by then, still in the category
    names = [sheet.state.name for sheet in groups[OTHER_GROUP].sheets]
    assert "Côte d'Ivoire" in names
    assert names == sorted(names, key=lambda n: n.replace("Côte", "Cote"))
    assert all(sheet.as_of == nairobi.pack.meeting.starts_on for sheet in nairobi.pack.sheets)


def test_the_planned_interventions_close_the_pack(nairobi: Printed) -> None:
    last = words(nairobi.texts[-1:])
    assert "Planned interventions" in last
    assert "Bilateral with the United States delegation" in last
    assert "With United States" in last
    assert "2004-11-30 10:00–10:30" in last
    assert "Universalization statement" in last
    assert "not scheduled" in last


def test_names_print_in_the_pack(nairobi: Printed) -> None:
    text = words(nairobi.texts)
    for name in ("Côte d'Ivoire", "Türkiye", "Олена Приклад"):
        assert name in text, name
    reader = PdfReader(__import__("io").BytesIO(nairobi.content))
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVuSans" in font for font in fonts), fonts


def test_pack_metadata(nairobi: Printed, demo_template: Path) -> None:
    meta = metadata(nairobi.content)
    assert meta["/Title"] == (
        "Meeting pack: First Review Conference (Nairobi Summit on a Mine-Free World)"
    )
    assert "PROTECTED B" in meta["/Subject"]
    assert meta["/Keywords"] == "PROTECTED B"
    assert_no_leak(nairobi.content, demo_template, texts=nairobi.texts)


# --- finding the meeting, writing the file ----------------------------------------------------


def test_meetings_by_id_or_unique_title(demo_db: Database) -> None:
    nairobi = find_meeting(demo_db, "NAIROBI")
    assert nairobi.city == "Nairobi"
    assert find_meeting(demo_db, str(nairobi.id)) == nairobi
    assert find_meeting(demo_db, nairobi.id) == nairobi
    with pytest.raises(ValidationError, match="matches 3 meetings"):
        find_meeting(demo_db, "review conference (ccm")  # the CCM's three sessions
    with pytest.raises(NotFoundError, match="Atlantis"):
        find_meeting(demo_db, "Atlantis")
    with pytest.raises(NotFoundError, match="9999"):
        find_meeting(demo_db, 9999)


def test_print_meeting_writes_the_file(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "out" / "ucg.pdf"
    out.parent.mkdir()
    seen: list[tuple[int, int]] = []
    printed = print_meeting(
        demo_db, "contact group", out, OPTIONS, progress=lambda d, t: seen.append((d, t))
    )
    assert printed.sheets == len(seen) - 1 == seen[-1][1]
    assert printed.pages == len(PdfReader(out).pages)
    assert seen[-1][0] == seen[-1][1]


def test_cancelling_a_pack_writes_nothing(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "out" / "pack.pdf"
    out.parent.mkdir()
    done: list[int] = []
    with pytest.raises(CancelledError):
        print_meeting(
            demo_db,
            "nairobi",
            out,
            OPTIONS,
            progress=lambda count, _total: done.append(count),
            cancelled=lambda: len(done) > 5,
        )
    assert max(done) < 10
    assert not list(out.parent.iterdir())


def test_the_cover_maps_the_room_by_status(nairobi: Printed) -> None:
    cover = words(nairobi.texts[:1])
    assert "The room: status on 2004-11-29" in cover
    sheets = nairobi.pack.sheets
    parties = sum(sheet.status == "party" for sheet in sheets)
    outside = sum(sheet.status == "outside" for sheet in sheets)
    assert f"Party: {parties}" in cover
    assert f"Outside: {outside}" in cover  # the United States, announced as an observer
    assert f"Not in the room: {len(world_shapes().states) - len(sheets)}" in cover
