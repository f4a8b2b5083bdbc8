"""A PDF preview (QtPdf's view) with Print and Save as PDF.

The dialog shows a PDF the app generated into a private temporary folder; the folder
goes when the dialog closes. Printing renders each page to the printer at up to 300 dpi
(plenty for text, and a page image stays a few tens of megabytes).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach.briefing.document import write_atomically
from outreach.errors import OutreachError
from ui.errors import show_error
from ui.widgets.modal import accepted

PRINT_DPI = 300


class PdfPreviewDialog(QDialog):
    """Shows one PDF; Print… (Ctrl+P), Save as PDF… (Ctrl+S), Settings… and Close."""

    settings_requested = Signal()

    def __init__(
        self,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
        *,
        write_word: Callable[[Path], object] | None = None,
    ) -> None:
        """`write_word(path)`, when given, writes the same content as a Word document
        (Save as Word…): briefing sheets have one, a meeting pack not."""
        super().__init__(parent)
        self._write_word = write_word
        self.setWindowTitle(title)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.suggested_name = suggested_name
        self.path: Path | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.status = QLabel(self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_button.clicked.connect(lambda: self.save_as())
        self.word_button = QPushButton(self.tr("Save as &Word…"), self)
        self.word_button.setToolTip(self.tr("The same sheets as a Word document to edit"))
        self.word_button.clicked.connect(lambda: self.save_as_word())
        self.word_button.setVisible(write_word is not None)
        self.settings_button = QPushButton(self.tr("Se&ttings…"), self)
        self.settings_button.setToolTip(self.tr("Paper size, security marking and officer"))
        self.settings_button.clicked.connect(self.settings_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.word_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.settings_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(820, 960)
        self._set_ready(False)

    # --- the document ------------------------------------------------------------------

    def load(self, path: Path) -> None:
        """Show the PDF at `path` (replacing what was shown)."""
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.path = None
            self._set_ready(False)
            self.status.setText(self.tr("The PDF could not be opened ({0}).").format(error.name))
            return
        self.path = path
        self._set_ready(True)
        pages = self.document.pageCount()
        self.status.setText(self.tr("%Ln pages", "", pages))

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # --- print ------------------------------------------------------------------------

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Ask for a printer (unless one is given) and print; True if pages were sent."""
        if self.path is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.suggested_name)
            dialog = QPrintDialog(printer, self)
            dialog.setMinMax(1, self.document.pageCount())
            if not accepted(dialog):
                return False
        try:
            self.render_to(printer)
        except OutreachError as error:
            show_error(self, error)
            return False
        return True

    def render_to(self, printer: QPrinter) -> None:
        """Draw the pages the printer asks for (all by default), each fitted to its page."""
        count = self.document.pageCount()
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or count, count)
        painter = QPainter()
        if not painter.begin(printer):
            raise OutreachError("The printer could not be opened; nothing was printed.")
        try:
            for index in range(first - 1, last):
                if index > first - 1:
                    printer.newPage()
                area = painter.viewport()
                points = self.document.pagePointSize(index)
                scale = min(area.width() / points.width(), area.height() / points.height())
                width, height = int(points.width() * scale), int(points.height() * scale)
                dpi = min(printer.resolution(), PRINT_DPI)
                image = self.document.render(
                    index, QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
                )
                target = QRect(area.x() + (area.width() - width) // 2, area.y(), width, height)
                painter.drawImage(target, image)
        finally:
            painter.end()

    # --- save ----------------------------------------------------------------------------

    def save_as(self, target: Path | None = None) -> Path | None:
        """Ask where to save (unless `target` is given) and copy the PDF there."""
        if self.path is None:
            return None
        if target is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Save as PDF"),
                str(Path(folder) / self.suggested_name),
                self.tr("PDF documents (*.pdf)"),
            )
            if not chosen:
                return None
            target = Path(chosen)
            if target.suffix.lower() != ".pdf":
                target = target.with_name(target.name + ".pdf")
        try:
            write_atomically(target, self.path.read_bytes())
        except OutreachError as error:
            show_error(self, error)
            return None
        except OSError as error:
            show_error(self, OutreachError(f"Cannot read the PDF to save it: {error}."))
            return None
        self.status.setText(self.tr("Saved to {0}").format(str(target)))
        return target

    def save_as_word(self, target: Path | None = None) -> Path | None:
        """Ask where (unless `target` is given) and write the sheets there as Word."""
        if self._write_word is None:
            return None
        if target is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            suggested = Path(folder) / Path(self.suggested_name).with_suffix(".docx").name
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save as Word"), str(suggested), self.tr("Word documents (*.docx)")
            )
            if not chosen:
                return None
            target = Path(chosen)
            if target.suffix.lower() != ".docx":
                target = target.with_name(target.name + ".docx")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._write_word(target)
        except OutreachError as error:
            show_error(self, error)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        self.status.setText(self.tr("Saved to {0}").format(str(target)))
        return target

    def closeEvent(self, event: QCloseEvent) -> None:
        self.document.close()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.document.close()
        super().done(result)
