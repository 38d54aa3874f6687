"""What the whole-archive export reads in bulk, as plain rows (no ORM object): the citizens' parts, a query per
table for a batch of citizens, and the attendance records (a million at 1x) made JSON straight from their rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.domain import casefile as cf
from placement_desk.domain import profile as pf
from placement_desk.domain.numbers import hours_value
from placement_desk.domain.outcomes import Outcome

_IN_BATCH = 500  # placement ids per IN (...) list


def attendance_json(session: Session, placement_ids: Iterable[int]) -> dict[int, list[cf.Json]]:
    """The placements' attendance as case-file JSON (``casefile.attendance_json`` of each record) by
    placement id, in date order."""
    a = m.AttendanceRecord
    # The day as the driver gives it: SQLite's ISO text as it is (no date made and written back), a date elsewhere.
    day = type_coerce(a.day, String)
    hours: dict[int, Any] = {}
    out: dict[int, list[cf.Json]] = {}
    ids = sorted(placement_ids)
    for start in range(0, len(ids), _IN_BATCH):
        query = (select(a.placement_id, day, a.status, a.minutes, a.reason, a.note)
                 .where(a.placement_id.in_(ids[start : start + _IN_BATCH])).order_by(a.placement_id, a.day))  # fmt: skip
        pid_now, rows = None, None
        for pid, d, status, minutes, reason, note in session.execute(query):
            if pid != pid_now:
                pid_now, rows = pid, out.setdefault(pid, [])
            value = hours.get(minutes)
            if value is None:
                value = hours[minutes] = hours_value(minutes)
            record: cf.Json = {"date": d if type(d) is str else _iso(d), "status": status, "hours": value}
            if reason is not None:
                record["reason"] = reason
            if note is not None:
                record["note"] = note
            rows.append(record)  # type: ignore[union-attr]
    return out


def _iso(d: date | str) -> str:
    return d if isinstance(d, str) else d.isoformat()


def citizens_out(session: Session, ids: list[int]) -> dict[int, cf.Citizen]:
    """The citizens with these ids as case-file data without their attendance (read by
    :func:`attendance_json`): what ``mapping.citizen_out`` gives for each, read as plain rows, a query per
    table for them all, in the order of the ORM's relationships."""
    if not ids:
        return {}
    reader = _Rows(session, ids)
    c = m.Citizen
    out: dict[int, cf.Citizen] = {}
    for cid, ref, name, cpr, birth_year, benefit, caseworker, job_goal, own_view, network, wishes in session.execute(
        select(c.id, c.ref, c.name, c.cpr, c.birth_year, c.benefit, c.caseworker, c.job_goal, c.own_view, c.network,
               c.wishes).where(c.id.in_(ids))
    ):  # fmt: skip
        out[cid] = cf.canonical_citizen(cf.Citizen(
            ref=ref, name=name, cpr=cpr, birth_year=birth_year, benefit=benefit, caseworker=caseworker,
            job_goal=job_goal, own_view=own_view, referrals=reader.referrals.get(cid, ()),
            placements=reader.placements.get(cid, ()), accommodations=reader.accommodations.get(cid, ()),
            followups=reader.followups.get(cid, ()), goals=reader.goals.get(cid, ()),
            profile=reader.profile(cid, network, wishes), observations=reader.observations.get(cid, ()),
        ))  # fmt: skip
    return out


class _Rows:
    """Every part of a batch of citizens, by citizen id (and placement refs by id for the references)."""

    def __init__(self, session: Session, ids: list[int]) -> None:
        self.session, self.ids = session, ids
        self.placement_refs: dict[int, str] = {}
        self.referrals = self._referrals()
        self.placements = self._placements()
        self.accommodations = self._accommodations()
        self.followups = self._followups()
        self.goals = self._goals()
        self.items = self._profile_items()
        self.observations = self._observations()

    def _by_parent(self, query: Any) -> dict[int, list[Any]]:
        out: dict[int, list[Any]] = {}
        for row in self.session.execute(query):
            out.setdefault(row[0], []).append(row[1:])
        return out

    def _children(
        self, model: Any, parent: Any, parents: Iterable[int], *columns: Any, order: tuple[Any, ...]
    ) -> dict[int, list[Any]]:
        keys = list(parents)
        out: dict[int, list[Any]] = {}
        for start in range(0, len(keys), _IN_BATCH):
            part = keys[start : start + _IN_BATCH]
            for parent_id, rows in self._by_parent(
                select(parent, *columns).where(parent.in_(part)).order_by(parent, *order)
            ).items():
                out.setdefault(parent_id, []).extend(rows)
        return out

    def _referrals(self) -> dict[int, tuple[cf.Referral, ...]]:
        r = m.Referral
        rows = self._children(r, r.citizen_id, self.ids, r.id, r.programme, r.start, r.end, r.end_reason,
                              r.outcome_kind, r.outcome_date, r.outcome_note, order=(r.position,))  # fmt: skip
        e = m.ReferralExtension
        extensions = self._children(e, e.referral_id, [row[0] for rs in rows.values() for row in rs], e.new_end,
                                    order=(e.new_end,))  # fmt: skip
        return {
            cid: tuple(
                cf.Referral(programme, start, end, tuple(x for (x,) in extensions.get(rid, ())), end_reason,
                            Outcome(kind, day, note) if kind is not None and day is not None else None)
                for rid, programme, start, end, end_reason, kind, day, note in rs
            )
            for cid, rs in rows.items()
        }  # fmt: skip

    def _placements(self) -> dict[int, tuple[cf.Placement, ...]]:
        p = m.Placement
        rows = self._children(
            p, p.citizen_id, self.ids, p.id, p.ref, p.company_id, p.type, p.start, p.purpose, p.end, p.end_reason,
            p.workplace_mentor_id, p.archived_at, p.outcome_kind, p.outcome_date, p.outcome_note, p.outcome_hired,
            p.outcome_hired_minutes, order=(p.id,),
        )  # fmt: skip
        for rs in rows.values():
            self.placement_refs.update((row[0], row[1]) for row in rs)
        live = [row for rs in rows.values() for row in rs if row[9] is None]
        pids = [row[0] for row in live]
        companies = dict(self.session.execute(select(m.Company.id, m.Company.ref).where(
            m.Company.id.in_({row[2] for row in live}))).all()) if live else {}  # fmt: skip
        mentors = {row[8] for row in live if row[8] is not None}
        contacts = dict(self.session.execute(select(m.Contact.id, m.Contact.ref).where(m.Contact.id.in_(mentors))).all()) if mentors else {}  # fmt: skip
        t, s, a, k = m.PlacementTask, m.ScheduleStep, m.CapacityAssessment, m.CapacityTask
        tasks = self._children(t, t.placement_id, pids, t.text, order=(t.position,))
        steps = self._children(s, s.placement_id, pids, s.valid_from, s.mon, s.tue, s.wed, s.thu, s.fri, s.sat, s.sun,
                               s.paid_per_week, order=(s.valid_from,))  # fmt: skip
        assessments = self._children(a, a.placement_id, pids, a.id, a.day, a.effectiveness_cpct, a.note, order=(a.day,))
        parts = self._children(k, k.assessment_id, [row[0] for rs in assessments.values() for row in rs], k.name,
                               k.time_share_pct, k.tempo_pct, k.quality_pct, order=(k.position,))  # fmt: skip
        out: dict[int, tuple[cf.Placement, ...]] = {}
        for cid, rs in rows.items():
            out[cid] = tuple(
                cf.Placement(
                    ref=ref, company=companies[company], type=type_, start=start, purpose=purpose, end=end,
                    end_reason=end_reason, tasks=tuple(x for (x,) in tasks.get(pid, ())),
                    workplace_mentor=contacts[mentor] if mentor is not None else None,
                    schedule=tuple(cf.ScheduleStep(row[0], tuple(row[1:8]), row[8]) for row in steps.get(pid, ())),
                    capacity=tuple(cf.CapacityAssessment(day, cpct, note, tuple(cf.CapacityTask(*x) for x in parts.get(aid, ())))
                                   for aid, day, cpct, note in assessments.get(pid, ())),
                    outcome=Outcome(kind, oday, onote, hired, hired_minutes) if kind is not None and oday is not None else None,
                )
                for pid, ref, company, type_, start, purpose, end, end_reason, mentor, archived, kind, oday, onote, hired,
                hired_minutes in rs if archived is None
            )  # fmt: skip
        return out

    def _accommodations(self) -> dict[int, tuple[cf.Accommodation, ...]]:
        a = m.Accommodation
        rows = self._children(a, a.citizen_id, self.ids, a.category, a.text, a.identified, a.source, a.active,
                              a.retired, order=(a.position,))  # fmt: skip
        return {cid: tuple(cf.Accommodation(*row) for row in rs) for cid, rs in rows.items()}

    def _followups(self) -> dict[int, tuple[cf.Followup, ...]]:
        f, k = m.Followup, m.FollowupCorrection
        rows = self._children(f, f.citizen_id, self.ids, f.id, f.day, f.kind, f.placement_id, f.participants, f.note,
                              f.citizen_view, f.agreed_changes, f.topics, f.finalised_at, f.headings,
                              order=(f.day, f.id))  # fmt: skip
        corrections = self._children(k, k.followup_id, [row[0] for rs in rows.values() for row in rs], k.day, k.author,
                                     k.text, order=(k.id,))  # fmt: skip
        refs = self._refs({row[3] for rs in rows.values() for row in rs if row[3] is not None})
        out: dict[int, tuple[cf.Followup, ...]] = {}
        for cid, rs in rows.items():
            out[cid] = tuple(
                cf.Followup(
                    day=day, kind=kind, placement=refs[pid] if pid is not None else None,
                    participants=tuple(participants or ()), note=note, citizen_view=view, agreed_changes=agreed,
                    topics=tuple((t, (topics or {})[t]) for t in cf.FOLLOWUP_TOPICS if (topics or {}).get(t)),
                    finalised=finalised is not None,
                    corrections=tuple(cf.Correction(*x) for x in corrections.get(fid, ())),
                    headings=tuple(headings or ()),
                )
                for fid, day, kind, pid, participants, note, view, agreed, topics, finalised, headings in rs
            )  # fmt: skip
        return out

    def _goals(self) -> dict[int, tuple[cf.Goal, ...]]:
        g, s, sc = m.Goal, m.SubGoal, m.GoalScore
        rows = self._children(g, g.citizen_id, self.ids, g.id, g.area, g.text, order=(g.position,))
        gids = [row[0] for rs in rows.values() for row in rs]
        subgoals = self._children(s, s.goal_id, gids, s.text, order=(s.position,))
        scores = self._children(sc, sc.goal_id, gids, sc.day, sc.score, sc.assessor, order=(sc.day, sc.position))
        return {
            cid: tuple(cf.Goal(area, text, tuple(x for (x,) in subgoals.get(gid, ())),
                               tuple(cf.Score(*x) for x in scores.get(gid, ()))) for gid, area, text in rs)
            for cid, rs in rows.items()
        }  # fmt: skip

    def _profile_items(self) -> dict[int, list[Any]]:
        i = m.ProfileItem
        return self._children(i, i.citizen_id, self.ids, i.kind, i.text, i.date_from, i.date_to, i.end_reason,
                              i.outcome, i.source, order=(i.kind, i.position, i.id))  # fmt: skip

    def profile(self, cid: int, network: str | None, wishes: str | None) -> pf.Profile:
        lists: dict[str, list[pf.ProfileItem]] = {k: [] for k in pf.PROFILE_LISTS}
        for kind, *item in self.items.get(cid, ()):
            if kind in lists:
                lists[kind].append(pf.ProfileItem(*item))
        return pf.Profile(**{k: tuple(v) for k, v in lists.items()}, network=network, wishes=wishes)

    def _observations(self) -> dict[int, tuple[pf.Observation, ...]]:
        o = m.Observation
        rows = self._children(o, o.citizen_id, self.ids, o.day, o.heading, o.observed_by, o.text, o.placement_id,
                              order=(o.day, o.id))  # fmt: skip
        refs = self._refs({row[4] for rs in rows.values() for row in rs if row[4] is not None})
        return {
            cid: tuple(pf.Observation(day, heading, by, text, refs[pid] if pid is not None else None)
                       for day, heading, by, text, pid in rs)
            for cid, rs in rows.items()
        }  # fmt: skip

    def _refs(self, pids: set[int]) -> dict[int, str]:
        """Placement refs by id (a follow-up may name a placement that is archived, or another citizen's)."""
        missing = sorted(pids - self.placement_refs.keys())
        for start in range(0, len(missing), _IN_BATCH):
            part = missing[start : start + _IN_BATCH]
            self.placement_refs.update(self.session.execute(select(m.Placement.id, m.Placement.ref).where(m.Placement.id.in_(part))).all())  # fmt: skip
        return self.placement_refs
