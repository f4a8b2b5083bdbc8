"""`outreach brief` and `outreach pack`, through click's runner on copies of the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from outreach.briefing import find_meeting
from outreach.cli.briefing_commands import register
from outreach.cli.main import cli
from outreach.storage.database import Database
from tests.outreach.test_cli import assert_clean_failure

from .conftest import assert_no_leak, metadata, outline, page_texts, words

CONTACT_GROUP = "Universalization Contact Group"

register(cli)  # the lead wires this into outreach.cli.main; a second call changes nothing


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def test_register_is_idempotent() -> None:
    commands = dict(cli.commands)
    register(cli)
    assert dict(cli.commands) == commands
    assert {"brief", "pack"} <= set(cli.commands)


def test_brief_two_states(demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    result = run("--db", str(demo_db_path), "brief", "KHM", "PAK", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"Wrote {out}: 2 briefing sheets, 2 pages."
    text = words(page_texts(out))
    assert "Cambodia" in text and "Pakistan" in text
    assert text.count("UNCLASSIFIED") >= 4
    assert [title for _d, title, _p in outline(out)] == ["Cambodia (KHM)", "Pakistan (PAK)"]
    assert "Officer —" in text  # no --officer: nobody is named
    assert_no_leak(out.read_bytes(), demo_db_path, tmp_path)


def test_brief_with_marking_paper_officer_and_date(demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    result = run(
        "--db", str(demo_db_path), "brief", "Türkiye", "-o", str(out), "--marking", "protected b",
        "--paper", "letter", "--officer", "Officer  Example", "--as-of", "2003-01-01",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = words(page_texts(out))
    assert text.count("PROTECTED B") >= 2
    assert "Officer Officer Example" in text
    assert "Status as of 2003-01-01" in text
    assert "OUTSIDE THE TREATY" in text  # Türkiye acceded in September 2003
    assert metadata(out)["/Keywords"] == "PROTECTED B"


def test_brief_all(every_sheet: tuple[str, Path]) -> None:
    said, out = every_sheet
    assert "198 briefing sheets" in said
    assert len(outline(out)) == 198


def test_pack_by_title(demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.pdf"
    result = run("--db", str(demo_db_path), "pack", "nairobi", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Meeting pack: First Review Conference" in result.output
    titles = [title for _d, title, _p in outline(out)]
    assert titles[:2] == ["Cover", "Contents"]
    assert "Cambodia (KHM)" in titles


def test_the_pack_of_a_cluster_munitions_meeting_prints_that_treatys_standing(
    demo_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "p.pdf"
    result = run("--db", str(demo_db_path), "pack", "Thirteenth Meeting", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = words(page_texts(out))
    assert "Treaty status: Convention on Cluster Munitions (CCM)" in text
    assert "Anti-Personnel Mines" not in text
    asked = tmp_path / "asked.pdf"
    result = run(
        "--db", str(demo_db_path), "pack", "Thirteenth Meeting", "--treaty", "APMBC",
        "-o", str(asked),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Convention on Cluster Munitions (CCM)" not in words(page_texts(asked))


def test_pack_by_id_is_the_pack_by_title(demo_db: Database, tmp_path: Path) -> None:
    """(The contact group's meeting: its pack has no sheet, so it is quick to print twice.)"""
    meeting = find_meeting(demo_db, CONTACT_GROUP)
    by_title, by_id = tmp_path / "title.pdf", tmp_path / "id.pdf"
    where = str(demo_db.path)
    assert run("--db", where, "pack", CONTACT_GROUP, "-o", str(by_title)).exit_code == 0
    result = run("--db", where, "pack", str(meeting.id), "-o", str(by_id))
    assert result.exit_code == 0, result.output
    assert f"Meeting pack: {meeting.title}" in result.output
    assert outline(by_id) == outline(by_title)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("brief", "KHM", "XYZ"), "Unknown state 'XYZ'"),
        (("pack", "Atlantis"), "No meeting matches 'Atlantis'"),
        (("pack", "review conference"), "matches 6 meetings"),
        (("pack", "9999"), "9999"),
    ],
)
def test_unknown_states_and_meetings_fail_on_one_line(
    demo_db_path: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "x.pdf"
    result = run("--db", str(demo_db_path), *args, "-o", str(out))
    line = assert_clean_failure(result)
    assert message in line
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("brief",), "Name the states"),
        (("brief", "KHM", "--all"), "not both"),
        (("brief", "KHM", "--marking", "SECRET"), "not a security marking"),
        (("brief", "KHM", "--paper", "A3"), "A3"),
        (("brief", "KHM", "--as-of", "yesterday"), "not a date"),
    ],
)
def test_usage_mistakes(
    demo_db_path: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run("--db", str(demo_db_path), *args, "-o", str(tmp_path / "x.pdf"))
    line = assert_clean_failure(result, usage_error=True)
    assert message in line


def test_a_missing_folder_fails_cleanly(demo_db_path: Path, tmp_path: Path) -> None:
    result = run("--db", str(demo_db_path), "brief", "KHM", "-o", str(tmp_path / "no" / "x.pdf"))
    assert "does not exist" in assert_clean_failure(result)
