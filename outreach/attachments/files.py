"""What kind of file a name is, and private copies of attached files to open.

A copy to open goes to a folder only the officer can read (0700, its files 0600), which
the app removes when it closes: a PROTECTED attachment does not linger in /tmp.
"""

from __future__ import annotations

import mimetypes
import os
import shutil
import tempfile
from pathlib import Path

from outreach.attachments.text import DOCX, EML, MSG
from outreach.errors import OutreachError
from outreach.i18n import _

#: kinds the system's table may not know, by extension
_KNOWN = {".eml": EML, ".msg": MSG, ".docx": DOCX}
UNKNOWN = "application/octet-stream"


def media_type_of(name: str) -> str:
    """The media type of a file called `name` ("application/pdf"), by its extension."""
    suffix = Path(name).suffix.lower()
    return _KNOWN.get(suffix) or mimetypes.guess_type(name, strict=False)[0] or UNKNOWN


def safe_name(name: str) -> str:
    """`name` as a file name on any system: no folders, no characters they refuse."""
    base = Path(name.replace("\\", "/")).name
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in base)
    return cleaned.strip(" .") or "attachment"


def _cannot_read(path: Path, error: OSError) -> OutreachError:
    return OutreachError(
        _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)
    )


def file_size(path: Path) -> int:
    """The size of the file at `path`, before reading it; a clear error if it cannot be."""
    try:
        return Path(path).stat().st_size
    except OSError as error:
        raise _cannot_read(Path(path), error) from None


def read_file(path: Path) -> bytes:
    """The bytes of a file someone brings in; a clear error if it cannot be read."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise _cannot_read(Path(path), error) from None


class PrivateCopies:
    """Copies of attachments to open with the system's viewer, in a private folder made
    on first use; `remove()` deletes it and everything in it."""

    def __init__(self) -> None:
        self._folder: Path | None = None

    def write(self, name: str, content: bytes) -> Path:
        """A private copy of `content` as `name` (in its own subfolder: two files of
        the same name can be open at once)."""
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="outreach-open-"))  # 0700
        folder = Path(tempfile.mkdtemp(dir=self._folder))
        path = folder / safe_name(name)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        return path

    @property
    def folder(self) -> Path | None:
        return self._folder

    def remove(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
