"""Undo commands of follow-up meetings: record (with an agreed hours change), edit a draft, finalise,
add a correction.

Each step is one use case of :mod:`placement_desk.services.followups`; a follow-up and the hours step
agreed at it are saved and taken back together. A recording keeps the id it got, so a redo recreates
the same follow-up (and later steps of the history still find it); an edit chains the follow-up's
version through :attr:`UiContext.versions` (``followup:<id>``), so an undo over a colleague's newer
save asks.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from placement_desk.domain import casefile as cf
from placement_desk.services import followups as svc
from placement_desk.ui.commands.base import Command

if TYPE_CHECKING:
    from placement_desk.ui.shell.context import UiContext


def record(followup_id: int) -> str:
    """The key of a follow-up's version in :attr:`UiContext.versions`."""
    return f"followup:{followup_id}"


class RecordFollowup(Command):
    """A new draft follow-up and, optionally, the step of the hours plan agreed at it."""

    def __init__(
        self, ctx: UiContext, text: str, citizen: str, followup: cf.Followup, hours: cf.ScheduleStep | None = None
    ) -> None:
        super().__init__(ctx, text, citizen)
        self.followup, self.hours = followup, hours
        self.saved: svc.FollowupSaved | None = None

    def apply(self, force: bool = False) -> None:
        again = self.saved.id if self.saved is not None else None
        self.saved = svc.record_followup(self.ctx.db, self.scope, self.followup, self.hours, again, self.ctx.actor)
        self.ctx.versions[record(self.saved.id)] = self.saved.version

    def revert(self, force: bool = False) -> None:
        assert self.saved is not None
        svc.delete_draft(self.ctx.db, self.saved.id, self.saved.hours, self.ctx.actor)


class EditFollowup(Command):
    """A draft follow-up from ``before`` to ``after``, optionally with a new step of the hours plan."""

    can_force = True

    def __init__(
        self, ctx: UiContext, text: str, scope: str, followup_id: int, before: cf.Followup, after: cf.Followup,
        version: int, hours: cf.ScheduleStep | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, text, scope)
        self.followup_id, self.before, self.after, self.hours = followup_id, before, after, hours
        self.seen, self.first = version, True
        self.change: svc.HoursChange | None = None

    def _expected(self, force: bool) -> int | None:
        if force:
            return None
        return self.seen if self.first else self.ctx.versions.get(record(self.followup_id))

    def apply(self, force: bool = False) -> None:
        saved = svc.update_followup(self.ctx.db, self.followup_id, self.after, self._expected(force), self.hours, None,
                                    self.ctx.actor)  # fmt: skip
        self.first, self.change = False, saved.hours
        self.ctx.versions[record(self.followup_id)] = saved.version

    def revert(self, force: bool = False) -> None:
        saved = svc.update_followup(self.ctx.db, self.followup_id, self.before, self._expected(force), None, self.change,
                                    self.ctx.actor)  # fmt: skip
        self.ctx.versions[record(self.followup_id)] = saved.version


class FinaliseFollowup(Command):
    def __init__(self, ctx: UiContext, text: str, scope: str, followup_id: int) -> None:
        super().__init__(ctx, text, scope)
        self.followup_id = followup_id
        self.at: datetime | None = None

    def _left(self, version: int) -> None:
        if record(self.followup_id) in self.ctx.versions:  # an edit of this window chains through this step
            self.ctx.versions[record(self.followup_id)] = version

    def apply(self, force: bool = False) -> None:
        done = svc.finalise_followup(self.ctx.db, self.followup_id, self.ctx.actor, self.at)
        self.at = done.at  # a redo finalises it at the same moment
        self._left(done.version)

    def revert(self, force: bool = False) -> None:
        self._left(svc.reopen_followup(self.ctx.db, self.followup_id))


class AddCorrection(Command):
    def __init__(self, ctx: UiContext, text: str, scope: str, followup_id: int, correction: str, on: date) -> None:
        super().__init__(ctx, text, scope)
        self.followup_id, self.correction, self.on = followup_id, correction, on

    def apply(self, force: bool = False) -> None:
        svc.add_correction(self.ctx.db, self.followup_id, self.correction, self.on, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        svc.remove_last_correction(self.ctx.db, self.followup_id)
