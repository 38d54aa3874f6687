"""Form building blocks: date fields that take Danish dates, and forms that show errors by the field."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from placement_desk.domain.errors import ConflictError, ValidationError
from placement_desk.domain.vocab import label
from placement_desk.ui.formatting import fmt_date
from placement_desk.ui.messages import danish_error, danish_message

ERROR_STYLE = "color: #b00020;"
FIELD_ERROR_STYLE = "border: 1px solid #b00020;"


def parse_danish_date(text: str, today: date | None = None) -> date | None:
    """'24-12-2024', '24.12.2024', '24/12-24', '24122024', '2024-12-24' or '24/12' (this year)."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    m = re.fullmatch(r"(\d{1,2})[-./](\d{1,2})(?:[-./](\d{2,4}))?", text) or re.fullmatch(
        r"(\d{2})(\d{2})(\d{4}|\d{2})", text
    )
    if not m:
        raise ValueError(text)
    year_text = m.group(3)
    year = (today or date.today()).year if not year_text else int(year_text)
    if year < 100:
        year += 2000
    return date(year, int(m.group(2)), int(m.group(1)))


class DateField(QLineEdit):
    """A date typed the Danish way; value() is ISO text for the services (or the raw text, which
    the service then rejects with a message naming the field)."""

    def __init__(self, value: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd-mm-yyyy"))
        self.setMaximumWidth(140)
        self.set_date(value)
        self.editingFinished.connect(self._normalise)

    def set_date(self, value: date | None) -> None:
        self.setText(fmt_date(value))

    def date_value(self) -> date | None:
        try:
            return parse_danish_date(self.text())
        except ValueError:
            return None

    def value(self) -> str | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            parsed = parse_danish_date(text)
        except ValueError:
            return text
        return parsed.isoformat() if parsed else None

    def _normalise(self) -> None:
        parsed = self.date_value()
        if parsed is not None:
            self.setText(fmt_date(parsed))


def vocab_combo(codes: list[str], optional: bool = False, parent: QWidget | None = None) -> QComboBox:
    """A combo box of vocabulary codes shown with their Danish labels (code in the item data)."""
    box = QComboBox(parent)
    if optional:
        box.addItem("—", None)
    for code in codes:
        box.addItem(label(code), code)
    return box


def text_or_none(widget: QLineEdit) -> str | None:
    text = widget.text().strip()
    return text or None


class Form(QWidget):
    """Labelled fields, each with an error line under it; ``show_error`` puts a service's
    ValidationError next to the field its path names."""

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

    def add(self, key: str, caption: str, widget: QWidget) -> Any:
        error = QLabel(self)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        holder = QWidget(self)
        from PySide6.QtWidgets import QVBoxLayout

        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        box.addWidget(error)
        self.layout_.addRow(caption, holder)
        self.fields[key] = widget
        self.errors[key] = error
        return widget

    def clear_errors(self) -> None:
        self.general_error.hide()
        for key, error in self.errors.items():
            error.hide()
            self.fields[key].setStyleSheet("")

    def show_error(self, exc: Exception) -> None:
        self.clear_errors()
        key = _field_key(exc.path) if isinstance(exc, ValidationError) else None
        if key is not None and key in self.errors:
            assert isinstance(exc, ValidationError)
            self.errors[key].setText(danish_message(exc.message))
            self.errors[key].show()
            self.fields[key].setStyleSheet(FIELD_ERROR_STYLE)
            self.fields[key].setFocus()
        else:
            self.general_error.setText(danish_error(exc))
            self.general_error.show()

    def error_text(self, key: str) -> str:
        error = self.errors[key]
        return error.text() if not error.isHidden() else ""


def _field_key(path: str) -> str | None:
    if not path:
        return None
    first = re.split(r"[.\[]", path)[0]
    if first in ("schedule", "hours") or path.startswith("schedule"):
        return "hours" if "paid_per_week" not in path else "paid_per_week"
    return first


class FormDialog(QDialog):
    """A dialog around a :class:`Form` with Save and Cancel; ``save`` (overridden) calls ``submit``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Form(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)

    def save(self) -> None:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def submit(self, action: Callable[[], object]) -> bool:
        """Run the edit; a validation error shows by its field, a conflict closes the dialog (the screens
        reloaded the other person's version); success closes it. True when saved."""
        try:
            action()
        except ConflictError:
            self.reject()
            return False
        except ValidationError as exc:
            self.form.show_error(exc)
            return False
        self.accept()
        return True
