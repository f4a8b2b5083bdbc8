"""Write the default démarche templates in resources/templates/ (Word files with
docxtpl placeholders). Run again after changing the wording here; a desk keeps its own
versions in the data folder's templates/, which take precedence.

    python scripts/make_templates.py

Placeholders (see outreach.briefing.drafts.PLACEHOLDERS): mission, ministry, state,
state_official, date, city, reference, title, requested_action, talking_points (a list),
officer, marking.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

FOLDER = Path(__file__).resolve().parent.parent / "resources" / "templates"

NOTE_VERBALE = {
    "en": {
        "heading": "NOTE VERBALE",
        "subject": "Subject: {{ title }}",
        "opening": (
            "The {{ mission }} presents its compliments to the {{ ministry }} and has the "
            "honour to request, on behalf of its Government, that {{ state }} "
            "{{ requested_action }}."
        ),
        "request": (
            "In this regard, the {{ mission }} would be grateful for the Ministry's "
            "consideration of the following points:"
        ),
        "closing": (
            "The {{ mission }} avails itself of this opportunity to renew to the "
            "{{ ministry }} the assurances of its highest consideration."
        ),
    },
    "fr": {
        "heading": "NOTE VERBALE",
        "subject": "Objet : {{ title }}",
        "opening": (
            "L'{{ mission }} présente ses compliments au {{ ministry }} et a l'honneur de "
            "demander, au nom de son Gouvernement, que l'État suivant : {{ state }}, "
            "{{ requested_action }}."
        ),
        "request": (
            "À cet égard, l'{{ mission }} saurait gré au Ministère de bien vouloir examiner "
            "les points suivants :"
        ),
        "closing": (
            "L'{{ mission }} saisit cette occasion pour renouveler au {{ ministry }} les "
            "assurances de sa très haute considération."
        ),
    },
}

AIDE_MEMOIRE = {
    "en": {
        "heading": "AIDE-MÉMOIRE",
        "lead": "{{ title }}",
        "request": "The {{ mission }} asks that {{ state }} {{ requested_action }}.",
    },
    "fr": {
        "heading": "AIDE-MÉMOIRE",
        "lead": "{{ title }}",
        "request": (
            "L'{{ mission }} demande que l'État suivant : {{ state }}, {{ requested_action }}."
        ),
    },
}


def _base() -> tuple[Document, object]:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    document.styles["Normal"].font.name = "DejaVu Serif"
    document.styles["Normal"].font.size = Pt(11)
    for part in (section.header, section.footer):
        paragraph = part.paragraphs[0]
        paragraph.text = "{{ marking }}"
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.runs[0].bold = True
    properties = document.core_properties
    for name in ("author", "last_modified_by", "comments", "title", "subject", "keywords"):
        setattr(properties, name, "")
    return document, section


def _points(document: Document) -> None:
    document.add_paragraph("{%p for point in talking_points %}")
    document.add_paragraph("{{ point }}", style="List Number")
    document.add_paragraph("{%p endfor %}")


def note_verbale(language: str) -> Document:
    words = NOTE_VERBALE[language]
    document, _section = _base()
    document.add_paragraph("{{ reference }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(words["heading"]).bold = True
    document.add_paragraph().add_run(words["subject"]).bold = True
    document.add_paragraph(words["opening"])
    document.add_paragraph(words["request"])
    _points(document)
    document.add_paragraph(words["closing"])
    document.add_paragraph(
        "{% if city %}{{ city }}, {% endif %}{{ date }}"
    ).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return document


def aide_memoire(language: str) -> Document:
    words = AIDE_MEMOIRE[language]
    document, _section = _base()
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(words["heading"]).bold = True
    lead = document.add_paragraph()
    lead.add_run(words["lead"]).bold = True
    document.add_paragraph(words["request"])
    _points(document)
    document.add_paragraph(
        "{% if city %}{{ city }}, {% endif %}{{ date }}"
    ).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return document


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for language in ("en", "fr"):
        suffix = "" if language == "en" else f".{language}"
        note_verbale(language).save(FOLDER / f"note-verbale{suffix}.docx")
        aide_memoire(language).save(FOLDER / f"aide-memoire{suffix}.docx")
    print(f"Wrote the templates in {FOLDER}")


if __name__ == "__main__":
    main()
