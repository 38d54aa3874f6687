"""Temporary: being written."""

from __future__ import annotations

from placement_desk.ui.citizen.base import CitizenTab


class CapacityTab(CitizenTab):
    key = "capacity"

    def refresh(self) -> None:
        pass
