"""Opening a database file: only the commands that create make one (findings 7), files
we may not change open read-only and leave nothing beside them (6), a file others can
read is made private (12), and the demo finishes what an interrupted run left (8)."""

from __future__ import annotations

import functools
import hashlib
import stat
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner, Result

from outreach.cli.main import cli
from outreach.demo import synthetic
from outreach.errors import DiskFullError, MissingDatabaseError, ReadOnlyDatabaseError
from outreach.services.categories import CategoryService
from outreach.setup import open_database
from outreach.setup.demo import load_demo_stages
from outreach.setup.reference import is_loaded
from outreach.storage.sqlite_file import SHARED_FOLDER_VARIABLE
from tests.conftest import copy_file
from tests.postgres_server import TestServer
from tests.reliability.read_only import read_only_folder_holding


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner(env=env).invoke(cli, list(args), catch_exceptions=True)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def neighbours(path: Path) -> set[str]:
    return {entry.name for entry in path.parent.iterdir()} - {path.name}


@pytest.fixture
def campaign(reference_template: Path, tmp_path: Path) -> Path:
    """A private copy of the reference database file."""
    return copy_file(reference_template, tmp_path / "campaign.db")


# -- 7: a wrong path or an empty file never becomes a database ---------------------------


@pytest.mark.parametrize("command", [["check"], ["states"], ["search", "cambodia"]])
def test_a_misspelt_path_is_reported_and_nothing_is_created(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "no" / "such" / "campaing.db"
    result = run("--db", str(missing), *command)
    assert result.exit_code == 1, result.output
    assert f"There is no database at {missing}" in result.output
    assert "no problems found" not in result.output
    assert not (tmp_path / "no").exists()


def test_an_empty_file_is_reported_and_left_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    for command in (["check"], ["states"]):
        result = run("--db", str(empty), *command)
        assert result.exit_code == 1
        assert "is an empty file, not an Outreach database" in result.output
    assert empty.stat().st_size == 0
    assert neighbours(empty) == set()


def test_init_and_demo_create_a_database_where_there_is_none(tmp_path: Path) -> None:
    created = run("--db", str(tmp_path / "new" / "a.db"), "init")
    assert created.exit_code == 0, created.output
    empty = tmp_path / "empty.db"
    empty.touch()
    assert run("--db", str(empty), "init").exit_code == 0
    assert run("--db", str(empty), "check").exit_code == 0


def test_the_core_refuses_to_create_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(MissingDatabaseError):
        open_database(tmp_path / "a.db")
    assert not (tmp_path / "a.db").exists()
    open_database(tmp_path / "a.db", create=True).close()
    assert (tmp_path / "a.db").stat().st_size > 0


def test_an_empty_server_database_is_not_set_up_by_a_reading_command(
    pg_server: TestServer,
) -> None:
    name = pg_server.new_database()
    url = pg_server.url(name)
    result = run("--db", url, "states")
    assert result.exit_code == 1
    assert "holds no Outreach database yet" in result.output
    with psycopg.connect(pg_server.url(name)) as connection:
        tables = connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone() == (0,)
    assert run("--db", url, "init").exit_code == 0


# -- 6: read-only files and folders --------------------------------------------------------


@pytest.fixture
def read_only_copy(reference_template: Path, tmp_path: Path) -> Iterator[Path]:
    with read_only_folder_holding(reference_template, tmp_path) as copy:
        yield copy


def test_check_on_a_read_only_file_finds_no_problems_and_leaves_no_side_files(
    read_only_copy: Path,
) -> None:
    before = digest(read_only_copy)
    result = run("--db", str(read_only_copy), "check")
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.output
    assert "damaged" not in result.output and "INSERT" not in result.output
    listed = run("--db", str(read_only_copy), "states", "--text", "Cambodia")
    assert listed.exit_code == 0 and "KHM" in listed.output
    assert neighbours(read_only_copy) == set()
    assert digest(read_only_copy) == before


def test_a_read_only_file_opens_read_only_and_refuses_a_save(read_only_copy: Path) -> None:
    db = open_database(read_only_copy)
    try:
        assert db.read_only
        with pytest.raises(ReadOnlyDatabaseError, match="read-only; nothing was saved"):
            CategoryService(db).create("Watch list", slug="watch")
        assert is_loaded(db)
    finally:
        db.close()
    assert neighbours(read_only_copy) == set()


def test_a_writable_file_is_not_read_only(campaign: Path) -> None:
    db = open_database(campaign)
    try:
        assert not db.read_only
        CategoryService(db).create("Watch list", slug="watch")
    finally:
        db.close()


# -- 12: a file others can read is made private ------------------------------------------


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_file_others_can_read_is_made_private_and_said_once(campaign: Path) -> None:
    campaign.chmod(0o644)
    first = run("--db", str(campaign), "states", "--text", "Cambodia")
    assert first.exit_code == 0
    assert mode_of(campaign) == 0o600
    assert "it is now private to you (0600)" in first.stderr
    second = run("--db", str(campaign), "states", "--text", "Cambodia")
    assert "private" not in second.stderr


def test_a_folder_shared_on_purpose_keeps_its_permissions(campaign: Path) -> None:
    campaign.chmod(0o660)
    result = run("--db", str(campaign), "states", env={SHARED_FOLDER_VARIABLE: "1"})
    assert result.exit_code == 0
    assert mode_of(campaign) == 0o660
    assert "private" not in result.stderr


# -- 8 and 11: the demo is resumable, and a full disk says what was saved ----------------


@pytest.fixture
def small_volume(monkeypatch: pytest.MonkeyPatch) -> None:
    """The large demo's volume, a hundredth of its size (the stages are what is tested)."""
    monkeypatch.setattr(
        synthetic,
        "load_synthetic",
        functools.partial(synthetic.load_synthetic, contacts=200, log_entries=500, demarches=50),
    )


@pytest.mark.usefixtures("small_volume")
def test_an_interrupted_large_demo_is_finished_by_running_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(tmp_path / "demo.db", create=True)
    try:
        finished = synthetic.load_synthetic

        def killed(*_args: object, **_kwargs: object) -> str:
            raise KeyboardInterrupt  # the officer's Ctrl+C, or a kill, mid-volume

        monkeypatch.setattr(synthetic, "load_synthetic", killed)
        with pytest.raises(KeyboardInterrupt):
            load_demo_stages(db, "large")
        assert not synthetic.has_synthetic(db)

        monkeypatch.setattr(synthetic, "load_synthetic", finished)
        said = load_demo_stages(db, "large")
        assert said[0] == "The reference data: already there."
        assert said[1] == "The demo campaign: already there."
        assert said[2].startswith("Added synthetic volume: ")
        assert synthetic.has_synthetic(db)
        assert all("already there" in line for line in load_demo_stages(db, "large"))
    finally:
        db.close()


def test_a_full_disk_during_the_demo_says_what_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from outreach.demo import campaign

    def disk_full(_db: object) -> str:
        raise DiskFullError("The disk is full; nothing was saved. Free some space and retry.")

    monkeypatch.setattr(campaign, "load_demo", disk_full)
    db = open_database(tmp_path / "demo.db", create=True)
    try:
        with pytest.raises(DiskFullError) as raised:
            load_demo_stages(db)
        assert str(raised.value).startswith(
            "The disk is full. The reference data were saved; the demo campaign was not."
        )
        assert "nothing was saved" not in str(raised.value)
        assert is_loaded(db)
    finally:
        db.close()
