"""Undo commands of attendance: days written (one, several, a week as planned), a workplace mentor's
attendance sheet read in, and the workplace's statement. Each step is one use case (one transaction);
each day a step writes expects what the previous step left there, so an undo or redo never overwrites a
colleague's later registration unasked.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from placement_desk.domain import casefile as cf
from placement_desk.services import attendance, observations
from placement_desk.services.attendance import UNCHECKED, DayWrite
from placement_desk.services.attendance_sheet import SheetResult, apply_attendance_sheet
from placement_desk.services.observations import WorkplaceStatement
from placement_desk.ui.commands.base import Command
from placement_desk.ui.commands.description import NEW_VERSION

if TYPE_CHECKING:
    from placement_desk.ui.shell.context import UiContext


class WriteDays(Command):
    """Days written together (a day logged or cleared, several days or a week as planned): one step.

    Each :class:`DayWrite` says what the screen showed on its day; a day changed by someone else since
    refuses the whole step. ``can_force``: the user may keep theirs over it (a single day typed in);
    "as planned" for many days refuses instead (nothing is overwritten in bulk).
    """

    def __init__(self, ctx: UiContext, text: str, scope: str, days: Sequence[DayWrite], can_force: bool = True) -> None:
        super().__init__(ctx, text, scope)
        self.days = tuple(days)
        self.can_force = can_force
        self.before: tuple[cf.Attendance | None, ...] | None = None  # what each day held before the first step

    def apply(self, force: bool = False) -> None:
        if self.before is None:
            writes = [replace(d, seen=UNCHECKED) for d in self.days] if force else list(self.days)
            self.before = tuple(attendance.write_days(self.ctx.db, writes, self.ctx.actor))
            return
        self._write([d.record for d in self.days], self.before, force)

    def revert(self, force: bool = False) -> None:
        assert self.before is not None
        self._write(self.before, [d.record for d in self.days], force)

    def _write(
        self, records: Sequence[cf.Attendance | None], seen: Sequence[cf.Attendance | None], force: bool
    ) -> None:
        writes = [DayWrite(d.placement, d.day, r, UNCHECKED if force else s)
                  for d, r, s in zip(self.days, records, seen, strict=True)]  # fmt: skip
        attendance.write_days(self.ctx.db, writes, self.ctx.actor)


class ReadSheet(Command):
    """A filled-in attendance sheet read in (new days, and the conflicts the user chose to overwrite);
    undo puts every day it wrote back as it was, redo writes them again."""

    def __init__(
        self,
        ctx: UiContext,
        text: str,
        content: bytes,
        overwrite: bool | Collection[tuple[str, date]],
        scope: str = "*",
    ) -> None:
        super().__init__(ctx, text, scope)
        self.content, self.overwrite = content, overwrite
        self.result: SheetResult | None = None

    def apply(self, force: bool = False) -> None:
        if self.result is None:
            self.result = apply_attendance_sheet(self.ctx.db, self.content, self.overwrite, self.ctx.actor)
        else:
            attendance.write_days(self.ctx.db, self.result.redo_writes(check=not force), self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.result is not None
        attendance.write_days(self.ctx.db, self.result.undo_writes(check=not force), self.ctx.actor)


class AddStatement(Command):
    """The workplace's statement about a placement; undo removes exactly the one written."""

    def __init__(
        self, ctx: UiContext, text: str, citizen_ref: str, placement_ref: str, statement: WorkplaceStatement
    ) -> None:
        super().__init__(ctx, text, citizen_ref)
        self.placement, self.statement = placement_ref, statement
        self.created: int | None = None

    def apply(self, force: bool = False) -> None:
        self.created = observations.add_workplace_statement(self.ctx.db, self.placement, self.statement, self.ctx.actor)

    def revert(self, force: bool = False) -> None:
        assert self.created is not None
        observations.remove_workplace_statement(self.ctx.db, self.created, None if force else NEW_VERSION)
