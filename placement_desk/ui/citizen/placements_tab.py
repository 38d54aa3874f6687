"""Temporary: being written."""

from __future__ import annotations

from placement_desk.ui.citizen.base import CitizenTab


class PlacementsTab(CitizenTab):
    key = "placements"

    def refresh(self) -> None:
        pass
