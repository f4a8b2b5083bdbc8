"""Backups of a database file: a rolling set of consistent copies, and putting one back.

Where they are: the file in the app's data folder (the default `outreach.db`) keeps its
backups in `<data folder>/backups/<stem>/`; a file anywhere else keeps them in a folder
beside it, `<stem>-backups/` (so `~/campaigns/kh.db` has `~/campaigns/kh-backups/`).
Each is named `<stem>-YYYYMMDDTHHMMSSZ-<reason>.db` (the time in UTC), is readable by its
owner only (0600, the folder 0700), and is checked before it joins the set, so a
damaged file never pushes a good copy out.

When they are made: when the app starts and the newest is older than a day ("daily"),
before a migration ("before-migration"), before an import or a merge (`before_change`),
and on request (`outreach backup`, "manual"). After each, the set is pruned to the
newest of each of the last 7 days, 4 weeks and 12 months that have one, plus the 5
newest whatever their day (so the copy taken before this morning's import is not pushed
out by the one taken before this afternoon's merge).

A server has no file: its backups are its administrator's business (pg_dump).
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from outreach.errors import (
    CorruptDatabaseError,
    DatabaseFileError,
    NotADatabaseError,
    OutreachError,
    PassphraseRequiredError,
    ValidationError,
    WrongPassphraseError,
)
from outreach.i18n import _
from outreach.paths import data_folder
from outreach.storage import sqlite_file

if TYPE_CHECKING:
    from outreach.storage.database import Database

STAMP = "%Y%m%dT%H%M%SZ"
_REASON = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_NAME = re.compile(rf"^(?P<stem>.+)-(?P<stamp>\d{{8}}T\d{{6}}Z)-(?P<reason>{_REASON})\.db$")
#: SQLite's companions of a file: a journal must follow its file, or it would be
#: replayed into whatever file takes the name
COMPANIONS = ("-wal", "-journal", "-shm")
STALE_AFTER = timedelta(days=1)
#: backups are made one at a time in a process: each picks its name from those there
_ONE_AT_A_TIME = threading.Lock()
#: what copying a damaged file (or onto a full disk) raises
_COPY_FAILURES: tuple[type[Exception], ...] = (DatabaseFileError, *sqlite_file.DAMAGE_ERRORS)


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """How many backups the rolling set keeps: the newest of each of the last `daily`
    days, `weekly` ISO weeks and `monthly` months that have one, and the `latest` newest."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    latest: int = 5


DEFAULT_POLICY = RetentionPolicy()


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime  # UTC
    reason: str
    size: int  # bytes


@dataclass(frozen=True, slots=True)
class Restored:
    """A restore done: the copy put in place, and where the file it replaced was kept."""

    backup: Path
    target: Path
    kept_aside: Path | None  # None when there was no file (or an empty one) to keep


def size_text(size: int) -> str:
    """A file's size for people: "840 KB", "12.5 MB"."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def taken_text(backup: Backup) -> str:
    """When a backup was taken, in this computer's time: "2024-05-12 10:03"."""
    return backup.taken.astimezone().strftime("%Y-%m-%d %H:%M")


# --- where, and what is there ---------------------------------------------------------


def backup_folder(path: Path) -> Path:
    """Where the backups of the database file `path` live (see the module's docstring)."""
    path = path.expanduser().absolute()
    data = data_folder()
    if path.parent.resolve() == data.resolve():
        return data / "backups" / path.stem
    return path.with_name(f"{path.stem}-backups")


def list_backups(path: Path) -> list[Backup]:
    """The backups of `path` in its rolling set, newest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match is None or match["stem"] != path.stem or not entry.is_file():
            continue
        taken = datetime.strptime(match["stamp"], STAMP).replace(tzinfo=UTC)
        found.append(Backup(entry, taken, match["reason"], entry.stat().st_size))
    return sorted(found, key=lambda backup: (backup.taken, backup.path.name), reverse=True)


def latest_good_backup(path: Path, passphrase: str | None = None) -> Backup | None:
    """The newest backup of `path` that passes `check_copy`, or None."""
    for backup in list_backups(path):
        try:
            check_copy(backup.path, passphrase)
        except DatabaseFileError:
            continue
        return backup
    return None


# --- making them ----------------------------------------------------------------------


def make_backup(
    path: Path,
    reason: str,
    *,
    now: datetime | None = None,
    policy: RetentionPolicy | None = None,
    passphrase: str | None = None,
) -> Backup:
    """Copy the database file `path` into its rolling set, then prune the set (the copy
    of an encrypted file is encrypted with the same `passphrase`)."""
    if re.fullmatch(_REASON, reason) is None:
        raise ValueError(f"a backup's reason is a lowercase slug, not {reason!r}")
    if not path.is_file():
        raise _no_database(path)
    with _ONE_AT_A_TIME:  # the app's daily backup runs on a thread of its own
        return _make_backup(path, reason, now, policy, passphrase)


def _make_backup(
    path: Path,
    reason: str,
    now: datetime | None,
    policy: RetentionPolicy | None,
    passphrase: str | None,
) -> Backup:
    taken = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    folder = _private_folder(backup_folder(path))
    newest = list_backups(path)[:1]
    if newest and newest[0].taken >= taken:
        # Several backups within a second each took the next second: this one comes
        # after them, or the pruning below would count it older and remove it at once.
        taken = newest[0].taken + timedelta(seconds=1)
    target = folder / f"{path.stem}-{taken.strftime(STAMP)}-{reason}.db"
    _install_copy(path, target, passphrase)
    prune(path, policy or DEFAULT_POLICY)
    return Backup(target, taken, reason, target.stat().st_size)


def backup_to_file(path: Path, output: Path, *, passphrase: str | None = None) -> Path:
    """A checked copy of the database file `path` at `output`, outside the rolling set
    (`outreach backup -o`); an existing file is never overwritten."""
    if not path.is_file():
        raise _no_database(path)
    if output.exists() and not sqlite_file.is_blank(output):
        message = _("{path} already exists; nothing was overwritten.")
        raise ValidationError(message.format(path=output), "output")
    if output.absolute() == path.absolute():
        raise ValidationError(_("A backup cannot replace the database itself."), "output")
    output.parent.mkdir(parents=True, exist_ok=True)
    _install_copy(path, output, passphrase)
    return output


def _no_database(path: Path) -> OutreachError:
    return OutreachError(
        _("There is no database at {path}; nothing was backed up.").format(path=path)
    )


def backup_if_stale(
    path: Path,
    max_age: timedelta = STALE_AFTER,
    *,
    now: datetime | None = None,
    passphrase: str | None = None,
) -> Backup | None:
    """A "daily" backup of `path` when its newest is older than `max_age` (or there is
    none); None when a recent one exists or there is no file yet."""
    if sqlite_file.is_blank(path):
        return None
    moment = now or datetime.now(UTC)
    backups = list_backups(path)
    if backups and moment - backups[0].taken < max_age:
        return None
    return make_backup(path, "daily", now=moment, passphrase=passphrase)


def before_change(db: Database, reason: str) -> Backup | None:
    """A backup of `db`'s file before an import, a merge or a copy into it changes it;
    None when there is nothing to lose (no row yet)."""
    if db.is_server:
        return None  # a server has no file: its backups are its administrator's (pg_dump)
    if db.read_only or not sqlite_file.holds_data(db.path, db.passphrase):  # nothing to lose
        return None
    return make_backup(db.path, reason, passphrase=db.passphrase)


def prune(path: Path, policy: RetentionPolicy = DEFAULT_POLICY) -> list[Path]:
    """Delete the backups of `path` that `policy` does not keep; returns them."""
    found = list_backups(path)
    kept = kept_by(found, policy)
    removed = [backup.path for backup in found if backup.path not in kept]
    for stale in removed:
        stale.unlink(missing_ok=True)
    return removed


def kept_by(found: Sequence[Backup], policy: RetentionPolicy) -> set[Path]:
    """The backups (newest first) that `policy` keeps: the first seen of each period is
    that period's newest."""
    kept = {backup.path for backup in found[: policy.latest]}
    periods: list[tuple[int, Callable[[datetime], Hashable]]] = [
        (policy.daily, lambda taken: taken.date()),
        (policy.weekly, lambda taken: taken.isocalendar()[:2]),
        (policy.monthly, lambda taken: (taken.year, taken.month)),
    ]
    for count, period in periods:
        seen: set[Hashable] = set()
        for backup in found:
            key = period(backup.taken)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            kept.add(backup.path)
    return kept


# --- putting one back -----------------------------------------------------------------


def check_copy(path: Path, passphrase: str | None = None) -> None:
    """Refuse a file that is not a sound Outreach database this version can open: the
    checks that opening a file makes (SQLite header, quick_check, the schema), without
    writing to it. An encrypted copy needs its `passphrase` (`PassphraseRequiredError`)."""
    if not path.is_file():
        raise OutreachError(_("There is no backup at {path}.").format(path=path))
    key = sqlite_file.key_for(path, passphrase)
    sqlite_file.needs_migrating(path, key)
    if sqlite_file.read_schema_revision(path, key) is None:  # an empty SQLite file
        raise NotADatabaseError(_("{path} holds no Outreach database").format(path=path))


def restore(backup: Path, target: Path, passphrase: str | None = None) -> Restored:
    """Put the copy `backup` in place of the database file `target`.

    The copy is checked first; the current file (with its journal) is renamed
    `<stem>.before-restore-<stamp>.db` beside it, never deleted; the copy is written
    beside the target and moved into place in one step. The caller asks first. An
    encrypted backup needs its `passphrase`, and stays encrypted with it.
    """
    check_copy(backup, passphrase)
    if target.exists() and backup.resolve() == target.resolve():
        raise ValidationError(_("That backup is the database itself; nothing was changed."))
    staged = target.with_name(f".{target.name}.restoring")
    _stage_copy(backup, staged, passphrase)
    try:
        aside = _keep_aside(target)
        os.replace(staged, target)
    except OSError as error:
        staged.unlink(missing_ok=True)
        message = _("{name} could not be replaced: {reason}.")
        raise OutreachError(
            message.format(name=target.name, reason=error.strerror or error)
        ) from error
    _sync_folder(target.parent)
    return Restored(backup, target, aside)


def aside_name(target: Path, now: datetime | None = None) -> Path:
    """Where `restore` keeps the file it replaces (the first free name)."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(STAMP)
    suffix = target.suffix or ".db"
    candidate = target.with_name(f"{target.stem}.before-restore-{stamp}{suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = target.with_name(f"{target.stem}.before-restore-{stamp}-{number}{suffix}")
    return candidate


def _keep_aside(target: Path) -> Path | None:
    if sqlite_file.is_blank(target):
        return None
    aside = aside_name(target)
    for suffix in COMPANIONS:  # first: a crash part-way leaves the file with its journal
        companion = target.with_name(target.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    target.rename(aside)
    return aside


# --- the copying itself ---------------------------------------------------------------


def _install_copy(source: Path, target: Path, passphrase: str | None = None) -> None:
    """A checked copy of `source` put at `target` in one step (a half-written copy never
    carries a backup's name)."""
    staged = target.with_name(f".{target.name}.partial")
    _stage_copy(source, staged, passphrase)
    os.replace(staged, target)


def _stage_copy(source: Path, staged: Path, passphrase: str | None = None) -> None:
    """Copy `source` to `staged` (0600) with the one copying function, `sqlite_file.
    backup_to`, and check the copy; nothing is left behind when either fails. The copy
    of an encrypted file is encrypted with the same passphrase."""
    sqlite_file.assert_sqlite_header(source, passphrase)
    key = sqlite_file.key_for(source, passphrase)
    staged.unlink(missing_ok=True)  # a crash's leftover
    try:
        sqlite_file.backup_to(source, staged, key)
        sqlite_file.assert_intact(staged, key)
    except (PassphraseRequiredError, WrongPassphraseError):
        _remove(staged)
        raise  # the file may be sound: it is the passphrase that does not open it
    except _COPY_FAILURES as error:
        _remove(staged)
        if isinstance(error, DatabaseFileError) or _says_damaged(error):
            message = _("{path} is damaged; no copy of it was made.")
            raise CorruptDatabaseError(message.format(path=source)) from error
        raise _not_written(source, staged, str(error)) from error
    except OSError as error:
        _remove(staged)
        raise _not_written(source, staged, error.strerror or str(error)) from error


def _says_damaged(error: Exception) -> bool:
    message = str(error).lower()
    return "malformed" in message or "not a database" in message


def _not_written(source: Path, staged: Path, why: str) -> OutreachError:
    message = _("No copy of {name} could be written in {folder}: {reason}.")
    return OutreachError(message.format(name=source.name, folder=staged.parent, reason=why))


def _remove(path: Path) -> None:
    for suffix in ("", *COMPANIONS):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def _private_folder(folder: Path) -> Path:
    """`folder`, created if needed; the levels created here are the owner's only."""
    missing = [level for level in (folder, *folder.parents) if not level.exists()]
    for level in reversed(missing):
        level.mkdir(mode=0o700, exist_ok=True)
        os.chmod(level, 0o700)
    return folder


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (where the system allows it)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
