"""Drafts of a démarche's papers: the note verbale and the aide-mémoire, in the classic
third-person form, filled from the démarche (docxtpl) into a Word document to finish
and send; the draft is attached to the démarche.

Templates are .docx files with placeholders (`PLACEHOLDERS`): the app's own in
resources/templates/, and a desk's versions of the same name in the data folder's
templates/, which take precedence. A template naming a placeholder that is not one of
these is refused with its name, before anything is written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from outreach.briefing.options import Marking
from outreach.domain.enums import OrganizationKind, RequestedAction
from outreach.domain.records import AttachmentRecord, DemarcheRecord
from outreach.errors import NotFoundError, ValidationError
from outreach.i18n import N_, _, words
from outreach.paths import data_folder
from outreach.reference.names import shipped_name
from outreach.services.attachments import AttachmentService
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.services.organizations import OrganizationService
from outreach.services.states import StateService
from outreach.services.treaties import TreatyService
from outreach.storage.database import Database

TEMPLATES = ("note-verbale", "aide-memoire")
#: what a template may name; `talking_points` is a list (one item per line)
PLACEHOLDERS = frozenset(
    {
        "mission",
        "ministry",
        "state",
        "state_official",
        "treaty",
        "date",
        "city",
        "reference",
        "title",
        "requested_action",
        "talking_points",
        "officer",
        "marking",
    }
)

#: what a démarche asks, as the rest of "… has the honour to request that <state> …"
ACTIONS = {
    RequestedAction.SIGN: N_("sign the {treaty}"),
    RequestedAction.RATIFY: N_("ratify the {treaty}"),
    RequestedAction.ACCEDE: N_("accede to the {treaty}"),
    RequestedAction.SUBMIT_ART7_REPORT: N_(
        "submit its transparency report under Article 7 of the {treaty}"
    ),
    RequestedAction.DESTROY_STOCKPILES: N_("complete the destruction of its stockpiles"),
    RequestedAction.SUPPORT_UNGA_RESOLUTION: N_(
        "vote in favour of the General Assembly's annual resolution on the {treaty}"
    ),
    RequestedAction.ATTEND_MEETING: N_("take part in the next meeting of the States Parties"),
    RequestedAction.STOP_USE: N_("end all use of the weapons the {treaty} bans"),
}
DEFAULT_MISSION = N_("Embassy of Canada")
MINISTRY = N_("Ministry of Foreign Affairs of {state}")


@dataclass(frozen=True, slots=True)
class Drafted:
    path: Path
    attachment: AttachmentRecord
    template: Path


def template_path(name: str, language: str, own_folder: Path | None = None) -> Path:
    """The template `name` in `language`: the desk's own (data folder's templates/)
    first, then the app's; French falls back to the English template."""
    if name not in TEMPLATES:
        raise ValidationError(
            _("There is no template '{name}'; choose from: {names}.").format(
                name=name, names=", ".join(TEMPLATES)
            ),
            "template",
        )
    files = [f"{name}.{language}.docx", f"{name}.docx"] if language != "en" else [f"{name}.docx"]
    own = own_folder if own_folder is not None else data_folder() / "templates"
    shipped = Path(str(resources.files("resources").joinpath("templates")))
    for folder in (own, shipped):
        for file in files:
            if (folder / file).is_file():
                return folder / file
    raise NotFoundError(_("The template '{name}' is missing.").format(name=name))


def _ministry(db: Database, demarche: DemarcheRecord, state_name: str, language: str) -> str:
    """The ministry the démarche goes to: one of its contacts', else the state's ministry
    of foreign affairs (its name as recorded), else "Ministry of Foreign Affairs of …"."""
    organizations = OrganizationService(db)
    contacts = ContactService(db)
    for contact_id in demarche.contact_ids:
        organization_id = contacts.get(contact_id).organization_id
        if organization_id is not None:
            organization = organizations.get(organization_id)
            if organization.kind == OrganizationKind.MINISTRY:
                return organization.name
    ministries = [
        organization
        for organization in organizations.list(state=demarche.state_id)
        if organization.kind == OrganizationKind.MINISTRY
    ]
    foreign = [m for m in ministries if "foreign" in m.name.lower() or "étrangères" in m.name]
    if foreign:
        return foreign[0].name
    return words(language).gettext(MINISTRY).format(state=state_name)


def draft_context(
    db: Database,
    demarche: DemarcheRecord,
    *,
    language: str,
    mission: str = "",
    city: str = "",
    on: date | None = None,
    marking: Marking = Marking.UNCLASSIFIED,
) -> dict[str, object]:
    """What the placeholders say for `demarche`."""
    from babel.dates import format_date

    say = words(language).gettext
    state = StateService(db).get(demarche.state_id)
    name = state.name  # in the app's language, which a draft is written in
    official = state.official_name if language == "en" and state.official_name else name
    treaties = TreatyService(db).treaties()
    treaty = next((t for t in treaties if t.id == demarche.treaty_id), treaties[0])
    treaty_name = shipped_name(treaty.short_name, language)
    day = on or date.today()
    try:
        action = say(ACTIONS[RequestedAction(demarche.requested_action)]).format(treaty=treaty_name)
    except ValueError:
        action = demarche.requested_action.replace("_", " ")
    points = [
        line.strip().lstrip("-*• ").strip()
        for line in demarche.talking_points.splitlines()
        if line.strip()
    ]
    return {
        "mission": mission.strip() or say(DEFAULT_MISSION),
        "ministry": _ministry(db, demarche, official, language),
        "state": name,
        "state_official": official,
        "treaty": treaty_name,
        # the day first, as diplomatic correspondence writes it: 3 December 2026
        "date": format_date(day, format="long", locale="en_GB" if language == "en" else language),
        "city": city.strip(),
        "reference": f"{day.year}/{demarche.id:04d}",
        "title": demarche.title,
        "requested_action": action,
        "talking_points": points,
        "officer": demarche.officer,
        "marking": say(marking.value),
    }


def _checked_template(path: Path) -> bytes:
    """The template's bytes, refused when it names a placeholder Outreach does not fill."""
    from docxtpl import DocxTemplate

    try:
        content = path.read_bytes()
        unknown = sorted(
            DocxTemplate(io.BytesIO(content)).get_undeclared_template_variables() - PLACEHOLDERS
        )
    except OSError as error:
        raise ValidationError(
            _("Cannot read the template {path}: {reason}").format(path=path, reason=error)
        ) from None
    except Exception as error:  # a damaged .docx, or a placeholder Jinja cannot read
        raise ValidationError(
            _("The template {path} cannot be used: {reason}").format(path=path, reason=error)
        ) from None
    if unknown:
        raise ValidationError(
            _(
                "The template {path} names placeholders Outreach does not fill: {names}. "
                "It may use: {known}."
            ).format(path=path, names=", ".join(unknown), known=", ".join(sorted(PLACEHOLDERS)))
        )
    return content


def render_draft(template: Path, context: dict[str, object]) -> bytes:
    """The template filled with `context`, as .docx bytes."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(_checked_template(template)))
    document.render(context, autoescape=True)
    properties = document.docx.core_properties
    properties.title = str(context["title"])
    properties.keywords = str(context["marking"])
    properties.author = ""
    properties.last_modified_by = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def draft_demarche(
    db: Database,
    demarche_id: int,
    out: Path,
    *,
    template: str = "note-verbale",
    language: str = "en",
    mission: str = "",
    city: str = "",
    marking: Marking = Marking.UNCLASSIFIED,
    own_templates: Path | None = None,
) -> Drafted:
    """Write the démarche's draft to `out` and attach it to the démarche."""
    demarche = DemarcheService(db).get(demarche_id)
    path = template_path(template, language, own_templates)
    context = draft_context(
        db, demarche, language=language, mission=mission, city=city, marking=marking
    )
    content = render_draft(path, context)
    from outreach.briefing.document import write_atomically  # with the printing, later

    write_atomically(out, content)
    attachment = AttachmentService(db).attach("demarche", demarche.id, out.name, content)
    return Drafted(out, attachment, path)


class DraftService:
    """The drafts over one database, for the desktop app's services."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def draft(self, demarche_id: int, out: Path, **options: Any) -> Drafted:
        """`draft_demarche` over this database."""
        return draft_demarche(self._db, demarche_id, out, **options)
