"""Files attached to records: attach (the same bytes are stored once, found by their
SHA-256), list, read back, remove and restore (undo); and read their text for the
search, which `read_pending_texts` does after the attaching transaction, so attaching
stays quick and a file that cannot be read is still attached.

The bytes live in the database (`attachment_blob`), so one file, or one server, holds
everything; a file larger than the limit the officer chose is refused whole.
"""

from __future__ import annotations

import builtins
import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from outreach.attachments.files import file_size, media_type_of, read_file
from outreach.attachments.text import read_text
from outreach.domain import limits
from outreach.domain.enums import AttachedTo, TextState
from outreach.domain.records import AttachmentRecord
from outreach.errors import ValidationError
from outreach.i18n import N_, _
from outreach.services import lookup, validation
from outreach.services.base import RecordService
from outreach.storage.database import Database
from outreach.storage.models import (
    Attachment,
    AttachmentBlob,
    Contact,
    Demarche,
    Intervention,
    LogEntry,
    Meeting,
    Organization,
    State,
)

MB = 1024 * 1024
DEFAULT_LIMIT = limits.ATTACHMENT_LIMIT_MB * MB

#: the model and the label of each kind of record that takes attachments
_OWNERS: dict[AttachedTo, tuple[type[object], str]] = {
    AttachedTo.STATE: (State, N_("state")),
    AttachedTo.CONTACT: (Contact, N_("contact")),
    AttachedTo.ORGANIZATION: (Organization, N_("organization")),
    AttachedTo.DEMARCHE: (Demarche, N_("démarche")),
    AttachedTo.LOG_ENTRY: (LogEntry, N_("log entry")),
    AttachedTo.MEETING: (Meeting, N_("meeting")),
    AttachedTo.INTERVENTION: (Intervention, N_("intervention")),
}


def megabytes(size: int) -> str:
    """A size as people read it: "0.2 MB", "63 MB"."""
    value = size / MB
    return f"{value:.1f} MB" if value < 10 else f"{value:.0f} MB"


def attachment_record(row: Attachment) -> AttachmentRecord:
    return AttachmentRecord(
        id=row.id,
        record_kind=row.record_kind,
        record_id=row.record_id,
        name=row.name,
        media_type=row.media_type,
        size=row.blob.size,
        sha256=row.blob.sha256,
        attached_by=row.attached_by,
        attached_at=row.attached_at,
        text_state=row.blob.text_state,
    )


def _kind(value: str) -> AttachedTo:
    try:
        return AttachedTo(value)
    except ValueError:
        raise ValidationError(
            _("Files cannot be attached to a '{kind}'.").format(kind=value)
        ) from None


def _check_size(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise ValidationError(
            _("{name} is {size}; an attachment may be at most {limit} (Preferences).").format(
                name=name, size=megabytes(size), limit=megabytes(limit)
            )
        )


def _check_owner(session: Session, kind: AttachedTo, record_id: int) -> None:
    model, label = _OWNERS[kind]
    lookup.get_live(session, model, record_id, label)


def _blob(session: Session, content: bytes) -> AttachmentBlob:
    """The stored bytes `content`, added unless the same bytes are there already."""
    digest = hashlib.sha256(content).hexdigest()
    found = session.scalar(select(AttachmentBlob).where(AttachmentBlob.sha256 == digest))
    if found is not None:
        return found
    blob = AttachmentBlob(
        sha256=digest, size=len(content), content=content, text_state=TextState.PENDING.value
    )
    session.add(blob)
    return blob


class AttachmentService(RecordService[Attachment, AttachmentRecord]):
    _model = Attachment
    _label = N_("attachment")

    def _record(self, session: Session, row: Attachment) -> AttachmentRecord:
        session.flush()
        return attachment_record(row)

    def attach(
        self,
        record_kind: str,
        record_id: int,
        name: str,
        content: bytes,
        *,
        media_type: str | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> AttachmentRecord:
        """Attach `content` as `name` to the record; refused (nothing written) when the
        record is not there, the name is empty or too long, or the file is over `limit`."""
        kind = _kind(record_kind)
        name = validation.required_text(name, limits.FILE_NAME)
        _check_size(name, len(content), limit)
        with self._db.write() as session:
            _check_owner(session, kind, record_id)
            row = Attachment(
                record_kind=kind.value,
                record_id=record_id,
                blob=_blob(session, content),
                name=name,
                media_type=media_type or media_type_of(name),
                attached_by=self._db.actor,
                attached_at=datetime.now(UTC).replace(tzinfo=None),
            )
            return self._added(session, row)

    def attach_file(
        self, record_kind: str, record_id: int, path: Path, *, limit: int = DEFAULT_LIMIT
    ) -> AttachmentRecord:
        """Attach the file at `path` under its own name."""
        path = Path(path)
        _check_size(path.name, file_size(path), limit)  # before reading it all
        return self.attach(record_kind, record_id, path.name, read_file(path), limit=limit)

    def of(self, record_kind: str, record_id: int) -> builtins.list[AttachmentRecord]:
        """The record's attachments, newest first."""
        kind = _kind(record_kind)
        with self._db.read() as session:
            rows = session.scalars(
                select(Attachment)
                .where(
                    Attachment.record_kind == kind.value,
                    Attachment.record_id == record_id,
                    Attachment.deleted_at.is_(None),
                )
                .order_by(Attachment.attached_at.desc(), Attachment.id.desc())
            )
            return [attachment_record(row) for row in rows]

    def content(self, attachment_id: int) -> bytes:
        """The attached file's bytes."""
        with self._db.read() as session:
            row = self._live(session, attachment_id)
            return bytes(
                session.scalar(
                    select(AttachmentBlob.content).where(AttachmentBlob.id == row.blob_id)
                )
                or b""
            )

    def names_of(self, blob_id: int) -> builtins.list[str]:
        """The names a stored file is attached under (removed attachments too)."""
        with self._db.read() as session:
            return sorted(
                set(session.scalars(select(Attachment.name).where(Attachment.blob_id == blob_id)))
            )

    def pending_texts(self) -> int:
        """How many stored files have not had their text read yet."""
        with self._db.read() as session:
            pending = AttachmentBlob.text_state == TextState.PENDING.value
            return int(session.scalar(select(func.count(AttachmentBlob.id)).where(pending)) or 0)

    def read_pending_texts(self, cancelled: Callable[[], bool] = lambda: False) -> int:
        """Read the text of every file not read yet, one transaction each (a large PDF
        does not hold the others up); returns how many were read."""
        done = 0
        while not cancelled():
            with self._db.read() as session:
                pending = session.execute(
                    select(AttachmentBlob.id, Attachment.media_type)
                    .join(Attachment, Attachment.blob_id == AttachmentBlob.id)
                    .where(AttachmentBlob.text_state == TextState.PENDING.value)
                    .limit(1)
                ).first()
                if pending is None:
                    return done
                blob_id, media_type = pending
                content = session.scalar(
                    select(AttachmentBlob.content).where(AttachmentBlob.id == blob_id)
                )
            read = read_text(media_type, bytes(content or b""))
            with self._db.write() as session:
                session.execute(
                    update(AttachmentBlob)
                    .where(
                        AttachmentBlob.id == blob_id,
                        AttachmentBlob.text_state == TextState.PENDING.value,
                    )
                    .values(text=read.text, text_state=read.state.value)
                )
            done += 1
        return done


def damaged_files(db: Database) -> list[str]:
    """What `outreach check` reports of the stored files: any whose bytes no longer match
    the SHA-256 they were stored under, or their recorded size (read one at a time)."""
    problems = []
    with db.read() as session:
        ids = session.scalars(select(AttachmentBlob.id).order_by(AttachmentBlob.id)).all()
    for blob_id in ids:
        with db.read() as session:
            digest, size, content = session.execute(
                select(AttachmentBlob.sha256, AttachmentBlob.size, AttachmentBlob.content).where(
                    AttachmentBlob.id == blob_id
                )
            ).one()
        data = bytes(content)
        if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            names = AttachmentService(db).names_of(blob_id)
            problems.append(
                _("attachments: the stored bytes of {names} do not match their checksum").format(
                    names=", ".join(names) or f"#{blob_id}"
                )
            )
    return problems
