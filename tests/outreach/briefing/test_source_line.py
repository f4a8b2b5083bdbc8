"""The sheet's source line: however long the citations, one line of print, and the doubt
(where sources differ) always whole."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph

from outreach.briefing.labels import Words
from outreach.briefing.layout import styles
from outreach.briefing.sheet import source_line
from outreach.reference.sources import SOURCES_DIFFER

WIDTH = A4[0] - 2 * 56  # about the sheet's text width
CITATIONS = "; ".join(f"Landmine Monitor {year} country profile" for year in range(1999, 2026))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_long_citations_are_cut_and_the_doubt_is_kept_on_one_line(language: str) -> None:
    source = CITATIONS + SOURCES_DIFFER + "ratification 18 or 28 Jul 1999"
    line = source_line(Words(language), source, date(2006, 4, 24), WIDTH)
    assert line.endswith("18 or 28 Jul 1999")  # the doubt, whole
    assert "Landmine" in line and "Landmine Monitor 2025" not in line  # the citations, cut
    assert Words(language)("… (continued in Outreach)") in line
    _width, height = Paragraph(line, styles().small).wrap(WIDTH, 1000)
    assert height == styles().small.leading  # one line of print


def test_a_short_source_is_whole_and_without_a_doubt() -> None:
    line = source_line(Words("en"), "ISU membership page", date(2020, 1, 1), WIDTH)
    assert line == "Source: ISU membership page; as of 2020-01-01"
