"""Small real files the attachment tests attach: a PDF, a Word document, an e-mail."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from outreach.services.attachments import AttachmentService
from outreach.services.contact_log import ContactLogService
from outreach.services.states import StateService
from outreach.storage.database import Database


def pdf_with(text: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def docx_with(paragraph: str, cell: str = "") -> bytes:
    document = Document()
    document.add_heading("Note", level=1)
    document.add_paragraph(paragraph)
    if cell:
        document.add_table(rows=1, cols=1).cell(0, 0).text = cell
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def eml(
    subject: str = "Call with the ministry",
    body: str = "They will table the accession bill.",
    *,
    sender: str = "Mission Phnom Penh <mission.pnh@example.org>",
    to: str = "Desk Officer <desk@example.org>",
    date: str = "Tue, 14 Sep 2004 09:30:00 +0700",
    message_id: str = "<report-1@example.org>",
    html: str | None = None,
    files: tuple[tuple[str, str, bytes], ...] = (),
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = date
    message["Message-ID"] = message_id
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for name, media_type, content in files:
        main, sub = media_type.split("/")
        message.add_attachment(content, maintype=main, subtype=sub, filename=name)
    return bytes(message)


def attach_files(db: Database) -> None:
    """Files on a state and a log entry (the same bytes twice: stored once), one removed,
    their texts read: every attachment table with rows, for the export and copy tests."""
    attachments = AttachmentService(db)
    cambodia = StateService(db).get("KHM").id
    note = pdf_with("Note verbale on the Nairobi Summit")
    attachments.attach("state", cambodia, "note verbale.pdf", note)
    attachments.attach("state", cambodia, "reply.docx", docx_with("The ministry replied."))
    entry = ContactLogService(db).log("2004-09-14", "email", "Mission report", states=["KHM"])
    attachments.attach("log_entry", entry.id, "same note.pdf", note)
    removed = attachments.attach("log_entry", entry.id, "draft.txt", b"first draft")
    attachments.delete(removed.id)
    attachments.read_pending_texts()


def outlook_msg(
    path: Path,
    subject: str = "Appel du ministère",
    body: str = "The ministry asked for the Article 7 template.",
    *,
    sender: tuple[str, str] = ("Mission Phnom Penh", "mission.pnh@example.org"),
    to: tuple[str, str] = ("Desk Officer", "desk@example.org"),
    message_id: str = "<outlook-1@example.org>",
    files: tuple[tuple[str, str, bytes], ...] = (),
) -> bytes:
    """An Outlook .msg file as Outlook writes one (through aspose-email-foss, MIT)."""
    from aspose.email_foss import msg

    message = msg.MapiMessage.create(subject, body)
    message.set_property(msg.PropertyId.SENDER_NAME, sender[0])
    message.set_property(msg.PropertyId.SENDER_EMAIL_ADDRESS, sender[1])
    message.set_property(msg.PropertyId.INTERNET_MESSAGE_ID, message_id)
    message.set_property(
        msg.PropertyId.MESSAGE_DELIVERY_TIME, datetime(2004, 9, 14, 2, 30, tzinfo=UTC)
    )
    message.add_recipient(to[1], display_name=to[0])
    for name, media_type, content in files:
        message.add_attachment(name, content, mime_type=media_type)
    message.save(str(path))
    return path.read_bytes()
