"""Counting a user's inputs in flow tests: one typed field, one picked value, one key or one click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot


class Inputs:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def type(self, widget: QWidget, text: str) -> None:
        """Type a value into a field (one input however long the text)."""
        widget.setFocus()
        self.qtbot.keyClicks(widget, text)
        self.count += 1

    def key(self, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, modifier)
        self.count += 1

    def click(self, button: QAbstractButton) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.count += 1

    def pick(self, combo: QComboBox, text: str) -> None:
        """Pick an item of a combo box by its visible text (one input)."""
        index = combo.findText(text, Qt.MatchFlag.MatchContains)
        assert index >= 0, f"{text!r} not in the list"
        combo.setFocus()
        combo.setCurrentIndex(index)
        self.count += 1

    # ---- keyboard only: keys go where the focus is, as they do for the user -----------------------

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One key (with its modifier) to the widget that has the focus."""
        self.qtbot.keyClick(self.focused(), key, modifier)
        self.count += 1

    def write(self, text: str) -> None:
        """Type a value into the widget that has the focus (one input however long the text)."""
        self.qtbot.keyClicks(self.focused(), text)
        self.count += 1
