"""The world map's shapes and colours, and the map drawn for the printed pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader
from reportlab.graphics import renderPDF

from outreach.charts.world import (
    ASIDE_FILL,
    STATUS_FILL,
    category_map,
    room_map,
    status_map,
    world_shapes,
)
from outreach.charts.world_drawing import world_drawing
from outreach.domain.enums import TreatyStatus
from outreach.domain.records import StateStanding
from outreach.reference.countries import all_states
from outreach.services.dashboard import DashboardService
from outreach.storage.database import Database

#: the island states of the Pacific and the Caribbean too small to see on a world map
SMALL_ISLAND_STATES = (
    "TUV", "NRU", "MHL", "KIR", "PLW", "FSM", "TON", "WSM", "COK", "NIU",
    "KNA", "ATG", "DMA", "LCA", "VCT", "GRD", "BRB",
)  # fmt: skip


def standing(iso3: str, status: TreatyStatus, *categories: str) -> StateStanding:
    return StateStanding(0, iso3, iso3.title(), status, frozenset(categories))


def test_every_state_the_app_knows_is_on_the_map_and_small_ones_have_a_dot() -> None:
    shapes = world_shapes()
    assert {state.iso3 for state in all_states()} <= set(shapes.states)
    for iso3, shape in shapes.states.items():
        assert shape.rings or shape.marker, iso3
        for ring in shape.rings:
            assert all(0 <= x <= shapes.width for x in ring[0::2]), iso3
            assert all(0 <= y <= shapes.height for y in ring[1::2]), iso3
    for iso3 in SMALL_ISLAND_STATES:
        assert shapes.states[iso3].marker is not None, iso3
    for iso3 in ("CAN", "BRA", "KHM", "FRA"):  # big enough to click
        assert shapes.states[iso3].marker is None, iso3


def test_the_status_map_colours_each_state_and_counts_each_status() -> None:
    world = status_map(
        [
            standing("KHM", TreatyStatus.PARTY),
            standing("CAN", TreatyStatus.PARTY),
            standing("USA", TreatyStatus.OUTSIDE),
            standing("POL", TreatyStatus.SIGNATORY),
        ]
    )
    assert world.states["KHM"].colour == STATUS_FILL[TreatyStatus.PARTY]
    assert world.states["USA"].says == "Usa: Outside"
    counts = {key.key: key.count for key in world.legend}
    assert counts == {"party": 2, "pending": 0, "signatory": 1, "outside": 1}  # no withdrawal


def test_a_rooms_map_colours_its_states_and_sets_the_others_aside() -> None:
    world = room_map([standing("KHM", TreatyStatus.PARTY), standing("ETH", TreatyStatus.PENDING)])
    assert world.states["KHM"].marked and world.states["KHM"].says == "Khm: Party"
    assert "USA" not in world.states  # drawn in grey
    assert [(key.label, key.count) for key in world.legend if key.count] == [
        ("Party", 1),
        ("Pending", 1),
        ("Not in the room", len(world_shapes().states) - 2),
    ]


def test_the_category_map_shows_its_members_in_its_colour() -> None:
    world = category_map(
        [standing("CHN", TreatyStatus.OUTSIDE, "steadfast"), standing("KHM", TreatyStatus.PARTY)],
        "steadfast",
        "Steadfast producers and users",
        "#795548",
    )
    assert world.states["CHN"].colour == "#795548"
    assert world.states["KHM"].colour == ASIDE_FILL
    assert world.states["CHN"].says == "Chn: Outside · in Steadfast producers and users"
    assert [(key.label, key.count) for key in world.legend] == [
        ("Steadfast producers and users", 1),
        ("Other states", 1),
    ]


def test_the_printed_map_draws_every_state_and_its_legend(tmp_path: Path) -> None:
    world = status_map(
        [standing("KHM", TreatyStatus.PARTY), standing("USA", TreatyStatus.OUTSIDE)],
        title="APMBC on 2004-11-25",
        language="fr",
    )
    pdf = tmp_path / "map.pdf"
    renderPDF.drawToFile(world_drawing(world, 480, language="fr"), str(pdf))
    text = PdfReader(pdf).pages[0].extract_text()
    assert "APMBC on 2004-11-25" in text
    assert "Partie : 1" in text and "Hors traité : 1" in text
    assert world_drawing(world, 480).width == 480


def test_the_standings_give_each_state_its_status_and_categories_on_a_day(
    demo_db: Database,
) -> None:
    dashboard = DashboardService(demo_db)
    before = {s.iso3: s for s in dashboard.standings("APMBC", date(2003, 1, 1))}
    after = {s.iso3: s for s in dashboard.standings("APMBC", date(2005, 6, 1))}
    assert before["ETH"].status == TreatyStatus.SIGNATORY
    assert after["ETH"].status == TreatyStatus.PARTY
    assert "steadfast-producers-users" in after["CHN"].categories
    assert after["KHM"].name == "Cambodia"
    assert dashboard.standings("APMBC", date(2005, 6, 1), "fr")[0].name.startswith("A")
