"""Temporary: being written."""

from __future__ import annotations

from placement_desk.ui.citizen.base import CitizenTab


class FollowupTab(CitizenTab):
    key = "followup"

    def refresh(self) -> None:
        pass
