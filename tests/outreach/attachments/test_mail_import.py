"""E-mail into the contact log: a .eml or .msg message becomes an e-mail entry with its
date, subject and body, linked to the contacts it names and their states, with the
message and its files attached; a duplicate or an unreadable file writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from outreach.errors import ValidationError
from outreach.search import SearchService
from outreach.services.attachments import AttachmentService
from outreach.services.contact_log import ContactLogService
from outreach.services.contacts import ContactService
from outreach.services.mail_import import MailImportService
from outreach.services.states import StateService
from outreach.storage.database import Database
from outreach.storage.models import Attachment, LogEntry

from .files import eml, outlook_msg, pdf_with


@pytest.fixture
def mail(reference_db: Database) -> MailImportService:
    return MailImportService(reference_db)


@pytest.fixture
def mission(reference_db: Database) -> int:
    """A contact in Cambodia whose address the messages carry."""
    return (
        ContactService(reference_db)
        .create("Sok", given_name="Dara", state="KHM", email="Mission.PNH@example.org")
        .id
    )


def _rows(db: Database) -> tuple[int, int]:
    with db.read() as session:
        entries = session.scalar(select(func.count(LogEntry.id))) or 0
        files = session.scalar(select(func.count(Attachment.id))) or 0
    return entries, files


def test_a_message_becomes_an_email_entry_with_its_files(
    reference_db: Database, mail: MailImportService, mission: int, tmp_path: Path
) -> None:
    path = tmp_path / "report.eml"
    path.write_bytes(
        eml(
            subject="Réunion au ministère — adhésion",  # sent as encoded words
            body="",
            html="<html><head><style>p{}</style></head><body><p>The minister "
            "<b>will sign</b>.</p><p>Second&nbsp;paragraph</p></body></html>",
            files=(("note verbale.pdf", "application/pdf", pdf_with("Instrument of accession")),),
        )
    )
    assert b"=?utf-8?" in path.read_bytes()

    imported = mail.import_file(path)

    entry = imported.entry
    assert (entry.kind, entry.occurred_on) == ("email", date(2004, 9, 14))
    assert entry.summary == "Réunion au ministère — adhésion"
    assert entry.details == "The minister will sign.\n\nSecond paragraph"
    assert entry.contact_ids == (mission,)
    assert entry.state_ids == (StateService(reference_db).get("KHM").id,)
    assert imported.unknown == (("Desk Officer", "desk@example.org"),)
    assert [a.name for a in imported.attachments] == ["report.eml", "note verbale.pdf"]
    assert [a.media_type for a in imported.attachments] == ["message/rfc822", "application/pdf"]
    attachments = AttachmentService(reference_db)
    assert {a.name for a in attachments.of("log_entry", entry.id)} == {
        "report.eml",
        "note verbale.pdf",
    }
    attachments.read_pending_texts()
    hits = SearchService(reference_db).search("instrument accession", kinds=["attachment"]).hits
    assert [hit.title for hit in hits] == ["note verbale.pdf"]


def test_the_same_message_twice_is_refused(
    reference_db: Database, mail: MailImportService, mission: int
) -> None:
    first = mail.import_message(eml(), "call.eml")
    before = _rows(reference_db)
    with pytest.raises(
        ValidationError, match=r"already in the contact log: “Call with the ministry” of 2004-09-14"
    ):
        mail.import_message(eml(subject="Forwarded again"), "again.eml")
    assert _rows(reference_db) == before
    # once its entry is deleted, the message may be logged again
    ContactLogService(reference_db).delete(first.entry.id)
    assert mail.import_message(eml(), "call.eml").entry.id != first.entry.id


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "no headers"),
        (b"Just some text, not a message\n", "no headers"),
        (b"Subject: a note\nDate: Tue, 14 Sep 2004 09:30:00 +0700\n\nbody", "no sender"),
        (eml(date="").replace(b"Date: \n", b""), "no Date header"),
        (b"From: a@example.org\nDate: the fourteenth of September\n\nbody", "is not a date"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "not an e-mail message"),
    ],
)
def test_a_malformed_message_is_refused_with_its_reason(
    reference_db: Database, mail: MailImportService, mission: int, content: bytes, reason: str
) -> None:
    before = _rows(reference_db)
    with pytest.raises(ValidationError, match=reason):
        mail.import_message(content, "bad.eml")
    assert _rows(reference_db) == before


def test_a_message_from_strangers_needs_a_state(
    reference_db: Database, mail: MailImportService
) -> None:
    stranger = eml(sender="someone@example.net", to="other@example.net")
    with pytest.raises(ValidationError, match="name the state it concerns"):
        mail.import_message(stranger, "stranger.eml")
    assert _rows(reference_db) == (0, 0)
    imported = mail.import_message(stranger, "stranger.eml", states=["Cambodia"])
    assert imported.entry.state_ids == (StateService(reference_db).get("KHM").id,)
    assert imported.entry.contact_ids == ()
    assert [address for _name, address in imported.unknown] == [
        "someone@example.net",
        "other@example.net",
    ]


def test_a_file_too_large_refuses_the_whole_message(
    reference_db: Database, mail: MailImportService, mission: int
) -> None:
    big = eml(files=(("scan.pdf", "application/pdf", b"%PDF" + b"x" * 4096),))
    with pytest.raises(ValidationError, match=r"big\.eml is .*at most"):
        mail.import_message(big, "big.eml", limit=len(big) - 1)
    assert _rows(reference_db) == (0, 0)


def test_an_outlook_message(
    reference_db: Database, mail: MailImportService, mission: int, tmp_path: Path
) -> None:
    content = outlook_msg(
        tmp_path / "call.msg", files=(("template.txt", "text/plain", b"Article 7 form"),)
    )
    imported = mail.import_message(content, "call.msg")
    assert imported.entry.summary == "Appel du ministère"
    assert imported.entry.details == "The ministry asked for the Article 7 template."
    assert imported.entry.occurred_on == date(2004, 9, 14)
    assert imported.entry.contact_ids == (mission,)
    assert [(a.name, a.media_type) for a in imported.attachments] == [
        ("call.msg", "application/vnd.ms-outlook"),
        ("template.txt", "text/plain"),
    ]
    with pytest.raises(ValidationError, match="already in the contact log"):
        mail.import_message(content, "call.msg")


def test_an_address_written_twice_is_listed_once(mail: MailImportService) -> None:
    imported = mail.import_message(
        eml(sender="Aide <aide@example.net>", to="aide@example.net, AIDE@example.net"),
        "self.eml",
        states=["KHM"],
    )
    assert imported.unknown == (("Aide", "aide@example.net"),)
