"""Country briefing sheets: what they print, on which pages, with which fonts and
metadata; progress, cancel and safe writing."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from outreach.briefing import (
    Marking,
    PaperSize,
    PrintOptions,
    all_state_ids,
    build_sheets,
    gather,
    print_states,
    resolve_states,
)
from outreach.briefing.options import OFFICER_MAX
from outreach.errors import CancelledError, NotFoundError, ValidationError
from outreach.services.contacts import ContactService
from outreach.services.organizations import OrganizationService
from outreach.services.states import StateService
from outreach.storage.database import Database

from .conftest import assert_no_leak, metadata, outline, page_texts, words

AS_OF = date(2004, 11, 29)
PROTECTED_B = PrintOptions(marking=Marking.PROTECTED_B, officer="Officer Example")


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A folder for the PDFs alone (the test's database lives beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def footer_numbers(text: str) -> tuple[int, int]:
    match = re.search(r"page (\d+) of (\d+)", text)
    assert match, text
    return int(match.group(1)), int(match.group(2))


@pytest.fixture
def names_db(demo_db: Database) -> Database:
    """The demo with the names the issue lists: accents, Ł, Cyrillic."""
    states = StateService(demo_db)
    states.update_profile("STP", name="São Tomé and Príncipe")
    states.update_profile(
        "CIV",
        talking_points="Thank Côte d'Ivoire for the Łódź seminar.\n- Ask about Article 7\n"
        "- <b>Never</b> bold & never broken",
    )
    organization = OrganizationService(demo_db).create(
        "Ministry of Foreign Affairs of Côte d'Ivoire", kind="ministry", state="CIV", city="Abidjan"
    )
    ContactService(demo_db).create(
        "Kouassi", given_name="Aïcha", position="Directrice", organization_id=organization.id
    )
    return demo_db


def test_a_sheet_prints_the_state_its_dates_and_open_demarches(
    names_db: Database, tmp_path: Path
) -> None:
    out = tmp_path / "ukraine.pdf"
    printed = print_states(names_db, ["UKR"], out, PROTECTED_B, as_of=AS_OF)
    assert printed.sheets == 1
    assert 1 <= printed.pages <= 2
    text = words(page_texts(out))
    assert "Ukraine" in text
    # treaty status with its dates (signed 1999, ratified 2005: a signatory in 2004)
    assert "SIGNATORY" in text
    assert "1999-02-24" in text
    assert "2005-12-27" not in text  # its ratification came after the day printed
    assert "No treaty obligations" in text
    # the open démarche, with its requested action and due date
    assert "Ratification and PFM stockpile destruction" in text
    assert "Ratify" in text
    assert "2004-09-30" in text
    assert "OVERDUE" in text  # due 2004-09-30, still open on 2004-11-29
    # the Cyrillic contact, the log, the talking points, the printing details
    assert "Олена Приклад" in text
    assert "Letter from the Deputy Minister on PFM destruction sent" in text
    assert "Stockpile destruction of PFM mines is the obstacle" in text
    assert "Printed" in text and date.today().isoformat() in text
    assert "Officer Example" in text
    assert "Likely acceders" in text
    assert "stockpile destruction assistance is the key" in text  # the category's rationale


def test_the_marking_and_page_numbers_are_on_every_page(names_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "sheets.pdf"
    printed = print_states(names_db, ["CIV", "TUR", "STP", "UKR", "PAK"], out, PROTECTED_B)
    texts = page_texts(out)
    assert len(texts) == printed.pages >= 5
    for number, text in enumerate(texts, start=1):
        assert text.count("PROTECTED B") >= 2, f"page {number} lacks its top and bottom marking"
        assert footer_numbers(text) == (number, len(texts))
        assert "sheet page" in text  # several sheets: each says its own page too


def test_every_name_prints_and_can_be_found(names_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "names.pdf"
    print_states(names_db, ["CIV", "STP", "TUR", "UKR"], out, PrintOptions())
    text = words(page_texts(out))
    for name in ("Côte d'Ivoire", "São Tomé and Príncipe", "Türkiye", "Łódź", "Олена Приклад",
                 "Aïcha Kouassi", "Aylin Örnek"):  # fmt: skip
        assert name in text, name
    # user text prints as typed: markup characters are not markup
    assert "<b>Never</b> bold & never broken" in text
    # the fonts are embedded DejaVu Sans subsets, not Helvetica
    reader = PdfReader(out)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts
    assert all("DejaVuSans" in font for font in fonts), fonts
    assert not any("Helvetica" in font for font in fonts)


def test_pdftotext_gives_the_same_words_back(names_db: Database, tmp_path: Path) -> None:
    import shutil
    import subprocess

    # ./run-tests installs poppler-utils; the issue asks that pdftotext give the words back.
    assert shutil.which("pdftotext") is not None, "poppler-utils is missing"
    out = tmp_path / "names.pdf"
    print_states(names_db, ["CIV", "STP", "UKR"], out, PrintOptions())
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    for name in ("Côte d'Ivoire", "São Tomé and Príncipe", "Łódź", "Олена Приклад"):
        assert name in text, name


def test_metadata_has_title_subject_marking_and_nothing_of_the_machine(
    names_db: Database, demo_db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sheet.pdf"
    print_states(names_db, ["KHM"], out, PrintOptions(marking=Marking.PROTECTED_A))
    meta = metadata(out)
    assert meta["/Title"] == "Briefing sheet: Cambodia"
    assert "PROTECTED A" in meta["/Subject"]
    assert meta["/Keywords"] == "PROTECTED A"
    assert meta["/Author"] == ""
    assert meta["/Creator"] == "Outreach"
    assert_no_leak(out.read_bytes(), demo_db_path, tmp_path, out)


def test_without_an_officer_none_is_printed(demo_db: Database, tmp_path: Path) -> None:
    from .conftest import user_name

    out = tmp_path / "sheet.pdf"
    print_states(demo_db, ["KHM"], out, PrintOptions())
    text = page_texts(out)[0]
    assert "Officer —" in text
    user = user_name()
    if user:
        assert not re.search(rf"\bOfficer {re.escape(user)}\b", text)
    assert_no_leak(out.read_bytes(), tmp_path)


@pytest.mark.parametrize(
    ("paper", "size"), [(PaperSize.A4, (595, 842)), (PaperSize.LETTER, (612, 792))]
)
def test_paper_size(
    demo_db: Database, tmp_path: Path, paper: PaperSize, size: tuple[int, int]
) -> None:
    out = tmp_path / "sheet.pdf"
    print_states(demo_db, ["PAK"], out, PrintOptions(paper=paper))
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_all_states_print_in_one_file_each_on_one_or_two_pages(
    demo_db: Database, every_sheet: tuple[str, Path]
) -> None:
    said, out = every_sheet
    sheets, pages = map(int, re.findall(r"(\d+) (?:briefing sheets|pages)", said))
    assert sheets == len(all_state_ids(demo_db))
    texts = page_texts(out)
    assert len(texts) == pages
    per_sheet = Counter(
        match.group(1)
        for text in texts
        if (match := re.search(r"^(.*): sheet page \d+ of \d+$", text, re.MULTILINE))
    )
    assert len(per_sheet) == sheets
    assert max(per_sheet.values()) <= 2, per_sheet.most_common(3)
    titles = [title for _depth, title, _page in outline(out)]
    assert len(titles) == sheets  # one bookmark per sheet
    assert titles[0] == "Afghanistan (AFG)"
    assert "Côte d'Ivoire (CIV)" in titles


def test_gather_keeps_the_order_given_and_reads_in_bulk(demo_db: Database) -> None:
    ids = resolve_states(demo_db, ["UKR", "Côte d’Ivoire", "KHM", "UKR"])
    sheets = gather(demo_db, ids, as_of=AS_OF, officer="X", log_entries=1, contacts=1)
    assert [sheet.state.iso3 for sheet in sheets] == ["UKR", "CIV", "KHM"]
    ukraine = sheets[0]
    assert len(ukraine.log) == 1
    assert ukraine.log[0].occurred_on == date(2004, 6, 22)  # the newest before AS_OF
    assert ukraine.log[0].people == ("Олена Приклад", "Алесь Узор")
    assert [c.contact.full_name for c in ukraine.contacts] == ["Олена Приклад"]
    assert [d.title for d in ukraine.open_demarches] == [
        "Ratification and PFM stockpile destruction"
    ]
    assert [c.slug for c, _why in ukraine.categories] == ["likely-acceders"]
    assert ukraine.officer == "X"
    assert ukraine.as_of == AS_OF
    # facts after the day asked for are left out
    assert all(fact.as_of is None or fact.as_of <= AS_OF for s in sheets for fact in s.facts)


def test_unknown_states_are_named_in_one_error(demo_db: Database, out_dir: Path) -> None:
    with pytest.raises(NotFoundError, match="'XYZ', 'Atlantis'"):
        print_states(demo_db, ["KHM", "XYZ", "Atlantis"], out_dir / "x.pdf", PrintOptions())
    assert not list(out_dir.iterdir())


def test_progress_counts_every_sheet(demo_db: Database, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    print_states(demo_db, ["KHM", "PAK", "UKR"], tmp_path / "x.pdf", PrintOptions(),
                 progress=lambda done, total: seen.append((done, total)))  # fmt: skip
    assert seen[0] == (0, 3)
    assert seen[-1] == (3, 3)
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)


def test_cancel_stops_and_leaves_no_file(demo_db: Database, out_dir: Path) -> None:
    out = out_dir / "sheets.pdf"
    out.write_bytes(b"the previous file")
    done: list[int] = []
    with pytest.raises(CancelledError, match="cancelled"):
        print_states(
            demo_db,
            ["KHM", "PAK", "UKR", "TUR"],
            out,
            PrintOptions(),
            progress=lambda count, _total: done.append(count),
            cancelled=lambda: len(done) > 2,
        )
    assert max(done) < 4  # it stopped before the last sheet
    assert out.read_bytes() == b"the previous file"
    assert [path.name for path in out_dir.iterdir()] == ["sheets.pdf"]  # no temporary left


def test_the_file_is_replaced_whole_and_private(demo_db: Database, out_dir: Path) -> None:
    out = out_dir / "sheet.pdf"
    out.write_bytes(b"old")
    sheets = gather(demo_db, resolve_states(demo_db, ["KHM"]))
    pages = build_sheets(sheets, out, PrintOptions())
    assert pages == 1
    assert out.read_bytes().startswith(b"%PDF-")
    assert out.stat().st_mode & 0o077 == 0
    assert [path.name for path in out_dir.iterdir()] == ["sheet.pdf"]


def test_a_missing_folder_is_a_clear_error(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not exist"):
        print_states(demo_db, ["KHM"], tmp_path / "nowhere" / "x.pdf", PrintOptions())


def test_options_are_checked() -> None:
    assert Marking.parse("protected-b") is Marking.PROTECTED_B
    assert Marking.parse(" Protected   a ") is Marking.PROTECTED_A
    with pytest.raises(ValidationError, match="not a security marking"):
        Marking.parse("SECRET")
    assert PaperSize.parse("letter") is PaperSize.LETTER
    with pytest.raises(ValidationError):
        PaperSize.parse("A3")
    with pytest.raises(ValidationError, match="officer"):
        PrintOptions(officer="x" * (OFFICER_MAX + 1))


@pytest.mark.parametrize("day", [date(2002, 11, 30), date(2004, 6, 1), date(2026, 1, 1)])
def test_categories_agree_with_the_category_service(demo_db: Database, day: date) -> None:
    """The sheets judge smart categories themselves (in bulk); they must agree with the
    states list and the categories page for every state and category."""
    from outreach.domain.enums import CategoryKind
    from outreach.services.categories import CategoryService

    service = CategoryService(demo_db)
    expected: dict[int, set[tuple[str, str]]] = {}
    for category in service.all():
        for member in service.members(category.slug, as_of=day):
            why = "" if category.kind == CategoryKind.SMART else member.rationale
            expected.setdefault(member.state_id, set()).add((category.slug, why))
    sheets = gather(demo_db, all_state_ids(demo_db), as_of=day)
    found = {
        sheet.state.id: {
            (c.slug, "" if c.kind == CategoryKind.SMART else why) for c, why in sheet.categories
        }
        for sheet in sheets
        if sheet.categories
    }
    assert found == expected
    pakistan = next(sheet for sheet in sheets if sheet.state.iso3 == "PAK")
    assert ("By rule: status outside or signatory and fact producer") in {
        why for _c, why in pakistan.categories
    }


def test_the_package_exports_load_on_first_use() -> None:
    import outreach.briefing as briefing

    for name in briefing.__all__:
        assert getattr(briefing, name) is not None, name
    with pytest.raises(AttributeError):
        _ = briefing.no_such_thing
