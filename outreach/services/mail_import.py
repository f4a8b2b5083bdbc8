"""E-mail into the contact log: each message (a .eml file, or an Outlook .msg) becomes
a log entry of kind e-mail, dated by its Date header, its subject the summary and its
body the details; the contacts whose addresses it carries are linked (the addresses of
no contact are listed back, to be added), with their states or the ones named; the
message file and the files it carried are attached to the entry.

One message is one transaction: a message that cannot be read, that is already in the
log (by its Message-ID) or that names no state and no known contact writes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from outreach.attachments.files import UNKNOWN, read_file
from outreach.attachments.mail import MailMessage, parse_eml, parse_msg
from outreach.attachments.text import EML, MSG
from outreach.domain import limits
from outreach.domain.enums import LogKind
from outreach.domain.records import AttachmentRecord, LogEntryRecord
from outreach.errors import ValidationError
from outreach.i18n import N_, _
from outreach.services.attachments import DEFAULT_LIMIT, AttachmentService
from outreach.services.base import Service
from outreach.services.contact_log import ContactLogService
from outreach.storage.database import Database
from outreach.storage.models import Contact, LogEntry

#: how an Outlook .msg file begins (an OLE compound file)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CUT = N_("… (the whole message is attached)")


@dataclass(frozen=True, slots=True)
class MailImported:
    entry: LogEntryRecord
    contact_ids: tuple[int, ...]  # the contacts whose addresses the message carries
    unknown: tuple[tuple[str, str], ...]  # (name, address) of no contact, to add
    attachments: tuple[AttachmentRecord, ...]  # the message first, then its files


def new_contact(name: str, address: str, state_id: int | None) -> dict[str, object]:
    """`ContactService.create` keywords for someone a message names and no contact has:
    "Dara Sok" <d.sok@…> gives Dara (given) Sok (family); an address alone, its local
    part as the family name, to be corrected."""
    words = name.replace('"', "").split()
    if len(words) >= 2:
        given, family = " ".join(words[:-1]), words[-1]
    else:
        given, family = "", (words[0] if words else address.partition("@")[0])
    return {"family_name": family, "given_name": given, "email": address, "state": state_id}


def read_message(content: bytes, file_name: str) -> MailMessage:
    """The message in a .eml or .msg file's bytes (told apart by their first bytes)."""
    if content.startswith(OLE_MAGIC):
        return parse_msg(content)
    if Path(file_name).suffix.lower() == ".msg":
        raise ValidationError(
            _("{name} is not an Outlook message (.msg) file.").format(name=file_name)
        )
    return parse_eml(content)


def _identity(message: MailMessage, content: bytes) -> str:
    """What tells this message from any other: its Message-ID, else its file's hash."""
    found = message.message_id[:300]
    return found or "sha256:" + hashlib.sha256(content).hexdigest()


def _cut(text: str, limit: int, ending: str) -> str:
    return text if len(text) <= limit else text[: limit - len(ending) - 1].rstrip() + "\n" + ending


class MailImportService(Service):
    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._log = ContactLogService(db)
        self._attachments = AttachmentService(db)

    def import_file(
        self,
        path: Path,
        *,
        states: Iterable[str | int] = (),
        officer: str = "",
        limit: int = DEFAULT_LIMIT,
    ) -> MailImported:
        """Log the message in the file at `path` (see `import_message`)."""
        path = Path(path)
        content = read_file(path)
        return self.import_message(content, path.name, states=states, officer=officer, limit=limit)

    def import_message(
        self,
        content: bytes,
        file_name: str,
        *,
        states: Iterable[str | int] = (),
        officer: str = "",
        limit: int = DEFAULT_LIMIT,
    ) -> MailImported:
        """Log one message, given as the bytes of its file: linked to the contacts whose
        addresses it carries and to `states` (ISO codes, names or ids), or, when none is
        given, to those contacts' states."""
        message = read_message(content, file_name)
        identity = _identity(message, content)
        named = list(states)
        with self._db.write() as session:
            _refuse_logged(session, identity)
            contacts = session.execute(
                select(Contact.id, Contact.email, Contact.state_id).where(
                    func.lower(Contact.email).in_(message.addresses),
                    Contact.deleted_at.is_(None),
                )
            ).all()
            known = {str(email).lower() for _id, email, _state in contacts}
            contact_ids = tuple(sorted({contact_id for contact_id, _e, _s in contacts}))
            state_refs: list[str | int] = named or sorted(
                {state for _id, _e, state in contacts if state is not None}
            )
            if not state_refs and not contact_ids:
                raise ValidationError(
                    _(
                        "No contact has any of this message's addresses ({addresses}) and no "
                        "state was named: name the state it concerns."
                    ).format(addresses=", ".join(message.addresses)),
                    "states",  # a desktop asks for the state then
                )
            entry = self._log.log(
                message.sent_at.date(),
                LogKind.EMAIL,
                _cut(message.subject or _("(no subject)"), limits.SUMMARY.max_length, "…"),
                details=_cut(message.body, limits.DETAILS.max_length, _(CUT)),
                officer=officer,
                states=state_refs,
                contact_ids=contact_ids,
                message_id=identity,
            )
            kind = MSG if content.startswith(OLE_MAGIC) else EML
            attached = [
                self._attachments.attach(
                    "log_entry", entry.id, file_name, content, media_type=kind, limit=limit
                )
            ]
            for carried in message.files:
                # a file the message does not type is typed by its name
                media_type = None if carried.media_type == UNKNOWN else carried.media_type
                attached.append(
                    self._attachments.attach(
                        "log_entry",
                        entry.id,
                        carried.name,
                        carried.content,
                        media_type=media_type,
                        limit=limit,
                    )
                )
            unknown: dict[str, tuple[str, str]] = {}  # each address once, as first written
            for name, address in (message.sender, *message.recipients):
                if address.lower() not in known:
                    unknown.setdefault(address.lower(), (name, address))
        return MailImported(
            self._log.get(entry.id), contact_ids, tuple(unknown.values()), tuple(attached)
        )


def _refuse_logged(session: Session, identity: str) -> None:
    """Refuse a message already logged (by a live entry): nothing is written."""
    found = session.execute(
        select(LogEntry.id, LogEntry.occurred_on, LogEntry.summary).where(
            LogEntry.message_id == identity, LogEntry.deleted_at.is_(None)
        )
    ).first()
    if found is not None:
        entry_id, day, summary = found
        raise ValidationError(
            _(
                "This message is already in the contact log: “{summary}” of {day} "
                "(entry {id}); it was not imported again."
            ).format(summary=summary, day=day.isoformat(), id=entry_id)
        )
