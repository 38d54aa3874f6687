"""The contract of a citizen-page tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from placement_desk.services.views import CitizenDetail
from placement_desk.ui.context import UiContext


class CitizenTab(QWidget):
    """A tab of the citizen page. ``load`` gets the freshly read record after every change."""

    key = ""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: CitizenDetail | None = None

    @property
    def ref(self) -> str:
        assert self.detail is not None
        return self.detail.citizen.ref

    def load(self, detail: CitizenDetail) -> None:
        self.detail = detail
        self.refresh()

    def refresh(self) -> None:  # pragma: no cover - every tab overrides it
        raise NotImplementedError
