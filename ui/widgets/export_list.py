""" "Export this list": the rows and columns a list shows, as a CSV file.

Any list model will do (a proxy in front of a page's model exports what the proxy shows,
in its order). Cells go through the same `neutralise` as every other CSV the app writes,
so a value that starts with = + - @ cannot run as a formula in a spreadsheet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QTableView, QTreeView, QWidget

from outreach.errors import OutreachError
from outreach.io.csv_export import write_csv
from ui.encryption import plaintext_confirmed
from ui.errors import show_error
from ui.widgets.overdue import unmarked


def visible_columns(view: QAbstractItemView) -> list[int]:
    """The columns of `view` not hidden, in the order they are shown."""
    model = view.model()
    if model is None:
        return []
    count = model.columnCount()
    if isinstance(view, QTableView | QTreeView):
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        shown = [column for column in range(count) if not header.isSectionHidden(column)]
        return sorted(shown, key=header.visualIndex)
    return list(range(count))


def table_of(
    model: QAbstractItemModel, columns: Sequence[int] | None = None
) -> tuple[list[str], Iterator[list[object]]]:
    """The header and (lazily) the rows of a list model, as the user reads them (less the
    words that say a date is overdue, which the list also shows in red). A tree
    (groups of rows, as in a meeting's room) gives its rows, each after its group's title."""
    chosen = list(range(model.columnCount())) if columns is None else list(columns)
    header = [
        str(model.headerData(column, Qt.Orientation.Horizontal) or f"Column {column + 1}")
        for column in chosen
    ]
    top = [model.index(row, 0, QModelIndex()) for row in range(model.rowCount())]
    grouped = any(model.rowCount(parent) for parent in top)

    def cells(row: int, parent: QModelIndex) -> list[object]:
        values = (
            model.data(model.index(row, column, parent), Qt.ItemDataRole.DisplayRole)
            for column in chosen
        )
        # an overdue date exports as the date: the words stand for the list's red
        return [unmarked(value) if isinstance(value, str) else value for value in values]

    def rows() -> Iterator[list[object]]:
        for index in top:
            if not grouped:
                yield cells(index.row(), QModelIndex())
                continue
            group = model.data(index, Qt.ItemDataRole.DisplayRole)
            for row in range(model.rowCount(index)):
                yield [group, *cells(row, index)]

    return (
        [QCoreApplication.translate("ExportList", "Group"), *header] if grouped else header
    ), rows()


def _file_name(default_name: str) -> str:
    safe = "".join(c if c.isalnum() or c in " -_." else "-" for c in default_name).strip()
    return (safe or "list") + ("" if safe.lower().endswith(".csv") else ".csv")


def export_list(
    parent: QWidget | None,
    model: QAbstractItemModel,
    default_name: str,
    *,
    columns: Sequence[int] | None = None,
    path: Path | None = None,
) -> Path | None:
    """Ask where (unless `path` is given) and write the list there; returns the file
    written, or None when cancelled or refused (the reason shown). From an encrypted
    database, only once the officer confirms (the file written is not encrypted)."""
    if not plaintext_confirmed(parent):
        return None
    if path is None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ExportList", "Export this list"),
            str(Path(folder) / _file_name(default_name)),
            QCoreApplication.translate("ExportList", "CSV files (*.csv)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
    header, rows = table_of(model, columns)
    try:
        write_csv(path, header, rows)
    except OutreachError as error:
        show_error(parent, error)
        return None
    return path


def install_export_action(
    view: QAbstractItemView, default_name: str | Callable[[], str]
) -> QAction:
    """Add "Export this list…" to the view's context menu (and Ctrl+Shift+E on it)."""
    action = QAction(QCoreApplication.translate("ExportList", "Export this list…"), view)
    action.setShortcut(QKeySequence("Ctrl+Shift+E"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def run() -> None:
        model = view.model()
        if model is None:
            return
        name = default_name() if callable(default_name) else default_name
        export_list(view.window(), model, name, columns=visible_columns(view))

    action.triggered.connect(run)
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action
