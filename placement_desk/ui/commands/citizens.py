"""Undo commands of a citizen's own record: the citizen, referrals, accommodation needs, goals, scores.

Each ``apply`` and ``revert`` is one use case (one transaction). A create keeps the id it made and
removes exactly that; a removal keeps the typed snapshot its use case returned and restores it (goals
and scores under their old id and place, so a later step that names them still finds them)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from placement_desk.domain import casefile as cf
from placement_desk.domain.outcomes import Outcome
from placement_desk.services import citizens
from placement_desk.ui.commands.base import Command
from placement_desk.ui.commands.record_edit import RecordEdit

if TYPE_CHECKING:
    from placement_desk.ui.shell.context import UiContext


# ---- the citizen ---------------------------------------------------------------------------------


class EditCitizen(RecordEdit[cf.Citizen]):
    """The citizen's own fields from ``before`` to ``after``; ``seen``: the version the user edited."""

    def __init__(self, ctx: UiContext, text: str, before: cf.Citizen, after: cf.Citizen, seen: int | None) -> None:
        super().__init__(ctx, text, before.ref, f"citizen:{before.ref}", before, after, seen)

    def save(self, value: cf.Citizen, expected_version: int | None) -> int:
        return citizens.update_citizen(self.ctx.db, self.scope, value, expected_version, self.ctx.actor)


class CreateCitizen(Command):
    def __init__(self, ctx: UiContext, text: str, citizen: cf.Citizen) -> None:
        super().__init__(ctx, text, citizen.ref)
        self.citizen = citizen
        self.ref: str | None = None

    def apply(self, force: bool = False) -> None:
        self.ref = citizens.create_citizen(self.ctx.db, self.citizen, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.ref is not None
        citizens.discard_citizen(self.ctx.db, self.ref)


class ArchiveCitizen(Command):
    """Archive (``archived``) or restore a citizen; the undo does the opposite."""

    def __init__(self, ctx: UiContext, text: str, ref: str, archived: bool) -> None:
        super().__init__(ctx, text, ref)
        self.archived = archived

    def apply(self, force: bool = False) -> None:
        citizens.set_archived(self.ctx.db, self.scope, self.archived, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        citizens.set_archived(self.ctx.db, self.scope, not self.archived, self.ctx.actor)


# ---- referrals ---------------------------------------------------------------------------------


class AddReferral(Command):
    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, referral: cf.Referral) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.referral = referral
        self.referral_id: int | None = None

    def apply(self, force: bool = False) -> None:
        self.referral_id = citizens.add_referral(self.ctx.db, self.scope, self.referral, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.referral_id is not None
        citizens.remove_referral(self.ctx.db, self.referral_id)


class ChangeReferral(Command):
    """A referral from ``before`` to what :meth:`change` makes of it (an extension, a stop, an edit,
    each with its own checks, again on redo); undo saves ``before`` back."""

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, referral_id: int, before: cf.Referral) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.referral_id, self.before = referral_id, before

    def change(self) -> None:
        raise NotImplementedError

    def apply(self, force: bool = False) -> None:
        self.change()

    def revert(self, force: bool = False) -> None:
        citizens.set_referral(self.ctx.db, self.referral_id, self.before, self.ctx.actor)


class EditReferral(ChangeReferral):
    def __init__(
        self, ctx: UiContext, text: str, citizen_ref: str, referral_id: int, before: cf.Referral, after: cf.Referral
    ) -> None:
        super().__init__(ctx, text, citizen_ref, referral_id, before)
        self.wanted = after

    def change(self) -> None:
        citizens.set_referral(self.ctx.db, self.referral_id, self.wanted, self.ctx.actor)


class ExtendReferral(ChangeReferral):
    def __init__(
        self, ctx: UiContext, text: str, citizen_ref: str, referral_id: int, before: cf.Referral, new_end: date
    ) -> None:
        super().__init__(ctx, text, citizen_ref, referral_id, before)
        self.new_end = new_end

    def change(self) -> None:
        citizens.extend_referral(self.ctx.db, self.referral_id, self.new_end, self.ctx.actor)


class EndReferral(ChangeReferral):
    def __init__(
        self,
        ctx: UiContext,
        text: str,
        citizen_ref: str,
        referral_id: int,
        before: cf.Referral,
        stop: tuple[date, str, Outcome | None],
    ) -> None:
        super().__init__(ctx, text, citizen_ref, referral_id, before)
        self.stop = stop

    def change(self) -> None:
        end, reason, outcome = self.stop
        citizens.end_referral(self.ctx.db, self.referral_id, end, reason, outcome, self.ctx.actor)


# ---- accommodation needs -----------------------------------------------------------------------


class AddAccommodation(Command):
    """A new accommodation need; the undo removes it, the redo puts it back under its old id."""

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, need: cf.Accommodation) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.need = need
        self.need_id: int | None = None
        self.removed: citizens.RemovedAccommodation | None = None

    def apply(self, force: bool = False) -> None:
        if self.removed is None:
            self.need_id = citizens.add_accommodation(self.ctx.db, self.scope, self.need, self.ctx.actor)
        else:
            self.need_id = citizens.restore_accommodation(self.ctx.db, self.removed, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.need_id is not None
        self.removed = citizens.remove_accommodation(self.ctx.db, self.need_id)


class RemoveAccommodation(Command):
    """Delete an accommodation need (one recorded by mistake); the undo puts it back in its place."""

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, need_id: int) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.need_id = need_id
        self.removed: citizens.RemovedAccommodation | None = None

    def apply(self, force: bool = False) -> None:
        self.removed = citizens.remove_accommodation(self.ctx.db, self.need_id)

    def revert(self, force: bool = False) -> None:
        assert self.removed is not None
        citizens.restore_accommodation(self.ctx.db, self.removed, self.ctx.actor)


class EditAccommodation(Command):
    """An accommodation need from ``before`` to ``after`` (retiring one is such an edit too)."""

    def __init__(
        self,
        ctx: UiContext,
        text: str,
        citizen_ref: str,
        need_id: int,
        before: cf.Accommodation,
        after: cf.Accommodation,
    ) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.need_id, self.before, self.after = need_id, before, after

    def apply(self, force: bool = False) -> None:
        citizens.update_accommodation(self.ctx.db, self.need_id, self.after, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        citizens.update_accommodation(self.ctx.db, self.need_id, self.before, self.ctx.actor)


class RetireAccommodation(EditAccommodation):
    def __init__(
        self, ctx: UiContext, text: str, citizen_ref: str, need_id: int, before: cf.Accommodation, on: date
    ) -> None:
        super().__init__(ctx, text, citizen_ref, need_id, before, before)
        self.on = on

    def apply(self, force: bool = False) -> None:
        citizens.retire_accommodation(self.ctx.db, self.need_id, self.on, self.ctx.actor)


# ---- goals and scores --------------------------------------------------------------------------


class AddGoal(Command):
    """A new goal; the undo removes it, the redo puts it back under its old id (a redone score on the
    goal then still finds it)."""

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, goal: cf.Goal) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.goal = goal
        self.goal_id: int | None = None
        self.removed: citizens.RemovedGoal | None = None

    def apply(self, force: bool = False) -> None:
        if self.removed is None:
            self.goal_id = citizens.add_goal(self.ctx.db, self.scope, self.goal, self.ctx.actor)
        else:
            self.goal_id = citizens.restore_goal(self.ctx.db, self.removed, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.goal_id is not None
        self.removed = citizens.remove_goal(self.ctx.db, self.goal_id, self.ctx.actor)


class RemoveGoal(Command):
    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, goal_id: int) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.goal_id = goal_id
        self.removed: citizens.RemovedGoal | None = None

    def apply(self, force: bool = False) -> None:
        self.removed = citizens.remove_goal(self.ctx.db, self.goal_id, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.removed is not None
        citizens.restore_goal(self.ctx.db, self.removed, self.ctx.actor)


class AddScore(Command):
    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, goal_id: int, score: cf.Score) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.goal_id, self.score = goal_id, score
        self.removed: citizens.RemovedScore | None = None

    def apply(self, force: bool = False) -> None:
        if self.removed is None:
            citizens.add_score(self.ctx.db, self.goal_id, self.score, self.ctx.actor)
        else:
            citizens.restore_score(self.ctx.db, self.goal_id, self.removed, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        db, score = self.ctx.db, self.score
        self.removed = citizens.remove_score(db, self.goal_id, score.day, score.assessor, self.ctx.actor)


class RemoveScore(Command):
    """One assessor's score of a date; the undo puts it back in its place."""

    def __init__(
        self, ctx: UiContext, text: str, citizen_ref: str, goal_id: int, day: date, assessor: str | None
    ) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.goal_id, self.day, self.assessor = goal_id, day, assessor
        self.removed: citizens.RemovedScore | None = None

    def apply(self, force: bool = False) -> None:
        self.removed = citizens.remove_score(self.ctx.db, self.goal_id, self.day, self.assessor, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.removed is not None
        citizens.restore_score(self.ctx.db, self.goal_id, self.removed, self.ctx.actor)
