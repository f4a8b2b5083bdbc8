"""`outreach log import-mail`: messages logged one by one, a bad one refused on its own
line while the others go in, and the search finding what came in."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from outreach.cli.main import cli

from .files import eml, outlook_msg, pdf_with


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def test_import_mail_logs_each_message_and_refuses_the_bad_ones(
    demo_db_path: Path, tmp_path: Path
) -> None:
    report = tmp_path / "report.eml"
    report.write_bytes(
        eml(
            subject="Cambodia: accession bill tabled",
            sender="Field Officer <field.officer@example.net>",
            files=(("minutes.pdf", "application/pdf", pdf_with("Kampong Cham workshop")),),
        )
    )
    call = tmp_path / "call.msg"
    outlook_msg(call, subject="Follow-up call", sender=("Aide", "aide@example.net"))
    broken = tmp_path / "broken.eml"
    broken.write_bytes(b"not a message")
    db = str(demo_db_path)

    result = run(
        "--db", db, "log", "import-mail", str(report), str(broken), str(call), "--state", "KHM"
    )

    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert out[0].startswith(
        "report.eml: logged “Cambodia: accession bill tabled” of 2004-09-14 (entry "
    )
    assert out[0].endswith("0 contacts, 2 files attached.")
    assert "  not a contact yet: Field Officer <field.officer@example.net>" in out
    assert any(line.startswith("call.msg: logged “Follow-up call”") for line in out)
    assert (
        "broken.eml: not logged. This is not an e-mail message Outreach can read" in result.stderr
    )
    assert "1 message was not logged." in result.stderr

    found = run("--db", db, "search", "Kampong", "Cham", "--kind", "attachment")
    assert found.exit_code == 0, found.output
    assert "minutes.pdf" in found.output and "accession bill tabled" in found.output

    again = run("--db", db, "log", "import-mail", str(report), "--state", "KHM")
    assert again.exit_code == 1
    assert "already in the contact log" in again.stderr


def test_check_names_a_file_whose_bytes_were_damaged(demo_db_path: Path) -> None:
    import sqlite3

    from outreach.services.attachments import AttachmentService
    from outreach.services.states import StateService
    from outreach.setup import open_database

    db = open_database(demo_db_path)
    try:
        cambodia = StateService(db).get("KHM").id
        AttachmentService(db).attach("state", cambodia, "minutes.txt", b"The minutes, as agreed.")
    finally:
        db.close()
    assert run("--db", str(demo_db_path), "check").exit_code == 0
    with sqlite3.connect(demo_db_path) as connection:
        connection.execute("UPDATE attachment_blob SET content = ?", (b"The minutes, as altered.",))
    result = run("--db", str(demo_db_path), "check")
    assert result.exit_code == 1
    assert "attachments: the stored bytes of minutes.txt do not match their checksum" in (
        result.output + result.stderr
    )
