"""Undo commands of the citizen's description: observations, profile items, the profile's texts and the
dossier's heading texts. Each step is one use case (one transaction); edits and removals expect the
version the previous step left, so an undo or redo never overwrites a colleague's newer save unasked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from placement_desk.domain.profile import Observation, ProfileItem
from placement_desk.services import description_texts, observations, profile_edit
from placement_desk.services.observations import ObservationRow
from placement_desk.services.profile_edit import ProfileRow, ProfileTexts, RemovedItem
from placement_desk.ui.commands.base import Command

if TYPE_CHECKING:
    from placement_desk.ui.shell.context import UiContext

NEW_VERSION = 1  # the version a row is created with (the version counter starts at 1)


# ---- observations -------------------------------------------------------------------------------


class AddObservation(Command):
    """A new observation; undo removes exactly the one created (unless a colleague changed it since)."""

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, value: Observation) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.value = value
        self.created: int | None = None

    def apply(self, force: bool = False) -> None:
        self.created = observations.add_observation(self.ctx.db, self.scope, self.value, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.created is not None
        observations.remove_observation(self.ctx.db, self.created, None if force else NEW_VERSION)


class EditObservation(Command):
    """An observation given a new value; undo gives it back the value it had."""

    can_force = True

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, row: ObservationRow, after: Observation) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.row_id, self.before, self.after, self.version = row.id, row.value, after, row.version

    def _set(self, value: Observation, force: bool) -> None:
        expected = None if force else self.version
        self.version = observations.update_observation(self.ctx.db, self.row_id, value, expected, self.ctx.actor)

    def apply(self, force: bool = False) -> None:
        self._set(self.after, force)

    def revert(self, force: bool = False) -> None:
        self._set(self.before, force)


class RemoveObservation(Command):
    """An observation removed; undo adds it again (under a new id, which redo removes)."""

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, row: ObservationRow) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.row_id, self.version, self.value = row.id, row.version, row.value

    def apply(self, force: bool = False) -> None:
        self.value = observations.remove_observation(self.ctx.db, self.row_id, None if force else self.version)

    def revert(self, force: bool = False) -> None:
        self.row_id = observations.add_observation(self.ctx.db, self.scope, self.value, self.ctx.actor)
        self.version = NEW_VERSION


# ---- profile items ------------------------------------------------------------------------------


class AddProfileItem(Command):
    """A new item in one of the profile's lists; undo removes exactly the one created."""

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, kind: str, item: ProfileItem) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.kind, self.item = kind, item
        self.created: int | None = None
        self.position: int | None = None  # where the first one went: redo puts it there again

    def apply(self, force: bool = False) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.created = profile_edit.add_profile_item(db, self.scope, self.kind, self.item, actor, self.position)

    def revert(self, force: bool = False) -> None:
        assert self.created is not None
        removed = profile_edit.remove_profile_item(self.ctx.db, self.created, None if force else NEW_VERSION)
        self.position = removed.position


class EditProfileItem(Command):
    """A profile item given a new value; undo gives it back the value it had."""

    can_force = True

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, row: ProfileRow, after: ProfileItem) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.row_id, self.before, self.after, self.version = row.id, row.value, after, row.version

    def _set(self, value: ProfileItem, force: bool) -> None:
        expected = None if force else self.version
        self.version = profile_edit.update_profile_item(self.ctx.db, self.row_id, value, expected, self.ctx.actor)

    def apply(self, force: bool = False) -> None:
        self._set(self.after, force)

    def revert(self, force: bool = False) -> None:
        self._set(self.before, force)


class RemoveProfileItem(Command):
    """A profile item removed; undo puts it back in its place (under a new id, which redo removes)."""

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, row: ProfileRow) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.row_id, self.version = row.id, row.version
        self.removed = RemovedItem(citizen_ref, row.kind, row.position, row.value)

    def apply(self, force: bool = False) -> None:
        self.removed = profile_edit.remove_profile_item(self.ctx.db, self.row_id, None if force else self.version)

    def revert(self, force: bool = False) -> None:
        r = self.removed
        self.row_id = profile_edit.add_profile_item(
            self.ctx.db, r.citizen_ref, r.kind, r.item, self.ctx.actor, r.position
        )
        self.version = NEW_VERSION


# ---- the profile's texts and the dossier's heading texts ----------------------------------------


class SetProfileTexts(Command):
    """The network and wishes saved together; undo puts back what they were (each step expecting what
    the previous one left)."""

    can_force = True

    def __init__(self, ctx: UiContext, text: str, citizen_ref: str, before: ProfileTexts, after: ProfileTexts) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.before, self.after = before, after

    def apply(self, force: bool = False) -> None:
        expected = None if force else self.before
        profile_edit.set_profile_texts(self.ctx.db, self.scope, self.after, expected, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        expected = None if force else self.after
        profile_edit.set_profile_texts(self.ctx.db, self.scope, self.before, expected, self.ctx.actor)


class SaveDescriptionTexts(Command):
    """The texts typed under the dossier's headings (heading -> text), saved as one step in one
    transaction; undo puts back the texts they replaced (each step expecting what the previous one left).
    ``seen``: the texts the screen showed under those headings (None: whatever is there); one someone else
    saved meanwhile is a conflict the user decides (keep mine overwrites it)."""

    can_force = True

    def __init__(
        self, ctx: UiContext, text: str, citizen_ref: str, template: str, texts: Mapping[str, str],
        seen: Mapping[str, str | None] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(ctx, text, citizen_ref)
        self.template, self.seen = template, seen
        self.after: dict[str, str | None] = dict(texts)
        self.before: dict[str, str | None] | None = None  # known after the first save

    def _save(
        self, texts: Mapping[str, str | None], expected: Mapping[str, str | None] | None
    ) -> dict[str, str | None]:
        db, ref, actor = self.ctx.db, self.scope, self.ctx.actor
        return description_texts.save_dossier_texts(db, ref, self.template, texts, expected, actor)

    def apply(self, force: bool = False) -> None:
        before = self._save(self.after, None if force else self.seen if self.before is None else self.before)
        if self.before is None:
            self.before = before

    def revert(self, force: bool = False) -> None:
        assert self.before is not None
        self._save(self.before, None if force else self.after)
