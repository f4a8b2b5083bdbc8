"""The world map drawn with reportlab, for the printed pages (the status report, a
meeting pack's cover): the same shapes and colours the desktop shows."""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.graphics.shapes import Circle, Drawing, Path, Rect, String
from reportlab.lib import colors

from outreach.charts.world import (
    ASIDE_FILL,
    BORDER,
    MARKER_EDGE,
    MARKER_RADIUS,
    SEA_FILL,
    TERRITORY_FILL,
    MapState,
    Ring,
    StateShape,
    WorldMap,
    legend_line,
    world_shapes,
)

LEGEND_ROW = 14.0


def _path(rings: Iterable[Ring], scale: float, top: float, **style: object) -> Path:
    """The rings as one reportlab path filled even-odd; reportlab's y goes up."""
    path = Path(fillMode=0, **style)  # 0: FILL_EVEN_ODD
    for ring in rings:
        path.moveTo(ring[0] * scale, top - ring[1] * scale)
        for index in range(2, len(ring), 2):
            path.lineTo(ring[index] * scale, top - ring[index + 1] * scale)
        path.closePath()
    return path


def world_drawing(
    world: WorldMap,
    width: float,
    *,
    language: str | None = None,
    fonts: tuple[str, str] = ("Helvetica", "Helvetica-Bold"),
) -> Drawing:
    """The map `width` points wide, its title above and its legend below, in `fonts`
    (regular, bold: a printed page passes its own)."""
    regular, bold = fonts
    shapes = world_shapes()
    scale = width / shapes.width
    map_height = shapes.height * scale
    title_room = 16.0 if world.title else 0.0
    legend_rows = (len(world.legend) + 2) // 3
    height = title_room + map_height + 6 + legend_rows * LEGEND_ROW
    drawing = Drawing(width, height)
    drawing.initialFontName = regular  # not the renderer's Helvetica: one font per page
    top = height - title_room
    drawing.add(Rect(0, top - map_height, width, map_height, fillColor=colors.HexColor(SEA_FILL),
                     strokeColor=None))  # fmt: skip
    drawing.add(
        _path(shapes.territories, scale, top, fillColor=colors.HexColor(TERRITORY_FILL),
              strokeColor=None)
    )  # fmt: skip
    border = colors.HexColor(BORDER)
    marked: list[tuple[MapState, StateShape]] = []
    for iso3, shape in shapes.states.items():
        state = world.states.get(iso3)
        fill = colors.HexColor(state.colour if state else ASIDE_FILL)
        drawing.add(_path(shape.rings, scale, top, fillColor=fill, strokeColor=border,
                          strokeWidth=0.25))  # fmt: skip
        if shape.marker is not None and state is not None:
            marked.append((state, shape))
    edge = colors.HexColor(MARKER_EDGE)
    radius = max(MARKER_RADIUS * scale, 1.6)
    for state, shape in marked:  # on top, so no neighbour covers them
        assert shape.marker is not None
        x, y = shape.marker
        fill = colors.HexColor(state.colour)
        drawing.add(Circle(x * scale, top - y * scale, radius, fillColor=fill, strokeColor=edge,
                           strokeWidth=0.4))  # fmt: skip
    if world.title:
        drawing.add(String(0, height - 12, world.title, fontName=bold, fontSize=10))
    column = width / 3
    for index, key in enumerate(world.legend):
        x = (index % 3) * column
        y = top - map_height - 6 - (index // 3 + 1) * LEGEND_ROW + 4
        drawing.add(Rect(x, y, 9, 9, fillColor=colors.HexColor(key.colour), strokeColor=edge,
                         strokeWidth=0.3))  # fmt: skip
        drawing.add(String(x + 13, y + 1, legend_line(key, language), fontName=regular,
                           fontSize=8))  # fmt: skip
    return drawing
