"""What a write changed: a typed summary every write transaction produces (Anki's ``OpChanges``).

Every service call that writes runs in :func:`placement_desk.services.audit.audited`; the rows it
created, updated and removed are collected there for the audit entry anyway. :func:`summarise` turns
them into :class:`Changes` - per entity, with the ids and the versions the write left, and the refs of
the citizens touched - and the database hands it to its listeners after the commit (never for a
transaction that rolled back). The window refreshes from it (a page reloads what changed, the dashboard
only the rows of the citizens touched); an undo command takes the version it must expect next from it.

A bulk write that records its own summary (an import, a restore, an erasure) has no per-row detail:
its Changes says ``everything``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from placement_desk.db.engine import Database

Kind = Literal["created", "updated", "removed"]
Listener = Callable[["Changes"], None]

# Tables as the rest of the code names them (the database's table names, singular).
CITIZEN, COMPANY, PLACEMENT, ATTENDANCE, FOLLOWUP = "citizens", "companies", "placements", "attendance", "followups"


@dataclass(frozen=True)
class Change:
    kind: Kind
    entity: str  # the table, e.g. "citizens", "placements", "attendance"
    id: int | None
    version: int | None = None  # the version the write left (rows that carry one)


@dataclass(frozen=True)
class Changes:
    """The rows one transaction created, updated and removed, and the citizens they belong to."""

    items: tuple[Change, ...] = ()
    citizens: frozenset[str] = field(default_factory=frozenset)  # refs of the citizens touched
    everything: bool = False  # a bulk write without per-row detail: reload all

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    def entities(self) -> frozenset[str]:
        return frozenset(c.entity for c in self.items)

    def touches(self, *entities: str) -> bool:
        """True when the write touched any of ``entities`` (always for ``everything``)."""
        return self.everything or any(c.entity in entities for c in self.items)

    def touches_citizen(self, ref: str) -> bool:
        return self.everything or ref in self.citizens

    def of(self, kind: Kind, entity: str) -> tuple[Change, ...]:
        return tuple(c for c in self.items if c.kind == kind and c.entity == entity)

    def created_ids(self, entity: str) -> tuple[int, ...]:
        return tuple(c.id for c in self.of("created", entity) if c.id is not None)

    def version(self, entity: str, row_id: int) -> int | None:
        """The version ``entity`` row ``row_id`` was left at (None: not written, or no version column)."""
        found = [c.version for c in self.items if c.entity == entity and c.id == row_id and c.kind != "removed"]
        return found[-1] if found else None

    def merged(self, other: Changes) -> Changes:
        return Changes(self.items + other.items, self.citizens | other.citizens, self.everything or other.everything)

    def __bool__(self) -> bool:
        return self.everything or bool(self.items)


def summarise(items: Iterable[Change], citizens: Iterable[str], everything: bool = False) -> Changes:
    """One transaction's Changes: a row written several times appears once per kind, last version kept."""
    latest: dict[tuple[Kind, str, int | None], Change] = {}
    for c in items:
        latest[(c.kind, c.entity, c.id)] = c
    return Changes(tuple(latest.values()), frozenset(citizens), everything)


def subscribe(db: Database, listener: Listener) -> Callable[[], None]:
    """Call ``listener`` with the Changes of every write committed through ``db``; returns the unsubscribe."""

    def hook(published: object) -> None:
        if isinstance(published, Changes):
            listener(published)

    db.on_commit.append(hook)

    def unsubscribe() -> None:
        if hook in db.on_commit:
            db.on_commit.remove(hook)

    return unsubscribe
