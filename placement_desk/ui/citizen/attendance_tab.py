"""Temporary: being written."""

from __future__ import annotations

from placement_desk.ui.citizen.base import CitizenTab


class AttendanceTab(CitizenTab):
    key = "attendance"

    def refresh(self) -> None:
        pass
