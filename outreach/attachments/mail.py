"""An e-mail message as the contact log takes it: who wrote to whom, when, about what,
its body as readable text and the files it carried. Python's `email` package reads a
.eml file (MIME, encoded words and all); extract-msg reads an Outlook .msg file.

A file that is not a message (no Date, no sender, unreadable) is refused with the
reason, so an import can say it and write nothing.
"""

from __future__ import annotations

import email
import email.policy
import io
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from typing import Any

from outreach.attachments.html import html_text
from outreach.errors import ValidationError
from outreach.i18n import _


@dataclass(frozen=True, slots=True)
class MailFile:
    """A file a message carried."""

    name: str
    media_type: str
    content: bytes


@dataclass(frozen=True, slots=True)
class MailMessage:
    message_id: str  # "<…@…>", as the message gives it; "" when it has none
    sent_at: datetime  # from its Date header, timezone-aware when the header says
    subject: str
    sender: tuple[str, str]  # (name, address)
    recipients: tuple[tuple[str, str], ...]  # To and Cc
    body: str  # as readable text
    files: tuple[MailFile, ...] = field(default=())

    @property
    def addresses(self) -> tuple[str, ...]:
        """Everyone's address, the sender's first, lower case, each once."""
        seen: dict[str, None] = {}
        for _name, address in (self.sender, *self.recipients):
            if address:
                seen.setdefault(address.lower(), None)
        return tuple(seen)


def _refuse(reason: str) -> ValidationError:
    return ValidationError(
        _("This is not an e-mail message Outreach can read: {reason}").format(reason=reason)
    )


def _sent_at(value: str | None) -> datetime:
    if not value:
        raise _refuse(_("it has no Date header."))
    try:
        return parsedate_to_datetime(str(value))
    except (TypeError, ValueError):
        raise _refuse(_("its Date header ({value}) is not a date.").format(value=value)) from None


def _people(values: list[str]) -> tuple[tuple[str, str], ...]:
    """(name, address) of each person the header values name ("Name <a@b>", "a@b")."""
    found = getaddresses(values)
    return tuple((name.strip(), address.strip()) for name, address in found if "@" in address)


def _body(message: EmailMessage) -> str:
    plain = message.get_body(preferencelist=("plain",))
    text = str(plain.get_content()).strip() if plain is not None else ""
    if text:
        return text
    html = message.get_body(preferencelist=("html",))  # an HTML-only message, or an empty plain
    return html_text(str(html.get_content())) if html is not None else ""


def _files(message: EmailMessage) -> tuple[MailFile, ...]:
    files = []
    for part in message.iter_attachments():
        content = part.get_payload(decode=True)
        if not isinstance(content, bytes):
            continue  # a message/rfc822 part's payload is a message: kept in the .eml
        name = part.get_filename() or _("attachment")
        files.append(MailFile(name, part.get_content_type(), content))
    return tuple(files)


def parse_eml(content: bytes) -> MailMessage:
    """A .eml file's message; ValidationError when it is not one."""
    message = email.message_from_bytes(content, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    if not message.keys():
        raise _refuse(_("it has no headers."))
    senders = _people([str(value) for value in message.get_all("From", [])])
    if not senders:
        raise _refuse(_("it has no sender (From header)."))
    recipients = _people(
        [str(value) for name in ("To", "Cc") for value in message.get_all(name, [])]
    )
    return MailMessage(
        message_id=str(message.get("Message-ID", "")).strip(),
        sent_at=_sent_at(message.get("Date")),
        subject=str(message.get("Subject", "")).strip(),
        sender=senders[0],
        recipients=recipients,
        body=_body(message),
        files=_files(message),
    )


def _msg_sender(message: Any) -> tuple[tuple[str, str], ...]:
    """The sender of a .msg whose From names no address: its SMTP or e-mail address
    properties (PR_SENDER_SMTP_ADDRESS, PR_SENDER_EMAIL_ADDRESS)."""
    for stream in ("__substg1.0_5D01", "__substg1.0_0C1F"):
        address = message.getStringStream(stream)
        if address and "@" in address:
            return ((str(message.sender or "").strip(), str(address).strip()),)
    return ()


def _msg_file(attachment: object) -> tuple[str, str, bytes | None]:
    """An Outlook attachment's name, kind and bytes (None for an embedded item)."""
    data = getattr(attachment, "data", None)
    name = getattr(attachment, "longFilename", None) or getattr(attachment, "name", None)
    media_type = getattr(attachment, "mimetype", None) or "application/octet-stream"
    return (
        str(name or _("attachment")),
        str(media_type),
        data if isinstance(data, bytes) else None,
    )


def parse_msg(content: bytes) -> MailMessage:
    """An Outlook .msg file's message; ValidationError when it is not one."""
    import extract_msg

    try:
        message = extract_msg.openMsg(io.BytesIO(content))
    except Exception as error:  # extract-msg raises many kinds
        raise _refuse(str(error) or type(error).__name__) from None
    try:
        if not isinstance(message, extract_msg.Message):
            raise _refuse(_("it is an Outlook item that is not a message."))
        sent_at = message.date
        if sent_at is None:
            raise _refuse(_("it has no Date header."))
        senders = _people([message.sender or ""]) or _msg_sender(message)
        if not senders:
            raise _refuse(_("it has no sender (From header)."))
        body = message.body or ""
        if not body.strip() and message.htmlBody:
            html = message.htmlBody
            body = html_text(html.decode("utf-8", "replace") if isinstance(html, bytes) else html)
        files = tuple(
            MailFile(name, media_type, data)
            for name, media_type, data in map(_msg_file, message.attachments)
            if data is not None
        )
        return MailMessage(
            message_id=(message.messageId or "").strip(),
            sent_at=sent_at,
            subject=(message.subject or "").strip(),
            sender=senders[0],
            recipients=_people([message.to or "", message.cc or ""]),
            body=body.strip(),
            files=files,
        )
    finally:
        message.close()
