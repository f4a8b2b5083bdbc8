"""Screenshots of a state's files and of an e-mail logged from a dropped message
(docs/state-files.png, docs/log-email.png), on a scratch copy of the demo.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/shots_files.py docs/
"""

from __future__ import annotations

import io
import sys
from email.message import EmailMessage
from pathlib import Path

from docx import Document
from PySide6.QtWidgets import QMessageBox
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from shots_common import save, scratch_demo, scratch_settings, settle

from ui.app import make_application
from ui.desktop import build_app
from ui.log.page import LogPage
from ui.states.page import StatesPage


def _pdf(text: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawString(72, 720, text)
    canvas.save()
    return out.getvalue()


def _docx(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _message(folder: Path) -> Path:
    message = EmailMessage()
    message["From"] = "Field Officer (fictional) <field.officer@example.org>"
    message["To"] = "Desk Officer <desk@example.org>"
    message["Subject"] = "Cambodia: Article 7 report on its way"
    message["Date"] = "Mon, 20 Sep 2004 10:15:00 +0700"
    message["Message-ID"] = "<shot-1@example.org>"
    message.set_content(
        "The Ministry confirmed this morning that the Article 7 report leaves for Geneva "
        "this week. Stockpile figures are in the annex.\n\nField Officer"
    )
    message.add_attachment(
        _pdf("Annex: stockpile destruction 1999-2004"),
        maintype="application",
        subtype="pdf",
        filename="annex stockpiles.pdf",
    )
    path = folder / "Cambodia Article 7.eml"
    path.write_bytes(bytes(message))
    return path


def shoot(target: Path, folder: Path) -> None:
    desktop = build_app(scratch_demo(folder))
    services, window = desktop.services, desktop.window
    cambodia = services.states.get("KHM")
    for name, content in (
        ("Note verbale 2004-117.pdf", _pdf("Note verbale on the Nairobi Summit")),
        ("Talking points, September.docx", _docx("Talking points for the Ambassador")),
        ("Ministry reply.txt", b"The Ministry will table the bill."),
    ):
        path = folder / name
        path.write_bytes(content)
        services.attachments.attach_file("state", cambodia.id, path)
    services.attachments.read_pending_texts()
    window.resize(1440, 900)
    window.show()
    desktop.show_state(cambodia.id)
    states = window.current_page()
    assert isinstance(states, StatesPage)
    states.detail.setCurrentWidget(states.detail.files)
    states.detail.files.refresh()
    settle(800)
    save(window, target / "state-files.png")

    services.contacts.create(  # the sender, a contact in Cambodia (fictional)
        "Officer", given_name="Field", state=cambodia.id, email="field.officer@example.org"
    )
    log = window.show_page(LogPage)
    assert isinstance(log, LogPage)
    QMessageBox.information = lambda *_args: QMessageBox.StandardButton.Ok  # type: ignore[method-assign]
    QMessageBox.exec = lambda _box: 0  # type: ignore[method-assign]
    log.import_mail([_message(folder)])
    services.attachments.read_pending_texts()
    log.files.refresh()
    settle(800)
    save(window, target / "log-email.png")
    window.close()


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    target.mkdir(parents=True, exist_ok=True)
    make_application(sys.argv)
    with scratch_settings() as folder:
        shoot(target, folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
