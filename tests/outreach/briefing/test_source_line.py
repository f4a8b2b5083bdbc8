"""The sheet's source line: the citations as typed (only an absurd length is cut, as
any text on the sheet), and the doubt, where sources differ, always whole after them."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.pagesizes import A4

from outreach.briefing.labels import Words
from outreach.briefing.sheet import source_line
from outreach.reference.sources import SOURCES_DIFFER

WIDTH = A4[0] - 2 * 56  # about the sheet's text width
DOUBT = "ratification 18 or 28 Jul 1999"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_absurdly_long_citation_is_cut_and_the_doubt_is_kept(language: str) -> None:
    citations = "; ".join(f"Landmine Monitor {year} country profile" for year in range(9999))
    line = source_line(Words(language), citations + SOURCES_DIFFER + DOUBT, None, WIDTH)
    assert line.endswith(DOUBT)
    assert Words(language)("… (continued in Outreach)") in line


def test_a_usual_source_is_whole_with_its_doubt() -> None:
    source = "Landmine Monitor 2022; Monitor profiles 2011-2013" + SOURCES_DIFFER + DOUBT
    line = source_line(Words("en"), source, date(2006, 4, 24), WIDTH)
    assert line == (
        "Source: Landmine Monitor 2022; Monitor profiles 2011-2013; as of 2006-04-24"
        " — sources differ: ratification 18 or 28 Jul 1999"
    )
