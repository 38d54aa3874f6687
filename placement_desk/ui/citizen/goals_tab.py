"""Temporary: being written."""

from __future__ import annotations

from placement_desk.ui.citizen.base import CitizenTab


class GoalsTab(CitizenTab):
    key = "goals"

    def refresh(self) -> None:
        pass
