"""Briefing sheets as a Word document people edit (python-docx): the same sections as
the PDF, in the same order and words (`outreach.briefing.texts`), with Word's own
headings and tables, so a director's edits keep the document's structure.

Every page carries the security marking in its header and its footer, one Word section
per state (each with its own header, so a sheet moved into another document keeps it).
The document's properties say what it is and nothing of who made it or where.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from outreach.briefing import texts
from outreach.briefing.document import Metadata, sheets_metadata
from outreach.briefing.labels import Words
from outreach.briefing.options import PaperSize, PrintOptions
from outreach.briefing.records import BriefingData
from outreach.briefing.sheet import MAX_DEMARCHES, MAX_FACTS, MAX_SEATS, annual_duty, bound_on
from outreach.domain.enums import Channel, Level, LogKind, RequestedAction
from outreach.errors import ValidationError
from outreach.i18n import _ as core_words

GREEN = RGBColor(0x2E, 0x7D, 0x32)
RED = RGBColor(0xC6, 0x28, 0x28)
GREY = RGBColor(0x61, 0x61, 0x61)
PAPER = {PaperSize.A4: (Mm(210), Mm(297)), PaperSize.LETTER: (Mm(215.9), Mm(279.4))}
MARGIN = Mm(18)
TONE_COLOUR = {texts.Tone.DONE: GREEN, texts.Tone.OVERDUE: RED, texts.Tone.DUE: None}

Cell = str | tuple[str, RGBColor | None, bool]  # text, or (text, colour, bold)


# --- pieces ----------------------------------------------------------------------------------


def _run(paragraph: Paragraph, text: str, *, bold: bool = False, colour: RGBColor | None = None,
         size: float | None = None) -> None:  # fmt: skip
    run = paragraph.add_run(text)
    run.bold = bold or None
    if colour is not None:
        run.font.color.rgb = colour
    if size is not None:
        run.font.size = Pt(size)


def _note(doc: WordDocument, text: str) -> None:
    """A line in small grey type (a source, "2 more facts not shown")."""
    _run(doc.add_paragraph(), text, colour=GREY, size=8)


def _heading(doc: WordDocument, text: str) -> None:
    doc.add_heading(text, level=1)


def _repeat_header(table: Table) -> None:
    """The header row repeats on each page the table runs onto."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _table(
    doc: WordDocument,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    shares: Sequence[float] = (),
) -> Table:
    """A table with a bold header row; `shares` of the text width per column (as the
    PDF's), equal by default."""
    table: Table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    section = doc.sections[-1]
    room = (section.page_width or Mm(210)) - 2 * MARGIN
    widths = [int(room * share) for share in (shares or [1 / len(header)] * len(header))]
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        _run(cell.paragraphs[0], text, bold=True)
    _repeat_header(table)
    for values in rows:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        for cell, value in zip(cells, values, strict=True):
            text, colour, bold = (value, None, False) if isinstance(value, str) else value
            lines = text.split("\n")
            _run(cell.paragraphs[0], lines[0], bold=bold, colour=colour)
            for line in lines[1:]:
                _run(cell.add_paragraph(), line, colour=colour)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    return table


def _tabled(
    doc: WordDocument,
    title: str,
    items: Sequence[Any],
    none: str,
    columns: Sequence[tuple[str, float]],
    row: Callable[[Any], Sequence[Cell]],
    *,
    show: int | None = None,
    more: Callable[[int], str] = str,
) -> None:
    """As the PDF's `layout.tabled`: a heading, then a row per item (at most `show`, and
    a line saying how many were left out), or `none`."""
    _heading(doc, title)
    if not items:
        _note(doc, none)
        return
    header = [name for name, _share in columns]
    _table(doc, header, [row(item) for item in items[:show]], [share for _name, share in columns])
    if show is not None and len(items) > show:
        _note(doc, more(len(items) - show))


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in as it lays the pages out."""
    run = paragraph.add_run()
    begin, code, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, end):
        run._r.append(element)


# --- the sections, as the PDF's ------------------------------------------------------------


def _title(doc: WordDocument, data: BriefingData, _: Words) -> None:
    _run(doc.add_paragraph(), texts.kicker(data, _).upper(), bold=True, colour=GREY, size=9)
    doc.add_heading(data.state.name, level=0)
    _run(doc.add_paragraph(), texts.subtitle(data, _), colour=GREY)
    line = doc.add_paragraph()
    for index, (label, value) in enumerate(texts.meta(data, _)):
        _run(line, ("   " if index else "") + label + " ", bold=True, size=9)
        _run(line, value, size=9)


def _treaty(doc: WordDocument, data: BriefingData, _: Words) -> None:
    _heading(doc, texts.treaty_heading(data, _))
    columns, dates = texts.treaty_dates(data, _)
    row: list[Cell] = [(_.label(data.status).upper(), None, True), *dates]
    _table(doc, [name for name, _share in columns], [row], [share for _n, share in columns])
    participation = data.participation
    if participation and (participation.source or participation.as_of):
        _note(doc, texts.source_text(_, participation.source, participation.as_of))


def _talking_points(doc: WordDocument, data: BriefingData, _: Words) -> None:
    _heading(doc, _("Talking points"))
    points = [line.strip() for line in data.state.talking_points.splitlines() if line.strip()]
    if not points:
        _note(doc, _("No talking points yet: write them on the state's profile."))
    for line in points:
        if line[0] in "-*•":
            doc.add_paragraph(line[1:].strip(), style="List Bullet")
        else:
            doc.add_paragraph(line)


def _demarches(doc: WordDocument, data: BriefingData, _: Words) -> None:
    def row(demarche: Any) -> list[Cell]:
        overdue = demarche.due_on is not None and demarche.due_on < data.as_of
        due = _.day(demarche.due_on) + (f"\n{_('OVERDUE')}" if overdue else "")
        channel = _.label_of(Channel, demarche.channel)
        level = _.label_of(Level, demarche.level).lower()
        return [
            (demarche.title, None, True),
            _.label_of(RequestedAction, demarche.requested_action),
            f"{channel}, {level}",
            _.label(demarche.status),
            (due, RED if overdue else None, overdue),
        ]

    _tabled(
        doc,
        _("Open démarches"),
        data.open_demarches,
        _("No open démarche."),
        texts.columns(texts.DEMARCHE_COLUMNS, _),
        row,
        show=MAX_DEMARCHES,
        more=lambda count: texts.more_demarches(count, _),
    )


def _obligations(doc: WordDocument, data: BriefingData, _: Words) -> None:
    from outreach.domain.treaty_rules import duty_text

    def row(obligation: Any) -> list[Cell]:
        standing, tone = texts.duty_standing(obligation, data, _)
        duty = duty_text(obligation.description, _.language)
        return [
            f"{_.label(obligation.kind)}\n{duty}",
            _.day(obligation.due_on),
            _.day(obligation.extended_to),
            (standing, TONE_COLOUR[tone], tone == texts.Tone.OVERDUE),
        ]

    bound = bound_on(data)
    annual = annual_duty(data)
    duties = (*data.obligations, *([annual] if annual is not None else []))
    _tabled(
        doc,
        _("Obligations and deadlines"),
        duties if bound else (),
        _("No dated obligations recorded.")
        if bound
        else _("No treaty obligations: the state is not bound by the treaty."),
        texts.columns(texts.OBLIGATION_COLUMNS, _),
        row,
    )


def _categories(doc: WordDocument, data: BriefingData, _: Words) -> None:
    _heading(doc, _("Priority categories"))
    if not data.categories:
        _note(doc, _("In no priority category."))
    for category, why in data.categories:
        line = doc.add_paragraph(style="List Bullet")
        _run(line, category.name, bold=True, colour=RGBColor.from_string(category.colour[1:]))
        if why:
            _run(line, f" — {why}")


def _facts(doc: WordDocument, data: BriefingData, _: Words) -> None:
    _tabled(
        doc,
        _("Facts"),
        data.facts,
        _("No facts recorded."),
        texts.columns(texts.FACT_COLUMNS, _),
        lambda fact: [
            _.label(fact.kind),
            _("Yes") if fact.holds else _("No"),
            texts.fact_detail(fact, _) or "—",
            (fact.source, GREY, False),
            _.day(fact.as_of),
        ],
        show=MAX_FACTS,
        more=lambda count: texts.older_facts(count, _),
    )


def _seats(doc: WordDocument, data: BriefingData, _: Words) -> None:
    _heading(doc, _("Seats and forum memberships"))
    seats = [
        held + (f" {_('(holds it now)')}" if holds else "")
        for held, holds in texts.seats_held(data, MAX_SEATS, _)
    ]
    for label, listed, none in (
        (_("Seats:"), seats, _("none recorded")),
        (_("Member of:"), texts.forum_names(data, _), _("no forum recorded")),
    ):
        line = doc.add_paragraph()
        _run(line, label + " ", bold=True)
        _run(line, "; ".join(listed) if listed else none, colour=None if listed else GREY)


def _contacts(doc: WordDocument, data: BriefingData, _: Words) -> None:
    _tabled(
        doc,
        _("Key contacts"),
        data.contacts,
        _("No contacts recorded for this state."),
        texts.columns(texts.CONTACT_COLUMNS, _),
        lambda person: [
            (person.contact.full_name, None, True),
            texts.contact_role(person) or "—",
            texts.contact_reach(person) or "—",
            ", ".join(person.contact.languages) or "—",
        ],
    )
    if data.contacts and data.more_contacts:
        _note(
            doc,
            texts.more_contacts(data.more_contacts, _),
        )


def _log(doc: WordDocument, data: BriefingData, _: Words) -> None:
    def row(line: Any) -> list[Cell]:
        follow_up, overdue = texts.follow_up(line, data, _)
        people = _("with {people}").format(people=", ".join(line.people)) if line.people else ""
        return [
            _.day(line.occurred_on),
            _.label_of(LogKind, line.kind),
            line.summary + (f"\n{people}" if people else ""),
            (
                follow_up + (f" {_('OVERDUE')}" if overdue else ""),
                RED if overdue else None,
                overdue,
            ),
        ]

    _tabled(
        doc,
        _("Last contacts"),
        data.log,
        _("No contact logged yet."),
        texts.columns(texts.LOG_COLUMNS, _),
        row,
    )


#: the PDF's sections (`outreach.briefing.sheet.SECTIONS`), in its order
SECTIONS: tuple[Callable[[WordDocument, BriefingData, Words], None], ...] = (
    _treaty,
    _talking_points,
    _demarches,
    _obligations,
    _categories,
    _facts,
    _seats,
    _contacts,
    _log,
)


# --- the document --------------------------------------------------------------------------


def _page_setup(doc: WordDocument, options: PrintOptions) -> None:
    width, height = PAPER[options.paper]
    for section in doc.sections:
        section.page_width, section.page_height = width, height
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, MARGIN)


def _furniture(doc: WordDocument, marking: str, running: str, _: Words) -> None:
    """The marking in every section's header and footer; the page number in the footer."""
    for section in doc.sections:
        section.header.is_linked_to_previous = False
        section.footer.is_linked_to_previous = False
        top = section.header.paragraphs[0]
        top.text = ""
        top.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(top, marking, bold=True)
        _run(top, f"   {running}", colour=GREY, size=8)
        bottom = section.footer.paragraphs[0]
        bottom.text = ""
        bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(bottom, marking, bold=True)
        _run(bottom, "   ")
        before, _middle, after = _("page {page} of {pages}").partition("{page}")
        pages_before, _pages, pages_after = after.partition("{pages}")
        _run(bottom, before, size=8)
        _field(bottom, "PAGE")
        _run(bottom, pages_before, size=8)
        _field(bottom, "NUMPAGES")
        _run(bottom, pages_after, size=8)


def _properties(doc: WordDocument, meta: Metadata, marking: str, language: str) -> None:
    """What the file says of itself: its title, subject and marking; no author, no
    machine, no template's leftovers."""
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    properties = doc.core_properties
    properties.title = meta.title
    properties.subject = meta.subject
    properties.keywords = marking
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.category = ""
    properties.content_status = marking
    properties.identifier = ""
    properties.language = language
    properties.version = ""
    properties.revision = 1
    properties.created = now
    properties.modified = now
    properties.last_printed = now


def sheets_word(sheets: Sequence[BriefingData], options: PrintOptions) -> bytes:
    """The .docx bytes of one briefing sheet per state, each from a new page."""
    if not sheets:
        raise ValidationError(core_words("There is no state to print."), "states")
    _ = Words(options.language)
    marking = _.marking(options.marking)
    meta = sheets_metadata(sheets, options)
    doc = Document()
    _page_setup(doc, options)
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(9.5)
    for index, data in enumerate(sheets):
        if index:
            doc.add_section(WD_SECTION.NEW_PAGE)
        _title(doc, data, _)
        for section in SECTIONS:
            section(doc, data, _)
    _page_setup(doc, options)  # the sections added since take the first's size anyway
    _furniture(doc, marking, meta.header, _)
    _properties(doc, meta, marking, options.language)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
