"""Citizens and what belongs to them directly: referrals, accommodation needs, goals and scores."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

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
from placement_desk.domain.errors import NotFoundError, ValidationError
from placement_desk.domain.json_node import parse_date
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit, mapping
from placement_desk.services.audit import audited
from placement_desk.services.common import by_ref, check_version

CITIZEN_FIELDS = ("ref", "name", "cpr", "birth_year", "benefit", "caseworker", "job_goal", "own_view")


def _fields(c: cf.Citizen) -> dict[str, Any]:
    return {k: getattr(c, k) for k in CITIZEN_FIELDS}


@access.requires(Permission.EDIT)
def create_citizen(db: Database, fields: dict[str, Any], actor: str | None = None) -> str:
    """A new citizen from case-file fields (``ref`` and ``name`` required); returns the ref."""
    data = parse_citizen({k: fields.get(k) for k in CITIZEN_FIELDS}, "")
    with audited(db, Permission.EDIT, audit.CREATE, "create a citizen") as s:
        if s.scalar(select(m.Citizen.id).where(m.Citizen.ref == data.ref)) is not None:
            raise ValidationError("ref", code="citizen_exists", ref=data.ref)
        row = m.Citizen(ref=data.ref)
        mapping.apply_citizen_fields(row, data, actor)
        s.add(row)
    return data.ref


@access.requires(Permission.EDIT)
def update_citizen(
    db: Database, ref: str, changes: dict[str, Any], expected_version: int | None = None, actor: str | None = None
) -> int:
    """Change some of a citizen's own fields; returns the new version."""
    unknown = set(changes) - set(CITIZEN_FIELDS) - {"ref"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], code="not_citizen_field")
    with audited(db, Permission.EDIT, audit.CHANGE, "change a citizen") as s:
        row = by_ref(s, m.Citizen, ref)
        check_version(row, expected_version)
        current = cf.Citizen(**{k: getattr(row, k) for k in CITIZEN_FIELDS})
        data = parse_citizen({**_fields(current), **changes, "ref": ref}, "")
        mapping.apply_citizen_fields(row, data, actor)
        s.flush()
        return row.version


@access.requires(Permission.EDIT)
def set_archived(db: Database, ref: str, archived: bool, actor: str | None = None) -> None:
    """Archive (or restore) a citizen: gone from the lists, nothing deleted."""
    with audited(db, Permission.EDIT, audit.CHANGE, "archive a citizen") as s:
        row = by_ref(s, m.Citizen, ref)
        row.archived_at = utcnow() if archived else None
        row.updated_by = actor


# ---- referrals ---------------------------------------------------------------------------------


@access.requires(Permission.EDIT)
def add_referral(db: Database, citizen_ref: str, fields: dict[str, Any], actor: str | None = None) -> int:
    data = parse_referral(fields, "")
    with audited(db, Permission.EDIT, audit.CREATE, "add a referral") as s:
        row = by_ref(s, m.Citizen, citizen_ref)
        referral = mapping.referrals_in((data,), actor)[0]
        referral.position = len(row.referrals)
        row.referrals.append(referral)
        s.flush()
        return referral.id


def _referral(s: Any, referral_id: int) -> m.Referral:
    row = s.get(m.Referral, referral_id)
    if row is None:
        raise NotFoundError("referral", str(referral_id))
    return row  # type: ignore[no-any-return]


@access.requires(Permission.EDIT)
def extend_referral(db: Database, referral_id: int, new_end: str, actor: str | None = None) -> None:
    """Record an extension: a new end date later than the current one."""
    day = parse_date(new_end, "new_end", required=True)
    assert day is not None
    with audited(db, Permission.EDIT, audit.CHANGE, "extend a referral") as s:
        row = _referral(s, referral_id)
        current = row.extensions[-1].new_end if row.extensions else (row.end or row.start)
        if day <= current:
            raise ValidationError("new_end", code="not_after_end", end=current.isoformat())
        row.extensions.append(m.ReferralExtension(new_end=day))
        row.updated_by = actor


@access.requires(Permission.EDIT)
def end_referral(
    db: Database,
    referral_id: int,
    end: str,
    reason: str,
    actor: str | None = None,
    outcome: dict[str, Any] | None = None,
) -> None:
    """Stop a referral early (interruption) with the reason, e.g. dental treatment, and optionally its
    outcome (case-file ``outcome`` fields: kind, date, note)."""
    day = parse_date(end, "end", required=True)
    assert day is not None
    if not reason.strip():
        raise ValidationError("end_reason", code="required_when_stopped")
    with audited(db, Permission.EDIT, audit.CHANGE, "end a referral") as s:
        row = _referral(s, referral_id)
        if day < row.start:
            raise ValidationError("end", code="before_referral_start")
        if outcome is not None:
            mapping.set_referral_outcome(row, parse_outcome(outcome, "outcome", row.start, placement=False))
        row.end, row.end_reason, row.updated_by = day, reason, actor
        row.extensions = [e for e in row.extensions if e.new_end <= day]


# ---- accommodation needs -----------------------------------------------------------------------


@access.requires(Permission.EDIT)
def add_accommodation(db: Database, citizen_ref: str, fields: dict[str, Any], actor: str | None = None) -> int:
    data = parse_accommodation(fields, "")
    with audited(db, Permission.EDIT, audit.CREATE, "add an accommodation need") as s:
        row = by_ref(s, m.Citizen, citizen_ref)
        acc = mapping.accommodations_in((data,), actor)[0]
        acc.position = len(row.accommodations)
        row.accommodations.append(acc)
        s.flush()
        return acc.id


@access.requires(Permission.EDIT)
def update_accommodation(
    db: Database, accommodation_id: int, changes: dict[str, Any], actor: str | None = None
) -> None:
    with audited(db, Permission.EDIT, audit.CHANGE, "change an accommodation need") as s:
        row = s.get(m.Accommodation, accommodation_id)
        if row is None:
            raise NotFoundError("accommodation", str(accommodation_id))
        current = {
            "category": row.category,
            "text": row.text,
            "source": row.source,
            "active": row.active,
            "identified": row.identified.isoformat() if row.identified else None,
            "retired": row.retired.isoformat() if row.retired else None,
        }
        data = parse_accommodation({**current, **changes}, "")
        row.category, row.text, row.identified, row.source = data.category, data.text, data.identified, data.source
        row.active, row.retired, row.updated_by = data.active, data.retired, actor


def retire_accommodation(db: Database, accommodation_id: int, on: date, actor: str | None = None) -> None:
    """The need no longer applies from ``on``; it stays in the record as retired."""
    update_accommodation(db, accommodation_id, {"active": False, "retired": on.isoformat()}, actor)


# ---- goals and progression ---------------------------------------------------------------------


@access.requires(Permission.EDIT)
def add_goal(db: Database, citizen_ref: str, fields: dict[str, Any], actor: str | None = None) -> int:
    data = parse_goal(fields, "")
    with audited(db, Permission.EDIT, audit.CREATE, "add a goal") as s:
        row = by_ref(s, m.Citizen, citizen_ref)
        goal = mapping.goals_in((data,), actor)[0]
        goal.position = len(row.goals)
        row.goals.append(goal)
        s.flush()
        return goal.id


@access.requires(Permission.EDIT)
def add_score(db: Database, goal_id: int, fields: dict[str, Any], actor: str | None = None) -> int:
    """A progression score -5..5 on a date by one assessor (citizen, mentor or consultant)."""
    data = parse_score(fields, "")
    with audited(db, Permission.EDIT, audit.CREATE, "add a progression score") as s:
        goal = s.get(m.Goal, goal_id)
        if goal is None:
            raise NotFoundError("goal", str(goal_id))
        if any(x.day == data.day and x.assessor == data.assessor for x in goal.scores):
            raise ValidationError("date", code="score_exists", day=data.day.isoformat())
        score = m.GoalScore(day=data.day, score=data.score, assessor=data.assessor, position=len(goal.scores))
        goal.scores.append(score)
        goal.updated_by = actor
        s.flush()
        return score.id


# ---- undo counterparts (the goals screen) ------------------------------------------------------


@access.requires(Permission.EDIT)
def remove_goal(db: Database, goal_id: int, actor: str | None = None) -> dict[str, Any]:
    """Remove a goal with its sub-goals and scores (the undo of :func:`add_goal`).

    Returns what :func:`restore_goal` needs to put it back with the same id and position:
    ``{"citizen": ref, "id": ..., "position": ..., "goal": case-file fields}``.
    """
    with audited(db, Permission.EDIT, audit.DELETE, "remove a goal") as s:
        goal = s.get(m.Goal, goal_id)
        if goal is None:
            raise NotFoundError("goal", str(goal_id))
        citizen = s.get(m.Citizen, goal.citizen_id)
        assert citizen is not None
        fields: dict[str, Any] = {
            "area": goal.area,
            "text": goal.text,
            "subgoals": [x.text for x in goal.subgoals],
            "scores": [_score_fields(x) for x in goal.scores],
        }
        removed = {"citizen": citizen.ref, "id": goal.id, "position": goal.position, "goal": fields}
        citizen.goals.remove(goal)
        citizen.updated_by = actor
        return removed


@access.requires(Permission.EDIT)
def restore_goal(db: Database, removed: dict[str, Any], actor: str | None = None) -> int:
    """Put back a goal that :func:`remove_goal` removed, under its old id (so later edits that name
    the id, e.g. a redone score, still find it). Returns the id."""
    data = parse_goal(removed["goal"], "")
    goal_id = int(removed["id"])
    with audited(db, Permission.EDIT, audit.CREATE, "restore a goal") as s:
        if s.get(m.Goal, goal_id) is not None:
            raise ValidationError("goal", code="goal_exists", goal=goal_id)
        row = by_ref(s, m.Citizen, str(removed["citizen"]))
        goal = mapping.goals_in((data,), actor)[0]
        goal.id, goal.position = goal_id, int(removed["position"])
        row.goals.append(goal)
        s.flush()
        return goal_id


@access.requires(Permission.EDIT)
def remove_score(
    db: Database, goal_id: int, day: str, assessor: str | None, actor: str | None = None
) -> dict[str, Any]:
    """Remove one assessor's score of a date (the undo of :func:`add_score`); returns its fields and
    position for :func:`restore_score`."""
    with audited(db, Permission.EDIT, audit.DELETE, "remove a score") as s:
        goal = s.get(m.Goal, goal_id)
        if goal is None:
            raise NotFoundError("goal", str(goal_id))
        found = next((x for x in goal.scores if x.day.isoformat() == day and x.assessor == assessor), None)
        if found is None:
            raise ValidationError("date", code="no_score", day=day, assessor=assessor or "no named assessor")
        out = {**_score_fields(found), "position": found.position}
        goal.scores.remove(found)
        goal.updated_by = actor
        return out


@access.requires(Permission.EDIT)
def restore_score(db: Database, goal_id: int, removed: dict[str, Any], actor: str | None = None) -> int:
    """Put back a score that :func:`remove_score` removed, in its old place among same-day scores."""
    data = parse_score({k: v for k, v in removed.items() if k != "position"}, "")
    with audited(db, Permission.EDIT, audit.CREATE, "restore a score") as s:
        goal = s.get(m.Goal, goal_id)
        if goal is None:
            raise NotFoundError("goal", str(goal_id))
        if any(x.day == data.day and x.assessor == data.assessor for x in goal.scores):
            raise ValidationError("date", code="score_exists", day=data.day.isoformat())
        score = m.GoalScore(
            day=data.day,
            score=data.score,
            assessor=data.assessor,
            position=int(removed.get("position", len(goal.scores))),
        )
        goal.scores.append(score)
        goal.updated_by = actor
        s.flush()
        return score.id


def _score_fields(score: m.GoalScore) -> dict[str, Any]:
    out: dict[str, Any] = {"date": score.day.isoformat(), "score": score.score}
    if score.assessor is not None:
        out["assessor"] = score.assessor
    return out


@access.requires(Permission.EDIT)
def remove_accommodation(db: Database, accommodation_id: int) -> None:
    """Delete an accommodation need just added (the undo of adding it). Use retire otherwise."""
    with audited(db, Permission.EDIT, audit.DELETE, "remove an accommodation need") as s:
        row = s.get(m.Accommodation, accommodation_id)
        if row is None:
            raise NotFoundError("accommodation", str(accommodation_id))
        s.delete(row)


@access.requires(Permission.EDIT)
def discard_citizen(db: Database, ref: str) -> None:
    """Delete a citizen with nothing recorded yet (the undo of creating one); otherwise refuse."""
    with audited(db, Permission.EDIT, audit.DELETE, "discard a citizen") as s:
        row = by_ref(s, m.Citizen, ref)
        if row.placements or row.followups or row.referrals or row.goals or row.accommodations:
            raise ValidationError("ref", code="citizen_has_records", ref=ref)
        s.delete(row)


@access.requires(Permission.EDIT)
def set_referral(db: Database, referral_id: int, fields: dict[str, Any], actor: str | None = None) -> None:
    """Replace a referral's fields (programme, start, end, extensions, end_reason); used by undo."""
    data = parse_referral(fields, "")
    with audited(db, Permission.EDIT, audit.CHANGE, "change a referral") as s:
        row = _referral(s, referral_id)
        row.programme, row.start, row.end, row.end_reason = data.programme, data.start, data.end, data.end_reason
        mapping.set_referral_outcome(row, data.outcome)
        row.extensions = [m.ReferralExtension(new_end=e) for e in data.extensions]
        row.updated_by = actor


@access.requires(Permission.EDIT)
def remove_referral(db: Database, referral_id: int) -> None:
    """Delete a referral just added (the undo of adding it)."""
    with audited(db, Permission.EDIT, audit.DELETE, "remove a referral") as s:
        s.delete(_referral(s, referral_id))
