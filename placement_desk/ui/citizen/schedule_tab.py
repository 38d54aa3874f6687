"""Temporary: being written."""

from __future__ import annotations

from placement_desk.ui.citizen.base import CitizenTab


class ScheduleTab(CitizenTab):
    key = "schedule"

    def refresh(self) -> None:
        pass
