"""The campaign on a world map: each state shaded by its treaty status, or by whether it
is in a priority category, with a legend that counts them.

The shapes are Natural Earth's (public domain), projected and simplified once by
scripts/make_world_map.py into resources/map/world.json. A `WorldMap` says what each
state looks like and says; `outreach.charts.world_drawing` draws it with reportlab for
the printed pages, and the desktop draws the same shapes and colours itself (without
reportlab) so that each state can be hovered and clicked.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from outreach.domain import vocabulary
from outreach.domain.enums import TreatyStatus
from outreach.domain.records import StateStanding
from outreach.i18n import current_language, words

#: the fill of each treaty status: blues for the states in, warm colours for the states
#: still to bring in, told apart by lightness too (for colour-blind readers and grey print)
STATUS_FILL: Mapping[TreatyStatus, str] = {
    TreatyStatus.PARTY: "#3a7dbf",
    TreatyStatus.PENDING: "#a9cfee",
    TreatyStatus.SIGNATORY: "#f2b25c",
    TreatyStatus.OUTSIDE: "#c0392b",
    TreatyStatus.WITHDRAWN: "#5e3c99",
}
#: states the map is not about (not in the room, not in the category)
ASIDE_FILL = "#d9d9d9"
#: land that is no state the app knows (dependencies, disputed land)
TERRITORY_FILL = "#ececec"
SEA_FILL = "#f4f8fb"
BORDER = "#ffffff"
MARKER_EDGE = "#37474f"
#: a small state's marker, in map units (the map is 1000 wide)
MARKER_RADIUS = 3.2

#: a legend key's name for the states a map sets aside (no category's slug has brackets)
ASIDE = "(aside)"

Ring = tuple[float, ...]  # x0, y0, x1, y1, … in map units, y down


@dataclass(frozen=True, slots=True)
class StateShape:
    iso3: str
    #: outlines and holes, filled even-odd (Lesotho is a hole in South Africa)
    rings: tuple[Ring, ...]
    #: where a state too small to see gets a dot, else None
    marker: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class WorldShapes:
    width: float
    height: float
    states: Mapping[str, StateShape]
    #: land of no state the app knows
    territories: tuple[Ring, ...]


@cache
def world_shapes() -> WorldShapes:
    """The shipped shapes (resources/map/world.json), read once."""
    path = resources.files("resources").joinpath("map", "world.json")
    document = json.loads(path.read_text(encoding="utf-8"))

    def ring(flat: list[int]) -> Ring:
        return tuple(value / 10 for value in flat)

    states = {
        iso3: StateShape(
            iso3,
            tuple(ring(r) for r in shape["rings"]),
            (shape["marker"][0] / 10, shape["marker"][1] / 10) if shape["marker"] else None,
        )
        for iso3, shape in document["states"].items()
    }
    return WorldShapes(
        float(document["width"]),
        float(document["height"]),
        states,
        tuple(ring(r) for r in document["others"]),
    )


@dataclass(frozen=True, slots=True)
class LegendKey:
    key: str  # a TreatyStatus value, a category's slug, or ASIDE
    label: str
    colour: str
    count: int


@dataclass(frozen=True, slots=True)
class MapState:
    state_id: int
    iso3: str
    key: str  # its legend key
    colour: str
    #: what hovering says: its name, status and (on a category's map) whether it is in
    says: str
    #: drawn stronger: in the room, in the category
    marked: bool


@dataclass(frozen=True, slots=True)
class WorldMap:
    title: str
    states: Mapping[str, MapState]
    legend: tuple[LegendKey, ...]


def status_map(
    standings: Iterable[StateStanding], *, title: str = "", language: str | None = None
) -> WorldMap:
    """Each state in the colour of its status."""
    language = language or current_language()
    states = _by_status(standings, language, marked=False)
    return WorldMap(title, states, tuple(_status_keys(states.values(), language)))


def room_map(
    room: Iterable[StateStanding], *, title: str = "", language: str | None = None
) -> WorldMap:
    """The states in a meeting's room in the colour of their status; every other state
    of the map set aside in grey, and counted so."""
    language = language or current_language()
    _ = words(language).gettext
    states = _by_status(room, language, marked=True)
    aside = len(world_shapes().states.keys() - states.keys())
    legend = [
        *_status_keys(states.values(), language),
        LegendKey(ASIDE, _("Not in the room"), ASIDE_FILL, aside),
    ]
    return WorldMap(title, states, tuple(legend))


def _by_status(
    standings: Iterable[StateStanding], language: str, *, marked: bool
) -> dict[str, MapState]:
    return {
        standing.iso3: MapState(
            standing.state_id,
            standing.iso3,
            standing.status.value,
            STATUS_FILL[standing.status],
            _says(standing, language),
            marked=marked,
        )
        for standing in standings
    }


def _says(standing: StateStanding, language: str) -> str:
    _ = words(language).gettext
    return _("{state}: {status}").format(
        state=standing.name, status=vocabulary.label(standing.status, language)
    )


def _status_keys(states: Iterable[MapState], language: str) -> list[LegendKey]:
    """A key per status with its count; "withdrawn" only once a state has withdrawn."""
    counts = Counter(state.key for state in states)
    return [
        LegendKey(status.value, vocabulary.label(status, language), STATUS_FILL[status], count)
        for status in TreatyStatus
        if (count := counts[status.value]) or status != TreatyStatus.WITHDRAWN
    ]


def category_map(
    standings: Iterable[StateStanding],
    slug: str,
    name: str,
    colour: str,
    *,
    title: str = "",
    language: str | None = None,
) -> WorldMap:
    """The states of one priority category in its colour, the rest in grey."""
    language = language or current_language()
    _ = words(language).gettext
    states: dict[str, MapState] = {}
    for standing in standings:
        inside = slug in standing.categories
        says = (
            _says(standing, language)
            + " · "
            + (_("in {category}") if inside else _("not in {category}")).format(category=name)
        )
        states[standing.iso3] = MapState(
            standing.state_id,
            standing.iso3,
            slug if inside else ASIDE,
            colour if inside else ASIDE_FILL,
            says,
            marked=inside,
        )
    members = sum(state.marked for state in states.values())
    legend = (
        LegendKey(slug, name, colour, members),
        LegendKey(ASIDE, _("Other states"), ASIDE_FILL, len(states) - members),
    )
    return WorldMap(title, states, legend)


def legend_line(key: LegendKey, language: str | None = None) -> str:
    """A legend key in words, with its count: "Party: 161"."""
    _ = words(language or current_language()).gettext
    return _("{key}: {count}").format(key=key.label, count=key.count)
