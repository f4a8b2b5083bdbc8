"""Saying beforehand when opening a file will take a while (and changing nothing)."""

from __future__ import annotations

from pathlib import Path

from outreach.setup import open_database, preparation_needed
from outreach.storage import backups
from tests.conftest import copy_file, downgrade_file, drop_search_trigger


def copy_of(template: Path, tmp_path: Path) -> Path:
    return copy_file(template, tmp_path / "campaign.db")


def test_a_new_file_is_created_with_the_demo(tmp_path: Path) -> None:
    reason = preparation_needed(tmp_path / "new.db")
    assert reason == "Creating new.db with the reference data and the demo campaign…"


def test_an_up_to_date_file_opens_at_once(reference_template: Path, tmp_path: Path) -> None:
    assert preparation_needed(copy_of(reference_template, tmp_path)) is None


def test_an_outdated_search_index_is_announced_then_rebuilt(
    reference_template: Path, tmp_path: Path
) -> None:
    path = copy_of(reference_template, tmp_path)
    drop_search_trigger(path, "%state__state_ai")
    before = path.read_bytes()
    assert preparation_needed(path) == "Rebuilding the search index of campaign.db…"
    assert path.read_bytes() == before  # asking changed nothing
    open_database(path, create=True).close()
    assert preparation_needed(path) is None


def test_an_older_file_is_announced_as_updated_with_a_copy_kept(
    reference_template: Path, tmp_path: Path
) -> None:
    path = copy_of(reference_template, tmp_path)
    downgrade_file(path, "0003")
    reason = preparation_needed(path)
    assert reason is not None and reason.startswith("Updating campaign.db for this version")
    open_database(path, create=True).close()
    assert preparation_needed(path) is None
    assert [backup.reason for backup in backups.list_backups(path)] == ["before-migration"]


def test_a_file_that_is_no_database_is_left_to_the_open_to_explain(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n")
    assert preparation_needed(path) is None
