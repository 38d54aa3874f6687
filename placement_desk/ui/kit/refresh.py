"""Views refresh from Changes (issue 13): a page reloads only what a committed write touched.

Every committed write reaches the window as typed :class:`~placement_desk.services.changes.Changes`
(``UiContext.changes``: this window's edits, undo and redo, other windows' edits through the same
database). A page hands :class:`ChangeFollower` two functions: ``wants(changes)`` says whether the
Changes touch anything the page shows, ``refresh(changes)`` reloads it (all of it, or only the rows of
the citizens touched). A page that is hidden does not read at all: it keeps the pending Changes
(merged) and refreshes once, when it is shown again.

``UiContext.changed`` (a citizen ref, or "*") is no write any more but a request to read again: after a
conflict (someone else's newer save, possibly in another program), the Refresh command, a background
check. It reaches ``refresh`` as Changes too (:func:`reload_request`): "*" is ``everything``, a ref is
everything of that citizen.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView, QWidget

from placement_desk.services.changes import CITIZEN, Change, Changes
from placement_desk.ui.kit.table_model import ROW_ROLE, RowTableModel

if TYPE_CHECKING:
    from placement_desk.ui.shell.context import UiContext

T = TypeVar("T")
ALL = "*"

# The tables whose rows belong to one citizen (a reload request for a ref means any of them).
CITIZEN_TABLES = (
    CITIZEN, "referrals", "referral_extensions", "placements", "placement_tasks", "schedule_steps", "attendance",
    "capacity_assessments", "capacity_tasks", "accommodations", "followups", "followup_corrections", "goals",
    "subgoals", "goal_scores", "profile_items", "observations", "dossier_texts", "issued_documents", "issued_files",
)  # fmt: skip


def reload_request(scope: str) -> Changes:
    """``UiContext.changed``'s scope as Changes: "*" everything, a ref anything of that citizen."""
    if scope == ALL or not scope:
        return Changes.all()
    return Changes(tuple(Change("updated", table, None) for table in CITIZEN_TABLES), frozenset({scope}))


def unplaced(changes: Changes) -> bool:
    """Rows that belong to a citizen were written, yet the Changes name no citizen (it happens: a step
    removed from its placement's list is deleted by the flush and goes unseen, leaving only the placement
    "updated" with nothing changed). The citizen is unknown: a view reads as if it were its own."""
    return not changes.everything and not changes.citizens and changes.touches(*CITIZEN_TABLES)


def citizens_removed(changes: Changes) -> bool:
    """A citizen row went: its ref is no longer among ``changes.citizens`` (it cannot be read back)."""
    return bool(changes.of("removed", CITIZEN))


class ChangeFollower(QObject):
    """Calls ``refresh(changes)`` for the Changes ``wants`` accepts: at once while ``view`` is visible,
    else once when it is shown (with the pending Changes merged). ``stale``: the view has not read yet
    (it reads when first shown)."""

    def __init__(
        self,
        view: QWidget,
        ctx: UiContext,
        wants: Callable[[Changes], bool],
        refresh: Callable[[Changes], None],
        stale: bool = False,
    ) -> None:
        super().__init__(view)
        self.view, self._wants, self._refresh = view, wants, refresh
        self.pending: Changes | None = Changes.all() if stale else None
        ctx.changes.connect(self.heard)  # bound methods: Qt lets go of them when the view goes
        ctx.changed.connect(self.asked)
        view.installEventFilter(self)

    def asked(self, scope: str) -> None:
        """A request to read again (``UiContext.changed``), nothing written."""
        self.heard(reload_request(scope))

    def heard(self, changes: object) -> None:
        if not isinstance(changes, Changes) or not self._wants(changes):
            return
        if self.pending is not None:
            changes = self.pending.merged(changes)
        if self.view.isVisible():
            self.pending = None
            self._refresh(changes)
        else:
            self.pending = changes  # read when shown

    def forget(self) -> None:
        """The view has just read everything: nothing is pending."""
        self.pending = None

    def flush(self) -> None:
        """Refresh now from what is pending (nothing when nothing is)."""
        pending, self.pending = self.pending, None
        if pending is not None:
            self._refresh(pending)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt API
        if watched is self.view and event.type() == QEvent.Type.Show:
            self.flush()
        return False


def replace_rows(
    model: RowTableModel[T],
    drop: Callable[[T], bool],
    fresh: Sequence[T],
    key: Callable[[T], Hashable],
    table: QTableView | None = None,
    order: Callable[[T], object] | None = None,
) -> None:
    """Put ``fresh`` in place of the rows ``drop`` picks, the others kept as they are (not read again);
    ``order`` sorts the result (a model sorted by a column sorts itself). The row under ``table``'s
    cursor stays current when it is still there (found by ``key``)."""
    current = table.currentIndex() if table is not None else None
    was = current.data(ROW_ROLE) if current is not None and current.isValid() else None
    column = current.column() if current is not None and current.isValid() else 0
    rows = [model.row_at(i) for i in range(model.rowCount()) if not drop(model.row_at(i))]
    rows.extend(fresh)
    if order is not None:
        rows.sort(key=order)  # type: ignore[arg-type]
    model.set_rows(rows)
    if table is not None and was is not None:
        select_row(table, model, key(was), key, column)


def select_row(
    table: QTableView, model: RowTableModel[T], wanted: Hashable, key: Callable[[T], Hashable], column: int = 0
) -> bool:
    """Make the row whose ``key`` is ``wanted`` current in ``table`` (through its proxy, if any)."""
    for i in range(model.rowCount()):
        if key(model.row_at(i)) == wanted:
            index = model.index(i, column)
            view_model = table.model()
            if view_model is not model and hasattr(view_model, "mapFromSource"):
                index = view_model.mapFromSource(index)
            if index.isValid():
                table.setCurrentIndex(index)
                return True
    return False


def of_citizens(refs: Collection[str], ref_of: Callable[[T], str]) -> Callable[[T], bool]:
    """A ``drop`` for :func:`replace_rows`: the rows of these citizens."""
    return lambda row: ref_of(row) in refs
