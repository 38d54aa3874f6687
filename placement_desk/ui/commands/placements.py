"""Undo commands of placements: create (with or without a new workplace mentor), edit (also: end with
an outcome), archive, the hours plan's steps and capacity assessments.

Each step is one use case of :mod:`placement_desk.services.placements`. A create keeps the refs its
first apply got (the placement's and a new mentor's), so a redo after an undo makes the same rows; an
edit keeps the before and after values and chains the placement's version through
:attr:`UiContext.versions` (``placement:<ref>``), so an undo over a colleague's newer save asks.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from placement_desk.domain import casefile as cf
from placement_desk.services import placements as svc
from placement_desk.ui.commands.base import Command

if TYPE_CHECKING:
    from placement_desk.ui.shell.context import UiContext


def record(ref: str) -> str:
    """The key of a placement's version in :attr:`UiContext.versions`."""
    return f"placement:{ref}"


class CreatePlacement(Command):
    """A new placement with its hours plan, and optionally a new workplace-mentor contact (one use case)."""

    def __init__(
        self, ctx: UiContext, text: str, citizen: str, placement: cf.Placement, new_mentor: cf.Contact | None = None
    ) -> None:
        super().__init__(ctx, text, citizen)
        self.placement, self.new_mentor = placement, new_mentor
        self.saved: svc.PlacementSaved | None = None

    def apply(self, force: bool = False) -> None:
        placement, mentor = self.placement, self.new_mentor
        if self.saved is not None:  # again: the same refs as the first time
            placement, mentor = replace(placement, ref=self.saved.ref), self.saved.new_contact
        self.saved = svc.create_placement(self.ctx.db, self.scope, placement, mentor, self.ctx.actor)
        self.ctx.versions[record(self.saved.ref)] = self.saved.version

    def revert(self, force: bool = False) -> None:
        assert self.saved is not None
        svc.discard_new_placement(self.ctx.db, self.saved, self.ctx.actor)


class EditPlacement(Command):
    """A placement's own fields from ``before`` to ``after`` (edit form, or ending it with an outcome),
    optionally with a new workplace mentor created in place (undo takes the contact away again)."""

    can_force = True

    def __init__(
        self, ctx: UiContext, text: str, scope: str, before: cf.Placement, after: cf.Placement, version: int,
        new_mentor: cf.Contact | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, text, scope)
        self.before, self.after, self.new_mentor = before, after, new_mentor
        self.ref = before.ref
        self.seen = version  # the first apply expects the version the user saw
        self.first = True

    def _expected(self, force: bool) -> int | None:
        if force:
            return None
        return self.seen if self.first else self.ctx.versions.get(record(self.ref))

    def apply(self, force: bool = False) -> None:
        saved = svc.update_placement(
            self.ctx.db, self.ref, self.after, self._expected(force), self.new_mentor, None, self.ctx.actor
        )
        self.first = False
        self.new_mentor = saved.new_contact or self.new_mentor  # again: the same contact (its ref) as the first time
        self.ctx.versions[record(self.ref)] = saved.version

    def revert(self, force: bool = False) -> None:
        contact = self.new_mentor.ref if self.new_mentor is not None else None
        saved = svc.update_placement(self.ctx.db, self.ref, self.before, self._expected(force), None, contact,
                                     self.ctx.actor)  # fmt: skip
        self.ctx.versions[record(self.ref)] = saved.version


class ArchivePlacement(Command):
    def __init__(self, ctx: UiContext, text: str, scope: str, ref: str) -> None:
        super().__init__(ctx, text, scope)
        self.ref = ref

    def _set(self, archived: bool) -> None:
        version = svc.set_archived(self.ctx.db, self.ref, archived, self.ctx.actor)
        if record(self.ref) in self.ctx.versions:  # an edit of this window chains through this step
            self.ctx.versions[record(self.ref)] = version

    def apply(self, force: bool = False) -> None:
        self._set(True)

    def revert(self, force: bool = False) -> None:
        self._set(False)


class AddScheduleStep(Command):
    """A step of the hours plan; undo removes it or puts back the step of the same date it replaced."""

    def __init__(self, ctx: UiContext, text: str, scope: str, ref: str, step: cf.ScheduleStep) -> None:
        super().__init__(ctx, text, scope)
        self.ref, self.step = ref, step
        self.replaced: cf.ScheduleStep | None = None

    def apply(self, force: bool = False) -> None:
        self.replaced = svc.add_schedule_step(self.ctx.db, self.ref, self.step, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        if self.replaced is None:
            svc.remove_schedule_step(self.ctx.db, self.ref, self.step.start, self.ctx.actor)
        else:
            svc.add_schedule_step(self.ctx.db, self.ref, self.replaced, self.ctx.actor)


class RemoveScheduleStep(Command):
    """Remove the step of a date; undo puts the removed step back."""

    def __init__(self, ctx: UiContext, text: str, scope: str, ref: str, start: date) -> None:
        super().__init__(ctx, text, scope)
        self.ref, self.start = ref, start
        self.removed: cf.ScheduleStep | None = None

    def apply(self, force: bool = False) -> None:
        self.removed = svc.remove_schedule_step(self.ctx.db, self.ref, self.start, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.removed is not None
        svc.add_schedule_step(self.ctx.db, self.ref, self.removed, self.ctx.actor)


class AddCapacity(Command):
    def __init__(self, ctx: UiContext, text: str, scope: str, ref: str, assessment: cf.CapacityAssessment) -> None:
        super().__init__(ctx, text, scope)
        self.ref, self.assessment = ref, assessment

    def apply(self, force: bool = False) -> None:
        svc.add_capacity(self.ctx.db, self.ref, self.assessment, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        svc.remove_capacity(self.ctx.db, self.ref, self.assessment.day, self.ctx.actor)


class RemoveCapacity(Command):
    def __init__(self, ctx: UiContext, text: str, scope: str, ref: str, day: date) -> None:
        super().__init__(ctx, text, scope)
        self.ref, self.day = ref, day
        self.removed: cf.CapacityAssessment | None = None

    def apply(self, force: bool = False) -> None:
        self.removed = svc.remove_capacity(self.ctx.db, self.ref, self.day, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.removed is not None
        svc.add_capacity(self.ctx.db, self.ref, self.removed, self.ctx.actor)
