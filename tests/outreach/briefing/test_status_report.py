"""The director's status report: the figures, the curve and the map, what moved in the
period, the démarches delivered, the follow-ups overdue and the meetings ahead."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach.briefing.document import report_document
from outreach.briefing.options import Marking, PrintOptions
from outreach.briefing.printing import print_report
from outreach.briefing.report_data import default_since, gather_report
from outreach.cli.main import cli
from outreach.domain.enums import TreatyStatus
from outreach.errors import ValidationError
from outreach.services.demarches import DemarcheService
from outreach.storage.database import Database

from .conftest import metadata, page_texts, words

AS_OF = date(2004, 11, 25)  # the week before the Nairobi Summit, in the demo
SINCE = date(2004, 1, 1)


def test_the_report_says_what_moved_in_the_period(demo_db: Database) -> None:
    report = gather_report(demo_db, as_of=AS_OF, since=SINCE)
    moves = {change.state: (change.before, change.after) for change in report.changes}
    assert moves["Greece"] == (TreatyStatus.PENDING, TreatyStatus.PARTY)
    assert moves["Papua New Guinea"] == (TreatyStatus.OUTSIDE, TreatyStatus.PENDING)
    assert "Cambodia" not in moves  # a State Party all along
    assert report.counts.in_force == sum(s.status == "party" for s in report.standings)
    acceders = next(line for line in report.categories if line.name == "Likely acceders")
    assert acceders.parties_now - acceders.parties_then == 7


def test_the_report_lists_the_demarches_delivered_and_the_overdue_follow_ups(
    demo_db: Database,
) -> None:
    report = gather_report(demo_db, as_of=AS_OF, since=SINCE)
    delivered = [(line.delivered_on, line.state) for line in report.delivered]
    assert delivered == sorted(delivered)  # by the day delivered
    assert all(SINCE <= day <= AS_OF for day, _state in delivered)
    assert "Cambodia" in {state for _day, state in delivered}
    assert report.overdue_count == len(report.overdue) > 0
    assert all(line.due_on < AS_OF for line in report.overdue)


def test_the_next_meetings_are_the_treatys_own(demo_db: Database) -> None:
    report = gather_report(demo_db, as_of=AS_OF, since=SINCE)
    titles = [plan.meeting.title for plan in report.meetings]
    assert titles[0].startswith("First Review Conference")
    assert all("CCM" not in plan.forum for plan in report.meetings)
    ccm = gather_report(demo_db, as_of=date(2010, 1, 1), treaty="CCM")
    assert ccm.meetings and all("CCM" in plan.forum for plan in ccm.meetings)


def test_a_report_leaves_out_another_treatys_demarches(demo_db: Database) -> None:
    demarches = DemarcheService(demo_db)
    cambodia = next(
        d for d in demarches.list(delivered_between=(SINCE, AS_OF)) if d.title == "Article 7 report"
    )
    demarches.update(cambodia.id, treaty="CCM")
    apmbc = gather_report(demo_db, as_of=AS_OF, since=SINCE)
    assert "Article 7 report" not in [line.title for line in apmbc.delivered]
    ccm = gather_report(demo_db, as_of=AS_OF, since=SINCE, treaty="CCM")
    assert "Article 7 report" in [line.title for line in ccm.delivered]


def test_a_meeting_under_way_is_among_the_next_meetings(demo_db: Database) -> None:
    during_nairobi = gather_report(demo_db, as_of=date(2004, 11, 30))
    assert during_nairobi.meetings[0].meeting.title.startswith("First Review Conference")


def test_a_period_defaults_to_three_months_and_must_not_end_before_it_starts(
    demo_db: Database, tmp_path: Path
) -> None:
    assert default_since(date(2025, 5, 31)) == date(2025, 2, 28)
    assert default_since(date(2025, 1, 15)) == date(2024, 10, 15)
    assert gather_report(demo_db, as_of=AS_OF).since == date(2004, 8, 25)
    out = tmp_path / "report.pdf"
    with pytest.raises(ValidationError, match="starts on 2004-12-01, after its end"):
        print_report(demo_db, out, PrintOptions(), as_of=AS_OF, since=date(2004, 12, 1))
    assert not out.exists()


def test_the_printed_report_has_every_part_and_the_marking_on_each_page(
    demo_db: Database,
) -> None:
    report = gather_report(demo_db, as_of=AS_OF, since=SINCE, officer="Officer Example")
    options = PrintOptions(marking=Marking.PROTECTED_B, officer="Officer Example")
    content, pages = report_document(report, options)
    texts = page_texts(content)
    assert len(texts) == pages >= 2
    for number, text in enumerate(texts, start=1):
        assert text.count("PROTECTED B") >= 2, number
        assert f"page {number} of {pages}" in text, number
    everything = words(texts)
    for part in (
        "Status report: Ottawa Convention on 2004-11-25",
        "prepared by Officer Example",
        f"target ({145 - report.counts.deposited} to go)",
        "target 145 (by deposit)",
        "Status on 2004-11-25",
        f"Party: {report.counts.in_force}",
        "States whose standing moved since 2004-01-01",
        "Papua New Guinea",
        "Priority categories",
        f"Démarches delivered ({len(report.delivered)})",
        f"Follow-ups overdue on 2004-11-25 ({report.overdue_count})",
        "The next meetings",
        "First Review Conference (Nairobi Summit on a Mine-Free World)",
    ):
        assert part in everything, part
    assert metadata(content)["/Keywords"] == "PROTECTED B"


def test_the_report_command_writes_the_pdf_in_french_too(
    demo_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "rapport.pdf"
    result = CliRunner().invoke(
        cli,
        ["--db", str(demo_db_path), "report", "--as-of", "2004-11-25", "--since", "2004-01-01",
         "--lang", "fr", "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output and str(out) in result.output
    texts = page_texts(out)
    everything = words(texts)
    assert "Rapport de situation" in everything
    # the section's heading falls at the foot of page 2 in French: it goes over with
    # its first meeting instead of staying alone
    (page,) = [text for text in texts if "Les prochaines réunions" in text]
    assert "Première Conférence d'examen" in page
    assert "NON CLASSIFIÉ" in everything
    bad = CliRunner().invoke(
        cli, ["--db", str(demo_db_path), "report", "--since", "yesterday", "-o", str(out)]
    )
    assert bad.exit_code != 0 and "yesterday" in bad.output
