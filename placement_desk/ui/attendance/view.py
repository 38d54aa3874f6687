"""The keyboard of both attendance screens: a table view that turns keys into attendance actions.

=====================  ===================================================
key                    action (``AttendanceView.action`` emits the name)
=====================  ===================================================
0-9 , . (a number)     opens a small editor; Enter logs *present* with those hours
Enter, Space           ``planned``: present as planned (a registered day too; R changes it otherwise)
S / F / U              ``sick`` / ``absent_agreed`` / ``absent_unexcused``: the reason picker
R, F2, double-click    ``reason``: the reason picker for the day as it is
Delete, Backspace      ``clear``: remove the registration
W, Ctrl+Enter          ``week``: the whole week as planned
PageUp / PageDown      ``previous`` / ``next`` (month, day or week)
=====================  ===================================================

A message about a day (it could not be read, it is in the future...) is shown at that day's cell by
:class:`CellNote`, not at the bottom of the page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
NUMBER_CHARS = set("0123456789,.½")
LETTERS: dict[int, str] = {
    Qt.Key.Key_S.value: "sick",
    Qt.Key.Key_F.value: "absent_agreed",
    Qt.Key.Key_U.value: "absent_unexcused",
    Qt.Key.Key_R.value: "reason",
    Qt.Key.Key_W.value: "week",
}
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class HoursDelegate(QStyledItemDelegate):
    """The editor a typed number opens: a line edit; its text goes to ``AttendanceView.hours_typed``
    (the model is never written: the service call does that, and the model is read again)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The cell's own colour stays visible: selection is a light tint, the cursor a frame."""
        opt = QStyleOptionViewItem(option)
        state = opt.state
        opt.state = state & ~QStyle.StateFlag.State_Selected & ~QStyle.StateFlag.State_HasFocus
        rect = option.rect
        back = index.data(Qt.ItemDataRole.BackgroundRole)
        # The view has already filled a selected row with the highlight colour: paint over it.
        painter.fillRect(rect, back if back is not None else option.palette.base())
        super().paint(painter, opt, index)
        highlight = QColor(option.palette.highlight().color())
        painter.save()
        if state & QStyle.StateFlag.State_Selected:
            tint = QColor(highlight)
            tint.setAlpha(28)
            painter.fillRect(rect, tint)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(highlight, 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("hoursEditor")
        editor.setPlaceholderText(QCoreApplication.translate("Attendance", "hours"))
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        pass  # the typed key is the start of the text

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        view = self.parent()
        if isinstance(editor, QLineEdit) and isinstance(view, AttendanceView) and editor.text().strip():
            view._typed.emit(index.row(), index.column(), editor.text())

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        height = min(rect.height(), max(editor.sizeHint().height(), 24))
        editor.setGeometry(rect.x() + 2, rect.y() + (rect.height() - height) // 2, rect.width() - 4, height)


class CellNote(QLabel):
    """A short message at the current cell (below it, or above when there is no room): errors stand
    where the user is looking. It goes when the cursor moves on or the next action succeeds."""

    MAX_WIDTH = 380

    def __init__(self, view: QTableView) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.setObjectName("cellNote")
        self.setWordWrap(True)
        self.setStyleSheet(
            "#cellNote { background: #fff4f4; color: #8b0000; border: 1px solid #b00020; border-radius: 3px;"
            " padding: 3px 6px; }"
        )
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        if not text:
            self.hide()
            return
        self.place()
        self.show()
        self.raise_()

    def clear(self) -> None:
        self.setText("")

    def place(self) -> None:
        viewport = self.view.viewport()
        index = self.view.currentIndex()
        cell = self.view.visualRect(index) if index.isValid() else viewport.rect().adjusted(0, 0, 0, -viewport.height())
        width = max(120, min(self.MAX_WIDTH, viewport.width() - 8))
        self.setFixedWidth(width)
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        self.setFixedHeight(max(height, self.sizeHint().height()))
        x = min(max(cell.left(), 4), max(viewport.width() - width - 4, 0))
        y = cell.bottom() + 2
        if y + self.height() > viewport.height() and cell.top() - self.height() - 2 >= 0:
            y = cell.top() - self.height() - 2
        self.move(x, y)


class AttendanceView(QTableView):
    """A QTableView whose keys are the attendance actions of the module docstring."""

    action = Signal(str)
    hours_typed = Signal(int, int, str)  # row, column, text: always after the editor has closed
    _typed = Signal(int, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)
        self.doubleClicked.connect(lambda _index: self.action.emit("reason"))
        self.note = CellNote(self)
        # Queued: the edit reads the screen again, which must not happen while the editor commits.
        self._typed.connect(self.hours_typed.emit, Qt.ConnectionType.QueuedConnection)

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        if current.row() != previous.row() or current.column() != previous.column():
            self.note.setText("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        name = self._action_of(event)
        if name is not None:
            event.accept()
            self.action.emit(name)
        elif event.text() and event.text() in NUMBER_CHARS:
            super().keyPressEvent(event)  # AnyKeyPressed: opens the hours editor with the key in it
        elif event.text().isprintable() and event.text().strip() and not self._has_command_modifier(event):
            event.accept()  # other letters do nothing (no editor, no keyboard search)
        else:
            super().keyPressEvent(event)

    @staticmethod
    def _has_command_modifier(event: QKeyEvent) -> bool:
        mods = event.modifiers()
        return bool(
            mods
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier)
        )

    def _action_of(self, event: QKeyEvent) -> str | None:
        key = event.key()
        command = self._has_command_modifier(event)
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in ENTER:
            return "week" if ctrl else None if command else "planned"
        if command:
            return None
        if key == Qt.Key.Key_Space:
            return "planned"
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            return "clear"
        if key == Qt.Key.Key_F2:
            return "reason"
        if key == Qt.Key.Key_PageUp:
            return "previous"
        if key == Qt.Key.Key_PageDown:
            return "next"
        return LETTERS.get(key)
