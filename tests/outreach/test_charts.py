"""The States Parties chart."""

from __future__ import annotations

from datetime import date

from outreach.charts.parties import parties_chart, to_svg
from outreach.domain.enums import Counting


def test_the_chart_says_the_latest_count_and_draws_the_target() -> None:
    svg = to_svg(parties_chart([(date(1999, 3, 1), 58), (date(2004, 12, 3), 143)], 145)).decode()
    assert "States Parties (in force): 143" in svg
    assert "target 145" in svg


def test_the_chart_says_how_its_curve_and_the_target_are_counted() -> None:
    curve = [(date(1999, 3, 1), 65), (date(2004, 12, 3), 144)]
    drawing = parties_chart(curve, 145, counting=Counting.DEPOSIT, target_counting=Counting.DEPOSIT)
    svg = to_svg(drawing).decode()
    assert "States Parties (by deposit): 144" in svg
    assert "target 145 (by deposit)" in svg


def test_lines_are_not_filled_in_the_svg() -> None:
    svg = to_svg(parties_chart([(date(1999, 3, 1), 58), (date(2004, 12, 3), 143)], 145)).decode()
    assert "fill: None" not in svg
    assert "fill: none" in svg


def test_the_chart_speaks_the_language_asked_for() -> None:
    curve = [(date(1999, 3, 1), 58), (date(2004, 12, 3), 143)]
    svg = to_svg(parties_chart(curve, 145, language="fr")).decode()
    assert "États parties (en vigueur) : 143" in svg
    assert "cible 145" in svg
