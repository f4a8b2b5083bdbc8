"""The States Parties curve against the campaign's target, labelled in English or French."""

from __future__ import annotations

from datetime import date

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from outreach.domain import vocabulary
from outreach.domain.enums import Counting
from outreach.i18n import current_language, words

CURVE_COLOUR = colors.HexColor("#1565c0")
TARGET_COLOUR = colors.HexColor("#c62828")


def _year(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def _steps(curve: list[tuple[date, int]]) -> list[tuple[float, float]]:
    """A step line: the count holds until the next change."""
    points: list[tuple[float, float]] = []
    previous = 0
    for day, count in curve:
        x = _year(day)
        points.append((x, float(previous)))
        points.append((x, float(count)))
        previous = count
    return points


def parties_chart(
    curve: list[tuple[date, int]],
    target: int | None,
    *,
    counting: Counting = Counting.IN_FORCE,
    target_counting: Counting | None = None,
    width: float = 520,
    height: float = 220,
    title: str | None = None,
    language: str | None = None,
    fonts: tuple[str, str] = ("Helvetica", "Helvetica-Bold"),
) -> Drawing:
    """A line of States Parties over time, counted `counting` (it says which), and the
    target as a dashed line saying how it was counted (`target_counting`, when known);
    its words in `language` (the app's by default), `title` as given or "States
    Parties", in `fonts` (regular, bold: a printed page passes its own)."""
    regular, bold = fonts
    language = language or current_language()
    _ = words(language).gettext
    drawing = Drawing(width, height)
    drawing.initialFontName = regular  # not the renderer's Helvetica: one font per page
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None))
    plot = LinePlot()
    plot.x, plot.y = 45, 30
    plot.width, plot.height = width - 65, height - 60
    points = _steps(curve) or [(_year(date.today()), 0.0)]
    plot.data = [points]
    plot.lines[0].strokeColor = CURVE_COLOUR
    plot.lines[0].strokeWidth = 1.6
    top = max([count for _day, count in curve] + [target or 0, 10])
    plot.yValueAxis.valueMin = 0
    plot.yValueAxis.valueMax = top * 1.1
    plot.xValueAxis.valueMin = points[0][0]
    plot.xValueAxis.valueMax = points[-1][0]
    plot.xValueAxis.labelTextFormat = "%d"
    plot.xValueAxis.labels.fontName = plot.yValueAxis.labels.fontName = regular
    plot.xValueAxis.labels.fontSize = plot.yValueAxis.labels.fontSize = 8
    plot.yValueAxis.labelTextFormat = "%d"
    drawing.add(plot)
    if target:
        y = plot.y + plot.height * target / plot.yValueAxis.valueMax
        drawing.add(
            Line(plot.x, y, plot.x + plot.width, y, strokeColor=TARGET_COLOUR,
                 strokeDashArray=[4, 3], strokeWidth=1)
        )  # fmt: skip
        label = _("target {count}").format(count=target)
        if target_counting is not None:
            label += f" ({vocabulary.label(target_counting, language)})"
        drawing.add(
            String(plot.x + plot.width - 2, y + 3, label, fontName=regular, fontSize=8,
                   fillColor=TARGET_COLOUR, textAnchor="end")
        )  # fmt: skip
    latest = curve[-1][1] if curve else 0
    named = title or _("States Parties")
    counted = f"{named} ({vocabulary.label(counting, language)})"
    heading = _("{title}: {count}").format(title=counted, count=latest)
    drawing.add(String(plot.x, height - 16, heading, fontName=bold, fontSize=10))
    return drawing


def to_svg(drawing: Drawing) -> bytes:
    text: str = renderSVG.drawToString(drawing)
    # reportlab writes "fill: None" for unfilled lines; SVG readers that follow the CSS
    # rules (QtSvg among them) do not know "None" and fill the shape black.
    return text.replace("fill: None", "fill: none").encode("utf-8")
