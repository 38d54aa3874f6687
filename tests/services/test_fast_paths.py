"""The fast paths taken for speed (issue 6) give the same answers as the slow, obvious ones: the start-up
schema check agrees with Alembic, the Danish holidays with ``holidays.country_holidays``, and the
SQL-aggregated dashboard with the figures engine (spec section 2) run placement by placement."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

from placement_desk.db.engine import Database
from placement_desk.db.migrate import head_revision, upgrade
from placement_desk.db.schema_head import at_head, script_head


def test_script_head_is_alembics_head() -> None:
    assert script_head() == head_revision()


def test_at_head_only_when_migrated(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    assert not at_head(db.engine)  # empty file: no alembic_version yet
    upgrade(db)
    assert at_head(db.engine)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    assert not at_head(db.engine)
    db.dispose()


def test_open_database_migrates_a_new_file(tmp_path: Path) -> None:
    from placement_desk.app import open_database

    db = open_database(f"sqlite:///{tmp_path / 'new.db'}")
    assert at_head(db.engine)
    db.dispose()


def test_danish_holidays_agree_with_the_holidays_package() -> None:
    import holidays

    from placement_desk.domain.plan import danish_holidays

    for year in range(2000, 2041):
        assert danish_holidays(year) == frozenset(holidays.country_holidays("DK", years=year).keys()), year


def reference_dashboard(db: Database, on: date) -> list[tuple[object, ...]]:
    """The dashboard's placement and referral tasks the obvious way: the ORM and the figures engine
    (``compute``) over the four weeks, placement by placement (what the SQL aggregate replaced)."""
    from datetime import timedelta

    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from placement_desk.db import models as m
    from placement_desk.domain.figures import compute
    from placement_desk.domain.plan import PlacementPlan, Record, Step
    from placement_desk.domain.vocab import Status
    from placement_desk.services import dashboard as d

    first, last = on - d.WINDOW, on - timedelta(days=1)
    out: list[tuple[object, ...]] = []
    with db.reading() as s:
        for p in s.scalars(
            select(m.Placement)
            .join(m.Citizen, m.Placement.citizen_id == m.Citizen.id)
            .where(m.Placement.archived_at.is_(None), m.Citizen.archived_at.is_(None))
            .where(m.Placement.start <= on, (m.Placement.end.is_(None)) | (m.Placement.end >= on))
            .options(selectinload(m.Placement.citizen).selectinload(m.Citizen.followups),
                     selectinload(m.Placement.schedule), selectinload(m.Placement.attendance))  # fmt: skip
        ):
            c = p.citizen
            held = [f.day for f in c.followups if f.placement_id in (None, p.id) and f.day <= on]
            due = max(max(held, default=p.start), p.start) + d.FOLLOWUP_INTERVAL
            if due < on:
                out.append(("followup_overdue", c.ref, p.ref, due, None))
            elif due <= on + d.DUE_SOON:
                out.append(("followup_due", c.ref, p.ref, due, None))
            records = {a.day: Record(a.day, Status(a.status), a.minutes, a.reason)
                       for a in p.attendance if first <= a.day <= last}  # fmt: skip
            steps = [Step(x.valid_from, x.minutes, x.paid_per_week) for x in p.schedule]
            total = compute([PlacementPlan(p.ref, p.start, p.end, steps, records)], first, last, on).total
            if total.attendance_rate is not None and total.attendance_rate < d.LOW_ATTENDANCE:
                out.append(("low_attendance", c.ref, p.ref, None, float(total.attendance_rate)))
            if total.unregistered_days:
                out.append(("unregistered", c.ref, p.ref, None, float(total.unregistered_days)))
            if p.workplace_mentor_id is None:
                out.append(("no_mentor", c.ref, p.ref, p.start, None))
        for r in s.scalars(select(m.Referral).options(selectinload(m.Referral.extensions))):
            end = r.extensions[-1].new_end if r.extensions else r.end
            citizen = s.get(m.Citizen, r.citizen_id)
            assert citizen is not None
            if citizen.archived_at is None and r.end_reason is None and end and on <= end <= on + d.REFERRAL_HORIZON:
                out.append(("referral_ending", citizen.ref, None, end, None))
    return sorted(out, key=repr)


def dashboard_facts(db: Database, on: date) -> list[tuple[object, ...]]:
    from placement_desk.services.dashboard import dashboard

    return sorted(((t.kind, t.citizen_ref, t.placement_ref, t.when, t.value) for t in dashboard(db, on)), key=repr)


def test_the_sql_dashboard_equals_the_figures_engine_on_the_demo_data(tmp_path: Path) -> None:
    from placement_desk.services.demo import load_demo

    db = Database(f"sqlite:///{tmp_path / 'demo.db'}")
    upgrade(db)
    load_demo(db)
    days = [date(2026, 11, 23) - timedelta(days=k * 23) for k in range(60)]  # holidays, weekends, ramps
    checked = 0
    for on in days:
        expected = reference_dashboard(db, on)
        assert dashboard_facts(db, on) == expected, on
        checked += len(expected)
    assert checked > 50
    db.dispose()


def test_the_sql_dashboard_equals_the_figures_engine_on_generated_data(tmp_path: Path) -> None:
    from bench import generate

    path = generate.ensure_database(generate.TINY, cache=tmp_path, log=lambda _: None)
    db = Database(f"sqlite:///{path}")
    kinds = set()
    for on in [generate.TODAY - timedelta(days=k * 61) for k in range(20)]:
        expected = reference_dashboard(db, on)
        assert dashboard_facts(db, on) == expected, on
        kinds |= {e[0] for e in expected}
    assert {"followup_overdue", "low_attendance", "unregistered"} <= kinds
    db.dispose()
