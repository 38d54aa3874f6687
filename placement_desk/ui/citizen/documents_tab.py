"""Temporary: being written."""

from __future__ import annotations

from placement_desk.ui.citizen.base import CitizenTab


class DocumentsTab(CitizenTab):
    key = "documents"

    def refresh(self) -> None:
        pass
