"""The dashboard's world map: each state in the colour of its status (or of a priority
category), its name and status on hover, a click opens it.

The shapes and colours are the printed map's (`outreach.charts.world`); here each state
is a graphics item, so the scene knows which state is under the pointer. Small states
(the Pacific's and the Caribbean's islands) get a dot of fixed size on screen, so they
stay visible and clickable whatever the map's size. The shapes are read the first time
the map is shown, not when the app starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from outreach.charts.world import (
    ASIDE,
    ASIDE_FILL,
    MARKER_EDGE,
    SEA_FILL,
    TERRITORY_FILL,
    Ring,
    WorldMap,
    WorldShapes,
    category_map,
    legend_line,
    status_map,
    world_shapes,
)
from outreach.domain.records import StateStanding

#: a small state's dot, in pixels on screen
DOT = 7.0
#: an item's data slot holding its state's ISO code
ISO3 = 0

#: one priority category as the map's choice offers it: slug, name, colour
Category = tuple[str, str, str]


def _path(rings: Sequence[Ring]) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in rings:
        path.moveTo(ring[0], ring[1])
        for index in range(2, len(ring), 2):
            path.lineTo(ring[index], ring[index + 1])
        path.closeSubpath()
    return path


class _Hoverable:
    """Tells the view when the pointer enters or leaves a state (shape or dot)."""

    view: WorldMapView

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        assert isinstance(self, QGraphicsItem)
        self.view.hovered(str(self.data(ISO3)))

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.view.hovered("")


class _StateShape(_Hoverable, QGraphicsPathItem):
    pass


class _StateDot(_Hoverable, QGraphicsEllipseItem):
    pass


class WorldMapView(QGraphicsView):
    """The map itself, fitted to its widget's size."""

    state_clicked = Signal(int)
    #: what the map says of the state under the pointer ("" when none)
    hover_text = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setMinimumSize(360, 170)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("World map"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.world: WorldMap | None = None
        self.items_by_state: dict[str, list[QGraphicsPathItem | QGraphicsEllipseItem]] = {}
        self._bounds = QRectF()
        self._dot_pen = QPen(QColor(MARKER_EDGE), 1)
        self._border = QPen(QColor("white"), 0.4)
        self._border.setCosmetic(True)  # as thin at any size of the map
        self._outline = QPen(QColor(MARKER_EDGE), 1.6)
        self._outline.setCosmetic(True)
        self._hovered = ""

    def _build(self, shapes: WorldShapes) -> None:
        scene = self.scene()
        self._bounds = QRectF(0, 0, shapes.width, shapes.height)
        scene.setSceneRect(self._bounds)
        self.setBackgroundBrush(QColor(SEA_FILL))
        territories = scene.addPath(_path(shapes.territories), QPen(Qt.PenStyle.NoPen))
        territories.setBrush(QColor(TERRITORY_FILL))
        for iso3, shape in shapes.states.items():
            item = _StateShape(_path(shape.rings))
            item.view = self
            item.setPen(self._border)
            self._add(iso3, item)
        for iso3, shape in shapes.states.items():  # dots last: on top of every shape
            if shape.marker is None:
                continue
            dot = _StateDot(-DOT / 2, -DOT / 2, DOT, DOT)
            dot.view = self
            dot.setPos(QPointF(*shape.marker))
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            dot.setPen(self._dot_pen)
            dot.setZValue(1)
            self._add(iso3, dot)

    def _add(self, iso3: str, item: QGraphicsPathItem | QGraphicsEllipseItem) -> None:
        item.setData(ISO3, iso3)
        item.setAcceptHoverEvents(True)
        item.setCursor(Qt.CursorShape.PointingHandCursor)
        self.scene().addItem(item)
        self.items_by_state.setdefault(iso3, []).append(item)

    def show_map(self, world: WorldMap) -> None:
        """Colour the states as `world` says (the shapes are read the first time)."""
        if not self.items_by_state:
            self._build(world_shapes())
        self.world = world
        aside = QPen(QColor("#b0b0b0"), 1)
        for iso3, items in self.items_by_state.items():
            state = world.states.get(iso3)
            colour = QColor(state.colour if state else ASIDE_FILL)
            for item in items:
                item.setBrush(QBrush(colour))
                item.setToolTip(state.says if state else "")
                if isinstance(item, _StateDot):  # a dot set aside recedes
                    item.setPen(self._dot_pen if state and state.key != ASIDE else aside)
        self._fit()

    def hovered(self, iso3: str) -> None:
        """The pointer is over `iso3` ("": over none): outline it and say what it is."""
        for item in self.items_by_state.get(self._hovered, []):
            if isinstance(item, _StateShape):
                item.setPen(self._border)
                item.setZValue(0)
        self._hovered = iso3
        for item in self.items_by_state.get(iso3, []):
            if isinstance(item, _StateShape):
                item.setPen(self._outline)
                item.setZValue(0.5)  # its outline above its neighbours', below the dots
        state = self.world.states.get(iso3) if self.world and iso3 else None
        self.setAccessibleDescription(state.says if state else "")
        self.hover_text.emit(state.says if state else "")

    def state_at(self, point: QPointF) -> str:
        """The ISO code of the state drawn at `point` (in the view), "" for the sea."""
        for item in self.items(point.toPoint()):
            iso3 = item.data(ISO3)
            if iso3:
                return str(iso3)
        return ""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.world is None:
            return
        state = self.world.states.get(self.state_at(event.position()))
        if state is not None:
            self.state_clicked.emit(state.state_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """From the keyboard: the arrows go from state to state in the order of their
        names (outlined and said, as under the pointer), Enter opens the one outlined."""
        key = event.key()
        if self.world is None or not self.world.states:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up):
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            self.hovered(self._next_state(step))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            state = self.world.states.get(self._hovered)
            if state is not None:
                self.state_clicked.emit(state.state_id)
        else:
            super().keyPressEvent(event)

    def _next_state(self, step: int) -> str:
        """The state `step` places after the one outlined, in the map's order (by name)."""
        assert self.world is not None
        order = [iso3 for iso3 in self.world.states if iso3 in self.items_by_state]
        if self._hovered not in order:
            return order[0 if step > 0 else -1]
        return order[(order.index(self._hovered) + step) % len(order)]

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        by_key = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        )
        if by_key and not self._hovered and self.world is not None and self.world.states:
            self.hovered(self._next_state(1))  # the focus shows on a state at once

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if not self._bounds.isEmpty():
            self.fitInView(self._bounds, Qt.AspectRatioMode.KeepAspectRatio)


class WorldMapPanel(QWidget):
    """The map with its choice (treaty status, or one priority category), its legend in
    words and counts, and a line naming the state under the pointer."""

    state_clicked = Signal(int)
    #: the choice changed: "" for the treaty status, else a category's slug
    choice_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = WorldMapView(self)
        self.view.state_clicked.connect(self.state_clicked)
        self._wanted = ""
        self.choice = QComboBox(self)
        self.choice.setAccessibleName(self.tr("Colour the map by"))
        self.choice.addItem(self.tr("Treaty status"), "")
        self.choice.currentIndexChanged.connect(lambda _i: self.choice_changed.emit(self.slug()))
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.pointer = QLabel(self)
        self.pointer.setWordWrap(True)  # its long hint must not widen the dashboard
        self.pointer.setAccessibleName(self.tr("State under the pointer"))
        self.view.hover_text.connect(self._say)
        self._say("")
        chooser = QHBoxLayout()
        by = QLabel(self.tr("Colour &by:"), self)
        by.setBuddy(self.choice)
        chooser.addWidget(by)
        chooser.addWidget(self.choice)
        chooser.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(chooser)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.pointer)
        self._fetch: Callable[[], WorldMap] | None = None
        self._stale = False

    def slug(self) -> str:
        """The category the map shows, "" for the treaty status."""
        return str(self.choice.currentData() or "")

    def choose(self, slug: str) -> None:
        """Show this category (a remembered choice) when the categories are next offered."""
        self._wanted = slug

    def remembered(self) -> str:
        """The choice to remember: the one asked for when none was offered yet."""
        return self._wanted or self.slug()

    def set_categories(self, categories: Sequence[Category]) -> None:
        """Offer these categories, keeping the choice when it is still there."""
        keep = self._wanted or self.slug()
        self.choice.blockSignals(True)
        while self.choice.count() > 1:
            self.choice.removeItem(1)
        for slug, name, _colour in categories:
            self.choice.addItem(self.tr("Category: {0}").format(name), slug)
        index = self.choice.findData(keep)
        self.choice.setCurrentIndex(max(index, 0))
        self.choice.blockSignals(False)
        self._wanted = ""  # asked once: a category since deleted leaves the status

    def show_when_seen(self, fetch: Callable[[], WorldMap]) -> None:
        """Draw the map `fetch` makes now when it is on screen, else when it is shown
        (reading every state's standing is not free, and the map may be on a hidden tab)."""
        self._fetch = fetch
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self._draw)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self._draw)

    def _draw(self) -> None:
        if not self._stale or self._fetch is None:
            return
        self._stale = False
        world = self._fetch()
        self.view.show_map(world)
        self.legend.setText(_legend_html(world))
        self.legend.setAccessibleName(" · ".join(_legend_words(world)))

    def _say(self, text: str) -> None:
        self.pointer.setText(
            text
            or self.tr(
                "Point at a state, or Tab to the map and use the arrow keys, for its status; "
                "click it or press Enter to open it."
            )
        )


def _legend_words(world: WorldMap) -> list[str]:
    return [legend_line(key) for key in world.legend]


def _legend_html(world: WorldMap) -> str:
    return " &nbsp; ".join(
        f'<span style="color:{key.colour}">■</span>&nbsp;{escape(line)}'
        for key, line in zip(world.legend, _legend_words(world), strict=True)
    )


def standings_map(standings: Sequence[StateStanding], category: Category | None) -> WorldMap:
    """The map of these standings: by status, or by the category given."""
    if category is None:
        return status_map(standings)
    slug, name, colour = category
    return category_map(standings, slug, name, colour)
