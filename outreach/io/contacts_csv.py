"""Contacts from a CSV file: `outreach import contacts FILE.csv`, and the app's import
dialog (which lets people map their own column names onto these fields).

The documented header (any order; only family_name is required):

    family_name,given_name,position,organization,state,email,phone,languages,notes

- organization: an organization's name as Outreach has it (accents and case aside); a
  name it does not have yet is created, of kind "other", in the row's state;
- state: an ISO code (KHM), a name or an alias ("Ivory Coast");
- phone: international (+855 23 223 456), or national when the state is given;
- languages: ISO 639-1 codes, separated by commas or spaces ("en, fr").

Each row is checked by the same rules as the contact dialog (ContactService) and goes
in whole or not at all (the organization it creates included); a row whose e-mail
address another contact already has is refused as a duplicate. Refused rows are written
to a report file — their own columns plus a `reason` — to fix and import again. The
whole import is one transaction.

A file may hold hundreds of thousands of rows: every row is checked first, against the
states, organizations and e-mails read once, then the good ones go in a few thousand to
an INSERT with their audit rows (the search index follows by its triggers). A file
whose quotes do not pair up is refused whole, naming the line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Unpack

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from outreach.domain import limits
from outreach.domain.enums import AuditAction
from outreach.domain.records import ContactRecord
from outreach.errors import CancelledError, NotFoundError, OutreachError, ValidationError
from outreach.folding import fold
from outreach.i18n import N_, _
from outreach.io.csv_export import unneutralise, write_csv
from outreach.io.csv_reading import MEGABYTE, read_text, records, sniff_delimiter
from outreach.progress import IsCancelled, Watch, callbacks
from outreach.services import common
from outreach.services.contacts import normalize_email, normalize_languages, normalize_phone
from outreach.services.lookup import STATE, StateNames
from outreach.services.validation import optional_text, required_text
from outreach.storage import backups
from outreach.storage.audit import audit_bulk, created_changes
from outreach.storage.database import Database
from outreach.storage.models import Contact, Organization, State, contact_sort_key

FIELDS = (
    "family_name",
    "given_name",
    "position",
    "organization",
    "state",
    "email",
    "phone",
    "languages",
    "notes",
)
REQUIRED = ("family_name",)
REQUIRED_LABELS = {"family_name": limits.FAMILY_NAME.label}  # how messages name them
REASON = "reason"

# Column names people use for each field (folded), for a first guess at the mapping.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "family_name": ("family name", "surname", "last name", "lastname", "nom", "name"),
    "given_name": ("given name", "first name", "firstname", "forename", "prenom"),
    "position": ("position", "title", "job title", "function", "role", "poste"),
    "organization": ("organization", "organisation", "org", "ministry", "institution"),
    "state": ("state", "country", "pays", "iso3", "country code"),
    "email": ("email", "e-mail", "e mail", "mail", "courriel"),
    "phone": ("phone", "telephone", "tel", "mobile", "phone number"),
    "languages": ("languages", "language", "langues"),
    "notes": ("notes", "note", "comments", "remarks"),
}


# A contacts file of 100 MB is some two million rows, many minutes of import: past that
# it is not a list of people to keep in touch with but a dump to split first.
MAX_FILE_BYTES = 100 * MEGABYTE
TOO_LARGE = N_(
    "{name} is {mb:,.0f} MB; a contacts file of more than 100 MB (some two million rows) "
    "is refused. Split it into smaller files."
)
CHUNK = 2_000  # rows between progress reports and cancel checks, and rows per INSERT
# The languages as typed ("en, fr, es"): longer than the stored codes, still short.
LANGUAGES_AS_TYPED = limits.TextField("languages", "languages", 200, plural=True)


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A CSV file as read: its header and rows (with the line each starts on)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int
    values: tuple[str, ...]  # as in the file
    reason: str


@dataclass(frozen=True, slots=True)
class ContactImportReport:
    imported: tuple[ContactRecord, ...]
    rejected: tuple[RejectedRow, ...]
    organizations_created: tuple[str, ...]
    report_path: Path | None  # where the refused rows were written, if any
    organization_ids_created: tuple[int, ...] = ()


def read_csv_table(path: Path) -> CsvTable:
    """A CSV file's header and rows; comma, semicolon or tab separated, UTF-8 or Windows.
    A file whose quotes do not pair up is refused, naming the line."""
    text = read_text(path, MAX_FILE_BYTES, TOO_LARGE)
    headers: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    for line, record in records(text, sniff_delimiter(text)):
        if headers is None:
            if any(cell.strip() for cell in record):
                headers = tuple(cell.strip() for cell in record)
            continue
        if not any(cell.strip() for cell in record):
            continue
        padded = tuple(record) + ("",) * (len(headers) - len(record))
        rows.append((line, padded))
    if headers is None:
        raise ValidationError(
            _("{name} is empty; it needs a header row.").format(name=Path(path).name)
        )
    return CsvTable(headers=headers, rows=tuple(rows))


def guess_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """Which column (by header) holds each field, guessed from the header names."""
    folded = {fold(header).replace("_", " "): header for header in headers}
    mapping: dict[str, str | None] = {}
    used: set[str] = set()
    for field_name in FIELDS:
        candidates = (field_name.replace("_", " "), *SYNONYMS[field_name])
        found = next(
            (folded[name] for name in candidates if name in folded and folded[name] not in used),
            None,
        )
        mapping[field_name] = found
        if found is not None:
            used.add(found)
    return mapping


def _check_mapping(mapping: Mapping[str, str | None], headers: Sequence[str]) -> None:
    for field_name, column in mapping.items():
        if field_name not in FIELDS:
            raise ValidationError(
                _("'{field}' is not a contact field; use: {fields}.").format(
                    field=field_name, fields=", ".join(FIELDS)
                )
            )
        if column is not None and column not in headers:
            raise ValidationError(
                _("The file has no column '{column}' (for {field}).").format(
                    column=column, field=field_name
                )
            )
    for field_name in REQUIRED:
        if not mapping.get(field_name):
            raise ValidationError(
                _("Say which column holds the {field}; the file's columns are: {columns}.").format(
                    field=_(REQUIRED_LABELS[field_name]), columns=", ".join(headers)
                ),
                field_name,
            )


# --- checking rows ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Known:
    """What the rows are checked against, read once in the import's transaction: a
    lookup per row (or a scan of every organization per row) made a large file take
    hours. New organizations and e-mails join as rows are accepted."""

    states: StateNames
    regions: dict[int, str]  # state id -> ISO alpha-2, to read national phone numbers
    organizations: dict[str, list[tuple[int, int | None]]]  # folded name -> (id, state id)
    emails: dict[str, str]  # lower-case e-mail -> who has it, for the duplicate message
    new_organizations: dict[str, tuple[str, int | None]] = field(default_factory=dict)
    # folded name -> (name as written, state id) of each organization the import creates

    @classmethod
    def read(cls, session: Session) -> _Known:
        organizations: dict[str, list[tuple[int, int | None]]] = {}
        live = select(Organization.id, Organization.name, Organization.state_id).where(
            Organization.deleted_at.is_(None)
        )
        for organization_id, name, state_id in session.execute(live.order_by(Organization.id)):
            organizations.setdefault(_fold(name), []).append((organization_id, state_id))
        holders = select(Contact.id, Contact.given_name, Contact.family_name, Contact.email)
        holder = _("{name}, id {id}")  # who has an e-mail already, in the duplicate message
        emails = {
            email.lower(): holder.format(name=f"{given} {family}", id=contact_id)
            for contact_id, given, family, email in session.execute(
                holders.where(Contact.email != "", Contact.deleted_at.is_(None))
            )
        }
        return cls(
            states=StateNames(session),
            regions={row.id: row.iso2 for row in session.execute(select(State.id, State.iso2))},
            organizations=organizations,
            emails=emails,
        )


@dataclass(frozen=True, slots=True)
class _Row:
    """A row that passed every check, ready to insert."""

    line: int
    values: dict[str, object]  # the contact's columns, organization_id aside
    organization: int | str | None  # an existing organization's id, or a new one's key


Value = Callable[[str], str]

# Names, organizations and languages repeat from row to row; their folding and checks
# are pure, so each distinct value is worked out once.
_fold = lru_cache(maxsize=65_536)(fold)
_sort_key = lru_cache(maxsize=65_536)(contact_sort_key)
_languages = lru_cache(maxsize=1_024)(normalize_languages)


def _state(known: _Known, text: str) -> State | None:
    if not text:
        return None
    if len(text) > limits.STATE_NAME.max_length:
        message = _("The {field} is longer than {limit} characters.")
        limit = f"{limits.STATE_NAME.max_length:,}"
        raise ValidationError(message.format(field=_(STATE), limit=limit), "state")
    found = known.states.find(text)
    if found is None:  # the words of `lookup.state`, which the contact dialog uses
        message = _("Unknown state '{state}': give an ISO code (e.g. KHM) or a name.")
        raise NotFoundError(message.format(state=text))
    return found


def _organization(
    known: _Known, name: str, state: State | None
) -> tuple[int | str | None, int | None]:
    """The row's organization (an id, or the key of one to create) and its state: the
    one of that name in the row's state if there are several, else the first."""
    if not name:
        return None, None
    key = _fold(name)
    candidates = known.organizations.get(key)
    if candidates:
        same = [c for c in candidates if state is not None and c[1] == state.id]
        return (same or candidates)[0]
    if key in known.new_organizations:
        return key, known.new_organizations[key][1]
    required_text(name, limits.ORGANIZATION_NAME)  # OrganizationService.create's check
    return key, state.id if state is not None else None


def _check_row(known: _Known, line: int, value: Value) -> _Row:
    """The checks of ContactService.create, against what is known, for one row; raises
    OutreachError with the reason for the report."""
    family = required_text(value("family_name"), limits.FAMILY_NAME)
    given = optional_text(value("given_name"), limits.GIVEN_NAME)
    position = optional_text(value("position"), limits.POSITION)
    email = normalize_email(optional_text(value("email"), limits.EMAIL))
    holder = known.emails.get(email.lower()) if email else None
    if holder is not None:
        raise ValidationError(
            _("A contact with the e-mail {email} is already in Outreach ({holder}).").format(
                email=email, holder=holder
            ),
            "email",
        )
    languages = _languages(optional_text(value("languages"), LANGUAGES_AS_TYPED))
    notes = optional_text(value("notes"), limits.NOTES)
    state = _state(known, value("state"))
    organization, organization_state = _organization(known, value("organization"), state)
    state_id = state.id if state is not None else organization_state
    raw_phone = optional_text(value("phone"), limits.PHONE)
    phone = normalize_phone(raw_phone, known.regions.get(state_id) if state_id else None)
    if isinstance(organization, str) and organization not in known.new_organizations:
        known.new_organizations[organization] = (value("organization"), state_id)
    if email:
        known.emails[email.lower()] = (
            _("{name}, line {line} of this file")
            .format(name=f"{given} {family}", line=line)
            .strip()
        )
    return _Row(
        line=line,
        values={
            "given_name": given,
            "family_name": family,
            "position": position,
            "state_id": state_id,
            "email": email,
            "phone": phone,
            "languages": languages,
            "notes": notes,
            "sort_key": _sort_key(family, given),
        },
        organization=organization,
    )


def _field_reader(
    headers: Sequence[str], mapping: Mapping[str, str | None]
) -> Callable[[tuple[str, ...]], Value]:
    position = {name: headers.index(column) for name, column in mapping.items() if column}

    def reader(values: tuple[str, ...]) -> Value:
        def value(name: str) -> str:
            index = position.get(name)
            return unneutralise(values[index].strip()) if index is not None else ""

        return value

    return reader


def _checked(cancelled: IsCancelled) -> None:
    if cancelled():
        raise CancelledError(_("The import was cancelled; nothing was imported."))


# --- writing ---------------------------------------------------------------------------------


def _chunks(items: Sequence[_Row]) -> Iterator[Sequence[_Row]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _insert(
    session: Session, model: type[Contact] | type[Organization], rows: list[dict[str, object]]
) -> list[dict[str, object]]:
    """Rows into `model`'s table a few hundred to a statement, with their audit rows (the
    search index follows by its triggers); returns them as written, ids included.

    The rows come back with every column that went in, so nothing depends on the order
    RETURNING gives them in (which SQLite leaves undefined; asking SQLAlchemy to sort
    them makes it insert one row per statement there)."""
    columns = [model.id, *(getattr(model, name) for name in rows[0])]
    written = [
        dict(row._mapping) for row in session.execute(insert(model).returning(*columns), rows)
    ]
    audit_bulk(
        session,
        AuditAction.CREATE,
        model.__tablename__,
        ((int(row["id"]), row["state_id"], created_changes(row)) for row in written),
    )
    return written


def _insert_organizations(session: Session, known: _Known) -> dict[str, int]:
    """The new organizations (of kind "other", in the state of the first row naming them),
    by key."""
    rows: list[dict[str, object]] = [
        {"name": name, "kind": "other", "state_id": state_id, "city": "", "notes": ""}
        for name, state_id in known.new_organizations.values()
    ]
    written = _insert(session, Organization, rows) if rows else []
    return {_fold(str(row["name"])): int(row["id"]) for row in written}  # type: ignore[call-overload]


def _record(values: Mapping[str, object]) -> ContactRecord:
    languages = str(values["languages"])
    return ContactRecord(
        id=values["id"],  # type: ignore[arg-type]
        given_name=str(values["given_name"]),
        family_name=str(values["family_name"]),
        position=str(values["position"]),
        organization_id=values["organization_id"],  # type: ignore[arg-type]
        state_id=values["state_id"],  # type: ignore[arg-type]
        email=str(values["email"]),
        phone=str(values["phone"]),
        languages=tuple(code for code in languages.split(",") if code),
        notes=str(values["notes"]),
    )


def _insert_contacts(
    session: Session,
    accepted: Sequence[_Row],
    organization_ids: Mapping[str, int],
    report: Callable[[int], None],
    cancelled: IsCancelled,
) -> list[ContactRecord]:
    imported: list[ContactRecord] = []
    for part in _chunks(accepted):
        _checked(cancelled)
        rows = [
            {
                **row.values,
                "organization_id": organization_ids[row.organization]
                if isinstance(row.organization, str)
                else row.organization,
            }
            for row in part
        ]
        imported.extend(map(_record, _insert(session, Contact, rows)))
        report(len(part))
    return imported


class ImportOptions(Watch, total=False):
    """Where the refused rows go (`report_path`; by default `<file>.rejected.csv` beside
    it), and the callbacks: `progress(done, total)` is told of the rows checked, then of
    those written (total: twice the rows); once `cancelled()` is true the import stops
    with CancelledError, having written nothing."""

    report_path: Path | None


def import_contacts(
    db: Database,
    path: Path,
    mapping: Mapping[str, str | None] | None = None,
    **options: Unpack[ImportOptions],
) -> ContactImportReport:
    """Import the rows of a CSV file as contacts; refused rows go to a report file (see
    `ImportOptions`)."""
    progress, cancelled = callbacks(options)
    table = read_csv_table(path)
    chosen = dict(mapping) if mapping is not None else guess_mapping(table.headers)
    _check_mapping(chosen, table.headers)
    reader = _field_reader(table.headers, chosen)
    total = 2 * len(table.rows)
    done = 0

    def report(count: int) -> None:
        nonlocal done
        done += count
        progress(done, total)

    accepted: list[_Row] = []
    rejected: list[RejectedRow] = []
    backups.before_change(db, "import")
    with db.write() as session:  # the whole file: one transaction
        known = _Known.read(session)
        for number, (line, values) in enumerate(table.rows, start=1):
            try:
                accepted.append(_check_row(known, line, reader(values)))
            except OutreachError as error:
                rejected.append(RejectedRow(line=line, values=values, reason=str(error)))
            if number % CHUNK == 0:
                _checked(cancelled)
                report(CHUNK)
        report(len(table.rows) % CHUNK + len(rejected))  # the refused: nothing to write
        _checked(cancelled)
        organization_ids = _insert_organizations(session, known)
        imported = _insert_contacts(session, accepted, organization_ids, report, cancelled)
    written: Path | None = None
    if rejected:
        beside = Path(path).with_name(f"{Path(path).stem}.rejected.csv")
        written = options.get("report_path") or beside
        write_csv(
            written,
            [*table.headers, REASON],
            ([*row.values, row.reason] for row in rejected),
        )
    return ContactImportReport(
        imported=tuple(imported),
        rejected=tuple(rejected),
        organizations_created=tuple(name for name, _state in known.new_organizations.values()),
        report_path=written,
        organization_ids_created=tuple(organization_ids[key] for key in known.new_organizations),
    )


# --- taking an import back ---------------------------------------------------------------------


def _set_deleted(
    session: Session, model: type[Contact] | type[Organization], ids: Sequence[int], deleted: bool
) -> None:
    """Soft-delete (or restore) these records a thousand at a time, as the services do
    one by one: `deleted_at`, the version, an audit row each (the search index follows
    by its triggers). Records already so are left alone."""
    when = common.utc_now() if deleted else None
    action = AuditAction.DELETE if deleted else AuditAction.RESTORE
    for part in common.chunks(sorted(ids), 1_000):
        condition = model.deleted_at.is_(None) if deleted else model.deleted_at.is_not(None)
        found = session.execute(
            select(model.id, model.state_id, model.deleted_at).where(model.id.in_(part), condition)
        ).all()
        if not found:
            continue
        session.execute(
            update(model)
            .where(model.id.in_([row.id for row in found]))
            .values(deleted_at=when, version=model.version + 1)
            .execution_options(synchronize_session=False)
        )
        audit_bulk(
            session,
            action,
            model.__tablename__,
            (
                (
                    row.id,
                    row.state_id,
                    {
                        "deleted_at": [
                            row.deleted_at.isoformat() if row.deleted_at else None,
                            when.isoformat() if when else None,
                        ]
                    },
                )
                for row in found
            ),
        )


def take_back_contacts(db: Database, report: ContactImportReport) -> None:
    """Undo an import: its contacts and the organizations it created are deleted (soft,
    so `restore_contacts` brings them back), in one transaction."""
    with db.write() as session:
        _set_deleted(session, Contact, [contact.id for contact in report.imported], True)
        _set_deleted(session, Organization, report.organization_ids_created, True)


def restore_contacts(db: Database, report: ContactImportReport) -> None:
    """Redo an import taken back."""
    with db.write() as session:
        _set_deleted(session, Organization, report.organization_ids_created, False)
        _set_deleted(session, Contact, [contact.id for contact in report.imported], False)


class ContactImporter:
    """The import as the app's dialog uses it: read the file, map its columns, run."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @staticmethod
    def read(path: Path) -> CsvTable:
        return read_csv_table(path)

    @staticmethod
    def guess(headers: Sequence[str]) -> dict[str, str | None]:
        return guess_mapping(headers)

    def run(
        self,
        path: Path,
        mapping: Mapping[str, str | None] | None = None,
        **options: Unpack[ImportOptions],
    ) -> ContactImportReport:
        return import_contacts(self._db, path, mapping, **options)

    def take_back(self, report: ContactImportReport) -> None:
        take_back_contacts(self._db, report)

    def restore(self, report: ContactImportReport) -> None:
        restore_contacts(self._db, report)
