"""Form building blocks: date fields that take Danish dates, and forms that show errors by the field."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain.errors import ConflictError, ValidationError
from placement_desk.ui.kit.field_checks import date_problem, parse_danish_date
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.messages import danish_error, danish_message, message_of
from placement_desk.ui.kit.vocab_labels import label

ERROR_STYLE = "color: #b00020;"
FIELD_ERROR_STYLE = "border: 1px solid #b00020;"


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


def step_button(parent: QWidget, text: str, tip: str, on_click: Callable[[], None]) -> QToolButton:
    """A small arrow button (back / on) with its tooltip."""
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    button.clicked.connect(lambda: on_click())
    return button


def text_or_none(widget: QLineEdit) -> str | None:
    text = widget.text().strip()
    return text or None


class Form(QWidget):
    errors_shown = Signal()

    """Labelled fields, each with an error line under it.

    Errors show all at once, each next to its field: :meth:`validate` runs every field's check (a
    required field, a date field, or a check given to :meth:`add`) and :meth:`show_errors` puts a
    service's ValidationError by the field its path names. An error goes away when its field is edited
    into shape (the check runs again on every edit; a field without a check clears on edit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.checks: dict[str, Callable[[], str | None]] = {}
        self.aliases: dict[str, str] = {}  # a service path's first part -> the field that shows it
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.layout_.addRow(self.general_error)

    def add(
        self,
        key: str,
        caption: str,
        widget: QWidget,
        check: Callable[[], str | None] | None = None,
        required: bool = False,
    ) -> Any:
        """A field with its caption and error line; ``check`` returns an (English) problem or None."""
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
        for named in {widget, _target(widget)}:  # what a screen reader reads for the field: its caption
            if not named.accessibleName():
                named.setAccessibleName(caption.replace("&", "").rstrip(": "))
        self.fields[key] = widget
        self.errors[key] = error
        checks = [c for c in (_required_check(widget) if required else None, _date_check(widget), check) if c]
        if checks:
            self.checks[key] = lambda: next((p for c in checks if (p := c()) is not None), None)
        _on_edit(widget, lambda: self._edited(key))
        return widget

    def set_check(self, key: str, check: Callable[[], str | None]) -> None:
        self.checks[key] = check

    # ---- showing errors ---------------------------------------------------------------------------

    def clear_errors(self) -> None:
        self.general_error.hide()
        for key in self.errors:
            self.clear_error(key)

    def clear_error(self, key: str) -> None:
        self.errors[key].hide()
        self.errors[key].clear()
        _target(self.fields[key]).setStyleSheet("")

    def validate(self) -> bool:
        """Run every field's check and show all problems at once; True when there are none."""
        problems = [ValidationError(key, p) for key, check in self.checks.items() if self._enabled(key)
                    and (p := check()) is not None]
        self.show_errors(problems)
        return not problems

    def problems(self) -> dict[str, str]:
        """The problems :meth:`validate` would show (English), without showing them."""
        return {k: p for k, check in self.checks.items() if self._enabled(k) and (p := check()) is not None}

    def show_error(self, exc: Exception) -> None:
        self.show_errors([exc])

    def show_errors(self, errors: Sequence[Exception]) -> None:
        """Each error next to its field (the first per field), the rest above the form; the cursor goes
        to the first field in the form that has one."""
        self.clear_errors()
        general: list[str] = []
        for exc in errors:
            key = self.key_of(exc.path) if isinstance(exc, ValidationError) else None
            if key is not None and key in self.errors:
                if self.errors[key].isHidden():
                    assert isinstance(exc, ValidationError)
                    self._show_field_error(key, message_of(exc))
            else:
                general.append(danish_error(exc))
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.show()
        self.errors_shown.emit()
        first = next((k for k in self.fields if not self.errors[k].isHidden()), None)
        if first is not None:
            _target(self.fields[first]).setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_field_error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].show()
        _target(self.fields[key]).setStyleSheet(FIELD_ERROR_STYLE)
        self.errors_shown.emit()

    def key_of(self, path: str) -> str | None:
        """The field a service path names (``schedule[2].from`` -> ``hours``), after :attr:`aliases`."""
        key = _field_key(path)
        if key is None:
            return None
        first = re.split(r"[.\[]", path)[0]
        return self.aliases.get(first, self.aliases.get(key, key))

    def error_text(self, key: str) -> str:
        error = self.errors[key]
        return error.text() if not error.isHidden() else ""

    def shown_errors(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.errors.items() if not e.isHidden()}

    def _edited(self, key: str) -> None:
        """A field was edited: its error, and any other that hangs on it (an end before the start, paid
        hours in an unpaid type), goes when the check passes now; a field without a check clears."""
        for shown in [k for k, e in self.errors.items() if not e.isHidden()]:
            check = self.checks.get(shown)
            if check is None and shown != key:
                continue
            problem = check() if check is not None else None
            if problem is None:
                self.clear_error(shown)
            else:
                self._show_field_error(shown, danish_message(problem))

    def _enabled(self, key: str) -> bool:
        return self.fields[key].isEnabled()

    # ---- the keyboard -----------------------------------------------------------------------------

    def chain(self) -> list[QWidget]:
        """The widgets that take the focus, in form order (a compound field's focus proxy)."""
        targets = [_target(w) for w in self.fields.values() if w.isEnabled() and not w.isHidden()]
        return [w for w in targets if w.focusPolicy() & Qt.FocusPolicy.TabFocus]


def _target(widget: QWidget) -> QWidget:
    """The widget that takes the focus (and shows an error frame) for a field: a compound field names
    it as ``focus_target`` (not as a focus proxy, which would put the compound itself in the chain)."""
    target = getattr(widget, "focus_target", None)
    return target if isinstance(target, QWidget) else widget


def _field_key(path: str) -> str | None:
    if not path:
        return None
    first = re.split(r"[.\[]", path)[0]
    if first in ("schedule", "hours") or path.startswith("schedule"):
        return "hours" if "paid_per_week" not in path else "paid_per_week"
    return first


def _on_edit(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever the user changes the field's value (a compound field has ``edited``)."""
    edited = getattr(widget, "edited", None)
    if edited is not None:
        edited.connect(slot)
    elif isinstance(widget, QLineEdit):
        widget.textEdited.connect(lambda _t: slot())
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _i: slot())
        if widget.isEditable():
            widget.editTextChanged.connect(lambda _t: slot())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(lambda _c: slot())


def _required_check(widget: QWidget) -> Callable[[], str | None]:
    def check() -> str | None:
        text = widget.currentText() if isinstance(widget, QComboBox) else getattr(widget, "text", lambda: "x")()
        return "is required" if not str(text).strip() else None

    return check


def _date_check(widget: QWidget) -> Callable[[], str | None] | None:
    if not isinstance(widget, DateField):
        return None
    return lambda: date_problem(widget.text())


class FormDialog(QDialog):
    """A dialog around a :class:`Form` with Save and Cancel, made for the keyboard: it opens in its
    first field with the focus visible; Tab goes through the fields in form order and then to Save and
    Cancel; Enter in a field goes on to the next one and, in the last, saves; Ctrl+Enter or Ctrl+S saves
    from anywhere. Nothing is a default button, so Enter never closes the dialog with what was typed.

    Subclasses override :meth:`commit` (older ones :meth:`save`): ``save`` first checks every field
    and shows all problems at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Form(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # an error line never clips
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, self.save)
        self.setMinimumWidth(440)
        self.form.errors_shown.connect(self.fit)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self._started = False

    def fit(self) -> None:
        """Grow to show every error line whole (word-wrapped lines need their height for the width)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        height = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        height = max(height, layout.totalMinimumSize().height())
        if height > self.height():
            self.resize(self.width(), height)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the focus frame drawn however the focus came (Qt draws it only after a Tab)."""
        if new is not None and new.window() is self:
            self.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)

    def save(self) -> None:
        if self.form.validate():
            self.commit()

    def commit(self) -> None:  # pragma: no cover - every dialog overrides it (or save)
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)  # focus frames from the start
            chain = [*self.form.chain(), *self.buttons.buttons()]
            for first, second in zip(chain, chain[1:], strict=False):
                QWidget.setTabOrder(first, second)
            if chain:
                chain[0].setFocus(Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            focused = self.focusWidget()
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
            elif isinstance(focused, QPushButton):
                focused.click()
            else:
                self.enter_in(focused)
            return
        super().keyPressEvent(event)

    def enter_in(self, widget: QWidget | None) -> None:
        """Enter in a field: on to the next field; in the last one, save (when everything is valid)."""
        chain = self.form.chain()
        field = next((w for w in chain if widget is not None and (w is widget or w.isAncestorOf(widget))), None)
        if field is None or field is chain[-1]:
            self.save()
        else:
            chain[chain.index(field) + 1].setFocus(Qt.FocusReason.TabFocusReason)

    def submit(
        self, action: Callable[[], object], field_error: Callable[[ValidationError], ValidationError] | None = None
    ) -> bool:
        """Run the edit; a validation error shows by its field (``field_error`` maps a service's path to
        the form's field), a conflict closes the dialog (the screens reloaded the other person's version);
        success closes it. True when saved."""
        try:
            action()
        except ConflictError:
            self.reject()
            return False
        except ValidationError as exc:
            self.form.show_error(field_error(exc) if field_error else exc)
            return False
        self.accept()
        return True
