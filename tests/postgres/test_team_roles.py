"""The team server enforces the roles itself: one login per person, grants and row-level security.

A database set up by ``placement-desk setup`` as its owner; a consultant, a mentor, a workplace mentor
(at co-saxo, where DC is placed; JA is at co-kids) and a case worker made in the app as separate
logins. Each role's plain SQL session (psycopg, not the app) can read and change exactly what the app
lets that role read and change.
"""

from __future__ import annotations

import copy
import itertools
import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import psycopg
import pytest
from psycopg import errors as pgerr
from sqlalchemy import event
from sqlalchemy.orm import Session

from placement_desk.cli.main import main
from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.domain.errors import AccessDenied, NotFoundError, ValidationError
from placement_desk.domain.roles import Role
from placement_desk.services import attendance, audit, citizens, mentor, observations, privacy, signin, users, views
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.observations import WorkplaceStatement
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen
from tests.postgres import server as pg
from tests.postgres.conftest import _admin

pytestmark = pytest.mark.postgres

_numbers = itertools.count(1)
PASSWORD = "kaffe og kage 42"
ADMIN, CONSULTANT, MENTOR, WPM, READER = "tr_admin", "tr_anna", "tr_mikkel", "tr_karim", "tr_sara"
PEOPLE = {CONSULTANT: Role.CONSULTANT, MENTOR: Role.MENTOR, WPM: Role.WORKPLACE_MENTOR, READER: Role.CASEWORKER}


@dataclass
class Team:
    server: pg.Server
    name: str
    owner: str
    owner_password: str

    @property
    def owner_url(self) -> str:
        return f"postgresql+psycopg://{self.owner}:{self.owner_password}@127.0.0.1:{self.server.port}/{self.name}"

    @property
    def url(self) -> str:
        """What the team shares: host and database, no user."""
        return f"postgresql+psycopg://127.0.0.1:{self.server.port}/{self.name}"

    def sql(self, user: str, password: str = PASSWORD) -> psycopg.Connection[Any]:
        """A plain SQL session of one login (autocommit: every statement on its own)."""
        return psycopg.connect(host="127.0.0.1", port=self.server.port, dbname=self.name, user=user,
                               password=password, autocommit=True)  # fmt: skip

    def as_owner(self) -> psycopg.Connection[Any]:
        return self.sql(self.owner, self.owner_password)

    def sign_in(self, user: str, password: str = PASSWORD) -> Database:
        return signin.sign_in(signin.target(self.url), user, password).db


def _new_team(server: pg.Server) -> Team:
    n = next(_numbers)
    t = Team(server, f"desk_team_{n}", f"desk_owner_{n}", secrets.token_hex(8))
    _admin(server, f"CREATE ROLE {t.owner} LOGIN CREATEROLE PASSWORD '{t.owner_password}'")
    _admin(server, f"CREATE DATABASE {t.name} OWNER {t.owner}")
    return t


def _setup(t: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str] | None = None) -> int:
    monkeypatch.setenv("PLACEMENT_DESK_USER", ADMIN)
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", PASSWORD)
    return main(["--db", t.owner_url, "setup"])


@pytest.fixture(scope="module")
def team(pg_server: pg.Server) -> Iterator[Team]:
    """One team database for the module: set up, the two citizens imported, the four people added."""
    t = _new_team(pg_server)
    with pytest.MonkeyPatch.context() as mp:
        assert _setup(t, mp) == 0
    admin = t.sign_in(ADMIN)
    try:
        jasmin = hybrid_citizen()
        jasmin["placements"][0]["attendance"] = [{"date": "2024-01-02", "status": "present", "hours": 4}]
        import_case_file(admin, case_file(ramp_down_citizen(), jasmin))
        for name, role in PEOPLE.items():
            users.create_user(admin, name, name.title(), role, PASSWORD,
                              company_ref="co-saxo" if role is Role.WORKPLACE_MENTOR else None)  # fmt: skip
    finally:
        admin.dispose()
    yield t


# ---- setup --------------------------------------------------------------------------------------------


def test_setup_makes_a_team_database_and_commands_wait_for_it(
    pg_server: pg.Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    t = _new_team(pg_server)
    monkeypatch.setenv("PLACEMENT_DESK_USER", "tr_first")
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", PASSWORD)
    # Before setup: a command refuses (exit 2) and says in Danish to run setup; nothing is created.
    assert main(["--db", t.owner_url, "demo"]) == 2
    err = capsys.readouterr().err
    assert "ingen administrator" in err and "setup" in err
    with t.as_owner() as conn:
        assert conn.execute("SELECT to_regclass('citizens')").fetchone() == (None,)
    # A password too short is bad input: exit 2, and still nothing.
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", "kort")
    assert main(["--db", t.owner_url, "setup"]) == 2
    assert "adgangskode" in capsys.readouterr().err
    with t.as_owner() as conn:
        assert conn.execute("SELECT to_regclass('citizens')").fetchone() == (None,)
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", PASSWORD)
    assert main(["--db", t.owner_url, "setup"]) == 0
    assert "tr_first" in capsys.readouterr().out
    # The first administrator signs in to the server with their own login; the URL names no user.
    assert main(["--db", t.url, "--user", "tr_first", "demo"]) == 0
    # Run again (an upgrade): idempotent, the administrator and the data stay.
    assert main(["--db", t.owner_url, "setup"]) == 0
    assert "opdateret" in capsys.readouterr().out
    db = t.sign_in("tr_first")
    try:
        assert [u.username for u in users.list_users(db)] == ["tr_first"]
        assert views.citizen_detail(db, "DC").citizen.ref == "DC"
        assert audit.verify_chain(db).ok
    finally:
        db.dispose()
    with t.as_owner() as conn:
        groups = {r[0] for r in conn.execute(
            "SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles u ON u.oid = a.member WHERE u.rolname = 'tr_first'")}  # fmt: skip
        assert groups == {"pd_administrator"}
    # A wrong password is refused by the server.
    with pytest.raises(signin.SignInFailed):
        t.sign_in("tr_first", "not the password")



def test_setup_turns_a_shared_url_database_into_a_team_database(
    pg_server: pg.Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A database used with one shared URL before: setup gives every user a login (the named
    administrator's with their password), drops the hashes, and a behind schema stops the people."""
    from placement_desk.db.migrate import upgrade
    from placement_desk.services import access

    t = _new_team(pg_server)
    legacy = Database(t.owner_url)
    try:
        upgrade(legacy)
        access.set_principal(legacy, users.create_user(legacy, "tr_old_admin", "Gammel", Role.ADMINISTRATOR, PASSWORD))
        users.create_user(legacy, "tr_old_anna", "Anna", Role.CONSULTANT, PASSWORD)
    finally:
        legacy.dispose()
    monkeypatch.setenv("PLACEMENT_DESK_USER", "tr_old_admin")
    monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", PASSWORD)
    assert main(["--db", t.owner_url, "setup"]) == 0
    with t.as_owner() as owner:
        assert owner.execute("SELECT count(*) FROM users WHERE password_hash IS NOT NULL").fetchone() == (0,)
    with pytest.raises(signin.SignInFailed):  # a login, but no password on the server yet
        t.sign_in("tr_old_anna")
    admin = t.sign_in("tr_old_admin")
    try:
        users.set_password(admin, "tr_old_anna", "nyt kodeord 123")
    finally:
        admin.dispose()
    anna = t.sign_in("tr_old_anna", "nyt kodeord 123")
    try:
        assert anna.principal is not None and anna.principal.role is Role.CONSULTANT
    finally:
        anna.dispose()
    # A schema behind this program: a person's login cannot migrate it; the command says who can.
    with t.as_owner() as owner:
        head = owner.execute("SELECT version_num FROM alembic_version").fetchone()
        owner.execute("UPDATE alembic_version SET version_num = '0001'")
    try:
        capsys.readouterr()
        monkeypatch.setenv("PLACEMENT_DESK_PASSWORD", "nyt kodeord 123")
        assert main(["--db", t.url, "--user", "tr_old_anna", "demo"]) == 1
        assert "opgraderes" in capsys.readouterr().err
    finally:
        with t.as_owner() as owner:
            owner.execute("UPDATE alembic_version SET version_num = %s", head)

def test_setup_is_only_for_the_owner(team: Team, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql+psycopg://{CONSULTANT}:{PASSWORD.replace(' ', '%20')}@127.0.0.1:{team.server.port}/{team.name}"
    assert main(["--db", url, "setup"]) == 2
    assert "ejer" in capsys.readouterr().err



def test_setup_refuses_while_the_public_schema_is_not_the_owners(
    pg_server: pg.Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As on PostgreSQL 14 and older, where public belongs to the superuser and everyone may create there."""
    t = _new_team(pg_server)
    with psycopg.connect(pg_server.url(t.name).replace("postgresql+psycopg", "postgresql"), autocommit=True) as su:
        su.execute("ALTER SCHEMA public OWNER TO desk")
    assert _setup(t, monkeypatch) == 2
    assert "ALTER SCHEMA public OWNER TO" in capsys.readouterr().err
    with t.as_owner() as conn:  # nothing was migrated
        assert conn.execute("SELECT to_regclass('citizens')").fetchone() == (None,)

# ---- plain SQL sessions -------------------------------------------------------------------------------


def _refused(conn: psycopg.Connection[Any], sql: str) -> bool:
    try:
        conn.execute(sql)
    except (pgerr.InsufficientPrivilege, pgerr.RaiseException, pgerr.CheckViolation, pgerr.InvalidParameterValue):
        return True
    return False


def test_the_workplace_mentor_sees_only_their_own_company(team: Team) -> None:
    with team.sql(WPM) as conn:
        # No CPR number, health note or own view of anyone: the columns are not theirs.
        assert _refused(conn, "SELECT * FROM citizens")
        assert _refused(conn, "SELECT cpr FROM citizens")
        # Of citizens: the name of those placed at their company - DC (co-saxo), not JA (co-kids).
        assert conn.execute("SELECT ref, name FROM citizens").fetchall() == [("DC", "D. C.")]
        assert [r[0] for r in conn.execute("SELECT ref FROM placements")] == ["DC-1"]
        assert [r[0] for r in conn.execute("SELECT ref FROM companies")] == ["co-saxo"]
        days = conn.execute("SELECT count(*) FROM attendance").fetchone()
        with team.as_owner() as owner:
            own = owner.execute(
                "SELECT count(*) FROM attendance a JOIN placements p ON p.id = a.placement_id WHERE p.ref = 'DC-1'"
            ).fetchone()
            other = owner.execute(
                "SELECT count(*) FROM attendance a JOIN placements p ON p.id = a.placement_id WHERE p.ref = 'JA-1'"
            ).fetchone()
        assert days == own and own is not None and other is not None and own[0] > 0 and other[0] > 0
        # Attendance: writes reach their own placement only.
        assert conn.execute(
            "UPDATE attendance SET note = 'fra pladsen' FROM placements p "
            "WHERE p.id = attendance.placement_id AND p.ref = 'JA-1'"
        ).rowcount == 0
        with team.as_owner() as owner:
            ja = owner.execute("SELECT id FROM placements WHERE ref = 'JA-1'").fetchone()
        assert ja is not None
        assert _refused(conn, "INSERT INTO attendance (placement_id, day, status, minutes, version, created_at, "
                              f"updated_at) VALUES ({ja[0]}, DATE '2024-01-03', 'present', 60, 1, now(), now())")
        with conn.transaction(force_rollback=True):  # their own placement: yes
            assert conn.execute(
                "INSERT INTO attendance (placement_id, day, status, minutes, version, created_at, updated_at) "
                "SELECT id, DATE '2023-03-30', 'present', 60, 1, now(), now() FROM placements WHERE ref = 'DC-1'"
            ).rowcount == 1
            assert conn.execute(
                "UPDATE attendance SET note = 'fra pladsen' FROM placements p "
                "WHERE p.id = attendance.placement_id AND p.ref = 'DC-1'"
            ).rowcount == own[0] + 1
        # Nothing else of a citizen's file.
        for table in ("followups", "accommodations", "goals", "profile_items", "referrals", "issued_documents"):
            assert _refused(conn, f"SELECT count(*) FROM {table}"), table


def test_no_login_but_the_owners_changes_users_audit_entries_or_the_schema(team: Team) -> None:
    for who in (CONSULTANT, MENTOR, WPM, READER, ADMIN):
        with team.sql(who) as conn:
            assert _refused(conn, "DELETE FROM audit_log"), who
            assert _refused(conn, "UPDATE audit_log SET username = 'x'"), who
            assert _refused(conn, "DELETE FROM login_failures"), who
            assert _refused(conn, "CREATE TABLE mine (id integer)"), who
            assert _refused(conn, f"GRANT pd_administrator TO {who}"), who
            assert _refused(conn, "ALTER TABLE citizens DISABLE ROW LEVEL SECURITY"), who
            assert _refused(conn, "DELETE FROM audit_anchor"), who
            if who != ADMIN:
                assert _refused(conn, "SELECT pd_sync_login('tr_admin', NULL)"), who
            # Not even the administrator writes users: Brugere goes through the owner's checked functions.
            assert _refused(conn, f"UPDATE users SET role = 'administrator' WHERE username = '{who}'"), who
            assert _refused(conn, "INSERT INTO users (username, display_name, role, active, created_at, updated_at, "
                                  "version) VALUES ('tr_new', 'x', 'administrator', true, now(), now(), 1)"), who
            assert _refused(conn, f"DELETE FROM users WHERE username = '{who}'"), who
            assert _refused(conn, "UPDATE audit_log SET details = NULL"), who
            if who != ADMIN:
                assert _refused(conn, "SELECT pd_create_user('tr_new', 'x', 'administrator', NULL, 'x')"), who
                assert _refused(conn, f"SELECT pd_update_user('{who}', 'x', 'administrator', NULL, true, 'x')"), who
                assert _refused(conn, "SELECT pd_erase_audit_details(ARRAY[1])"), who
                assert _refused(conn, "SELECT details FROM audit_log"), who
                # The retention rule runs (as the owner, 6 months fixed): nothing here is that old.
                assert conn.execute("SELECT pd_prune_audit()").fetchone() == (0,)
    with team.sql(ADMIN) as conn:  # the checked functions: an administrator's, and only for what Brugere does
        assert _refused(conn, "UPDATE audit_log SET details = 'made up' WHERE id = (SELECT max(id) FROM audit_log)")
        assert _refused(conn, "SELECT pd_update_user('tr_admin', 'x', 'consultant', NULL, true, 'x')")  # the last one
        assert _refused(conn, "SELECT pd_update_user('tr_nobody', 'x', 'consultant', NULL, true, 'x')")
        assert _refused(conn, "SELECT pd_create_user('tr_x', 'x', 'superuser', NULL, 'x')")
    # An entry that does not link to the last one is refused by the server: the chain is kept there.
    with team.sql(READER) as conn:
        assert _refused(conn, "INSERT INTO audit_log (at, username, action, details_sha256, prev_hash, hash) "
                              f"VALUES (now(), 'x', 'view', '{'0' * 64}', '{'1' * 64}', '{'2' * 64}')")  # fmt: skip
    with team.as_owner() as owner, owner.transaction(force_rollback=True):
        assert owner.execute(f"UPDATE users SET display_name = 'x' WHERE username = '{READER}'").rowcount == 1
        assert owner.execute("DELETE FROM audit_log").rowcount > 0


def test_the_case_worker_only_reads(team: Team) -> None:
    with team.sql(READER) as conn:
        assert conn.execute("SELECT count(*) FROM citizens").fetchone() == (2,)
        assert conn.execute("SELECT cpr FROM citizens WHERE ref = 'DC'").fetchone() == ("010190-1234",)
        for sql in (
            "UPDATE citizens SET job_goal = 'x'",
            "DELETE FROM attendance",
            "INSERT INTO companies (ref, name, internal, version, created_at, updated_at) "
            "VALUES ('co-x', 'X', false, 1, now(), now())",
        ):
            assert _refused(conn, sql), sql


def test_the_consultant_changes_company_data(team: Team) -> None:
    with team.sql(CONSULTANT) as conn, conn.transaction(force_rollback=True):
        assert conn.execute("UPDATE companies SET industry = 'Service' WHERE ref = 'co-kids'").rowcount == 1
        assert conn.execute("UPDATE citizens SET job_goal = job_goal").rowcount == 2


def test_the_mentor_changes_the_path_but_not_company_data(team: Team) -> None:
    with team.sql(MENTOR) as conn, conn.transaction(force_rollback=True):
        assert conn.execute("UPDATE citizens SET job_goal = job_goal WHERE ref = 'DC'").rowcount == 1
        assert _refused(conn, "UPDATE companies SET name = 'x'")


# ---- the app as each person -----------------------------------------------------------------------------


def test_the_app_signed_in_as_each_person_does_what_the_role_allows(team: Team) -> None:
    consultant = team.sign_in(CONSULTANT)
    try:
        version = views.citizen_detail(consultant, "DC").version
        assert citizens.update_citizen(consultant, "DC", replace(citizens.citizen_fields(consultant, "DC")[0], job_goal="Lager og logistik"), version) == version + 1
    finally:
        consultant.dispose()
    reader = team.sign_in(READER)
    try:
        assert views.citizen_detail(reader, "DC").citizen.job_goal == "Lager og logistik"
        with pytest.raises(AccessDenied):
            citizens.update_citizen(reader, "DC", replace(citizens.citizen_fields(reader, "DC")[0], job_goal="x"), None)
    finally:
        reader.dispose()
    mentor_db = team.sign_in(MENTOR)
    try:
        detail = views.citizen_detail(mentor_db, "JA")
        current = citizens.citizen_fields(mentor_db, "JA")[0]
        assert citizens.update_citizen(mentor_db, "JA", replace(current, job_goal="Pædagogmedhjælper"),
                                       detail.version) == detail.version + 1  # fmt: skip
    finally:
        mentor_db.dispose()
    wpm = team.sign_in(WPM)
    try:
        assert wpm.principal is not None and wpm.principal.company_ref == "co-saxo"
        shown = mentor.expected(wpm, "co-saxo", date(2023, 3, 1), date(2023, 3, 31))
        assert [(e.citizen_ref, e.citizen_name) for e in shown] == [("DC", "D. C.")]
        day = shown[0].on(date(2023, 3, 14))
        assert day is not None
        attendance.log_day(wpm, "DC-1", cf.Attendance(date(2023, 3, 14), "present", 90), actor=WPM,
                           expected=day.record)  # fmt: skip
        again = mentor.expected(wpm, "co-saxo", date(2023, 3, 14), date(2023, 3, 14))[0].on(date(2023, 3, 14))
        assert again is not None and again.record is not None and again.record.minutes == 90
        observations.add_workplace_statement(wpm, "DC-1", WorkplaceStatement(date(2023, 3, 14), "work_resources",
                                                                             "Møder til tiden"))  # fmt: skip
        assert [o.text for o in observations.workplace_statements(wpm, "DC-1")] == ["Møder til tiden"]
        with pytest.raises(NotFoundError):  # another company is not even there for their login
            mentor.expected(wpm, "co-kids", date(2024, 1, 1), date(2024, 1, 31))
    finally:
        wpm.dispose()
    admin = team.sign_in(ADMIN)
    try:
        check = audit.verify_chain(admin)
        assert check.ok, check
        assert {e.username for e in audit.entries(admin, action=audit.LOGIN)} >= {CONSULTANT, READER, MENTOR, WPM}
    finally:
        admin.dispose()


def test_brugere_changes_the_login_role_password_and_active_flag(team: Team) -> None:
    admin = team.sign_in(ADMIN)
    try:
        users.create_user(admin, "tr_temp", "Midlertidig", Role.CASEWORKER, PASSWORD)
        with team.sql("tr_temp") as conn:
            assert _refused(conn, "UPDATE citizens SET job_goal = job_goal")
        users.update_user(admin, "tr_temp", role=Role.MENTOR)
        with team.sql("tr_temp") as conn, conn.transaction(force_rollback=True):
            assert conn.execute("UPDATE citizens SET job_goal = job_goal WHERE ref = 'DC'").rowcount == 1
        users.set_password(admin, "tr_temp", "et helt nyt kodeord")
        with pytest.raises(psycopg.OperationalError):
            team.sql("tr_temp")
        team.sql("tr_temp", "et helt nyt kodeord").close()
        users.update_user(admin, "tr_temp", active=False)
        with pytest.raises(psycopg.OperationalError):
            team.sql("tr_temp", "et helt nyt kodeord")
        with pytest.raises(signin.SignInFailed):
            team.sign_in("tr_temp", "et helt nyt kodeord")
        # The server's own roles are nobody's login: the owner, a group, a superuser.
        for taken in (team.owner, "pd_consultant", "desk"):
            with pytest.raises(ValidationError, match="username"):
                users.create_user(admin, taken, "Overtagelse", Role.ADMINISTRATOR, PASSWORD)
        assert "desk" not in [u.username for u in users.list_users(admin)]
    finally:
        admin.dispose()
    with team.sql(team.owner, team.owner_password) as conn:  # the owner's password was not changed
        assert conn.execute("SELECT current_user").fetchone() == (team.owner,)
    with team.as_owner() as owner:  # the users table holds no password hash on a team server
        assert owner.execute("SELECT count(*) FROM users WHERE password_hash IS NOT NULL").fetchone() == (0,)


def test_a_person_sets_their_own_password_only(team: Team) -> None:
    reader = team.sign_in(READER)
    try:
        with pytest.raises(AccessDenied):
            users.set_password(reader, CONSULTANT, "overtaget konto 1")
        users.set_password(reader, READER, "mit eget kodeord")
        team.sql(READER, "mit eget kodeord").close()
        users.set_password(reader, READER, PASSWORD)
    finally:
        reader.dispose()
    with team.sql(READER) as conn:  # not around the app either
        assert _refused(conn, "SELECT pd_sync_login('tr_anna', NULL)")


# ---- two imports of one citizen -------------------------------------------------------------------------


def _waiting_on_a_lock(t: Team) -> bool:
    # The server's superuser: other roles' wait events are hidden from the owner.
    with psycopg.connect(t.server.url(t.name).replace("postgresql+psycopg", "postgresql")) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'advisory'"
        ).fetchone()
    return bool(row and row[0])


def test_two_imports_of_one_citizen_at_once_serialise_and_report_truly(team: Team) -> None:
    """Anna imports a changed file; Bo imports the file as it was. Without a per-citizen lock Bo reads
    the old values, reports "nothing changed", and Anna's values stay. With it, Bo waits for Anna, then
    reads her values and truly changes them back."""
    original = ramp_down_citizen()
    changed = copy.deepcopy(original)
    changed["job_goal"] = "Chauffør"
    db_anna, db_bo = team.sign_in(CONSULTANT), team.sign_in(CONSULTANT)
    with team.as_owner() as owner:
        owner.execute("UPDATE citizens SET job_goal = %s WHERE ref = 'DC'", (original["job_goal"],))
    outcome: dict[str, Any] = {}
    anna_at_commit, anna_may_commit = threading.Event(), threading.Event()

    def hold_anna(session: Session) -> None:
        if threading.current_thread().name == "anna":
            anna_at_commit.set()
            assert anna_may_commit.wait(20)

    def run(who: str, db: Database, doc: dict[str, Any]) -> None:
        try:
            outcome[who] = import_case_file(db, case_file(doc))
        except Exception as exc:
            outcome[who] = exc

    event.listen(Session, "before_commit", hold_anna)
    try:
        anna = threading.Thread(target=run, args=("anna", db_anna, changed), name="anna")
        anna.start()
        assert anna_at_commit.wait(20)
        bo = threading.Thread(target=run, args=("bo", db_bo, original), name="bo")
        bo.start()
        deadline = time.monotonic() + 20
        while not _waiting_on_a_lock(team):
            assert time.monotonic() < deadline, f"Bo's import never waited for Anna's: {outcome}"
            time.sleep(0.05)
        anna_may_commit.set()
        anna.join(20)
        bo.join(20)
    finally:
        anna_may_commit.set()
        event.remove(Session, "before_commit", hold_anna)
        db_anna.dispose()
        db_bo.dispose()
    assert outcome["anna"].updated.get("citizens") == ["DC"], outcome["anna"]
    assert outcome["bo"].updated.get("citizens") == ["DC"], outcome["bo"]  # not "nothing changed"
    with team.as_owner() as owner:
        assert owner.execute("SELECT job_goal FROM citizens WHERE ref = 'DC'").fetchone() == (original["job_goal"],)



def test_the_administrator_erases_a_citizen_and_the_chain_still_verifies(team: Team) -> None:
    """Erasure blanks the details of the entries about the citizen - the one change of the audit log a
    login may make - and deletes their rows; the chain verifies afterwards."""
    zara = hybrid_citizen()
    zara.update({"ref": "ZZ", "name": "Zara Zink"})
    zara["placements"][0]["ref"] = "ZZ-1"
    admin = team.sign_in(ADMIN)
    try:
        import_case_file(admin, case_file(zara))
        zid = views.citizen_detail(admin, "ZZ")  # a view: one more entry about her
        assert zid.citizen.name == "Zara Zink"
        with team.as_owner() as owner:
            zz = owner.execute("SELECT id FROM citizens WHERE ref = 'ZZ'").fetchone()
            about = owner.execute(
                "SELECT count(*) FROM audit_log WHERE citizen_id = %s AND details IS NOT NULL", zz
            ).fetchone()
        assert zz is not None and about is not None and about[0] >= 1
        report = privacy.erase_citizen(admin, "ZZ", "Slettet efter anmodning")
        assert report.audit_redacted >= about[0]
        check = audit.verify_chain(admin)
        assert check.ok, check
    finally:
        admin.dispose()
    with team.as_owner() as owner:
        assert owner.execute("SELECT count(*) FROM citizens WHERE ref = 'ZZ'").fetchone() == (0,)
        assert owner.execute("SELECT count(*) FROM audit_log WHERE details LIKE '%%Zara%%' OR details LIKE '%%ZZ-1%%'"
                             ).fetchone() == (0,)  # fmt: skip
        blanked = owner.execute(
            "SELECT count(*) FROM audit_log WHERE citizen_id = %s AND details IS NULL", zz
        ).fetchone()
        assert blanked is not None and blanked[0] >= about[0]


def test_the_retention_rule_runs_as_the_owner_when_someone_signs_in(team: Team) -> None:
    """Entries older than 6 months go at the next sign-in - deleted by the server's owner function, not
    by the person's login - and the chain re-anchors and still verifies."""
    with team.as_owner() as owner:
        before = owner.execute("SELECT count(*) FROM audit_log").fetchone()
        oldest = owner.execute("SELECT id, hash FROM audit_log ORDER BY id LIMIT 3").fetchall()
        owner.execute("UPDATE audit_log SET at = at - interval '400 days' WHERE id <= %s", (oldest[-1][0],))
    assert before is not None and len(oldest) == 3
    reader = team.sign_in(READER)
    try:
        assert signin.check_password(reader, PASSWORD)  # the idle lock asks the server
        assert not signin.check_password(reader, "not the password")
    finally:
        reader.dispose()
    with team.as_owner() as owner:
        assert owner.execute("SELECT min(id) FROM audit_log").fetchone() == (oldest[-1][0] + 1,)
        assert owner.execute("SELECT id, hash FROM audit_anchor").fetchall() == [oldest[-1]]
    admin = team.sign_in(ADMIN)
    try:
        check = audit.verify_chain(admin)
        assert check.ok, check
    finally:
        admin.dispose()
