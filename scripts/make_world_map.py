"""Write the world map's shapes, resources/map/world.json, from Natural Earth's admin-0
countries at 1:10m (public domain; https://www.naturalearthdata.com/).

    pip install pyshp shapely
    python scripts/make_world_map.py PATH/TO/ne_10m_admin_0_countries[_deu].shp

Each state is projected once here (Equal Earth, Antarctica left out), simplified to what
a map a page wide can show, and written as rings of points on a 1000-wide frame, y down,
in tenths (integers keep the file small). A state too small to see or to click at that
size gets a marker too, at Natural Earth's label point. Territories that are not states
the app knows (dependencies, Taiwan, Western Sahara) are kept as shapes of no state,
drawn in grey. The app reads the file with `outreach.charts.world.world_shapes`.

The shipped file was made from the German point-of-view edition (`_deu`, 5.1.1), whose
borders follow a UN member's official view; any edition's ADM0_A3 codes work.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

import shapefile  # pyshp
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from outreach.reference.countries import all_states

OUT = Path(__file__).resolve().parent.parent / "resources" / "map" / "world.json"
WIDTH = 1000.0
#: the latitudes kept: Antarctica and the far north are left out
SOUTH, NORTH = -58.0, 84.0
#: how far a simplified outline may stray, and the smallest island kept, in map units
TOLERANCE = 0.3
SMALLEST_PART = 0.4
#: a state smaller than this across, or in area (map units; one is about 1,300 km²),
#: gets a marker: Luxembourg, the island states of the Pacific and the Caribbean
MARKED_BELOW = 5.0
MARKED_AREA = 6.0
#: Natural Earth's codes that are not the ISO codes the app uses; parts it maps apart
#: (Somaliland, Northern Cyprus, the UN buffer zones, Baikonur) go with their state
CODES = {
    "KOS": "XKX",
    "SDS": "SSD",
    "PSX": "PSE",
    "SOL": "SOM",
    "CYN": "CYP",
    "CNM": "CYP",
    "KAB": "KAZ",
}

# Equal Earth (Šavrič, Patterson and Jenny, 2018)
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX = 2.7066297319 * 1.0  # x at the equator's ends (λ = ±π)


def _project(lon: float, lat: float) -> tuple[float, float]:
    theta = math.asin(M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2 * math.sqrt(3) * math.radians(lon) * math.cos(theta)
        / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    )  # fmt: skip
    y = A4 * theta * t6 * t2 + A3 * theta * t6 + A2 * theta * t2 + A1 * theta
    return x, y


SCALE = WIDTH / (2 * X_MAX)
TOP = _project(0, NORTH)[1]
BOTTOM = _project(0, SOUTH)[1]
HEIGHT = round((TOP - BOTTOM) * SCALE, 1)


def _to_map(lon: float, lat: float) -> tuple[float, float]:
    lat = max(SOUTH, min(NORTH, lat))
    x, y = _project(lon, lat)
    return (x + X_MAX) * SCALE, (TOP - y) * SCALE


def _projected(geometry: Polygon | MultiPolygon) -> MultiPolygon:
    parts = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    polygons = []
    for part in parts:
        if part.bounds[3] < SOUTH:  # Antarctic islands
            continue
        shell = [_to_map(x, y) for x, y in part.exterior.coords]
        holes = [[_to_map(x, y) for x, y in ring.coords] for ring in part.interiors]
        polygon = Polygon(shell, holes).buffer(0)
        if not polygon.is_empty:
            polygons.append(polygon)
    merged = unary_union(polygons) if polygons else MultiPolygon()
    return merged if isinstance(merged, MultiPolygon) else MultiPolygon([merged])


def _simplified(geometry: MultiPolygon) -> list[Polygon]:
    """The parts worth drawing, simplified; the largest is always kept."""
    parts = sorted(geometry.geoms, key=lambda p: p.area, reverse=True)
    kept = []
    for index, part in enumerate(parts):
        if index and part.area < SMALLEST_PART:
            continue
        simple = part.simplify(TOLERANCE, preserve_topology=True)
        if simple.is_empty or len(simple.exterior.coords) < 4:
            simple = part
        kept.append(simple)
    return kept


def _ring(coords: Any) -> list[int]:
    flat: list[int] = []
    for x, y in list(coords)[:-1]:  # the closing point repeats the first
        flat += [round(x * 10), round(y * 10)]
    return flat


def _rings(parts: list[Polygon]) -> list[list[int]]:
    rings = []
    for part in parts:
        rings.append(_ring(part.exterior.coords))
        rings.extend(_ring(hole.coords) for hole in part.interiors)
    return [ring for ring in rings if len(ring) >= 6]


def main(source: str) -> None:
    ours = {state.iso3 for state in all_states()}
    reader = shapefile.Reader(source)
    states: dict[str, list[Any]] = {}
    labels: dict[str, tuple[float, float]] = {}
    others: list[Any] = []
    for record in reader.iterShapeRecords():
        fields = record.record.as_dict()
        code = CODES.get(fields["ADM0_A3"], fields["ADM0_A3"])
        if code == "ATA":
            continue
        geometry = _projected(shape(record.shape.__geo_interface__))
        if geometry.is_empty:
            continue
        if code in ours:
            states.setdefault(code, []).append(geometry)
            if code == fields["ADM0_A3"] or code not in labels:
                labels[code] = _to_map(fields["LABEL_X"], fields["LABEL_Y"])
        else:
            others.append(geometry)
    shapes: dict[str, dict[str, Any]] = {}
    for code in sorted(states):
        merged = unary_union(states[code])
        merged = merged if isinstance(merged, MultiPolygon) else MultiPolygon([merged])
        minx, miny, maxx, maxy = merged.bounds
        small = max(maxx - minx, maxy - miny) < MARKED_BELOW or merged.area < MARKED_AREA
        x, y = labels[code]
        shapes[code] = {
            "rings": _rings(_simplified(merged)),
            "marker": [round(x * 10), round(y * 10)] if small else None,
        }
    other_rings: list[list[int]] = []
    for geometry in others:
        other_rings.extend(_rings([p for p in _simplified(geometry) if p.area >= SMALLEST_PART]))
    missing = sorted(ours - set(shapes))
    if missing:
        raise SystemExit(f"no shape for {', '.join(missing)}")
    document = {
        "source": "Natural Earth, admin-0 countries 1:10m (public domain), "
        "Equal Earth projection, simplified; coordinates in tenths of a map unit",
        "width": WIDTH,
        "height": HEIGHT,
        "states": shapes,
        "others": other_rings,
    }
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
    points = sum(len(r) // 2 for s in shapes.values() for r in s["rings"])
    marked = sorted(c for c, s in shapes.items() if s["marker"])
    print(f"{OUT}: {len(shapes)} states, {points} points, {OUT.stat().st_size} bytes")
    print(f"markers ({len(marked)}): {' '.join(marked)}")


if __name__ == "__main__":
    main(sys.argv[1])
