"""Temporary: being written."""

from __future__ import annotations

from placement_desk.ui.citizen.base import CitizenTab


class OverviewTab(CitizenTab):
    key = "overview"

    def refresh(self) -> None:
        pass
