"""The sign-in dialogs' form: labelled fields, each with its error line under it, looking and reading as
ui.kit.forms.Form does - without its imports (the vocabularies, the date fields, the error texts), so the
sign-in window is painted before the rest of the app is loaded. The error texts are loaded when an error
is first shown (ui.shell.preload)."""

from __future__ import annotations

import re
from typing import TypeVar

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from placement_desk.domain.errors import ValidationError
from placement_desk.ui.shell import preload

ERROR_STYLE = "color: #b00020;"  # as ui.kit.forms.ERROR_STYLE
FIELD_ERROR_STYLE = "border: 1px solid #b00020;"  # as ui.kit.forms.FIELD_ERROR_STYLE

W = TypeVar("W", bound=QWidget)


class SignInForm(QWidget):
    """Fields with captions and error lines; a service's ValidationError is shown by the field its path
    names (the rest above the form), and goes away when that field is edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.layout_.addRow(self.general_error)

    def add(self, key: str, caption: str, widget: W) -> W:
        error = QLabel(self)
        error.setObjectName(f"error_{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.layout_.addRow(caption, holder)
        if not widget.accessibleName():  # what a screen reader reads for the field: its caption
            widget.setAccessibleName(caption.replace("&", "").rstrip(": "))
        self.fields[key] = widget
        self.errors[key] = error
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda _text: self.clear_error(key))
        return widget

    def clear_errors(self) -> None:
        self.general_error.hide()
        for key in self.errors:
            self.clear_error(key)

    def clear_error(self, key: str) -> None:
        self.errors[key].hide()
        self.errors[key].clear()
        self.fields[key].setStyleSheet("")

    def show_error(self, exc: Exception) -> None:
        """The error by its field (the cursor goes there), or above the form; in the UI's language."""
        messages = preload.load(preload.MESSAGES)
        self.clear_errors()
        key = re.split(r"[.\[]", exc.path)[0] if isinstance(exc, ValidationError) and exc.path else None
        if key is not None and key in self.errors:
            self.errors[key].setText(messages.message_of(exc))
            self.errors[key].show()
            self.fields[key].setStyleSheet(FIELD_ERROR_STYLE)
            self.fields[key].setFocus()  # (the other-focus reason, as Form)
            return
        self.general_error.setText(messages.danish_error(exc))
        self.general_error.show()

    def error_text(self, key: str) -> str:
        error = self.errors[key]
        return error.text() if not error.isHidden() else ""

    def shown_errors(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.errors.items() if not e.isHidden()}
