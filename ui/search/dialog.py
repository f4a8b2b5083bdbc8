"""Global search (Ctrl+K): results grouped by kind as you type; Enter or a double-click
opens the record (the window connects `open_record`)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from outreach.errors import OutreachError
from outreach.search.records import MARK_END, MARK_START, SearchHit, SearchResults
from outreach.search.service import SearchService
from ui.widgets.records_table import Index

HIT_ROLE = Qt.ItemDataRole.UserRole + 20  # the SearchHit (None on a group row)
HTML_ROLE = Qt.ItemDataRole.UserRole + 21  # rich text for the delegate
GROUP = 0  # internal id of a group row; a hit row's is its group's row + 1
DEBOUNCE_MS = 150

KIND_TITLES: dict[str, object] = {
    "state": QT_TRANSLATE_NOOP("SearchKind", "States"),
    "contact": QT_TRANSLATE_NOOP("SearchKind", "Contacts"),
    "organization": QT_TRANSLATE_NOOP("SearchKind", "Organizations"),
    "demarche": QT_TRANSLATE_NOOP("SearchKind", "Démarches"),
    "intervention": QT_TRANSLATE_NOOP("SearchKind", "Interventions"),
    "log_entry": QT_TRANSLATE_NOOP("SearchKind", "Log entries"),
    "attachment": QT_TRANSLATE_NOOP("SearchKind", "Attached files"),
}
FIELD_TITLES: dict[str, object] = {
    "aliases": QT_TRANSLATE_NOOP("SearchField", "also known as"),
    "talking_points": QT_TRANSLATE_NOOP("SearchField", "talking points"),
    "notes": QT_TRANSLATE_NOOP("SearchField", "notes"),
    "details": QT_TRANSLATE_NOOP("SearchField", "details"),
    "response": QT_TRANSLATE_NOOP("SearchField", "response"),
    "outcome": QT_TRANSLATE_NOOP("SearchField", "outcome"),
    "states": QT_TRANSLATE_NOOP("SearchField", "states"),
    "contacts": QT_TRANSLATE_NOOP("SearchField", "with"),
    "organization": QT_TRANSLATE_NOOP("SearchField", "organization"),
    "reach": QT_TRANSLATE_NOOP("SearchField", "e-mail or phone"),
    "text": QT_TRANSLATE_NOOP("SearchField", "in the file"),
    "attached_to": QT_TRANSLATE_NOOP("SearchField", "attached to"),
}


def kind_title(kind: str) -> str:
    return QCoreApplication.translate("SearchKind", str(KIND_TITLES.get(kind, kind)))


def marked_html(text: str) -> str:
    """A snippet's marks as bold, the rest escaped."""
    return (
        html.escape(text)
        .replace(html.escape(MARK_START), "<b>")
        .replace(html.escape(MARK_END), "</b>")
        .replace(MARK_START, "<b>")
        .replace(MARK_END, "</b>")
    )


def hit_html(hit: SearchHit) -> str:
    title = html.escape(hit.title)
    snippet = marked_html(hit.snippet)
    first = hit.field in ("name", "title", "summary")
    lines = [f"<b>{title}</b>" if not first else snippet]
    if hit.subtitle:
        lines[0] += f' &nbsp;<span class="dim">{html.escape(hit.subtitle)}</span>'
    if not first:
        label = QCoreApplication.translate(
            "SearchField", str(FIELD_TITLES.get(hit.field, hit.field.replace("_", " ")))
        )
        lines.append(f'<span class="dim">{html.escape(label)}:</span> {snippet}')
    return "<br/>".join(lines)


class SearchResultsModel(QAbstractItemModel):
    """Two levels: a row per kind, and under it the hits of that kind, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results = SearchResults(text="", groups=())

    def set_results(self, results: SearchResults) -> None:
        self.beginResetModel()
        self._results = results
        self.endResetModel()

    def results(self) -> SearchResults:
        return self._results

    def hit_count(self) -> int:
        return len(self._results.hits)

    def first_hit(self) -> QModelIndex:
        if not self._results.groups:
            return QModelIndex()
        return self.index(0, 0, self.index(0, 0))

    # --- QAbstractItemModel -------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._results.groups):
                return QModelIndex()
            return self.createIndex(row, 0, GROUP)
        if parent.internalId() != GROUP or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if not 0 <= group < len(self._results.groups):
            return QModelIndex()
        if row >= len(self._results.groups[group].hits):
            return QModelIndex()
        return self.createIndex(row, 0, group + 1)

    # A tree model must answer parent(index); QObject.parent() (no argument) is the same
    # name in Qt's C++, which the stubs cannot express as one signature.
    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._results.groups)
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self._results.groups[parent.row()].hits)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def _hit(self, index: Index) -> SearchHit | None:
        if not index.isValid() or index.internalId() == GROUP:
            return None
        group = self._results.groups[index.internalId() - 1]
        return group.hits[index.row()] if index.row() < len(group.hits) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hit = self._hit(index)
        if hit is None:
            group = self._results.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                more = "+" if group.more else ""
                return f"{kind_title(group.kind)} ({len(group.hits)}{more})"
            if role == HTML_ROLE:
                title = html.escape(kind_title(group.kind))
                return f'<span style="color:#37474f"><b>{title}</b></span>'
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.plain_snippet()
        if role == HTML_ROLE:
            return hit_html(hit)
        if role == HIT_ROLE:
            return hit
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RichTextDelegate(QStyledItemDelegate):
    """Draws the model's HTML_ROLE (bold matches, grey context)."""

    def _document(
        self, option: QStyleOptionViewItem, index: Index, selected: bool = False
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultStyleSheet(f".dim {{ color: {'#e3e3e3' if selected else '#666'} }}")
        document.setDefaultFont(option.font)
        document.setDocumentMargin(3)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        width = option.rect.width()
        document.setTextWidth(width if width > 0 else 560)
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        document = self._document(options, index, selected)
        options.text = ""
        widget = options.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        if selected:
            context.palette.setColor(
                context.palette.ColorRole.Text,
                options.palette.color(options.palette.ColorRole.HighlightedText),
            )
        painter.save()
        rect = options.rect
        painter.translate(rect.topLeft())
        painter.setClipRect(rect.translated(-rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        document = self._document(options, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class SearchDialog(QDialog):
    """Type to search; Up/Down to choose; Enter to open."""

    open_record = Signal(str, int)  # kind (a table name: state, contact, …), id

    def __init__(self, search: SearchService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Search"))
        self._search = search
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(
            self.tr("Search states, contacts, organizations, démarches, the log…")
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("Search"))
        self.model = SearchResultsModel(self)
        self.view = QTreeView(self)
        self.view.setAccessibleName(self.tr("Results"))
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setUniformRowHeights(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setItemDelegate(RichTextDelegate(self.view))
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #666")
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.resize(720, 560)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textChanged.connect(lambda _text: self._timer.start())
        self.edit.installEventFilter(self)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self._show_status()

    # --- searching ---------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Start with `text` (e.g. the selection) and search at once."""
        self.edit.setText(text)
        self.search_now()

    def search_now(self) -> None:
        self._timer.stop()
        text = self.edit.text().strip()
        if len(text) < 2:
            self.model.set_results(SearchResults(text=text, groups=()))
        else:
            try:
                self.model.set_results(self._search.search(text))
            except OutreachError as error:  # busy file: say so, keep the dialog
                self.model.set_results(SearchResults(text=text, groups=()))
                self.status.setText(str(error))
                return
        self.view.expandAll()
        first = self.model.first_hit()
        if first.isValid():
            self.view.setCurrentIndex(first)
        self._show_status()

    def _show_status(self) -> None:
        text = self.edit.text().strip()
        if len(text) < 2:
            self.status.setText(
                self.tr("Type two letters or more. Accents and case do not matter.")
            )
        elif not self.model.hit_count():
            self.status.setText(self.tr("Nothing found for “{0}”.").format(text))
        else:
            self.status.setText(self.tr("Enter opens the record; ↑ ↓ choose."))

    # --- choosing and opening ------------------------------------------------------------

    def current_hit(self) -> SearchHit | None:
        hit = self.view.currentIndex().data(HIT_ROLE)
        return hit if isinstance(hit, SearchHit) else None

    def _hits(self) -> list[QModelIndex]:
        rows = []
        for group in range(self.model.rowCount()):
            parent = self.model.index(group, 0)
            rows += [self.model.index(row, 0, parent) for row in range(self.model.rowCount(parent))]
        return rows

    def move_selection(self, step: int) -> None:
        hits = self._hits()
        if not hits:
            return
        current = self.view.currentIndex()
        position = next((i for i, index in enumerate(hits) if index == current), -1)
        target = min(max(position + step, 0), len(hits) - 1) if position >= 0 else 0
        self.view.setCurrentIndex(hits[target])
        self.view.scrollTo(hits[target])

    def _open(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            self.open_record.emit(str(hit.kind), hit.id)
            self.accept()

    def open_current(self) -> None:
        if self._timer.isActive():
            self.search_now()  # Enter typed before the pause: search what was typed
        self._open(self.view.currentIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key == Qt.Key.Key_Down:
                self.move_selection(1)
                return True
            if key == Qt.Key.Key_Up:
                self.move_selection(-1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(watched, event)
