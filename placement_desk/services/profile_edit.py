"""Editing the citizen's profile (spec 1b) one item at a time, as the Beskrivelse tab does: each call is
one transaction with one audit entry, and returns what undo needs.

The profile holds health data (``treatment``, GDPR art. 9): like the rest of a citizen's record only the
office roles see it (view) and change it (edit); a case worker reads it, a workplace mentor never reaches it.
Dates may be a year, a month or a day (``2010``, ``2010-08``, ``2010-08-15``); none may lie after today.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.domain.errors import ConflictError, ValidationError
from placement_desk.domain.json_node import check_text
from placement_desk.domain.profile import PROFILE_LISTS, PROFILE_TEXTS, ProfileItem, item_json, span_start
from placement_desk.domain.profile_parse import parse_profile_item
from placement_desk.domain.roles import Permission
from placement_desk.services import audit
from placement_desk.services.common import by_id, load_citizen, today
from placement_desk.services.use_case import use_case


@dataclass(frozen=True)
class ProfileRow:
    """One item of a citizen's profile with its id and version (for edits, undo and conflict checks)."""

    id: int
    version: int
    kind: str  # education | work_history | benefits | treatment | earlier_efforts
    position: int
    value: ProfileItem


@dataclass(frozen=True)
class RemovedItem:
    """What undoing a removal needs: whose, which list, where, and the item."""

    citizen_ref: str
    kind: str
    position: int
    item: ProfileItem


@dataclass(frozen=True)
class ProfileTexts:
    """The profile's two free texts: the citizen's network and wishes (None: none written)."""

    network: str | None = None
    wishes: str | None = None


def _kind(kind: str) -> str:
    if kind not in PROFILE_LISTS:
        raise ValidationError("kind", code="not_one_of", value=repr(kind), allowed=", ".join(PROFILE_LISTS))
    return kind


def check_item(item: ProfileItem) -> ProfileItem:
    """The case file's rules for a profile item (a partial date, ``to`` not before ``from``, a text) and
    no date after today. Errors name the field (``from``, ``to``, ``text``)."""
    item = parse_profile_item(item_json(item), "")
    for key, value in (("from", item.start), ("to", item.end)):
        if value is not None and span_start(value) > today():
            raise ValidationError(key, code="after_today", day=value)
    return item


def _get(s: Session, item_id: int) -> m.ProfileItem:
    return by_id(s, m.ProfileItem, item_id, "profile item")


def _check_version(row: m.ProfileItem, expected_version: int | None) -> None:
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(
            f"The profile item was changed by {row.updated_by or 'someone else'} after you opened it "
            f"(version {row.version}, you had {expected_version}); reload it before saving."
        )


def _store(row: m.ProfileItem, item: ProfileItem, actor: str | None) -> None:
    row.date_from, row.date_to, row.text = item.start, item.end, item.text
    row.end_reason, row.outcome, row.source = item.end_reason, item.outcome, item.source
    row.updated_by = actor


def _row(r: m.ProfileItem) -> ProfileRow:
    item = ProfileItem(r.text, r.date_from, r.date_to, r.end_reason, r.outcome, r.source)
    return ProfileRow(r.id, r.version, r.kind, r.position, item)


@use_case(Permission.VIEW, audit.VIEW, "see a citizen's profile")
def profile_rows(s: Session, citizen_ref: str) -> list[ProfileRow]:
    """The items of the citizen's profile with their ids, per list in the order of spec 1b, each list in
    date order (undated first)."""
    citizen = load_citizen(s, citizen_ref, with_attendance=False)
    audit.about(s, citizen.id, what="profile")
    rows = [_row(r) for r in citizen.profile_items if r.kind in PROFILE_LISTS]
    order = {k: i for i, k in enumerate(PROFILE_LISTS)}
    return sorted(rows, key=lambda r: (order[r.kind], r.value.start is not None, r.value.start or "", r.position, r.id))


@use_case(Permission.EDIT, audit.CREATE, "add a profile item")
def add_profile_item(
    s: Session, citizen_ref: str, kind: str, item: ProfileItem, actor: str | None = None,
    position: int | None = None,
) -> int:  # fmt: skip
    """A new item in one of the profile's lists; returns its id. ``position`` puts it back where an
    undone removal took it from."""
    item = check_item(item)
    citizen = load_citizen(s, citizen_ref, with_attendance=False)
    audit.about(s, citizen.id, kind=_kind(kind))
    if position is None:
        position = 1 + max((r.position for r in citizen.profile_items if r.kind == kind), default=-1)
    row = m.ProfileItem(kind=kind, position=position)
    _store(row, item, actor)
    citizen.profile_items.append(row)
    citizen.updated_by = actor
    s.flush()
    return row.id


@use_case(Permission.EDIT, audit.CHANGE, "change a profile item")
def update_profile_item(
    s: Session, item_id: int, item: ProfileItem, expected_version: int | None = None, actor: str | None = None
) -> int:
    """Give a profile item the value ``item`` (all its fields); returns its new version. ``expected_version``:
    the version the caller saw (another is a ConflictError; None overwrites whatever is there)."""
    item = check_item(item)
    row = _get(s, item_id)
    _check_version(row, expected_version)
    audit.about(s, row.citizen_id, kind=row.kind)
    _store(row, item, actor)
    s.flush()
    return row.version


@use_case(Permission.EDIT, audit.DELETE, "remove a profile item")
def remove_profile_item(s: Session, item_id: int, expected_version: int | None = None) -> RemovedItem:
    """Remove a profile item; returns it, so undo can add it again in its place."""
    row = _get(s, item_id)
    _check_version(row, expected_version)
    citizen = s.get(m.Citizen, row.citizen_id)
    assert citizen is not None
    audit.about(s, citizen.id, kind=row.kind)
    removed = RemovedItem(citizen.ref, row.kind, row.position, _row(row).value)
    s.delete(row)
    return removed


def _clean_text(text: str | None, kind: str) -> str | None:
    return check_text((text or "").strip(), kind) or None


@use_case(Permission.EDIT, audit.CHANGE, "change a citizen's profile")
def set_profile_texts(
    s: Session, citizen_ref: str, texts: ProfileTexts, expected: ProfileTexts | None = None,
    actor: str | None = None,
) -> ProfileTexts:  # fmt: skip
    """Set the citizen's network and wishes (an empty text removes it); returns the ones they replaced.
    ``expected``: what the caller saw (anything else now is a ConflictError; None: whatever is there)."""
    clean = ProfileTexts(*(_clean_text(getattr(texts, k), k) for k in PROFILE_TEXTS))
    citizen = load_citizen(s, citizen_ref, with_attendance=False)
    before = ProfileTexts(citizen.network, citizen.wishes)
    if expected is not None and before != expected:
        raise ConflictError(f"the network or wishes of {citizen_ref} were changed by someone else meanwhile")
    for kind in PROFILE_TEXTS:
        if getattr(before, kind) != getattr(clean, kind):
            audit.about(s, citizen.id, kind=kind)
            setattr(citizen, kind, getattr(clean, kind))
            citizen.updated_by = actor
    return before


@use_case(Permission.EDIT, audit.CHANGE, "change a citizen's profile")
def set_profile_text(s: Session, citizen_ref: str, kind: str, text: str | None, actor: str | None = None) -> str | None:
    """Set the citizen's ``network`` or ``wishes`` alone (an empty text removes it); returns the one it replaced."""
    if kind not in PROFILE_TEXTS:
        raise ValidationError("kind", code="not_one_of", value=repr(kind), allowed=", ".join(PROFILE_TEXTS))
    clean = _clean_text(text, kind)
    citizen = load_citizen(s, citizen_ref, with_attendance=False)
    audit.about(s, citizen.id, kind=kind)
    before: str | None = getattr(citizen, kind)
    if before != clean:
        setattr(citizen, kind, clean)
        citizen.updated_by = actor
    return before


@use_case(Permission.VIEW, audit.VIEW, "see a citizen's profile")
def profile_texts(s: Session, citizen_ref: str) -> ProfileTexts:
    """The citizen's network and wishes as they are now."""
    citizen = load_citizen(s, citizen_ref, with_attendance=False)
    audit.about(s, citizen.id, what="profile")
    return ProfileTexts(citizen.network, citizen.wishes)
