"""Briefing fixtures: the demo campaign prepared once, copied for the tests that change
it, and reading a PDF's text back with pypdf (no poppler needed)."""

from __future__ import annotations

import getpass
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from outreach.setup import open_database, prepare_database
from outreach.storage.database import Database


@pytest.fixture(scope="session")
def briefing_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("briefing-template") / "demo.db"
    prepare_database(path, demo_on_first_run=True, create=True).close()
    return path


def copy_of(template: Path, folder: Path) -> Path:
    path = folder / "demo.db"
    shutil.copy(template, path)
    for suffix in ("-wal", "-shm"):
        sidecar = template.with_name(template.name + suffix)
        if sidecar.exists():
            shutil.copy(sidecar, path.with_name(path.name + suffix))
    return path


@pytest.fixture
def demo_path(briefing_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database, for a test that changes it."""
    return copy_of(briefing_template, tmp_path)


@pytest.fixture
def demo(demo_path: Path) -> Iterator[Database]:
    database = open_database(demo_path, actor="test-officer", create=True)
    yield database
    database.close()


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


def assert_no_leak(pdf: bytes, *paths: Path) -> None:
    """No metadata field names the user, the machine or a path of it; neither do the
    text and the file's bytes name the machine or a path. (The user name is looked for
    in the metadata only: a contact may share it, "Jane" for instance.)"""
    import re

    meta = metadata(pdf)
    text = "\n".join(page_texts(pdf))
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
