"""Looking at a SQLite file without changing it, and copying it with the backup API.

Everything here opens files read-only (or not at all) so that a refused file is left
byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from outreach.errors import CorruptDatabaseError, NotADatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
NETWORK_FILE_SYSTEMS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "fuse.sshfs", "9p", "afs"}


def is_blank(path: Path) -> bool:
    """A missing or zero-byte file: a new database may be created there."""
    return not path.exists() or path.stat().st_size == 0


def assert_sqlite_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotADatabaseError(f"{path} is not an Outreach database (not a SQLite file)")


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that writes nothing: not the file, and no -wal or -shm beside it.

    A WAL-mode file opened read-only would get fresh -wal and -shm files; when there is
    no -wal file, nothing can be pending in one, so the file is opened as immutable.
    """
    pending_wal = path.with_name(path.name + "-wal").exists()
    mode = "mode=ro" if pending_wal else "immutable=1"
    return sqlite3.connect(f"file:{path.as_posix()}?{mode}", uri=True)


def assert_intact(path: Path) -> None:
    """Refuse a file that SQLite reports as damaged, without writing to it."""
    try:
        with contextlib.closing(open_read_only(path)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        raise CorruptDatabaseError(f"{path} is damaged and cannot be opened: {error}") from error
    if [tuple(row) for row in rows] != [("ok",)]:
        problem = "; ".join(str(row[0]) for row in rows[:3])
        raise CorruptDatabaseError(f"{path} is damaged and cannot be opened: {problem}")


BASE_REVISION = "base"


def read_schema_revision(path: Path) -> str | None:
    """The Alembic revision the file is at: None for a file Alembic never touched,
    BASE_REVISION for one whose version table is empty."""
    with contextlib.closing(open_read_only(path)) as connection:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return BASE_REVISION if row is None else str(row[0])


def table_names(path: Path) -> list[str]:
    with contextlib.closing(open_read_only(path)) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    return [str(row[0]) for row in rows]


def holds_data(path: Path) -> bool:
    """Whether any table of the file has a row (the version table aside)."""
    with contextlib.closing(open_read_only(path)) as connection:
        for name in table_names(path):
            if name == "alembic_version":
                continue
            quoted = name.replace('"', '""')
            if connection.execute(f'SELECT 1 FROM "{quoted}" LIMIT 1').fetchone():
                return True
    return False


def create_private_file(path: Path) -> None:
    """Create the empty database file readable by its owner only (SQLite would use 0644)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        os.chmod(path, 0o600)
        return
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(descriptor)


def backup_to(source: Path, target: Path) -> Path:
    """Copy a live database consistently with SQLite's online backup API."""
    create_private_file(target)
    with (
        contextlib.closing(open_read_only(source)) as origin,
        contextlib.closing(sqlite3.connect(target)) as copy,
    ):
        origin.backup(copy)
    return target


def backup_beside(path: Path, reason: str) -> Path:
    """A timestamped copy next to the file, e.g. before a migration."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.{reason}-{stamp}{path.suffix or '.db'}")
    return backup_to(path, target)


def file_system_type(path: Path) -> str:
    """The type of the file system holding `path` (Linux), or "" when unknown."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return ""
    resolved = str(path.resolve())
    best, best_type = "", ""
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point, fs_type = fields[1], fields[2]
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best):
            best, best_type = mount_point, fs_type
    return best_type


def is_on_network_file_system(path: Path) -> bool:
    return file_system_type(path.parent) in NETWORK_FILE_SYSTEMS
