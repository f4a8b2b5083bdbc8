"""Encrypted database files for PROTECTED data (SQLCipher): encrypting the demo keeps
every row, the file cannot be read or opened without its passphrase, a wrong one is one
clear refusal (three tries at the command line), backups stay encrypted and restore with
the passphrase, decrypting gives the plain file back, and exports refuse to write plain
text unless told to (core and command line, file only)."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from outreach.cli.main import cli
from outreach.errors import (
    NotADatabaseError,
    OutreachError,
    PassphraseRequiredError,
    ValidationError,
    WrongPassphraseError,
)
from outreach.io.csv_export import export_csv
from outreach.io.json_export import export_json
from outreach.search import SearchService, search_index_problems
from outreach.services.states import StateService
from outreach.setup import open_database
from outreach.setup.reference import load_reference
from outreach.storage import backups, encryption, sqlite_file
from outreach.storage.maintenance import integrity_problems
from outreach.storage.models import State
from tests.conftest import copy_file

pytestmark = pytest.mark.file_only

PASSPHRASE = "correct horse battery"
STATE_NAMES = ("Cambodia", "Afghanistan", "Switzerland")


def run(*args: str, passphrase: str | None = None, typed: str | None = None) -> Result:
    env = {encryption.PASSPHRASE_VARIABLE: passphrase or ""}
    return CliRunner().invoke(cli, list(args), input=typed, env=env, catch_exceptions=True)


def rows_of(path: Path, passphrase: str | None = None) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the search index's own tables aside), table by table."""
    with closing(sqlite_file.open_read_only(path, passphrase)) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                "'sqlite_%' AND name NOT LIKE 'search_%' ORDER BY name"
            )
        ]
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
            for name in names
        }


def printable_runs(path: Path) -> str:
    """What `strings` finds in the file (its own output where it is installed)."""
    if shutil.which("strings"):
        return subprocess.run(["strings", str(path)], capture_output=True, text=True).stdout
    return "\n".join(run.decode() for run in re.findall(rb"[\x20-\x7e]{4,}", path.read_bytes()))


@pytest.fixture(scope="module")
def encrypted_demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = copy_file(demo_template, tmp_path_factory.mktemp("encrypted") / "campaign.db")
    encryption.encrypt_file(path, PASSPHRASE)
    return path


@pytest.fixture
def encrypted(encrypted_demo: Path, tmp_path: Path) -> Path:
    """A private copy of the encrypted demo for one test."""
    return copy_file(encrypted_demo, tmp_path / "campaign.db")


# --- the file -------------------------------------------------------------------------


def test_encrypting_keeps_every_row_and_leaves_nothing_readable(
    demo_template: Path, tmp_path: Path
) -> None:
    path = copy_file(demo_template, tmp_path / "campaign.db")
    before = rows_of(path)
    done = encryption.encrypt_file(path, PASSPHRASE)
    assert done.rows > 1000
    assert rows_of(path, PASSPHRASE) == before
    assert not path.read_bytes().startswith(sqlite_file.SQLITE_HEADER)
    printable = printable_runs(path)
    for name in STATE_NAMES:
        assert name not in printable
    assert [p.name for p in tmp_path.iterdir()] == ["campaign.db"]  # no plaintext left beside


def test_an_encrypted_file_needs_its_passphrase_and_refuses_a_wrong_one(encrypted: Path) -> None:
    before = encrypted.read_bytes()
    with pytest.raises(PassphraseRequiredError, match="encrypted"):
        open_database(encrypted)
    with pytest.raises(WrongPassphraseError, match="The passphrase is wrong"):
        open_database(encrypted, passphrase="not the passphrase")
    assert encrypted.read_bytes() == before  # nothing was changed by either refusal


def test_a_text_file_is_still_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text(("Call the Deputy Director on Monday\n" * 64)[:2048])  # four "pages"
    with pytest.raises(NotADatabaseError, match="not an Outreach database"):
        open_database(path)


def test_with_its_passphrase_everything_works(encrypted: Path) -> None:
    db = open_database(encrypted, passphrase=PASSPHRASE)
    try:
        assert db.encrypted
        names = {row.name for row in StateService(db).list_rows(treaty="APMBC")}
        assert set(STATE_NAMES) <= names
        assert SearchService(db).search("cambod").hits[0].title == "Cambodia"
        with db.write() as session:
            session.add(State(iso2="XQ", iso3="XQQ", name="Freedonia"))
        assert integrity_problems(db) == []
        assert search_index_problems(db) == []
    finally:
        db.close()
    db = open_database(encrypted, passphrase=PASSPHRASE)  # the write is there on reopening
    try:
        assert "Freedonia" in {row.name for row in StateService(db).list_rows(treaty="APMBC")}
    finally:
        db.close()
    assert b"Freedonia" not in encrypted.read_bytes()


def test_a_backup_of_an_encrypted_file_is_encrypted_and_restores_with_its_passphrase(
    encrypted: Path,
) -> None:
    before = rows_of(encrypted, PASSPHRASE)
    made = backups.make_backup(encrypted, "manual", passphrase=PASSPHRASE)
    assert not made.path.read_bytes().startswith(sqlite_file.SQLITE_HEADER)
    assert b"Cambodia" not in made.path.read_bytes()
    with pytest.raises(PassphraseRequiredError):
        backups.check_copy(made.path)
    with pytest.raises(WrongPassphraseError):
        backups.restore(made.path, encrypted, "not the passphrase")
    db = open_database(encrypted, passphrase=PASSPHRASE)
    with db.write() as session:
        session.add(State(iso2="XQ", iso3="XQQ", name="Freedonia"))
    db.close()
    done = backups.restore(made.path, encrypted, PASSPHRASE)
    assert done.kept_aside is not None
    assert rows_of(encrypted, PASSPHRASE) == before  # Freedonia came after the backup
    assert sqlite_file.is_encrypted(encrypted)


def test_decrypting_gives_back_a_plain_file_with_the_same_rows(encrypted: Path) -> None:
    before = rows_of(encrypted, PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        encryption.decrypt_file(encrypted, "not the passphrase")
    encryption.decrypt_file(encrypted, PASSPHRASE)
    assert encrypted.read_bytes().startswith(sqlite_file.SQLITE_HEADER)
    assert rows_of(encrypted) == before
    open_database(encrypted).close()  # no passphrase needed any more


def test_a_short_passphrase_is_refused_and_the_file_left_plain(
    demo_template: Path, tmp_path: Path
) -> None:
    path = copy_file(demo_template, tmp_path / "campaign.db")
    with pytest.raises(ValidationError, match="at least 8 characters"):
        encryption.encrypt_file(path, "short")
    assert path.read_bytes().startswith(sqlite_file.SQLITE_HEADER)


def test_exports_of_an_encrypted_database_are_refused_unless_said(
    encrypted: Path, tmp_path: Path
) -> None:
    db = open_database(encrypted, passphrase=PASSPHRASE)
    try:
        with pytest.raises(OutreachError, match="plain text"):
            export_json(db, tmp_path / "all.json")
        with pytest.raises(OutreachError, match="plain text"):
            export_csv(db, tmp_path / "tables")
        assert not (tmp_path / "all.json").exists()
        assert not (tmp_path / "tables").exists()
        counts = export_json(db, tmp_path / "all.json", plaintext_ok=True)
        assert counts["state"] > 100
    finally:
        db.close()


# --- the command line -----------------------------------------------------------------


def test_outreach_encrypt_and_decrypt_round_trip(demo_template: Path, tmp_path: Path) -> None:
    path = copy_file(demo_template, tmp_path / "campaign.db")
    before = rows_of(path)
    backups.make_backup(path, "manual")  # a plaintext backup, to be replaced
    result = run("--db", str(path), "encrypt", "--yes", typed=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert "Encrypted" in result.output
    assert "Deleted 1 plain-text copy" in result.output
    remaining = backups.list_backups(path)
    assert [backup.reason for backup in remaining] == ["encrypted"]
    assert sqlite_file.is_encrypted(remaining[0].path)
    assert rows_of(path, PASSPHRASE) == before
    result = run("--db", str(path), "decrypt", passphrase=PASSPHRASE)
    assert result.exit_code == 0, result.output
    assert rows_of(path) == before


def test_outreach_encrypt_asks_the_passphrase_twice(demo_template: Path, tmp_path: Path) -> None:
    path = copy_file(demo_template, tmp_path / "campaign.db")
    result = run("--db", str(path), "encrypt", typed=f"{PASSPHRASE}\nsomething else\n")
    assert result.exit_code != 0
    assert not sqlite_file.is_encrypted(path)


def test_commands_on_an_encrypted_file_take_the_passphrase(encrypted: Path) -> None:
    result = run("--db", str(encrypted), "states", "--format", "csv", passphrase=PASSPHRASE)
    assert result.exit_code == 0, result.output
    assert "Cambodia" in result.output
    result = run("--db", str(encrypted), "check", typed=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.output


def test_three_wrong_passphrases_at_the_terminal_open_nothing(encrypted: Path) -> None:
    result = run("--db", str(encrypted), "states", typed="one\ntwo\nthree\n")
    assert result.exit_code == 1
    assert result.output.count("The passphrase is wrong") == 2  # the third ends it
    assert "Three wrong passphrases; nothing was opened." in result.output
    assert "Cambodia" not in result.output


def test_a_wrong_passphrase_from_the_environment_is_one_clear_error(encrypted: Path) -> None:
    result = run("--db", str(encrypted), "states", passphrase="not the passphrase")
    assert result.exit_code == 1
    assert "The passphrase is wrong" in result.output
    assert "Traceback" not in result.output


def test_backup_and_restore_commands_on_an_encrypted_file(encrypted: Path) -> None:
    before = rows_of(encrypted, PASSPHRASE)
    result = run("--db", str(encrypted), "backup", passphrase=PASSPHRASE)
    assert result.exit_code == 0, result.output
    made = backups.list_backups(encrypted)[0].path
    assert sqlite_file.is_encrypted(made)
    db = open_database(encrypted, passphrase=PASSPHRASE)
    with db.write() as session:
        session.add(State(iso2="XQ", iso3="XQQ", name="Freedonia"))
    db.close()
    result = run("--db", str(encrypted), "restore", str(made), "--yes", typed=f"{PASSPHRASE}\n")
    assert result.exit_code == 0, result.output
    assert rows_of(encrypted, PASSPHRASE) == before


def test_export_commands_need_plaintext_ok(encrypted: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    result = run("--db", str(encrypted), "export", "json", str(out), passphrase=PASSPHRASE)
    assert result.exit_code == 1
    assert "--plaintext-ok" in result.output
    assert not out.exists()
    result = run(
        "--db", str(encrypted), "export", "json", str(out), "--plaintext-ok", passphrase=PASSPHRASE
    )
    assert result.exit_code == 0, result.output
    assert "Cambodia" in out.read_text(encoding="utf-8")
    copy = tmp_path / "copy.db"
    result = run("copy", str(encrypted), str(copy), passphrase=PASSPHRASE)
    assert result.exit_code == 1
    assert "--plaintext-ok" in result.output
    assert not copy.exists()
    calendar = tmp_path / "campaign.ics"
    result = run("--db", str(encrypted), "ics", "-o", str(calendar), passphrase=PASSPHRASE)
    assert result.exit_code == 1 and "--plaintext-ok" in result.output
    assert not calendar.exists()
    result = run(
        "--db", str(encrypted), "ics", "-o", str(calendar), "--plaintext-ok", passphrase=PASSPHRASE
    )
    assert result.exit_code == 0 and calendar.exists()


def test_a_server_cannot_be_encrypted() -> None:
    result = run("--db", "postgresql://officer@localhost/desk", "encrypt", passphrase=PASSPHRASE)
    assert result.exit_code == 1
    assert "server" in result.output


def test_a_new_file_made_with_a_passphrase_is_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    result = run("--db", str(path), "init", passphrase=PASSPHRASE)
    assert result.exit_code == 0, result.output
    assert not sqlite_file.is_encrypted(path)  # a passphrase in the environment alone
    path.unlink()
    db = open_database(path, create=True, passphrase=PASSPHRASE)
    load_reference(db)
    db.close()
    assert sqlite_file.is_encrypted(path)
    with closing(sqlite3.connect(path)) as connection, pytest.raises(sqlite3.DatabaseError):
        connection.execute("SELECT count(*) FROM state").fetchone()
