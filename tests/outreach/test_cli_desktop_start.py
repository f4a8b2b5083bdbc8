"""`outreach` with no command opens the desktop app on the database its options name,
before the command line's modules load; anything else goes to the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach.cli import start
from outreach.paths import ENV_VAR, default_database_path


@pytest.mark.parametrize(
    ("arguments", "database"),
    [
        (["--db", "campaign.db"], "campaign.db"),
        (["--db=campaign.db", "--lang", "fr"], "campaign.db"),
        (["--lang=fr", "--db", "postgresql://desk@db/ottawa"], "postgresql://desk@db/ottawa"),
    ],
)
def test_the_database_named_by_db_opens_in_the_app(arguments: list[str], database: str) -> None:
    assert start.desktop_database(arguments) == database


def test_without_db_the_app_opens_the_environments_file_or_the_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert start.desktop_database([]) == default_database_path()
    assert start.desktop_database(["--lang", "fr"]) == default_database_path()
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "desk.db"))
    assert start.desktop_database([]) == str(tmp_path / "desk.db")


@pytest.mark.parametrize(
    "arguments",
    [
        ["states"],
        ["--db", "campaign.db", "states", "--format", "json"],
        ["--help"],
        ["--version"],
        ["--db"],  # its value missing: the command line says so
        ["--colour"],  # unknown: the command line refuses it
        ["--lang", "xx"],  # a language Outreach does not speak: the same
    ],
)
def test_a_command_or_anything_else_goes_to_the_command_line(arguments: list[str]) -> None:
    assert start.desktop_database(arguments) is None


def test_outreach_alone_starts_the_app_and_exits_with_its_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(start, "launch_desktop", lambda database: opened.append(database) or 3)
    monkeypatch.setattr("sys.argv", ["outreach", "--db", "campaign.db"])
    with pytest.raises(SystemExit) as exited:
        start.main()
    assert (opened, exited.value.code) == (["campaign.db"], 3)
