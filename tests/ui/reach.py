"""What a screen reader gets: the accessible names of a window's inputs, tables and charts."""

from __future__ import annotations

from PySide6.QtCharts import QChartView
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

NEEDS_A_NAME = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QHeaderView,
    QAbstractSpinBox,
    QCheckBox,
    QRadioButton,
    QAbstractItemView,
    QChartView,
)


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology reads for the widget (its own, a buddy label's, a box's title).

    A combo box counts as named only by its own name or a label's: on Linux Qt reads its current
    value as its name, on Windows (where the app runs) a combo box without one is read as nameless."""
    if isinstance(widget, QComboBox):
        labels = widget.window().findChildren(QLabel)
        name = widget.accessibleName() or next((x.text() for x in labels if x.buddy() is widget), "")
    else:
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName()).replace("&", "").strip()


def _owned(widget: QWidget) -> bool:
    """Part of another widget (a combo box's list, a spin box's line edit, a date edit's calendar)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox) or type(parent).__name__ in (
            "QCalendarWidget",
            "QCalendarView",
        ):
            return True
        parent = parent.parentWidget()
    return isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox)


def describe(widget: QWidget) -> str:
    chain, w = [], widget
    while w is not None and len(chain) < 4:
        chain.append(w.objectName() or type(w).__name__)
        w = w.parentWidget()
    text = getattr(widget, "placeholderText", lambda: "")()
    return " < ".join(chain) + (f" (placeholder {text!r})" if text else "")


def unnamed(root: QWidget) -> list[str]:
    """Every input, list, table and chart under ``root`` without an accessible name."""
    found = [root, *root.findChildren(QWidget)]
    return [
        describe(w)
        for w in found
        if isinstance(w, NEEDS_A_NAME) and not isinstance(w, QHeaderView) and not _owned(w) and not accessible_name(w)
    ]


class DialogCatcher:
    """Opens no window: every dialog a click would show is recorded (with what it leaves unnamed) and
    answered "Cancel"; file dialogs answer "no file", message boxes "No"."""

    def __init__(self, monkeypatch: object) -> None:
        from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

        self.seen: dict[str, list[str]] = {}  # dialog class -> its unnamed inputs
        self.titles: list[str] = []
        self.minimum: dict[str, tuple[int, int]] = {}  # dialog class -> the smallest size it can take
        patch = monkeypatch.setattr  # type: ignore[attr-defined]

        def record(dialog: QDialog) -> int:
            name = type(dialog).__name__
            self.seen[name] = self.seen.get(name, []) + unnamed(dialog)
            self.titles.append(dialog.windowTitle())
            if dialog.layout() is not None:
                dialog.layout().activate()
            hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
            old = self.minimum.get(name, (0, 0))
            self.minimum[name] = (max(old[0], hint.width()), max(old[1], hint.height()))
            dialog.hide()
            return int(QDialog.DialogCode.Rejected)

        def record_open(dialog: QDialog) -> None:
            record(dialog)
            dialog.rejected.emit()

        for cls in (QDialog, QMessageBox):
            patch(cls, "exec", record)
            patch(cls, "open", record_open)
        no = QMessageBox.StandardButton.No
        for name in ("question", "warning", "information", "critical"):
            patch(QMessageBox, name, staticmethod(lambda *_a, **_k: no))
        patch(QMessageBox, "about", staticmethod(lambda *_a, **_k: None))
        for name in ("getOpenFileName", "getSaveFileName"):
            patch(QFileDialog, name, staticmethod(lambda *_a, **_k: ("", "")))
        patch(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: ""))
