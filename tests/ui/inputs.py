"""Counting a user's inputs in flow tests: one typed field, one picked value, one key or one click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget
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
