"""The ORM models: everything of a citizen's path. Hours are integer minutes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from placement_desk.db.base import Base, Tracked, UTCDateTime

CASCADE = "all, delete-orphan"


class User(Tracked, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(30))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # A workplace mentor's own company: the only placements they see and log attendance for.
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))


class LoginFailure(Base):
    """A failed sign-in; three for one user name within 24 hours lock it (see services.users)."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)


class AuditEntry(Base):
    """One row of the append-only, hash-chained audit log (see services.audit).

    ``details`` (JSON text) may hold personal data (a search criterion, before/after values); erasure of
    a citizen blanks it but keeps ``details_sha256``, so the chain still verifies.
    """

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False, index=True)
    username: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(30), index=True)
    citizen_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no foreign key: survives erasure
    details: Mapped[str | None] = mapped_column(Text)
    details_sha256: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class AuditAnchor(Base):
    """The hash the oldest kept audit row chains to (the last row removed by the retention rule)."""

    __tablename__ = "audit_anchor"
    id: Mapped[int] = mapped_column(primary_key=True)
    hash: Mapped[str] = mapped_column(String(64))


class Company(Tracked, Base):
    __tablename__ = "companies"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    cvr: Mapped[str | None] = mapped_column(String(8))
    industry: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    internal: Mapped[bool] = mapped_column(Boolean, default=False)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="company", cascade=CASCADE, order_by="Contact.position"
    )


class Contact(Tracked, Base):
    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("company_id", "ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    ref: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(50))
    phone: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    company: Mapped[Company] = relationship(back_populates="contacts")


class Citizen(Tracked, Base):
    __tablename__ = "citizens"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    cpr: Mapped[str | None] = mapped_column(String(11))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    benefit: Mapped[str | None] = mapped_column(String(200))
    caseworker: Mapped[str | None] = mapped_column(String(200))
    job_goal: Mapped[str | None] = mapped_column(String(300))
    own_view: Mapped[str | None] = mapped_column(Text)
    network: Mapped[str | None] = mapped_column(Text)  # profile (spec 1b)
    wishes: Mapped[str | None] = mapped_column(Text)  # profile (spec 1b)
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    referrals: Mapped[list[Referral]] = relationship(cascade=CASCADE, order_by="Referral.position")
    placements: Mapped[list[Placement]] = relationship(back_populates="citizen", cascade=CASCADE)
    accommodations: Mapped[list[Accommodation]] = relationship(cascade=CASCADE, order_by="Accommodation.position")
    followups: Mapped[list[Followup]] = relationship(cascade=CASCADE, order_by="(Followup.day, Followup.id)")
    goals: Mapped[list[Goal]] = relationship(cascade=CASCADE, order_by="Goal.position")
    profile_items: Mapped[list[ProfileItem]] = relationship(
        cascade=CASCADE, order_by="(ProfileItem.kind, ProfileItem.position)"
    )
    observations: Mapped[list[Observation]] = relationship(
        cascade=CASCADE, order_by="(Observation.day, Observation.id)"
    )
    dossier_texts: Mapped[list[DossierText]] = relationship(cascade=CASCADE, order_by="DossierText.id")


class Referral(Tracked, Base):
    __tablename__ = "referrals"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    programme: Mapped[str] = mapped_column(String(300))
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # What it led to (issue 18; an OutcomeKind value), its date and a note.
    outcome_kind: Mapped[str | None] = mapped_column(String(30))
    outcome_date: Mapped[date | None] = mapped_column(Date)
    outcome_note: Mapped[str | None] = mapped_column(Text)
    extensions: Mapped[list[ReferralExtension]] = relationship(cascade=CASCADE, order_by="ReferralExtension.new_end")


class ReferralExtension(Base):
    __tablename__ = "referral_extensions"
    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referrals.id", ondelete="CASCADE"), index=True)
    new_end: Mapped[date] = mapped_column(Date)


class Placement(Tracked, Base):
    __tablename__ = "placements"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(80), unique=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), index=True)
    type: Mapped[str] = mapped_column(String(30))
    purpose: Mapped[str | None] = mapped_column(String(30))
    start: Mapped[date] = mapped_column(Date, index=True)  # the Forløb page reads newest first (0010)
    end: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)
    workplace_mentor_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # What it led to (issue 18): kind, date, note, and whether the company hired the citizen (weekly minutes).
    outcome_kind: Mapped[str | None] = mapped_column(String(30))
    outcome_date: Mapped[date | None] = mapped_column(Date)
    outcome_note: Mapped[str | None] = mapped_column(Text)
    outcome_hired: Mapped[bool | None] = mapped_column(Boolean)
    outcome_hired_minutes: Mapped[int | None] = mapped_column(Integer)
    citizen: Mapped[Citizen] = relationship(back_populates="placements")
    company: Mapped[Company] = relationship()
    workplace_mentor: Mapped[Contact | None] = relationship()
    tasks: Mapped[list[PlacementTask]] = relationship(cascade=CASCADE, order_by="PlacementTask.position")
    schedule: Mapped[list[ScheduleStep]] = relationship(cascade=CASCADE, order_by="ScheduleStep.valid_from")
    attendance: Mapped[list[AttendanceRecord]] = relationship(
        cascade=CASCADE, order_by="AttendanceRecord.day", passive_deletes=True
    )
    capacity: Mapped[list[CapacityAssessment]] = relationship(cascade=CASCADE, order_by="CapacityAssessment.day")


class PlacementTask(Base):
    __tablename__ = "placement_tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ScheduleStep(Tracked, Base):
    """A step of the hours plan: minutes per weekday from ``valid_from`` until the next step."""

    __tablename__ = "schedule_steps"
    __table_args__ = (UniqueConstraint("placement_id", "valid_from"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"))
    valid_from: Mapped[date] = mapped_column(Date)
    mon: Mapped[int] = mapped_column(Integer, default=0)
    tue: Mapped[int] = mapped_column(Integer, default=0)
    wed: Mapped[int] = mapped_column(Integer, default=0)
    thu: Mapped[int] = mapped_column(Integer, default=0)
    fri: Mapped[int] = mapped_column(Integer, default=0)
    sat: Mapped[int] = mapped_column(Integer, default=0)
    sun: Mapped[int] = mapped_column(Integer, default=0)
    paid_per_week: Mapped[int] = mapped_column(Integer, default=0)

    @property
    def minutes(self) -> tuple[int, int, int, int, int, int, int]:
        return (self.mon, self.tue, self.wed, self.thu, self.fri, self.sat, self.sun)


class AttendanceRecord(Tracked, Base):
    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("placement_id", "day"),
        Index("ix_attendance_day", "day"),
        # agreed absence alone (migration 0008): the results report reads these few records by it
        Index("ix_attendance_agreed", "placement_id", "day", "minutes", "status",
              sqlite_where=sql_text("status = 'absent_agreed'"), postgresql_where=sql_text("status = 'absent_agreed'")),
    )  # fmt: skip
    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    minutes: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    logged_by: Mapped[str | None] = mapped_column(String(80))
    logged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AttendanceWeeks(Base):
    """Derived, never entered: a placement's attendance summed by ISO week, as the results report groups
    it (services.results), kept by an earlier report so the next one need not group a million records
    again. On SQLite only (migration 0009): triggers on ``attendance`` delete a placement's row whenever
    one of its records is written, and a placement's deletion (erasure) deletes it with the placement.
    ``format`` names how ``weeks`` is packed; a row of another format is ignored."""

    __tablename__ = "attendance_weeks"
    placement_id: Mapped[int] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"), primary_key=True,
                                              autoincrement=False)  # fmt: skip
    format: Mapped[int] = mapped_column(Integer)
    weeks: Mapped[bytes] = mapped_column(LargeBinary)


class CapacityAssessment(Tracked, Base):
    __tablename__ = "capacity_assessments"
    __table_args__ = (UniqueConstraint("placement_id", "day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    effectiveness_cpct: Mapped[int] = mapped_column(Integer)  # hundredths of a percent
    note: Mapped[str | None] = mapped_column(Text)
    tasks: Mapped[list[CapacityTask]] = relationship(cascade=CASCADE, order_by="CapacityTask.position")


class CapacityTask(Base):
    """One task of a wage-value style assessment: share of time, tempo and quality."""

    __tablename__ = "capacity_tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("capacity_assessments.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    time_share_pct: Mapped[int] = mapped_column(Integer)
    tempo_pct: Mapped[int] = mapped_column(Integer)
    quality_pct: Mapped[int] = mapped_column(Integer)


class Accommodation(Tracked, Base):
    __tablename__ = "accommodations"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(30))
    identified: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    retired: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Followup(Tracked, Base):
    __tablename__ = "followups"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    placement_id: Mapped[int | None] = mapped_column(ForeignKey("placements.id", ondelete="SET NULL"), index=True)
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    participants: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)
    citizen_view: Mapped[str | None] = mapped_column(Text)
    agreed_changes: Mapped[str | None] = mapped_column(Text)
    topics: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    headings: Mapped[list[str] | None] = mapped_column(JSON, default=list)  # spec 1b: the note also belongs there
    finalised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finalised_by: Mapped[str | None] = mapped_column(String(80))
    placement: Mapped[Placement | None] = relationship()
    corrections: Mapped[list[FollowupCorrection]] = relationship(cascade=CASCADE, order_by="FollowupCorrection.id")
    # The dashboard's and the follow-ups page's window ("this citizen's follow-ups in these weeks"); the
    # Opfølgninger page's pages, newest first or in any column's order, found without reading the notes (0010).
    __table_args__ = (
        Index("ix_followups_citizen_day_placement", "citizen_id", "day", "placement_id"),
        Index("ix_followups_day_scope", "day", "finalised_at", "citizen_id", "kind", "placement_id"),
    )


class FollowupCorrection(Base):
    """A correction appended to a finalised follow-up (which itself never changes)."""

    __tablename__ = "followup_corrections"
    id: Mapped[int] = mapped_column(primary_key=True)
    followup_id: Mapped[int] = mapped_column(ForeignKey("followups.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    author: Mapped[str | None] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Goal(Tracked, Base):
    __tablename__ = "goals"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    area: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    subgoals: Mapped[list[SubGoal]] = relationship(cascade=CASCADE, order_by="SubGoal.position")
    scores: Mapped[list[GoalScore]] = relationship(cascade=CASCADE, order_by="(GoalScore.day, GoalScore.position)")


class SubGoal(Base):
    __tablename__ = "subgoals"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class GoalScore(Base):
    """A progression score -5..5 on a date, by one assessor (citizen, mentor or consultant)."""

    __tablename__ = "goal_scores"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    score: Mapped[int] = mapped_column(Integer)
    assessor: Mapped[str | None] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProfileItem(Tracked, Base):
    """A line of the citizen's history (spec 1b): education, job, benefit, treatment or earlier effort.

    Dates are kept as written: a year, a month or a day (``2010``, ``2010-08``, ``2010-08-15``).
    """

    __tablename__ = "profile_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))  # education | work_history | benefits | treatment | earlier_efforts
    position: Mapped[int] = mapped_column(Integer, default=0)
    date_from: Mapped[str | None] = mapped_column(String(10))
    date_to: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    end_reason: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(30))


class Observation(Tracked, Base):
    """A dated observation under one heading of the preparatory part (spec 1b), by someone."""

    __tablename__ = "observations"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    placement_id: Mapped[int | None] = mapped_column(ForeignKey("placements.id", ondelete="SET NULL"), index=True)
    day: Mapped[date] = mapped_column(Date)
    heading: Mapped[str] = mapped_column(String(30))
    observed_by: Mapped[str] = mapped_column(String(30))  # citizen | mentor | consultant | workplace_mentor | other
    text: Mapped[str] = mapped_column(Text)
    placement: Mapped[Placement | None] = relationship()


class DossierText(Tracked, Base):
    """The consultant's text under one heading of a template, for one citizen (the Beskrivelse tab)."""

    __tablename__ = "dossier_texts"
    __table_args__ = (UniqueConstraint("citizen_id", "template", "heading"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    template: Mapped[str] = mapped_column(String(80))
    heading: Mapped[str] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text)


class IssuedDocument(Base):
    """A dossier or absence overview as it was issued (sent): never changed, so it can be proven later."""

    __tablename__ = "issued_documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    citizen_id: Mapped[int] = mapped_column(ForeignKey("citizens.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # dossier | absence
    period_from: Mapped[date] = mapped_column(Date)
    period_to: Mapped[date] = mapped_column(Date)
    recipient: Mapped[str | None] = mapped_column(String(300))
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), nullable=False)
    issued_by: Mapped[str | None] = mapped_column(String(80))
    summary_json: Mapped[str] = mapped_column(Text)  # the dossier summary (spec section 3) as issued
    assessment: Mapped[str | None] = mapped_column(Text)
    recommendation: Mapped[str | None] = mapped_column(Text)
    template_key: Mapped[str | None] = mapped_column(String(80))  # the headings it was written under
    template_version: Mapped[int | None] = mapped_column(Integer)
    incomplete_reason: Mapped[str | None] = mapped_column(Text)  # why it went out with something missing
    incomplete_items: Mapped[list[str] | None] = mapped_column(JSON)  # what was missing, as the check named it
    files: Mapped[list[IssuedFile]] = relationship(cascade=CASCADE, order_by="IssuedFile.id")


class IssuedFile(Base):
    """One file of an issued document, byte for byte as it left the app (encrypted if it was)."""

    __tablename__ = "issued_files"
    __table_args__ = (UniqueConstraint("document_id", "format"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("issued_documents.id", ondelete="CASCADE"), index=True)
    format: Mapped[str] = mapped_column(String(10))  # pdf | xlsx | json
    filename: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    protected: Mapped[bool] = mapped_column(Boolean, default=False)
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
