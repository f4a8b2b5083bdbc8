"""The log file: where it is, who may read it, that it rotates, what the command line
writes to it, and what it never holds (a contact's name, a passphrase)."""

from __future__ import annotations

import logging
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from outreach import logs
from outreach.cli.main import cli, main
from outreach.services.states import StateService
from outreach.setup import open_database

CONTACT = "Amb. Jane Q. Doe"
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """OUTREACH_LOG_DIR in a temporary folder; the handler taken away afterwards."""
    folder = tmp_path / "logs"
    monkeypatch.setenv(logs.LOG_DIR_VAR, str(folder))
    levels = {name: logging.getLogger(name).level for name in ("", *logs.OWN_LOGGERS)}
    yield folder
    logs.stop_logging()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_log_is_a_private_file_in_the_chosen_folder(log_dir: Path) -> None:
    path = logs.configure_logging("command line")
    assert path == log_dir / "outreach.log"
    assert logs.configure_logging("again") == path  # once per process
    logging.getLogger("outreach.test").info("contact %d saved", 42)
    lines = path.read_text().splitlines()
    assert "INFO outreach.logs: Outreach " in lines[0] and "(command line)" in lines[0]
    assert lines[1].endswith("INFO outreach.test: contact 42 saved")
    assert lines[1][:4].isdigit()  # the time comes first
    assert mode(path) == 0o600 and mode(log_dir) == 0o700
    assert len(lines) == 2  # the second configure added no handler, no line


def test_without_the_variable_the_log_is_in_the_platforms_log_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(logs.LOG_DIR_VAR, raising=False)
    import platformdirs

    assert logs.log_folder() == Path(platformdirs.user_log_dir("Outreach", appauthor=False))


def test_the_log_rotates_and_keeps_five_older_files(
    log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    logs.configure_logging("command line")
    for number in range(400):
        logging.getLogger("outreach.test").info("record %d checked", number)
    files = sorted(log_dir.iterdir())
    assert [file.name for file in files] == ["outreach.log"] + [
        f"outreach.log.{n}" for n in range(1, 6)
    ]
    assert all(mode(file) == 0o600 and file.stat().st_size <= 2_000 for file in files)
    assert "record 399 checked" in (log_dir / "outreach.log").read_text()


def test_a_folder_that_cannot_be_written_leaves_outreach_running_without_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, log_dir: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(logs.LOG_DIR_VAR, str(blocker / "logs"))
    assert logs.configure_logging("command line") is None
    assert logs.current_log_file() is None


def secret_bug(contact: str) -> None:
    passphrase = PASSPHRASE  # a local a traceback with locals would show
    raise RuntimeError(f"cannot list the notes of {contact} with {passphrase}")


def test_a_bug_is_logged_with_its_traceback_but_no_personal_data(
    log_dir: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(db_path, create=True).close()
    logs.configure_logging("command line")

    def failing(*_args: object, **_kwargs: object) -> None:
        try:
            {}[CONTACT]  # a KeyError names what it looked for
        except KeyError:
            secret_bug(CONTACT)

    monkeypatch.setattr(StateService, "list_rows", failing)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "states"])
    assert result.exit_code == 2
    log = (log_dir / "outreach.log").read_text()
    assert "ERROR outreach.cli.main: unexpected RuntimeError in `states`" in log
    assert "in secret_bug" in log and "raise RuntimeError(" in log  # where it happened
    assert "builtins.KeyError (message not logged)" in log  # the chain, by class
    assert "During handling of the above exception" in log
    assert CONTACT not in log and PASSPHRASE not in log
    assert f"details in {log_dir / 'outreach.log'}" in result.stderr  # the user is told where


def test_a_known_error_is_logged_by_its_class_alone(log_dir: Path, tmp_path: Path) -> None:
    logs.configure_logging("command line")
    missing = tmp_path / f"{CONTACT}.db"
    result = CliRunner().invoke(cli, ["--db", str(missing), "states"])
    assert result.exit_code == 1 and "There is no database" in result.stderr
    log = (log_dir / "outreach.log").read_text()
    assert "INFO outreach.cli.main: MissingDatabaseError in `states`" in log
    assert CONTACT not in log and "Traceback" not in log


def test_the_command_line_starts_its_log(log_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["outreach", "--version"])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 0
    assert "(command line)" in (log_dir / "outreach.log").read_text()
