"""An edit of one versioned record's own fields (a citizen, a company) as an undo command: ``apply``
saves ``after``, ``revert`` saves ``before``, each expecting the version the previous step left.

Several edits of one record chain through :attr:`UiContext.versions` (the record's key, e.g.
"citizen:DC"): the first save expects the version the user saw, every later step the version this
window's last step on the record left, so a colleague's save in between is a conflict (asked, never
overwritten silently)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from placement_desk.ui.commands.base import Command

if TYPE_CHECKING:
    from placement_desk.ui.shell.context import UiContext

T = TypeVar("T")


class RecordEdit(Command, Generic[T]):
    can_force = True  # a stale first save may knowingly overwrite the colleague's ("keep mine")

    def __init__(
        self, ctx: UiContext, text: str, scope: str, record: str, before: T, after: T, seen: int | None
    ) -> None:
        super().__init__(ctx, text, scope)
        self.record, self.before, self.after = record, before, after
        self.seen: int | None = seen
        self.first = True

    def save(self, value: T, expected_version: int | None) -> int:
        """Save ``value`` over the record (one use case); returns the new version."""
        raise NotImplementedError

    def apply(self, force: bool = False) -> None:
        self._save_value(self.after, force)

    def revert(self, force: bool = False) -> None:
        self._save_value(self.before, force)

    def _save_value(self, value: T, force: bool) -> None:
        expected = self.seen if self.first else self.ctx.versions.get(self.record)
        self.ctx.versions[self.record] = self.save(value, None if force else expected)
        self.first = False
