"""Looking at a SQLite file without changing it, and copying it with the backup API.

Everything here opens files read-only (or not at all) so that a refused file is left
byte-for-byte as it was.

An encrypted file (SQLCipher, for PROTECTED data) has no SQLite header: every byte of it
is ciphertext. Every connection to a database file, plain or encrypted, is made by
`connect`, which applies the passphrase first and checks that it opens the file. The
passphrase is never logged nor put in a message.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import hashlib
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlcipher3.dbapi2 as sqlcipher

from outreach.errors import (
    CorruptDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from outreach.i18n import N_, _
from outreach.storage.migrations import runner

SQLITE_HEADER = b"SQLite format 3\x00"
#: what either driver raises: the plain file's (sqlite3) or the encrypted file's (sqlcipher3)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)
#: the subset that says the file itself is wrong ("file is not a database", "malformed")
DAMAGE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher.DatabaseError)
#: SQLCipher's pages: an encrypted file is a whole number of them, at least two
CIPHER_PAGE = 512
WRONG_PASSPHRASE = N_(
    "The passphrase is wrong (or the file is not an Outreach database); nothing was changed."
)
NETWORK_FILE_SYSTEMS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "fuse.sshfs", "9p", "afs"}


def is_blank(path: Path) -> bool:
    """A missing or zero-byte file: a new database may be created there."""
    return not path.exists() or path.stat().st_size == 0


def has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def looks_encrypted(path: Path) -> bool:
    """A file without the SQLite header that could be a SQLCipher database: a whole
    number of pages, at least two, and not text (a text file is simply not ours)."""
    if not path.is_file() or has_sqlite_header(path):
        return False
    size = path.stat().st_size
    if size < 2 * CIPHER_PAGE or size % CIPHER_PAGE:
        return False
    with path.open("rb") as handle:
        start = handle.read(4096)
    try:  # a character cut at the 4 KiB boundary is still text
        text = codecs.getincrementaldecoder("utf-8")().decode(start, final=False)
    except UnicodeDecodeError:
        return True
    return any(ord(char) < 32 and char not in "\t\r\n\f" for char in text)


def is_encrypted(path: Path) -> bool:
    """An existing file that is not plain SQLite: it needs its passphrase."""
    return not is_blank(path) and not has_sqlite_header(path)


def key_for(path: Path, passphrase: str | None) -> str | None:
    """The key to apply to `path`: none for a plain SQLite file, whatever was offered
    (a plain file is read as it is); the passphrase for an encrypted or a new file."""
    if passphrase is None or (not is_blank(path) and has_sqlite_header(path)):
        return None
    return passphrase


def assert_sqlite_header(path: Path, passphrase: str | None = None) -> None:
    """Refuse a file that is neither plain SQLite nor, with a passphrase, encrypted; an
    encrypted-looking file without a passphrase asks for one."""
    if has_sqlite_header(path) or passphrase is not None:
        return  # the key check of `connect` tells a wrong passphrase
    if looks_encrypted(path):
        message = _("{path} is encrypted (or is not a database): give its passphrase to open it.")
        raise PassphraseRequiredError(message.format(path=path))
    message = _("{path} is not an Outreach database (not a SQLite file)")
    raise NotADatabaseError(message.format(path=path))


def quoted_key(passphrase: str) -> str:
    """The passphrase (or a `raw_key`) as a SQL string literal, for PRAGMA key."""
    return "'" + passphrase.replace("'", "''") + "'"


#: SQLCipher 4's key derivation (its defaults): PBKDF2-HMAC-SHA512 over the file's salt
KDF_ITERATIONS = 256_000
SALT_BYTES = 16


@functools.lru_cache(maxsize=8)
def _derived(passphrase: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)


def raw_key(path: Path, passphrase: str) -> str:
    """The key SQLCipher derives from `passphrase` for `path` (a new salt for a new
    file), in its raw-key form "x'KEY SALT'". Deriving it once per process, rather than
    at each connection (a third of a second each), keeps an encrypted file as quick to
    open as a plain one; the file still opens with the passphrase alone anywhere."""
    salt = b""
    if not is_blank(path):
        with path.open("rb") as handle:
            salt = handle.read(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        salt = os.urandom(SALT_BYTES)
    return f"x'{_derived(passphrase, salt).hex()}{salt.hex()}'"


def connect(
    path: Path,
    passphrase: str | None = None,
    *,
    read_only: bool = False,
    any_thread: bool = False,
) -> sqlite3.Connection:
    """The one way to connect to a database file: a plain file with sqlite3, an
    encrypted one (or a new one, with a passphrase) with `cipher_connect`. `read_only`
    opens it as `read_only_uri` says."""
    key = key_for(path, passphrase)
    if key is None:
        target = read_only_uri(path) if read_only else str(path)
        return sqlite3.connect(
            target, uri=read_only, isolation_level=None, check_same_thread=not any_thread
        )
    connection: sqlite3.Connection = cipher_connect(
        path, key, read_only=read_only, any_thread=any_thread
    )
    return connection


def cipher_connect(
    path: Path, key: str | None, *, read_only: bool = False, any_thread: bool = False
) -> Any:
    """A sqlcipher3 connection (the DB-API of sqlite3), keyed first with `key` and
    checked: a key that does not open the file is `WrongPassphraseError`, and the file is
    left untouched. With `key` None, a plain file opened by SQLCipher (for
    `sqlcipher_export`)."""
    target = read_only_uri(path) if read_only else str(path)
    connection = sqlcipher.connect(
        target, uri=read_only, isolation_level=None, check_same_thread=not any_thread
    )
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")  # no key errors on stderr
        if key is not None:
            connection.execute(f"PRAGMA key = {quoted_key(raw_key(path, key))}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        connection.close()
        if key is None:
            message = _("{path} is not an Outreach database")
            raise NotADatabaseError(message.format(path=path)) from None
        raise WrongPassphraseError(_(WRONG_PASSPHRASE)) from None
    except BaseException:
        connection.close()
        raise
    return connection


def read_only_uri(path: Path) -> str:
    """The URI that opens `path` without writing: not the file, and no -wal or -shm
    beside it.

    A WAL-mode file opened read-only would get fresh -wal and -shm files; when there is
    no -wal file, nothing can be pending in one, so the file is opened as immutable.
    """
    pending_wal = path.with_name(path.name + "-wal").exists()
    mode = "mode=ro" if pending_wal else "immutable=1"
    return f"file:{quote(path.absolute().as_posix())}?{mode}"


def open_read_only(
    path: Path, passphrase: str | None = None, *, any_thread: bool = False
) -> sqlite3.Connection:
    """A connection that writes nothing (see `read_only_uri`)."""
    return connect(path, passphrase, read_only=True, any_thread=any_thread)


def is_writable(path: Path) -> bool:
    """Whether we may change the file and create its journal beside it: both the file
    and its folder must be writable (SQLite writes -wal/-shm or -journal files there)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


#: Set to 1 to keep a database file's permissions as they are: for a folder shared on
#: purpose with a group. By default a file others can read is made private on opening.
SHARED_FOLDER_VARIABLE = "OUTREACH_SHARED_FOLDER"


def make_private(path: Path) -> str | None:
    """Take group and other permissions off an existing database file (0644 -> 0600),
    unless the folder is shared on purpose (`SHARED_FOLDER_VARIABLE`). Returns what was
    done, in words for the user, or None when nothing needed doing."""
    if os.environ.get(SHARED_FOLDER_VARIABLE, "") not in ("", "0"):
        return None
    mode = stat.S_IMODE(path.stat().st_mode)
    private = mode & 0o700
    if private == mode:
        return None
    try:
        os.chmod(path, private)
    except OSError:  # someone else's file: we can read it, but not change who may
        message = _(
            "{path} can be read by other users of this computer (permissions {mode}), and "
            "only its owner can change that."
        )
        return message.format(path=path, mode=f"{mode:04o}")
    message = _(
        "{path} could be read by other users of this computer (permissions {mode}); it is "
        "now private to you ({private}). Set {variable}=1 to keep a shared folder's "
        "permissions."
    )
    return message.format(
        path=path, mode=f"{mode:04o}", private=f"{private:04o}", variable=SHARED_FOLDER_VARIABLE
    )


def assert_intact(path: Path, passphrase: str | None = None) -> None:
    """Refuse a file that SQLite reports as damaged, without writing to it."""
    try:
        with contextlib.closing(open_read_only(path, passphrase)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
    except DAMAGE_ERRORS as error:
        raise _damaged(path, error) from error
    if [tuple(row) for row in rows] != [("ok",)]:
        raise _damaged(path, "; ".join(str(row[0]) for row in rows[:3]))


def _damaged(path: Path, problem: object) -> CorruptDatabaseError:
    message = _("{path} is damaged and cannot be opened: {problem}")
    return CorruptDatabaseError(message.format(path=path, problem=problem))


BASE_REVISION = "base"


def read_schema_revision(path: Path, passphrase: str | None = None) -> str | None:
    """The Alembic revision the file is at: None for a file Alembic never touched,
    BASE_REVISION for one whose version table is empty."""
    with contextlib.closing(open_read_only(path, passphrase)) as connection:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return BASE_REVISION if row is None else str(row[0])


def table_names(path: Path, passphrase: str | None = None) -> list[str]:
    with contextlib.closing(open_read_only(path, passphrase)) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    return [str(row[0]) for row in rows]


def needs_migrating(path: Path, passphrase: str | None = None) -> bool:
    """Check an existing file without writing to it: refuse what is not a sound Outreach
    database this version can open; True when it needs migrating."""
    assert_sqlite_header(path, passphrase)
    assert_intact(path, passphrase)
    revision = read_schema_revision(path, passphrase)
    if revision is None:
        if table_names(path, passphrase):
            message = _("{path} is a SQLite file but not an Outreach database")
            raise NotADatabaseError(message.format(path=path))
        return True
    if revision != BASE_REVISION and not runner.is_known(revision):
        message = _(
            "{path} was written by a newer version of Outreach (schema {revision}); update "
            "the app to open it"
        )
        raise NewerSchemaError(message.format(path=path, revision=revision))
    return revision != runner.head_revision()


def holds_data(path: Path, passphrase: str | None = None) -> bool:
    """Whether any table of the file has a row (the version table aside)."""
    with contextlib.closing(open_read_only(path, passphrase)) as connection:
        for name in table_names(path, passphrase):
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


def backup_to(source: Path, target: Path, passphrase: str | None = None) -> Path:
    """Copy a live database consistently with SQLite's online backup API: the one
    function that copies a database file (every backup and restore goes through it).

    The copy of an encrypted file is encrypted with the same passphrase (the backup runs
    between two keyed connections); `passphrase` is not used for a plain file."""
    key = key_for(source, passphrase)
    create_private_file(target)
    with (
        contextlib.closing(open_read_only(source, key)) as origin,
        contextlib.closing(connect(target, key)) as copy,
    ):
        origin.backup(copy)
    return target


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
