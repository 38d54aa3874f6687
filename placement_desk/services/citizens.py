"""Citizens and what belongs to them directly: referrals, accommodation needs, goals and scores.

Every use case takes typed values (:mod:`placement_desk.domain.casefile`) and checks them as the
case-file reader checks a file's: the value goes through the domain's serializer and back through its
parser, so the errors name the same fields. Removals return what their restore needs to put the record
back (the undo commands keep it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import (
    parse_accommodation,
    parse_citizen,
    parse_goal,
    parse_outcome,
    parse_referral,
    parse_score,
)
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.outcomes import Outcome, outcome_json
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit, mapping
from placement_desk.services.common import by_id, by_ref, check_version
from placement_desk.services.use_case import use_case

CITIZEN_FIELDS = ("ref", "name", "cpr", "birth_year", "benefit", "caseworker", "job_goal", "own_view")


# ---- values checked as a case file's ------------------------------------------------------------


def own_fields(c: cf.Citizen) -> cf.Citizen:
    """Just the citizen's own fields (what create and update write), nothing that belongs to them."""
    return cf.Citizen(c.ref, c.name, c.cpr, c.birth_year, c.benefit, c.caseworker, c.job_goal, c.own_view)


def checked_citizen(c: cf.Citizen) -> cf.Citizen:
    return parse_citizen(cf.citizen_json(own_fields(c)), "")


def checked_referral(r: cf.Referral) -> cf.Referral:
    return parse_referral(cf.referral_json(r), "")


def checked_accommodation(a: cf.Accommodation) -> cf.Accommodation:
    return parse_accommodation(cf.citizen_json(cf.Citizen("-", "-", accommodations=(a,)))["accommodations"][0], "")


def checked_goal(g: cf.Goal) -> cf.Goal:
    return parse_goal(cf.citizen_json(cf.Citizen("-", "-", goals=(g,)))["goals"][0], "")


def checked_score(score: cf.Score) -> cf.Score:
    goal = cf.Goal("other", "-", scores=(score,))
    return parse_score(cf.citizen_json(cf.Citizen("-", "-", goals=(goal,)))["goals"][0]["scores"][0], "")


# ---- the citizen ---------------------------------------------------------------------------------


def citizen_fields(db: Database, ref: str) -> tuple[cf.Citizen, int]:
    """The citizen's own fields as they are now, and the version they are at (for an update)."""
    access.require(db, Permission.VIEW, "see a citizen")
    with db.reading() as s:
        row = by_ref(s, m.Citizen, ref)
        return cf.Citizen(**{k: getattr(row, k) for k in CITIZEN_FIELDS}), row.version


@use_case(Permission.EDIT, audit.CREATE, "create a citizen")
def create_citizen(s: Session, citizen: cf.Citizen, actor: str | None = None) -> str:
    """A new citizen from its own fields (``ref`` and ``name`` required); returns the ref."""
    data = checked_citizen(citizen)
    if s.scalar(select(m.Citizen.id).where(m.Citizen.ref == data.ref)) is not None:
        raise ValidationError("ref", code="citizen_exists", ref=data.ref)
    row = m.Citizen(ref=data.ref)
    mapping.apply_citizen_fields(row, data, actor)
    s.add(row)
    return data.ref


@use_case(Permission.EDIT, audit.CHANGE, "change a citizen")
def update_citizen(
    s: Session, ref: str, citizen: cf.Citizen, expected_version: int | None, actor: str | None = None
) -> int:
    """Replace the citizen's own fields by ``citizen``'s (its ref stays ``ref``); returns the new version.
    ``expected_version``: the version the caller saw (ConflictError when someone saved since); None
    saves over whatever is there."""
    data = checked_citizen(replace(citizen, ref=ref))
    row = by_ref(s, m.Citizen, ref)
    check_version(row, expected_version)
    mapping.apply_citizen_fields(row, data, actor)
    s.flush()
    return row.version


@use_case(Permission.EDIT, audit.CHANGE, "archive a citizen")
def set_archived(s: Session, ref: str, archived: bool, actor: str | None = None) -> None:
    """Archive (or restore) a citizen: gone from the lists, nothing deleted."""
    row = by_ref(s, m.Citizen, ref)
    if (row.archived_at is not None) != archived:
        row.archived_at = utcnow() if archived else None
    row.updated_by = actor


@use_case(Permission.EDIT, audit.DELETE, "discard a citizen")
def discard_citizen(s: Session, ref: str) -> None:
    """Delete a citizen with nothing recorded yet (the undo of creating one); otherwise refuse."""
    row = by_ref(s, m.Citizen, ref)
    if row.placements or row.followups or row.referrals or row.goals or row.accommodations:
        raise ValidationError("ref", code="citizen_has_records", ref=ref)
    s.delete(row)


# ---- referrals ---------------------------------------------------------------------------------


def _append(s: Session, citizen_ref: str, attr: str, added: m.Referral | m.Accommodation | m.Goal) -> int:
    """Put a new row last in one of the citizen's lists (``attr``: "referrals", "goals" ...); returns its id."""
    citizen = by_ref(s, m.Citizen, citizen_ref)  # held: the list's changes are reported to its live owner
    items = getattr(citizen, attr)
    added.position = len(items)
    items.append(added)
    s.flush()
    return added.id


def _referral(s: Session, referral_id: int) -> m.Referral:
    return by_id(s, m.Referral, referral_id, "referral")


@use_case(Permission.EDIT, audit.CREATE, "add a referral")
def add_referral(s: Session, citizen_ref: str, referral: cf.Referral, actor: str | None = None) -> int:
    """A new referral of the citizen; returns its id."""
    data = checked_referral(referral)
    return _append(s, citizen_ref, "referrals", mapping.referrals_in((data,), actor)[0])


@use_case(Permission.EDIT, audit.CHANGE, "extend a referral")
def extend_referral(s: Session, referral_id: int, new_end: date, actor: str | None = None) -> cf.Referral:
    """Record an extension: a new end date later than the current one. Returns the referral as it is now."""
    row = _referral(s, referral_id)
    current = row.extensions[-1].new_end if row.extensions else (row.end or row.start)
    if new_end <= current:
        raise ValidationError("new_end", code="not_after_end", end=current.isoformat())
    now = mapping.referral_out(row)
    after = checked_referral(replace(now, extensions=(*now.extensions, new_end)))
    row.extensions.append(m.ReferralExtension(new_end=new_end))
    row.updated_by = actor
    return after


@use_case(Permission.EDIT, audit.CHANGE, "end a referral")
def end_referral(
    s: Session, referral_id: int, end: date, reason: str, outcome: Outcome | None = None, actor: str | None = None
) -> cf.Referral:
    """Stop a referral early (interruption) with the reason, e.g. dental treatment, and optionally its
    outcome. Returns the referral as it is now."""
    if not reason.strip():
        raise ValidationError("end_reason", code="required_when_stopped")
    row = _referral(s, referral_id)
    if end < row.start:
        raise ValidationError("end", code="before_referral_start")
    checked = parse_outcome(outcome_json(outcome), "outcome", row.start, placement=False)
    now = mapping.referral_out(row)
    after = replace(now, end=end, end_reason=reason, outcome=checked if outcome else now.outcome,
                    extensions=tuple(e for e in now.extensions if e <= end))  # fmt: skip
    # not read back as a case file's: an extension before the stop stays, which the reader refuses
    _write_referral(row, after, actor)
    return after


@use_case(Permission.EDIT, audit.CHANGE, "change a referral")
def set_referral(s: Session, referral_id: int, referral: cf.Referral, actor: str | None = None) -> None:
    """Replace a referral's fields (programme, start, end, extensions, end reason, outcome)."""
    _write_referral(_referral(s, referral_id), checked_referral(referral), actor)


def _write_referral(row: m.Referral, data: cf.Referral, actor: str | None) -> None:
    row.programme, row.start, row.end, row.end_reason = data.programme, data.start, data.end, data.end_reason
    mapping.set_referral_outcome(row, data.outcome)
    row.extensions = [m.ReferralExtension(new_end=e) for e in data.extensions]
    row.updated_by = actor


@use_case(Permission.EDIT, audit.DELETE, "remove a referral")
def remove_referral(s: Session, referral_id: int) -> cf.Referral:
    """Delete a referral (the undo of adding it); returns what it was."""
    row = _referral(s, referral_id)
    removed = mapping.referral_out(row)
    s.delete(row)
    return removed


# ---- accommodation needs -----------------------------------------------------------------------


def _accommodation(s: Session, accommodation_id: int) -> m.Accommodation:
    return by_id(s, m.Accommodation, accommodation_id, "accommodation")


@use_case(Permission.EDIT, audit.CREATE, "add an accommodation need")
def add_accommodation(s: Session, citizen_ref: str, need: cf.Accommodation, actor: str | None = None) -> int:
    """A new accommodation need of the citizen; returns its id."""
    data = checked_accommodation(need)
    return _append(s, citizen_ref, "accommodations", mapping.accommodations_in((data,), actor)[0])


@use_case(Permission.EDIT, audit.CHANGE, "change an accommodation need")
def update_accommodation(s: Session, accommodation_id: int, need: cf.Accommodation, actor: str | None = None) -> None:
    """Replace an accommodation need's fields by ``need``'s."""
    data = checked_accommodation(need)
    row = _accommodation(s, accommodation_id)
    row.category, row.text, row.identified, row.source = data.category, data.text, data.identified, data.source
    row.active, row.retired, row.updated_by = data.active, data.retired, actor


@use_case(Permission.EDIT, audit.CHANGE, "retire an accommodation need")
def retire_accommodation(s: Session, accommodation_id: int, on: date, actor: str | None = None) -> None:
    """The need no longer applies from ``on``; it stays in the record as retired."""
    row = _accommodation(s, accommodation_id)
    data = checked_accommodation(replace(accommodation_of(row), active=False, retired=on))
    row.active, row.retired, row.updated_by = data.active, data.retired, actor


def accommodation_of(row: m.Accommodation) -> cf.Accommodation:
    return cf.Accommodation(row.category, row.text, row.identified, row.source, row.active, row.retired)


@dataclass(frozen=True)
class RemovedAccommodation:
    """A removed accommodation need with what :func:`restore_accommodation` needs to put it back."""

    citizen: str
    id: int
    position: int
    need: cf.Accommodation


@use_case(Permission.EDIT, audit.DELETE, "remove an accommodation need")
def remove_accommodation(s: Session, accommodation_id: int) -> RemovedAccommodation:
    """Delete an accommodation need (the undo of adding it; retire it otherwise). Returns what
    :func:`restore_accommodation` needs."""
    row = _accommodation(s, accommodation_id)
    citizen = s.get(m.Citizen, row.citizen_id)
    assert citizen is not None
    removed = RemovedAccommodation(citizen.ref, row.id, row.position, accommodation_of(row))
    s.delete(row)
    return removed


@use_case(Permission.EDIT, audit.CREATE, "restore an accommodation need")
def restore_accommodation(s: Session, removed: RemovedAccommodation, actor: str | None = None) -> int:
    """Put back a need that :func:`remove_accommodation` removed, under its old id and in its place."""
    data = checked_accommodation(removed.need)
    row = by_ref(s, m.Citizen, removed.citizen)
    need = mapping.accommodations_in((data,), actor)[0]
    need.id, need.position = removed.id, removed.position
    row.accommodations.append(need)
    s.flush()
    return removed.id


# ---- goals and progression ---------------------------------------------------------------------


@dataclass(frozen=True)
class RemovedGoal:
    """A removed goal with what :func:`restore_goal` needs to put it back in its place under its id."""

    citizen: str
    id: int
    position: int
    goal: cf.Goal


@dataclass(frozen=True)
class RemovedScore:
    """A removed score with its place among the goal's scores."""

    score: cf.Score
    position: int


def _goal(s: Session, goal_id: int) -> m.Goal:
    return by_id(s, m.Goal, goal_id, "goal")


@use_case(Permission.EDIT, audit.CREATE, "add a goal")
def add_goal(s: Session, citizen_ref: str, goal: cf.Goal, actor: str | None = None) -> int:
    """A new goal of the citizen with its sub-goals (and scores, if any); returns its id."""
    data = checked_goal(goal)
    return _append(s, citizen_ref, "goals", mapping.goals_in((data,), actor)[0])


@use_case(Permission.EDIT, audit.DELETE, "remove a goal")
def remove_goal(s: Session, goal_id: int, actor: str | None = None) -> RemovedGoal:
    """Remove a goal with its sub-goals and scores; returns what :func:`restore_goal` needs."""
    goal = _goal(s, goal_id)
    citizen = s.get(m.Citizen, goal.citizen_id)
    assert citizen is not None
    value = cf.Goal(
        goal.area,
        goal.text,
        tuple(x.text for x in goal.subgoals),
        tuple(cf.Score(x.day, x.score, x.assessor) for x in goal.scores),
    )
    removed = RemovedGoal(citizen.ref, goal.id, goal.position, value)
    citizen.goals.remove(goal)
    citizen.updated_by = actor
    return removed


@use_case(Permission.EDIT, audit.CREATE, "restore a goal")
def restore_goal(s: Session, removed: RemovedGoal, actor: str | None = None) -> int:
    """Put back a goal that :func:`remove_goal` removed, under its old id (so later edits that name
    the id, e.g. a redone score, still find it). Returns the id."""
    data = checked_goal(removed.goal)
    if s.get(m.Goal, removed.id) is not None:
        raise ValidationError("goal", code="goal_exists", goal=removed.id)
    row = by_ref(s, m.Citizen, removed.citizen)
    goal = mapping.goals_in((data,), actor)[0]
    goal.id, goal.position = removed.id, removed.position
    row.goals.append(goal)
    s.flush()
    return removed.id


@use_case(Permission.EDIT, audit.CREATE, "add a progression score")
def add_score(s: Session, goal_id: int, score: cf.Score, actor: str | None = None) -> int:
    """A progression score -5..5 on a date by one assessor (citizen, mentor or consultant)."""
    return _put_score(_goal(s, goal_id), checked_score(score), None, actor)


@use_case(Permission.EDIT, audit.DELETE, "remove a score")
def remove_score(s: Session, goal_id: int, day: date, assessor: str | None, actor: str | None = None) -> RemovedScore:
    """Remove one assessor's score of a date; returns it with its place for :func:`restore_score`."""
    goal = _goal(s, goal_id)
    found = next((x for x in goal.scores if x.day == day and x.assessor == assessor), None)
    if found is None:
        raise ValidationError("date", code="no_score", day=day.isoformat(), assessor=assessor or "no named assessor")
    removed = RemovedScore(cf.Score(found.day, found.score, found.assessor), found.position)
    goal.scores.remove(found)
    goal.updated_by = actor
    return removed


@use_case(Permission.EDIT, audit.CREATE, "restore a score")
def restore_score(s: Session, goal_id: int, removed: RemovedScore, actor: str | None = None) -> int:
    """Put back a score that :func:`remove_score` removed, in its old place among same-day scores."""
    return _put_score(_goal(s, goal_id), checked_score(removed.score), removed.position, actor)


def _put_score(goal: m.Goal, data: cf.Score, position: int | None, actor: str | None) -> int:
    if any(x.day == data.day and x.assessor == data.assessor for x in goal.scores):
        raise ValidationError("date", code="score_exists", day=data.day.isoformat())
    place = len(goal.scores) if position is None else position
    score = m.GoalScore(day=data.day, score=data.score, assessor=data.assessor, position=place)
    goal.scores.append(score)
    goal.updated_by = actor
    session = Session.object_session(goal)
    assert session is not None
    session.flush()
    return score.id
