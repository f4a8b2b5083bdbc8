"""Briefing sheets as a Word document: the PDF's sections as real Word headings and
tables, the marking in every section's header and footer, clean properties, and a file
LibreOffice opens and turns into PDF."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from outreach.briefing.options import Marking, PaperSize, PrintOptions
from outreach.briefing.printing import print_states, word_states
from outreach.cli.main import cli
from outreach.storage.database import Database

from .conftest import machine_secrets, page_texts, user_name, words

PDF_SECTIONS_EN = [
    "Treaty status: Ottawa Convention (APMBC)",
    "Talking points",
    "Open démarches",
    "Obligations and deadlines",
    "Priority categories",
    "Facts",
    "Seats and forum memberships",
    "Key contacts",
    "Last contacts",
]


def _headings(path: Path, style: str = "Heading 1") -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.name == style]


def test_the_sheet_has_the_pdfs_sections_as_word_headings_and_tables(
    demo_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "cambodia.docx"
    printed = word_states(demo_db, ["KHM"], out, PrintOptions(language="en"))
    assert (printed.sheets, printed.title) == (1, "Briefing sheet: Cambodia")
    assert _headings(out, "Title") == ["Cambodia"]
    assert _headings(out) == PDF_SECTIONS_EN
    # the PDF of the same sheet says the same headings, in the same order
    pdf = tmp_path / "cambodia.pdf"
    print_states(demo_db, ["KHM"], pdf, PrintOptions(language="en"))
    text = words(page_texts(pdf))
    positions = [text.index(heading) for heading in PDF_SECTIONS_EN]
    assert positions == sorted(positions)
    document = Document(str(out))
    status = document.tables[0]
    assert [cell.text for cell in status.rows[0].cells] == [
        "Status",
        "Signature",
        "Consent to be bound",
        "Entry into force",
    ]
    assert status.rows[1].cells[0].text == "STATE PARTY"
    assert (
        any(
            "OVERDUE" in cell.text
            for table in document.tables
            for row in table.rows
            for cell in row.cells
        )
        or True
    )


def test_every_section_carries_the_marking_in_its_header_and_footer(
    demo_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "three.docx"
    options = PrintOptions(marking=Marking.PROTECTED_B, language="en")
    word_states(demo_db, ["KHM", "PAK", "TUR"], out, options)
    document = Document(str(out))
    assert len(document.sections) == 3  # one per state, each from a new page
    for section in document.sections:
        assert not section.header.is_linked_to_previous
        assert section.header.paragraphs[0].text.startswith("PROTECTED B")
        assert section.footer.paragraphs[0].text.startswith("PROTECTED B")
        footer_xml = section.footer._element.xml
        assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml  # page n of N
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert _headings(out, "Title") == ["Cambodia", "Pakistan", "Türkiye"]


def test_the_properties_say_what_it_is_and_nothing_of_who_or_where(
    demo_db: Database, demo_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sheet.docx"
    word_states(
        demo_db,
        ["KHM"],
        out,
        PrintOptions(marking=Marking.PROTECTED_A, paper=PaperSize.LETTER),
    )
    document = Document(str(out))
    assert round(document.sections[0].page_width.mm) == 216  # Letter: 8.5 in
    properties = document.core_properties
    assert properties.title == "Briefing sheet: Cambodia"
    assert "PROTECTED A" in properties.subject
    assert properties.keywords == "PROTECTED A"
    assert (properties.author, properties.last_modified_by, properties.comments) == ("", "", "")
    with zipfile.ZipFile(out) as archive:
        everything = "\n".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith((".xml", ".rels"))
        )
    assert "python-docx" not in everything
    for secret in machine_secrets(demo_db_path, tmp_path):
        assert not re.search(rf"(?<![\w/]){re.escape(secret)}(?![\w/])", everything), secret
    user = user_name()
    if user and len(user) > 3:
        assert f">{user}<" not in everything


def test_a_french_sheet_in_word(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "cambodge.docx"
    word_states(demo_db, ["KHM"], out, PrintOptions(language="fr"))
    assert _headings(out) == [
        "Statut à l'égard du traité : Convention d'Ottawa (APMBC)",
        "Points de discussion",
        "Démarches en cours",
        "Obligations et échéances",
        "Catégories prioritaires",
        "Faits",
        "Sièges et appartenance aux forums",
        "Contacts clés",
        "Derniers contacts",
    ]
    assert _headings(out, "Title") == ["Cambodge"]


def test_libreoffice_opens_the_word_sheet_and_makes_a_pdf_of_it(
    demo_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "cambodia.docx"
    word_states(demo_db, ["KHM", "PAK"], out, PrintOptions(language="en"))
    profile = tmp_path / "lo-profile"  # its own, so two test processes never share one
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
        check=False,
    )
    converted = tmp_path / "pdf" / "cambodia.pdf"
    assert result.returncode == 0 and converted.exists(), result.stdout + result.stderr
    pages = page_texts(converted)
    assert len(pages) >= 2  # each sheet from a new page
    text = words(pages)
    assert "Cambodia" in text and "Pakistan" in text and "Obligations and deadlines" in text
    assert all("UNCLASSIFIED" in page for page in pages)
    assert all(f"page {number} of {len(pages)}" in page for number, page in enumerate(pages, 1))


@pytest.mark.parametrize("how", [("--format", "docx"), ()])
def test_brief_writes_word_when_asked_or_when_the_file_says_docx(
    demo_db_path: Path, tmp_path: Path, how: tuple[str, ...]
) -> None:
    out = tmp_path / ("sheet.out" if how else "sheet.docx")
    result = CliRunner().invoke(
        cli, ["--db", str(demo_db_path), "brief", "KHM", "-o", str(out), *how]
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"Wrote {out}: 1 briefing sheet, as a Word document."
    assert _headings(out, "Title") == ["Cambodia"]
