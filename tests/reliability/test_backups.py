"""Automatic backups of a database file: where they go, the rolling set, the backups made
before a change, restoring one (core and command line)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from outreach.cli.main import cli
from outreach.errors import CorruptDatabaseError, NotADatabaseError, OutreachError
from outreach.io.contacts_csv import import_contacts
from outreach.io.untc_import import apply_untc_import, plan_untc_file
from outreach.services.contacts import ContactService
from outreach.services.duplicates import DuplicateService
from outreach.setup import open_database
from outreach.storage import backups
from outreach.storage.backups import RetentionPolicy
from outreach.storage.database import Database
from outreach.storage.models import State
from tests.conftest import scribble

UNTC_TABLE = Path(__file__).parent.parent / "outreach" / "io" / "fixtures" / "untc_apmbc_pasted.txt"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_state(db: Database, iso3: str, name: str) -> None:
    with db.write() as session:
        session.add(State(iso2=iso3[:2], iso3=iso3, name=name))


def state_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [row[0] for row in connection.execute("SELECT name FROM state ORDER BY name")]


def table_names(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}


@pytest.fixture
def campaign(tmp_path: Path) -> Path:
    """A closed database file holding two states."""
    path = tmp_path / "campaign.db"
    database = open_database(path, create=True)
    add_state(database, "KHM", "Cambodia")
    add_state(database, "PAK", "Pakistan")
    database.close()
    return path


# --- where and how --------------------------------------------------------------------


@pytest.mark.file_only
def test_a_backup_of_an_open_file_is_a_private_complete_copy_in_a_folder_beside_it(
    db: Database,
) -> None:
    add_state(db, "KHM", "Cambodia")  # committed, still in the -wal file
    made = backups.make_backup(db.path, "manual")
    assert made.path.parent == db.path.with_name(f"{db.path.stem}-backups")
    assert made.path.name.startswith(f"{db.path.stem}-") and made.path.name.endswith("-manual.db")
    assert state_names(made.path) == ["Cambodia"]
    assert mode(made.path) == 0o600 and mode(made.path.parent) == 0o700
    assert backups.list_backups(db.path) == [made]
    assert [p.name for p in made.path.parent.iterdir()] == [made.path.name]  # nothing half-made


def test_the_default_database_keeps_its_backups_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    from outreach.paths import data_folder

    path = data_folder() / "outreach.db"
    open_database(path, create=True).close()
    made = backups.make_backup(path, "manual")
    assert made.path.parent == tmp_path / "share" / "Outreach" / "backups" / "outreach"
    assert mode(made.path.parent) == 0o700 and mode(made.path.parent.parent) == 0o700


def test_the_rolling_set_keeps_the_newest_of_each_day_week_and_month(tmp_path: Path) -> None:
    path = tmp_path / "campaign.db"
    folder = backups.backup_folder(path)
    folder.mkdir()
    day = datetime(2023, 1, 1, tzinfo=UTC)
    while day <= datetime(2024, 6, 30, tzinfo=UTC):  # two a day for a year and a half
        for hour in (9, 18):
            taken = day + timedelta(hours=hour)
            (folder / f"campaign-{taken.strftime(backups.STAMP)}-daily.db").write_bytes(b"")
        day += timedelta(days=1)

    removed = backups.prune(path)

    kept = {(b.taken.date().isoformat(), b.taken.hour) for b in backups.list_backups(path)}
    latest = {("2024-06-30", 9), ("2024-06-29", 9)}  # the 5 newest, whatever their day
    daily = {(f"2024-06-{d}", 18) for d in range(24, 31)}  # the last 7 days
    weekly = {("2024-06-23", 18), ("2024-06-16", 18), ("2024-06-09", 18)}  # + this week's
    month_ends = ["2024-05-31", "2024-04-30", "2024-03-31", "2024-02-29", "2024-01-31",
                  "2023-12-31", "2023-11-30", "2023-10-31", "2023-09-30", "2023-08-31",
                  "2023-07-31"]  # fmt: skip
    monthly = {(end, 18) for end in month_ends}
    assert kept == latest | daily | weekly | monthly
    assert len(removed) == 2 * 547 - len(kept)
    assert backups.prune(path) == []  # a second pass keeps the same set


def test_a_smaller_policy_keeps_fewer(tmp_path: Path) -> None:
    path = tmp_path / "campaign.db"
    folder = backups.backup_folder(path)
    folder.mkdir()
    start = datetime(2024, 6, 1, 12, tzinfo=UTC)
    for days in range(10):
        taken = start + timedelta(days=days)
        (folder / f"campaign-{taken.strftime(backups.STAMP)}-import.db").write_bytes(b"")
    backups.prune(path, RetentionPolicy(daily=2, weekly=0, monthly=0, latest=0))
    assert [b.taken.day for b in backups.list_backups(path)] == [10, 9]


def test_backups_in_quick_succession_are_all_made_and_the_newest_kept(campaign: Path) -> None:
    """An import run in a loop backs up several times a second: each backup takes the
    next second, and the pruning that follows keeps the one just made."""
    moment = datetime(2024, 6, 1, 12, tzinfo=UTC)
    made = [backups.make_backup(campaign, "import", now=moment) for _ in range(8)]
    assert all(backup.path.is_file() for backup in made[-5:])
    assert [b.taken for b in made] == [moment + timedelta(seconds=n) for n in range(8)]
    assert backups.list_backups(campaign)[0] == made[-1]
    again = backups.make_backup(campaign, "import", now=moment + timedelta(seconds=2))
    assert again.path.is_file() and again.taken == moment + timedelta(seconds=8)


@pytest.mark.file_only
def test_the_app_start_backup_is_made_once_a_day(db: Database) -> None:
    add_state(db, "KHM", "Cambodia")
    morning = datetime(2024, 6, 3, 8, tzinfo=UTC)
    assert backups.backup_if_stale(db.path, now=morning) is not None
    assert backups.backup_if_stale(db.path, now=morning + timedelta(hours=12)) is None
    later = backups.backup_if_stale(db.path, now=morning + timedelta(hours=25))
    assert later is not None and later.reason == "daily"
    assert len(backups.list_backups(db.path)) == 2


def test_a_damaged_file_is_not_backed_up_and_the_good_copies_stay(campaign: Path) -> None:
    good = backups.make_backup(campaign, "manual")
    scribble(campaign)
    with pytest.raises(CorruptDatabaseError, match="damaged"):
        backups.make_backup(campaign, "daily")
    assert backups.list_backups(campaign) == [good]
    assert [p.name for p in good.path.parent.iterdir()] == [good.path.name]
    assert backups.latest_good_backup(campaign) == good


# --- before a change ------------------------------------------------------------------


@pytest.mark.file_only
def test_imports_and_merges_are_preceded_by_a_backup_of_the_file_as_it_was(
    reference_db: Database, tmp_path: Path
) -> None:
    path = reference_db.path
    sheet = tmp_path / "contacts.csv"
    sheet.write_text("Family name,Given name\nDupont,Anne\nDupont,Anne\n", encoding="utf-8")
    import_contacts(reference_db, sheet)
    first = backups.list_backups(path)
    assert [b.reason for b in first] == ["import"]
    with closing(sqlite3.connect(first[0].path)) as before_import:
        assert before_import.execute("SELECT count(*) FROM contact").fetchone() == (0,)

    keep, drop = (record.id for record in ContactService(reference_db).list())
    DuplicateService(reference_db).merge(keep, drop)
    apply_untc_import(reference_db, plan_untc_file(reference_db, UNTC_TABLE))

    reasons = [b.reason for b in backups.list_backups(path)]
    assert sorted(reasons) == ["import", "import", "merge"]


def test_a_server_database_is_not_backed_up_by_the_app(db: Database, tmp_path: Path) -> None:
    add_state(db, "KHM", "Cambodia")
    made = backups.before_change(db, "import")
    if db.is_server:
        assert made is None  # the server's administrator backs it up
    else:
        assert made is not None and state_names(made.path) == ["Cambodia"]


# --- restoring ------------------------------------------------------------------------


def test_restore_puts_the_copy_in_place_and_keeps_the_current_file_aside(campaign: Path) -> None:
    backup = backups.make_backup(campaign, "manual")
    database = open_database(campaign)
    add_state(database, "TUR", "Türkiye")
    database.close()

    done = backups.restore(backup.path, campaign)

    assert state_names(campaign) == ["Cambodia", "Pakistan"]
    assert done.kept_aside is not None and done.kept_aside.parent == campaign.parent
    assert done.kept_aside.name.startswith("campaign.before-restore-")
    assert state_names(done.kept_aside) == ["Cambodia", "Pakistan", "Türkiye"]
    assert mode(campaign) == 0o600 and mode(done.kept_aside) == 0o600
    assert backups.list_backups(campaign) == [backup]  # the backup itself stays
    reopened = open_database(campaign)  # and the restored file opens as ever
    reopened.close()


def test_restore_takes_a_pending_journal_aside_with_its_file(
    campaign: Path, tmp_path: Path
) -> None:
    backup = backups.make_backup(campaign, "manual")
    # The file as a crash leaves it: its last commit still in the -wal file.
    live = sqlite3.connect(campaign)
    live.execute("PRAGMA wal_autocheckpoint = 0")
    live.execute("CREATE TABLE last_commit (note TEXT)")
    live.execute("INSERT INTO last_commit VALUES ('only in the -wal file')")
    live.commit()
    crashed = tmp_path / "crashed.db"
    for suffix in ("", "-wal"):
        shutil.copy(f"{campaign}{suffix}", f"{crashed}{suffix}")
    live.close()

    done = backups.restore(backup.path, crashed)

    assert not crashed.with_name("crashed.db-wal").exists()
    assert "last_commit" not in table_names(crashed)  # the old journal was not replayed
    assert state_names(crashed) == ["Cambodia", "Pakistan"]
    assert done.kept_aside is not None
    assert "last_commit" in table_names(done.kept_aside)  # the aside file has its journal


def test_restore_refuses_what_is_not_a_sound_outreach_database_and_changes_nothing(
    campaign: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    empty_sqlite = tmp_path / "empty.db"
    sqlite3.connect(empty_sqlite).close()
    with closing(sqlite3.connect(empty_sqlite)) as connection:
        connection.execute("CREATE TABLE t (x)")
    damaged = backups.make_backup(campaign, "manual").path
    scribble(damaged)
    before = digest(campaign)
    refusals = [
        (notes, NotADatabaseError),
        (empty_sqlite, NotADatabaseError),
        (damaged, CorruptDatabaseError),
        (tmp_path / "gone.db", OutreachError),
    ]
    for bad, problem in refusals:
        with pytest.raises(problem):
            backups.restore(bad, campaign)
    assert digest(campaign) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("campaign")) == [
        "campaign-backups",
        "campaign.db",
    ]


# --- the command line -----------------------------------------------------------------


def test_backup_and_backups_from_the_command_line(campaign: Path) -> None:
    result = run("--db", str(campaign), "backups")
    assert result.exit_code == 0 and "No backups of" in result.output

    result = run("--db", str(campaign), "backup")
    assert result.exit_code == 0, result.output
    [made] = backups.list_backups(campaign)
    assert str(made.path) in result.output and made.reason == "manual"

    result = run("--db", str(campaign), "backups")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["taken", "reason", "size", "file"]
    assert "manual" in lines[2] and str(made.path) in lines[2]


def test_backup_to_a_file_never_overwrites(campaign: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.db"
    assert run("--db", str(campaign), "backup", "-o", str(target)).exit_code == 0
    assert state_names(target) == ["Cambodia", "Pakistan"] and mode(target) == 0o600
    target.write_bytes(b"my own notes")
    result = run("--db", str(campaign), "backup", "-o", str(target))
    assert result.exit_code == 1 and "already exists; nothing was overwritten" in result.output
    assert target.read_bytes() == b"my own notes"


def test_restore_from_the_command_line_asks_first_then_keeps_the_current_file(
    campaign: Path,
) -> None:
    backup = backups.make_backup(campaign, "manual")
    database = open_database(campaign)
    add_state(database, "TUR", "Türkiye")
    database.close()
    before = digest(campaign)

    asked = run("--db", str(campaign), "restore", str(backup.path))
    assert asked.exit_code == 1
    assert "would replace" in asked.output and "--yes" in asked.output
    assert digest(campaign) == before  # nothing happened

    done = run("--db", str(campaign), "restore", backup.path.name, "--yes")  # a name from the list
    assert done.exit_code == 0, done.output
    assert state_names(campaign) == ["Cambodia", "Pakistan"]
    [aside] = campaign.parent.glob("campaign.before-restore-*.db")
    assert str(aside) in done.output
    assert state_names(aside) == ["Cambodia", "Pakistan", "Türkiye"]


def test_restore_over_a_damaged_file_from_the_command_line(campaign: Path) -> None:
    backup = backups.make_backup(campaign, "manual")
    scribble(campaign)
    assert run("--db", str(campaign), "check").exit_code != 0
    result = run("--db", str(campaign), "restore", str(backup.path), "--yes")
    assert result.exit_code == 0, result.output
    assert run("--db", str(campaign), "check").exit_code == 0


def test_restore_refuses_a_damaged_backup_from_the_command_line(campaign: Path) -> None:
    backup = backups.make_backup(campaign, "manual")
    scribble(backup.path)
    before = digest(campaign)
    result = run("--db", str(campaign), "restore", str(backup.path), "--yes")
    assert result.exit_code == 1 and "damaged" in result.output
    assert "Traceback" not in result.output
    assert digest(campaign) == before


def test_the_backup_commands_say_a_server_is_backed_up_on_the_server() -> None:
    for command in (["backup"], ["backups"], ["restore", "x.db", "--yes"]):
        result = run("--db", "postgresql://officer@db.example.org/desk", *command)
        assert result.exit_code == 1
        assert "its backups are made on the server" in result.output
