"""Typed values for the placement and follow-up use cases from the case-file fields tests write
(read by the domain's own parsers, so a bad field fails as it would in a form or a file)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_parse import parse_capacity, parse_followup, parse_placement, parse_step
from placement_desk.services import followups, placements


def placement(fields: dict[str, Any]) -> cf.Placement:
    """A new placement; without a ``ref`` the use case gives it the next free one."""
    ref = fields.get("ref") or placements.NEW
    return replace(parse_placement({**fields, "ref": ref or "new"}, ""), ref=ref)


def placement_change(db: Database, ref: str, changes: dict[str, Any]) -> cf.Placement:
    """A placement's own fields as they are now, with ``changes`` (case-file form) made."""
    current, _version = placements.placement_fields(db, ref)
    return parse_placement({**cf.placement_json(current), **changes}, "")


def step(fields: dict[str, Any]) -> cf.ScheduleStep:
    return parse_step(fields, "")


def capacity(fields: dict[str, Any]) -> cf.CapacityAssessment:
    return parse_capacity(fields, "")


def followup(fields: dict[str, Any]) -> cf.Followup:
    return parse_followup(fields, "")


def followup_change(db: Database, followup_id: int, changes: dict[str, Any]) -> cf.Followup:
    """A follow-up as it is now, with ``changes`` (case-file form) made."""
    current, _version = followups.followup_fields(db, followup_id)
    return parse_followup({**cf.followup_json(current), **changes}, "")


def contact(fields: dict[str, Any]) -> cf.Contact:
    """A new contact (its ref to come)."""
    return cf.Contact(ref="", name=fields["name"], role=fields.get("role"), phone=fields.get("phone"),
                      email=fields.get("email"))  # fmt: skip
