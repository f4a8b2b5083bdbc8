"""Encrypting a database file for PROTECTED data, and decrypting it again.

An encrypted file is a SQLCipher database: AES-256 pages, a key derived from the
passphrase (PBKDF2), no SQLite header, nothing readable without the passphrase. Opening it
needs the passphrase (`open_database(..., passphrase=...)`); its backups are encrypted with
the same key (`sqlite_file.backup_to`); an export that would write its content as plain
text is refused unless the officer says so (`refuse_plaintext`).

`encrypt_file` / `decrypt_file` write the converted database beside the file with
`sqlcipher_export`, check it (integrity, every table's row count), then put it in place of
the file in one step (`os.replace`). The file replaced is unlinked, not overwritten:
overwriting is no guarantee on an SSD or a journaling file system, so the plaintext may
survive on the disk until its blocks are reused (use full-disk encryption as well).
The plaintext copies Outreach itself made (the rolling backups, the files kept aside by a
restore) are listed by `plaintext_copies` for the caller to replace and delete
(`replace_plaintext_backups`).

A server cannot be encrypted by Outreach: the server's own encryption and TLS are its
administrator's business.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from outreach.errors import OutreachError, ValidationError
from outreach.i18n import N_, _
from outreach.storage import backups, sqlite_file

if TYPE_CHECKING:
    from outreach.storage.database import Database

#: the shortest passphrase accepted for a new encryption
MIN_PASSPHRASE = 8
#: the environment variable that gives the passphrase to the command line (scripts, tests)
PASSPHRASE_VARIABLE = "OUTREACH_PASSPHRASE"
LOST_PASSPHRASE = N_(
    "There is no way back from a lost passphrase: without it, nobody (not even Outreach) "
    "can read the file or its backups."
)


@dataclass(frozen=True, slots=True)
class Converted:
    """A file encrypted or decrypted: how many rows it holds, and the plaintext copies
    of it that Outreach made before (backups, files kept aside by a restore)."""

    path: Path
    rows: int
    plaintext_copies: tuple[Path, ...]


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        message = _("A passphrase has at least {count} characters; nothing was changed.")
        raise ValidationError(message.format(count=MIN_PASSPHRASE), "passphrase")


def refuse_plaintext(db: Database, what: str, plaintext_ok: bool) -> None:
    """Refuse to write `what` (translated: "a CSV export") from an encrypted database as
    plain text, unless the officer said so (`--plaintext-ok`, or a confirmation in the
    app)."""
    if db.encrypted and not plaintext_ok:
        message = _(
            "{name} is encrypted: {what} would hold its content as plain text. Nothing was "
            "written; add --plaintext-ok to write it anyway."
        )
        raise OutreachError(message.format(name=db.location.name, what=what))


def encrypt_file(path: Path, passphrase: str) -> Converted:
    """Encrypt the plain database file `path` with `passphrase`, in place (see the
    module's docstring). Close the app first: the file must not change meanwhile."""
    check_new_passphrase(passphrase)
    _check_convertible(path)
    if sqlite_file.is_encrypted(path):
        raise ValidationError(
            _("{path} is encrypted already; nothing was changed.").format(path=path)
        )
    sqlite_file.assert_intact(path)
    rows = _convert(path, source_key=None, target_key=passphrase)
    return Converted(path, rows, tuple(plaintext_copies(path)))


def decrypt_file(path: Path, passphrase: str) -> Converted:
    """Turn the encrypted file `path` back into a plain SQLite file, in place. Its
    encrypted backups stay as they are (restoring one encrypts the file again)."""
    _check_convertible(path)
    if not sqlite_file.is_encrypted(path):
        raise ValidationError(_("{path} is not encrypted; nothing was changed.").format(path=path))
    sqlite_file.assert_intact(path, passphrase)
    rows = _convert(path, source_key=passphrase, target_key=None)
    return Converted(path, rows, ())


def plaintext_copies(path: Path) -> list[Path]:
    """The plain SQLite copies of `path` that Outreach made: its rolling backups and
    the files a restore kept aside beside it."""
    candidates = [backup.path for backup in backups.list_backups(path)]
    candidates += sorted(path.parent.glob(f"{path.stem}.before-restore-*"))
    return [
        copy
        for copy in candidates
        if copy.is_file() and not copy.name.endswith(backups.COMPANIONS)
        if not sqlite_file.is_blank(copy) and sqlite_file.has_sqlite_header(copy)
    ]


def replace_plaintext_backups(path: Path, passphrase: str, copies: list[Path]) -> Path:
    """A fresh encrypted backup of the encrypted file `path` first, then the plaintext
    `copies` deleted (with their journals); returns the new backup."""
    fresh = backups.make_backup(path, "encrypted", passphrase=passphrase)
    for copy in copies:
        for suffix in ("", *backups.COMPANIONS):
            with contextlib.suppress(FileNotFoundError):
                copy.with_name(copy.name + suffix).unlink()
    return fresh.path


# --- the conversion --------------------------------------------------------------------


def _check_convertible(path: Path) -> None:
    if sqlite_file.is_blank(path):
        message = _("There is no database at {path}; nothing was changed.")
        raise OutreachError(message.format(path=path))
    if not sqlite_file.is_writable(path):
        message = _("{path} is read-only (or its folder is); nothing was changed.")
        raise OutreachError(message.format(path=path))


def _convert(path: Path, source_key: str | None, target_key: str | None) -> int:
    """Export `path` (keyed with `source_key`) into a new file beside it keyed with
    `target_key` (None: plain), check it, and move it into place; returns its rows."""
    staged = path.with_name(f".{path.name}.converting")
    _remove_with_companions(staged)  # a crash's leftover
    sqlite_file.create_private_file(staged)
    try:
        with _source(path, source_key) as source:
            counts = _row_counts(source, "main")
            quoted_target = str(staged).replace("'", "''")
            new_key = sqlite_file.raw_key(staged, target_key) if target_key else ""
            key = sqlite_file.quoted_key(new_key)
            source.execute(f"ATTACH DATABASE '{quoted_target}' AS converted KEY {key}")
            source.execute("SELECT sqlcipher_export('converted')")
            version = source.execute("PRAGMA main.user_version").fetchone()[0]
            source.execute(f"PRAGMA converted.user_version = {int(version)}")
            source.execute("DETACH DATABASE converted")
        _check_converted(staged, target_key, counts)
        os.replace(staged, path)
    except BaseException:
        _remove_with_companions(staged)
        raise
    for suffix in backups.COMPANIONS:  # the old file's journal: never replayed into the new
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
    backups._sync_folder(path.parent)
    return sum(counts.values())


@contextlib.contextmanager
def _source(path: Path, key: str | None) -> Iterator[Any]:
    """A sqlcipher3 connection on the file (plain or keyed; sqlcipher_export lives
    there), its write-ahead log folded into the file first."""
    connection = sqlite_file.cipher_connect(path, key)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        yield connection
    except sqlite_file.DATABASE_ERRORS as error:
        message = _("{name} could not be converted: {reason}; nothing was changed.")
        raise OutreachError(message.format(name=path.name, reason=error)) from error
    finally:
        connection.close()


def _row_counts(connection: Any, schema: str) -> dict[str, int]:
    names = connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    counts = {}
    for (name,) in names:
        quoted = str(name).replace('"', '""')
        try:
            counts[str(name)] = int(
                connection.execute(f'SELECT count(*) FROM {schema}."{quoted}"').fetchone()[0]
            )
        except sqlite_file.DATABASE_ERRORS:  # a virtual table whose module is absent
            continue
    return counts


def _check_converted(staged: Path, key: str | None, counts: dict[str, int]) -> None:
    """The new file is sound and holds every row of every table."""
    sqlite_file.assert_intact(staged, key)
    with contextlib.closing(sqlite_file.open_read_only(staged, key)) as copy:
        found = _row_counts(copy, "main")
    if found != counts:
        names = counts.keys() | found.keys()
        differing = sorted(name for name in names if counts.get(name) != found.get(name))
        message = _("The converted copy differs from the file in {tables}; nothing was changed.")
        raise OutreachError(message.format(tables=", ".join(differing[:5])))


def _remove_with_companions(path: Path) -> None:
    for suffix in ("", *backups.COMPANIONS):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
