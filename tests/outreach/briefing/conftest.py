"""Briefing fixtures: every demo sheet printed once; reading a PDF's text back with pypdf
(no poppler needed), and looking for what a PDF must not say of the machine. (The demo
database is the root conftest's `demo_db`, copied from a template prepared once.)"""

from __future__ import annotations

import getpass
import socket
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import copy_file


@pytest.fixture(scope="session")
def every_sheet(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """`outreach brief --all` of the demo, on Letter paper (the shorter page) as of 2026
    (every fact and log entry in): printed once for the tests that read it. What the
    command said, and the file."""
    from click.testing import CliRunner

    from outreach.cli.briefing_commands import register
    from outreach.cli.main import cli

    register(cli)
    folder = tmp_path_factory.mktemp("every-sheet")
    path, out = copy_file(demo_template, folder / "demo.db"), folder / "all.pdf"
    result = CliRunner().invoke(
        cli,
        ["--db", str(path), "brief", "--all", "--paper", "letter", "--as-of", "2026-01-01",
         "-o", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.output, out


def page_texts(pdf: Path | bytes) -> list[str]:
    """The text of every page, as pdftotext or a reader's search would find it."""
    import io

    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [page.extract_text() or "" for page in reader.pages]


def words(texts: list[str]) -> str:
    """Pages' text as one line of words: a table cell may wrap anywhere."""
    return " ".join(" ".join(texts).split())


def outline(pdf: Path | bytes) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) of every outline entry, in order."""
    import io

    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    found: list[tuple[int, str, int]] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item) + 1))  # type: ignore[attr-defined]

    walk(reader.outline, 0)
    return found


def metadata(pdf: Path | bytes) -> dict[str, str]:
    import io

    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return {str(key): str(value) for key, value in (reader.metadata or {}).items()}


def machine_secrets(*paths: Path) -> list[str]:
    """Where the user is: home folder, host name and the paths given."""
    secrets = [str(Path.home()), socket.gethostname(), *(str(path) for path in paths)]
    return [secret for secret in secrets if len(secret) > 1]


def user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def assert_no_leak(pdf: bytes, *paths: Path, texts: list[str] | None = None) -> None:
    """No metadata field names the user, the machine or a path of it; neither do the
    text (`texts`, when the pages were read already) and the file's bytes name the
    machine or a path. (The user name is looked for in the metadata only: a contact may
    share it, "Jane" for instance.)"""
    import re

    meta = metadata(pdf)
    text = "\n".join(page_texts(pdf) if texts is None else texts)
    user = user_name()
    for key, value in meta.items():
        for secret in [*machine_secrets(*paths), user]:
            if secret:
                word = re.compile(rf"(?<![\w/]){re.escape(secret)}(?![\w/])", re.IGNORECASE)
                assert not word.search(value), f"{key} names {secret!r}: {value!r}"
    for secret in machine_secrets(*paths):
        assert secret not in text, f"the text names {secret!r}"
        if len(secret) >= 6:
            assert secret.encode() not in pdf, f"the file's bytes hold {secret!r}"
