"""Temporary: being written."""

from __future__ import annotations

from placement_desk.ui.citizen.base import CitizenTab


class AccommodationsTab(CitizenTab):
    key = "accommodations"

    def refresh(self) -> None:
        pass
