"""The main window: the states list for now, with a menu, a status bar and saved layout."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from outreach.services.states import StateService
from ui.change_bus import ChangeBus
from ui.states.view import StatesView


class MainWindow(QMainWindow):
    def __init__(
        self,
        states: StateService,
        bus: ChangeBus,
        database_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outreach — {0}").format(database_label))
        self.states_view = StatesView(states, self)
        self.setCentralWidget(self.states_view)
        bus.changed.connect(self.states_view.on_changed)
        self.states_view.model.modelReset.connect(self._show_counts)
        self.states_view.proxy.rowsInserted.connect(self._show_counts)
        self.states_view.proxy.rowsRemoved.connect(self._show_counts)

        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        find_action = QAction(self.tr("&Find state"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.states_view.filter_edit.setFocus)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(find_action)

        self.states_view.reload()
        self._restore_layout()

    def _show_counts(self) -> None:
        shown = self.states_view.proxy.rowCount()
        parties = sum(
            1
            for row in range(self.states_view.model.rowCount())
            if self.states_view.model.row_at(row).status.value == "party"
        )
        self.statusBar().showMessage(
            self.tr("{0} states shown · {1} States Parties today").format(shown, parties)
        )

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        header = settings.value("states/header")
        if header is not None:
            self.states_view.table.horizontalHeader().restoreState(header)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("states/header", self.states_view.table.horizontalHeader().saveState())
        super().closeEvent(event)
