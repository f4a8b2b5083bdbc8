"""Files attached to records: stored once by their bytes, listed, read back, removed
and restored, refused when too large or when the record is not there; their text read
for the search."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from outreach.domain.enums import TextState
from outreach.errors import NotFoundError, ValidationError
from outreach.search import SearchService
from outreach.services.attachments import AttachmentService
from outreach.services.contact_log import ContactLogService
from outreach.services.demarches import DemarcheService
from outreach.services.states import StateService
from outreach.storage.database import Database
from outreach.storage.models import AttachmentBlob, AuditEntry

from .files import docx_with, eml, pdf_with


@pytest.fixture
def attachments(reference_db: Database) -> AttachmentService:
    return AttachmentService(reference_db)


@pytest.fixture
def cambodia(reference_db: Database) -> int:
    return StateService(reference_db).get("KHM").id


def _blobs(db: Database) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count(AttachmentBlob.id))) or 0)


def test_a_file_attached_twice_is_stored_once(
    reference_db: Database, attachments: AttachmentService, cambodia: int
) -> None:
    note = pdf_with("Note verbale 2004/117")
    first = attachments.attach("state", cambodia, "note verbale.pdf", note)
    demarche = DemarcheService(reference_db).create(
        "KHM", "Ratify", "ratify", "note_verbale", "ambassador"
    )
    second = attachments.attach("demarche", demarche.id, "NV 2004-117.pdf", note)
    assert (first.media_type, first.size) == ("application/pdf", len(note))
    assert first.sha256 == second.sha256 and first.id != second.id
    assert _blobs(reference_db) == 1
    assert attachments.content(second.id) == note
    assert [a.name for a in attachments.of("state", cambodia)] == ["note verbale.pdf"]
    assert [a.name for a in attachments.of("demarche", demarche.id)] == ["NV 2004-117.pdf"]


def test_the_trail_says_who_attached_what_without_the_bytes(
    reference_db: Database, attachments: AttachmentService, cambodia: int
) -> None:
    secret = b"PROTECTED contents that must not be copied into the trail"
    attachments.attach("state", cambodia, "minutes.txt", secret)
    with reference_db.read() as session:
        trail = session.scalars(
            select(AuditEntry.changes).where(AuditEntry.entity.like("attachment%"))
        ).all()
    said = " ".join(trail)
    assert "minutes.txt" in said and "text/plain" in said and reference_db.actor in said
    assert "PROTECTED contents" not in said


def test_remove_and_restore(attachments: AttachmentService, cambodia: int) -> None:
    attached = attachments.attach("state", cambodia, "a.txt", b"hello")
    attachments.delete(attached.id)
    assert attachments.of("state", cambodia) == []
    with pytest.raises(NotFoundError):
        attachments.content(attached.id)
    assert attachments.restore(attached.id) == attached
    assert attachments.content(attached.id) == b"hello"


def test_too_large_or_nowhere_to_attach_writes_nothing(
    reference_db: Database, attachments: AttachmentService, cambodia: int, tmp_path: Path
) -> None:
    with pytest.raises(
        ValidationError, match=r"big.bin is 2.0 MB; an attachment may be at most 1.0 MB"
    ):
        attachments.attach(
            "state", cambodia, "big.bin", b"x" * (2 * 1024 * 1024), limit=1024 * 1024
        )
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(ValidationError, match="at most"):
        attachments.attach_file("state", cambodia, big, limit=1024)
    with pytest.raises(NotFoundError, match="no démarche with id 999"):
        attachments.attach("demarche", 999, "a.txt", b"x")
    with pytest.raises(ValidationError, match="cannot be attached to a 'treaty'"):
        attachments.attach("treaty", 1, "a.txt", b"x")
    with pytest.raises(ValidationError, match="file name"):
        attachments.attach("state", cambodia, "  ", b"x")
    assert _blobs(reference_db) == 0


def test_a_file_from_disk_keeps_its_name(
    attachments: AttachmentService, cambodia: int, tmp_path: Path
) -> None:
    path = tmp_path / "Cambodia reply.docx"
    path.write_bytes(docx_with("The ministry replied."))
    attached = attachments.attach_file("state", cambodia, path)
    assert attached.name == "Cambodia reply.docx"
    assert attached.media_type.endswith("wordprocessingml.document")
    assert attachments.content(attached.id) == path.read_bytes()


def test_texts_are_read_after_attaching(
    reference_db: Database, attachments: AttachmentService, cambodia: int
) -> None:
    files = {
        "report.pdf": pdf_with("Stockpile destruction completed in Kampong Chhnang"),
        "brief.docx": docx_with("Talking points on Article 7", cell="Deadline 2005"),
        "call.eml": eml(body="The minister will sign the instrument in Ottawa."),
        "notes.txt": "Réunion à Genève".encode(),
        "photo.jpg": b"\xff\xd8\xff\xe0 not really a photo",
        "broken.pdf": b"%PDF-1.4 broken",
    }
    for name, content in files.items():
        attachments.attach("state", cambodia, name, content)
    assert attachments.pending_texts() == 6
    assert attachments.read_pending_texts() == 6
    assert attachments.pending_texts() == 0
    with reference_db.read() as session:
        texts = dict(session.execute(select(AttachmentBlob.text_state, AttachmentBlob.text)).all())
    states = {a.name: a.text_state for a in attachments.of("state", cambodia)}
    assert states == {
        "report.pdf": TextState.DONE,
        "brief.docx": TextState.DONE,
        "call.eml": TextState.DONE,
        "notes.txt": TextState.DONE,
        "photo.jpg": TextState.NAME_ONLY,
        "broken.pdf": TextState.FAILED,
    }
    del texts  # the states say it; the search tests read the texts


def test_reading_stops_when_cancelled(attachments: AttachmentService, cambodia: int) -> None:
    attachments.attach("state", cambodia, "a.txt", b"one")
    attachments.attach("state", cambodia, "b.txt", b"two")
    assert attachments.read_pending_texts(cancelled=lambda: True) == 0
    assert attachments.pending_texts() == 2


def test_search_finds_a_file_by_its_text_and_says_where_it_is(
    reference_db: Database, attachments: AttachmentService, cambodia: int
) -> None:
    entry = ContactLogService(reference_db).log(
        "2004-09-14", "email", "Mission report", states=["KHM"]
    )
    attachments.attach(
        "state", cambodia, "report.pdf", pdf_with("Stockpile destroyed at Kampong Chhnang")
    )
    attachments.attach(
        "log_entry", entry.id, "call.eml", eml(body="Accession bill tabled in Phnom Penh")
    )
    attachments.attach(
        "state", cambodia, "brief.docx", docx_with("Talking points", cell="Kandal province")
    )
    search = SearchService(reference_db)
    assert search.search("Kampong", kinds=["attachment"]).hits == ()  # not read yet
    attachments.read_pending_texts()

    (pdf,) = search.search("Kampong", kinds=["attachment"]).hits
    assert (pdf.title, pdf.field, pdf.state_id) == ("report.pdf", "text", cambodia)
    assert "Cambodia" in pdf.subtitle and "state" in pdf.subtitle
    assert pdf.plain_snippet("[", "]").startswith("Stockpile destroyed at [Kampong]")
    (mail,) = search.search("accession bill", kinds=["attachment"]).hits
    assert (mail.title, mail.state_id) == ("call.eml", cambodia)
    assert "Mission report" in mail.subtitle and "log entry" in mail.subtitle
    (table_cell,) = search.search("kandal", kinds=["attachment"]).hits
    assert table_cell.title == "brief.docx"
    assert [hit.title for hit in search.search("brief", kinds=["attachment"]).hits] == [
        "brief.docx"
    ]

    attachments.delete(pdf.id)  # a removed file is not found; undo brings it back
    assert search.search("Kampong", kinds=["attachment"]).hits == ()
    attachments.restore(pdf.id)
    assert len(search.search("Kampong", kinds=["attachment"]).hits) == 1
