"""Contacts: the people we talk to, in an organization, usually of a state.

Phones are stored in E.164 (+85523223456), e-mails normalised, languages as ISO 639-1
codes. A national phone number is read with the contact's state as the region.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable

import pycountry
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from outreach.domain import limits
from outreach.domain.records import ContactRecord
from outreach.errors import ValidationError
from outreach.folding import fold
from outreach.i18n import N_, _
from outreach.services import common, lookup
from outreach.services.base import RecordService
from outreach.services.common import KEEP, Keep
from outreach.services.validation import optional_text, required_text, valid_text
from outreach.storage.models import Contact, Organization, State

LABEL = N_("contact")


def contact_record(contact: Contact) -> ContactRecord:
    languages = tuple(code for code in contact.languages.split(",") if code)
    return common.record_of(ContactRecord, contact, languages=languages)


def normalize_phone(raw: str | None, region: str | None) -> str:
    """A phone number as E.164, or "" for none. `region` (ISO alpha-2) reads national
    numbers; international ones (+…) need no region."""
    text = optional_text(raw, limits.PHONE)
    if not text:
        return ""
    if region is None and text.startswith("00"):
        text = "+" + text[2:]  # the international call prefix most of the world dials
    if not text.startswith("+") and region is None:
        message = _(
            "'{phone}' is not a phone number in international form (like +855 23 223 456); "
            "give the country code, or set the contact's state to read it as national."
        )
        raise ValidationError(message.format(phone=text), "phone")
    import phonenumbers  # on a save, not at start: its tables are large

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        message = _("'{phone}' is not a phone number; write it like +855 23 223 456.")
        raise ValidationError(message.format(phone=text), "phone") from None
    if not phonenumbers.is_valid_number(number):
        region_code = phonenumbers.region_code_for_number(number)
        message = (
            _("'{phone}' is not a phone number in use in {region}; check the digits.")
            if region_code
            else _("'{phone}' is not a phone number in use in any country; check the digits.")
        )
        raise ValidationError(message.format(phone=text, region=region_code), "phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_email(raw: str | None) -> str:
    """An e-mail address checked for form only (never over the network), or "" for none."""
    text = optional_text(raw, limits.EMAIL)
    if not text:
        return ""
    from email_validator import EmailNotValidError, validate_email  # on a save, not at start

    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as error:
        message = _("'{email}' is not an e-mail address: {reason}")
        raise ValidationError(message.format(email=text, reason=error), "email") from None


def normalize_languages(value: Iterable[str] | str | None) -> str:
    """ISO 639-1 codes, comma-separated, lower case, once each, in the order given."""
    if value is None:
        return ""
    items = value.replace(",", " ").split() if isinstance(value, str) else value
    codes: builtins.list[str] = []
    for item in items:
        code = valid_text(item, limits.LANGUAGES).strip().lower()
        if not code:
            continue
        if len(code) != 2 or not code.isalpha() or _language(code) is None:
            message = _("'{code}' is not an ISO 639-1 language code (like en, fr, km).")
            raise ValidationError(message.format(code=item.strip()), "languages")
        if code not in codes:
            codes.append(code)
    text = ",".join(codes)
    if len(text) > limits.LANGUAGES.max_length:
        most = (limits.LANGUAGES.max_length + 1) // 3
        message = _("Too many languages; at most {count} fit.")
        raise ValidationError(message.format(count=most), "languages")
    return text


def _language(code: str) -> object | None:
    try:
        return pycountry.languages.get(alpha_2=code)
    except KeyError:
        return None


def _region(session: Session, state_id: int | None) -> str | None:
    if state_id is None:
        return None
    state = session.get(State, state_id)
    return state.iso2 if state is not None else None


def _organization_id(session: Session, organization_id: int | None) -> int | None:
    if organization_id is None:
        return None
    return lookup.get_live(session, Organization, organization_id, N_("organization")).id


def _conditions(
    session: Session, state: str | int | None, organization_id: int | None
) -> builtins.list[ColumnElement[bool]]:
    conditions: builtins.list[ColumnElement[bool]] = [Contact.deleted_at.is_(None)]
    if state is not None:
        conditions.append(Contact.state_id == lookup.state(session, state).id)
    if organization_id is not None:
        conditions.append(Contact.organization_id == organization_id)
    return conditions


def _matching_ids(
    session: Session, conditions: builtins.list[ColumnElement[bool]], needle: str
) -> builtins.list[int]:
    """Ids of the contacts meeting `conditions` and mentioning `needle`, in name order.

    Names are compared folded (Örnek sorts with the O's) and matched ignoring accents,
    which SQL cannot do portably; only six short columns per contact leave the database,
    so this stays quick for tens of thousands of contacts.
    """
    rows = session.execute(
        select(
            Contact.id,
            Contact.family_name,
            Contact.given_name,
            Contact.position,
            Contact.email,
            Contact.phone,
        ).where(*conditions)
    )
    keyed = []
    for contact_id, family, given, position, email, phone in rows:
        family_key, given_key = fold(family), fold(given)
        text = " ".join((given_key, family_key, fold(position), fold(email), phone))
        if needle and needle not in text and needle.replace(" ", "") not in phone:
            continue
        keyed.append((family_key, given_key, contact_id))
    keyed.sort()
    return [contact_id for _family, _given, contact_id in keyed]


class ContactService(RecordService[Contact, ContactRecord]):
    _model, _label = Contact, LABEL

    def _record(self, session: Session, row: Contact) -> ContactRecord:
        return contact_record(row)

    def create(
        self,
        family_name: str,
        *,
        given_name: str = "",
        position: str = "",
        organization_id: int | None = None,
        state: str | int | None = None,
        email: str = "",
        phone: str = "",
        languages: Iterable[str] | str = (),
        notes: str = "",
    ) -> ContactRecord:
        """A contact. Without a `state`, the contact takes its organization's state."""
        family = required_text(family_name, limits.FAMILY_NAME)
        given = optional_text(given_name, limits.GIVEN_NAME)
        role = optional_text(position, limits.POSITION)
        remarks = optional_text(notes, limits.NOTES)
        mail = normalize_email(email)
        spoken = normalize_languages(languages)
        with self._db.write() as session:
            organization = _organization_id(session, organization_id)
            state_id = common.optional_state_id(session, state)
            if state_id is None and organization is not None:
                state_id = session.get_one(Organization, organization).state_id
            contact = Contact(
                given_name=given,
                family_name=family,
                position=role,
                organization_id=organization,
                state_id=state_id,
                email=mail,
                phone=normalize_phone(phone, _region(session, state_id)),
                languages=spoken,
                notes=remarks,
            )
            return self._added(session, contact)

    def update(
        self,
        contact_id: int,
        *,
        family_name: str | None = None,
        given_name: str | None = None,
        position: str | None = None,
        organization_id: int | Keep | None = KEEP,
        state: str | int | Keep | None = KEEP,
        email: str | None = None,
        phone: str | None = None,
        languages: Iterable[str] | str | None = None,
        notes: str | None = None,
        version: int | None = None,
    ) -> ContactRecord:
        """Change the fields given. Text fields: None leaves them; "" empties the optional
        ones. `organization_id` and `state`: KEEP leaves them, None removes them."""
        with self._changing(contact_id, version) as (session, contact):
            if family_name is not None:
                contact.family_name = required_text(family_name, limits.FAMILY_NAME)
            if given_name is not None:
                contact.given_name = optional_text(given_name, limits.GIVEN_NAME)
            if position is not None:
                contact.position = optional_text(position, limits.POSITION)
            if not isinstance(organization_id, Keep):
                contact.organization_id = _organization_id(session, organization_id)
            if not isinstance(state, Keep):
                contact.state_id = common.optional_state_id(session, state)
            if email is not None:
                contact.email = normalize_email(email)
            if phone is not None:
                contact.phone = normalize_phone(phone, _region(session, contact.state_id))
            if languages is not None:
                contact.languages = normalize_languages(languages)
            if notes is not None:
                contact.notes = optional_text(notes, limits.NOTES)
            session.flush()
            return contact_record(contact)

    def get_many(self, contact_ids: Iterable[int]) -> builtins.list[ContactRecord]:
        """The live contacts among `contact_ids`, in one query per thousand ids."""
        wanted = sorted(set(contact_ids))
        found: builtins.list[ContactRecord] = []
        with self._db.read() as session:
            for part in common.chunks(wanted):
                found.extend(
                    contact_record(contact)
                    for contact in session.scalars(
                        select(Contact).where(Contact.id.in_(part), Contact.deleted_at.is_(None))
                    )
                )
        return found

    def count(
        self,
        *,
        state: str | int | None = None,
        organization_id: int | None = None,
        text: str | None = None,
    ) -> int:
        """How many live contacts `list` would give without paging."""
        needle = fold(text) if text else ""
        with self._db.read() as session:
            conditions = _conditions(session, state, organization_id)
            if not needle:
                return session.scalar(select(func.count(Contact.id)).where(*conditions)) or 0
            return len(_matching_ids(session, conditions, needle))

    def list(
        self,
        *,
        state: str | int | None = None,
        organization_id: int | None = None,
        text: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[ContactRecord]:
        """Live contacts by family then given name (ignoring case and accents). `text`
        matches part of a name, the position, e-mail or phone, ignoring case and accents."""
        common.check_paging(offset, limit)
        needle = fold(text) if text else ""
        with self._db.read() as session:
            conditions = _conditions(session, state, organization_id)
            if not needle:  # ordered and paged by the database, on the folded sort key
                page = (
                    select(Contact)
                    .where(*conditions)
                    .order_by(Contact.sort_key, Contact.id)
                    .offset(offset)
                    .limit(limit)
                )
                return [contact_record(contact) for contact in session.scalars(page)]
            ids = _matching_ids(session, conditions, needle)
            wanted = ids[offset : None if limit is None else offset + limit]
            found: dict[int, Contact] = {}
            for part in common.chunks(wanted):
                found.update(
                    (contact.id, contact)
                    for contact in session.scalars(select(Contact).where(Contact.id.in_(part)))
                )
            return [contact_record(found[contact_id]) for contact_id in wanted]
