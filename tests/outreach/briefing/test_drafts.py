"""Drafts of a démarche's note verbale and aide-mémoire: the classic third-person form
filled from the démarche, attached to it; a desk's own template first; a template with
a placeholder Outreach does not fill refused by name, nothing written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from outreach.briefing.drafts import draft_context, draft_demarche, template_path
from outreach.briefing.options import Marking
from outreach.cli.main import cli
from outreach.errors import ValidationError
from outreach.services.attachments import AttachmentService
from outreach.services.contacts import ContactService
from outreach.services.demarches import DemarcheService
from outreach.services.organizations import OrganizationService
from outreach.storage.database import Database

POINTS = "- Nairobi Summit in November\n- Offer of help with stockpile destruction"


@pytest.fixture
def demarche_id(reference_db: Database) -> int:
    ministry = OrganizationService(reference_db).create(
        "Ministry of Foreign Affairs and International Cooperation", kind="ministry", state="KHM"
    )
    counterpart = ContactService(reference_db).create(
        "Sok", given_name="Dara", organization_id=ministry.id
    )
    return (
        DemarcheService(reference_db)
        .create(
            "KHM",
            "Ratification before the Nairobi Summit",
            "ratify",
            "note_verbale",
            "ambassador",
            talking_points=POINTS,
            contact_ids=[counterpart.id],
        )
        .id
    )


def _text(path: Path) -> list[str]:
    return [paragraph.text for paragraph in Document(str(path)).paragraphs if paragraph.text]


def test_a_note_verbale_in_the_classic_form_attached_to_its_demarche(
    reference_db: Database, demarche_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "note.docx"
    drafted = draft_demarche(
        reference_db,
        demarche_id,
        out,
        mission="Embassy of Canada in Bangkok",
        city="Bangkok",
        marking=Marking.PROTECTED_A,
    )
    lines = _text(out)
    ministry = "Ministry of Foreign Affairs and International Cooperation"
    assert lines[1] == "NOTE VERBALE"
    assert lines[2] == "Subject: Ratification before the Nairobi Summit"
    assert lines[3] == (
        f"The Embassy of Canada in Bangkok presents its compliments to the {ministry} and "
        "has the honour to request, on behalf of its Government, that Cambodia ratify the "
        "Ottawa Convention."
    )
    assert lines[5:7] == ["Nairobi Summit in November", "Offer of help with stockpile destruction"]
    assert lines[7] == (
        f"The Embassy of Canada in Bangkok avails itself of this opportunity to renew to the "
        f"{ministry} the assurances of its highest consideration."
    )
    assert lines[8].startswith("Bangkok, ") and str(date.today().year) in lines[8]
    document = Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == "PROTECTED A"
    assert document.core_properties.author == ""
    attached = AttachmentService(reference_db).of("demarche", demarche_id)
    assert [(a.name, a.id) for a in attached] == [("note.docx", drafted.attachment.id)]
    assert AttachmentService(reference_db).content(attached[0].id) == out.read_bytes()


def test_an_aide_memoire_in_french(
    reference_db: Database, demarche_id: int, tmp_path: Path
) -> None:
    out = tmp_path / "aide.docx"
    draft_demarche(reference_db, demarche_id, out, template="aide-memoire", language="fr")
    lines = _text(out)
    assert lines[0] == "AIDE-MÉMOIRE"
    assert (
        lines[2]
        == (
            "L'Ambassade du Canada demande que l'État suivant : Cambodia, ratifie la "
            "Convention d'Ottawa."
        )
        or "ratifie la Convention d'Ottawa" in lines[2]
    )


def test_a_desks_own_template_comes_first(
    reference_db: Database, demarche_id: int, tmp_path: Path
) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    shipped = template_path("note-verbale", "en", tmp_path / "none")
    assert shipped.parent.name == "templates" and shipped.parent.parent.name == "resources"
    document = Document()
    document.add_paragraph("Our own note on {{ title }} for {{ state }}.")
    document.save(str(own / "note-verbale.docx"))
    out = tmp_path / "note.docx"
    drafted = draft_demarche(reference_db, demarche_id, out, own_templates=own)
    assert drafted.template == own / "note-verbale.docx"
    assert _text(out) == ["Our own note on Ratification before the Nairobi Summit for Cambodia."]


def test_a_template_with_an_unknown_placeholder_is_refused_by_name(
    reference_db: Database, demarche_id: int, tmp_path: Path
) -> None:
    own = tmp_path / "templates"
    own.mkdir()
    document = Document()
    document.add_paragraph("Dear {{ ambassador_name }}, about {{ title }} and {{ budget }}.")
    document.save(str(own / "note-verbale.docx"))
    out = tmp_path / "note.docx"
    with pytest.raises(
        ValidationError, match="placeholders Outreach does not fill: ambassador_name, budget"
    ):
        draft_demarche(reference_db, demarche_id, out, own_templates=own)
    assert not out.exists()
    assert AttachmentService(reference_db).of("demarche", demarche_id) == []


def test_the_context_names_the_ministry_of_the_demarches_contact(
    reference_db: Database, demarche_id: int
) -> None:
    demarche = DemarcheService(reference_db).get(demarche_id)
    context = draft_context(reference_db, demarche, language="en")
    assert context["ministry"] == "Ministry of Foreign Affairs and International Cooperation"
    assert context["talking_points"] == [
        "Nairobi Summit in November",
        "Offer of help with stockpile destruction",
    ]
    assert context["requested_action"] == "ratify the Ottawa Convention"


def test_the_draft_command(demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "nv.docx"
    result = CliRunner().invoke(
        cli, ["--db", str(demo_db_path), "draft", "1", "-o", str(out), "--city", "Ankara"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote {out} from ")
    assert "attached to the démarche" in result.output
    assert any("presents its compliments" in line for line in _text(out))
    missing = CliRunner().invoke(cli, ["--db", str(demo_db_path), "draft", "9999", "-o", str(out)])
    assert missing.exit_code == 1 and "9999" in missing.output
