"""The team database on a PostgreSQL server: group roles, grants, row-level security, one login per person.

Everything the server enforces lives here, in one place, and :func:`apply` is idempotent: ``setup``
runs it on a new database and again at every upgrade (after the migrations, as the owner).

- The **owner** (the role that runs ``placement-desk --db postgresql+psycopg://owner@host/db setup``)
  owns the schema and every table. Owners are not subject to row-level security; only the owner can
  alter the schema, grants, ``login_failures`` and ``audit_anchor``, or delete audit entries (the
  retention rule runs as the owner through :func:`prune`, a SECURITY DEFINER function).
- Every person is a **LOGIN role** of their own (same name as their user, SCRAM password), member of
  exactly one **group role** (:data:`GROUPS`) that mirrors their app role. Logins are created, changed
  and disabled by ``pd_sync_login``, a SECURITY DEFINER function that only an administrator (or the
  person, for their own password) may call; it reads the role and the active flag from ``users``.
- **Grants** mirror the app's permissions: a case worker reads; a mentor changes a citizen's path but no
  company master data; administrators and consultants change data. Nobody's login but the owner's
  writes ``users``: administrators add and change people through ``pd_create_user`` and
  ``pd_update_user`` (SECURITY DEFINER, checked for an active administrator). ``audit_log`` is
  insert-only for everyone; an erasure blanks ``details`` through ``pd_erase_audit_details`` (an
  administrator's, nothing else changes); its chain is checked by the server on every insert.
- **Row-level security**: a workplace mentor's login sees only their own company, its placements (plans,
  tasks, assessments), their attendance and workplace statements, and of citizens only id, ref and name
  of those placed with the company. ``pd_me()`` maps ``session_user`` to the ``users`` row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session

from placement_desk.db.place import is_postgres as is_postgres
from placement_desk.db.place import names_login as names_login
from placement_desk.domain.roles import Role

GROUPS: dict[Role, str] = {
    Role.ADMINISTRATOR: "pd_administrator",
    Role.CONSULTANT: "pd_consultant",
    Role.MENTOR: "pd_mentor",
    Role.WORKPLACE_MENTOR: "pd_workplace_mentor",
    Role.CASEWORKER: "pd_case_worker",
}
ALL_GROUPS = tuple(GROUPS.values())
STAFF = ("pd_administrator", "pd_consultant", "pd_mentor", "pd_case_worker")  # not company-scoped
WRITERS = ("pd_administrator", "pd_consultant")  # everything but users and the audit log
PATH_WRITERS = ("pd_administrator", "pd_consultant", "pd_mentor")  # a citizen's path
WPM = "pd_workplace_mentor"
AUDIT_LOCK = 7_263_002  # the same lock services.audit_chain takes to append
GENESIS = "0" * 64
IMPORT_LOCK = 7_263_003  # pg_advisory_xact_lock(IMPORT_LOCK, hashtext(citizen ref)): one import per citizen
MARKER = "pd_me()"  # a database set up for a team has this function

# What a workplace mentor's login may see of a table: the row filter (tables not named: nothing).
_COMPANY_ROWS: dict[str, str] = {
    "companies": "id = pd_my_company()",
    "contacts": "company_id = pd_my_company()",
    "placements": "company_id = pd_my_company()",
    "citizens": "id IN (SELECT p.citizen_id FROM placements p WHERE p.company_id = pd_my_company())",
    "placement_tasks": "placement_id IN (SELECT p.id FROM placements p WHERE p.company_id = pd_my_company())",
    "schedule_steps": "placement_id IN (SELECT p.id FROM placements p WHERE p.company_id = pd_my_company())",
    "capacity_assessments": "placement_id IN (SELECT p.id FROM placements p WHERE p.company_id = pd_my_company())",
    "capacity_tasks": (
        "assessment_id IN (SELECT a.id FROM capacity_assessments a JOIN placements p ON p.id = a.placement_id "
        "WHERE p.company_id = pd_my_company())"
    ),
    "attendance": "placement_id IN (SELECT p.id FROM placements p WHERE p.company_id = pd_my_company())",
    "observations": "placement_id IN (SELECT p.id FROM placements p WHERE p.company_id = pd_my_company())",
}
# What a workplace mentor's login may do there besides SELECT.
_COMPANY_WRITES: dict[str, str] = {"attendance": "INSERT, UPDATE, DELETE", "observations": "INSERT"}
# The columns of citizens a workplace mentor's login reads (the mentor page shows the name).
WPM_CITIZEN_COLUMNS = ("id", "ref", "name", "archived_at")
_META = {"alembic_version", "users", "login_failures", "audit_log", "audit_anchor"}
_COMPANY_DATA = {"companies", "contacts"}  # master data: not a mentor's to change


UPGRADE_NEEDED = (
    "Teamdatabasen skal opgraderes til denne version af Placement Desk: administratoren kører "
    "'placement-desk --db postgresql+psycopg://EJER@VÆRT/DATABASE setup' som databasens ejer."
)


class UpgradeNeeded(RuntimeError):
    """A team database behind this program's schema: only its owner migrates it (``setup``)."""


class NotOwner(Exception):
    """The connected role does not own the database: only the owner sets up and upgrades it."""


def login_url(url: str, username: str, password: str) -> str:
    """The team URL (host and database only) with a person's login: the server checks the password."""
    return make_url(url).set(username=username, password=password).render_as_string(hide_password=False)


def is_team(conn: Connection | Session) -> bool:
    """True when the database was set up for a team (:func:`apply` ran): the server enforces the roles."""
    dialect = conn.get_bind().dialect if isinstance(conn, Session) else conn.dialect
    if dialect.name != "postgresql":
        return False
    return conn.execute(text(f"SELECT to_regprocedure('{MARKER}') IS NOT NULL")).scalar() is True


def engine_is_team(engine: Engine) -> bool:
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as conn:
        return is_team(conn)


def only_owner_migrates(engine: Engine) -> bool:
    """True for a team database opened by a person's login (not the owner): it cannot change the schema."""
    with engine.connect() as conn:
        return is_team(conn) and not is_owner(conn)


def is_owner(conn: Connection) -> bool:
    """True when the connected role owns the database (or is a superuser)."""
    return bool(
        conn.execute(
            text(
                "SELECT pg_has_role(current_user, d.datdba, 'USAGE') OR r.rolsuper "
                "FROM pg_database d, pg_roles r WHERE d.datname = current_database() AND r.rolname = current_user"
            )
        ).scalar()
    )


def has_administrator(engine: Engine) -> bool:
    """True when the database has an active administrator (False also without a users table; a server
    that cannot be reached raises OperationalError)."""
    try:
        with engine.connect() as conn:
            return bool(
                conn.execute(text("SELECT count(*) FROM users WHERE role = 'administrator' AND active")).scalar()
            )
    except ProgrammingError:  # no users table: a new database
        return False


# ---- the SQL -----------------------------------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _groups_sql() -> list[str]:
    out = []
    for group in ALL_GROUPS:
        out.append(
            "DO $$ BEGIN "
            f"IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN CREATE ROLE {group} NOLOGIN; END IF; "
            "END $$"
        )
    return out


_FUNCTIONS = [
    # Who is signed in: the users row of the session's login (SECURITY DEFINER: reads users as the owner).
    """
    CREATE OR REPLACE FUNCTION pd_me(OUT id integer, OUT role text, OUT company_id integer)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
        SELECT u.id, u.role::text, u.company_id FROM users u WHERE u.username = session_user AND u.active
    $f$
    """,
    """
    CREATE OR REPLACE FUNCTION pd_my_company() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
        SELECT u.company_id FROM users u
        WHERE u.username = session_user AND u.active AND u.role = 'workplace_mentor'
    $f$
    """,
    # Is the session the database's owner (or a superuser)?
    """
    CREATE OR REPLACE FUNCTION pd_is_owner() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
        SELECT coalesce((SELECT r.rolsuper OR pg_has_role(session_user, d.datdba, 'USAGE')
                         FROM pg_database d, pg_roles r
                         WHERE d.datname = current_database() AND r.rolname = session_user), false)
    $f$
    """,
    # The login of a user, as the users table says: created if missing, LOGIN only while active, member
    # of exactly the group of their role; a new password (a SCRAM verifier made by the client) if given.
    # An administrator may sync anyone; anybody may sync themself (a new password of their own).
    """
    CREATE OR REPLACE FUNCTION pd_sync_login(p_username text, p_verifier text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
        u record;
        me record;
        existing record;
        grp text;
        wanted text;
        owner boolean;
    BEGIN
        SELECT * INTO me FROM pd_me();
        owner := pd_is_owner();
        IF NOT (owner OR coalesce(me.role = 'administrator', false)
                OR (p_username = session_user AND me.id IS NOT NULL)) THEN
            RAISE EXCEPTION 'only an administrator may change logins' USING ERRCODE = '42501';
        END IF;
        SELECT * INTO u FROM users WHERE username = p_username;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no user %', p_username USING ERRCODE = '22023';
        END IF;
        wanted := CASE u.role
            WHEN 'administrator' THEN 'pd_administrator' WHEN 'consultant' THEN 'pd_consultant'
            WHEN 'mentor' THEN 'pd_mentor' WHEN 'workplace_mentor' THEN 'pd_workplace_mentor'
            WHEN 'caseworker' THEN 'pd_case_worker' END;
        IF wanted IS NULL THEN
            RAISE EXCEPTION 'unknown role %', u.role USING ERRCODE = '22023';
        END IF;
        SELECT r.* INTO existing FROM pg_roles r WHERE r.rolname = p_username;
        IF FOUND THEN
            IF existing.rolsuper OR existing.rolcreaterole OR existing.rolcreatedb OR existing.rolreplication
               OR existing.rolbypassrls OR p_username LIKE 'pd\\_%'
               OR p_username = current_user
               OR EXISTS (SELECT 1 FROM pg_database d WHERE d.datdba = existing.oid) THEN
                RAISE EXCEPTION 'the server role % is not a person''s login', p_username USING ERRCODE = '42501';
            END IF;
        ELSE
            EXECUTE format('CREATE ROLE %I NOLOGIN', p_username);
        END IF;
        IF p_verifier IS NOT NULL THEN
            IF p_verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
                RAISE EXCEPTION 'a password must come as a SCRAM verifier' USING ERRCODE = '22023';
            END IF;
            EXECUTE format('ALTER ROLE %I PASSWORD %L', p_username, p_verifier);
        END IF;
        IF owner OR coalesce(me.role = 'administrator', false) THEN
            EXECUTE format('ALTER ROLE %I %s', p_username, CASE WHEN u.active THEN 'LOGIN' ELSE 'NOLOGIN' END);
            FOREACH grp IN ARRAY ARRAY['pd_administrator', 'pd_consultant', 'pd_mentor',
                                       'pd_workplace_mentor', 'pd_case_worker'] LOOP
                IF grp <> wanted AND pg_has_role(p_username, grp, 'MEMBER') THEN
                    EXECUTE format('REVOKE %I FROM %I', grp, p_username);
                END IF;
            END LOOP;
            IF NOT pg_has_role(p_username, wanted, 'MEMBER') THEN
                EXECUTE format('GRANT %I TO %I', wanted, p_username);
            END IF;
        END IF;
    END
    $f$
    """,
    # Only the owner alters users: people are created and changed through these two functions, which
    # check that the session is an active administrator (or the owner, for the first administrator).
    """
    CREATE OR REPLACE FUNCTION pd_require_admin() RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    BEGIN
        IF NOT (pd_is_owner() OR EXISTS (SELECT 1 FROM users u WHERE u.username = session_user AND u.active
                                         AND u.role = 'administrator')) THEN
            RAISE EXCEPTION 'only an administrator may change users' USING ERRCODE = '42501';
        END IF;
    END
    $f$
    """,
    """
    CREATE OR REPLACE FUNCTION pd_create_user(p_username text, p_display_name text, p_role text,
                                              p_company_id integer, p_updated_by text)
    RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
        new_id integer;
    BEGIN
        PERFORM pd_require_admin();
        IF p_role NOT IN ('administrator', 'consultant', 'mentor', 'workplace_mentor', 'caseworker') THEN
            RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = '22023';
        END IF;
        INSERT INTO users (username, display_name, role, password_hash, active, company_id, updated_by,
                           created_at, updated_at, version)
        VALUES (p_username, p_display_name, p_role, NULL, true, p_company_id,
                CASE WHEN pd_is_owner() THEN p_updated_by ELSE session_user END,
                now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', 1)
        RETURNING id INTO new_id;
        RETURN new_id;
    END
    $f$
    """,
    """
    CREATE OR REPLACE FUNCTION pd_update_user(p_username text, p_display_name text, p_role text,
                                              p_company_id integer, p_active boolean, p_updated_by text)
    RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    BEGIN
        PERFORM pd_require_admin();
        IF p_role NOT IN ('administrator', 'consultant', 'mentor', 'workplace_mentor', 'caseworker') THEN
            RAISE EXCEPTION 'unknown role %', p_role USING ERRCODE = '22023';
        END IF;
        UPDATE users SET display_name = p_display_name, role = p_role, company_id = p_company_id,
                         active = p_active, version = version + 1, updated_at = now() AT TIME ZONE 'UTC',
                         updated_by = CASE WHEN pd_is_owner() THEN p_updated_by ELSE session_user END
        WHERE username = p_username;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no user %', p_username USING ERRCODE = '22023';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM users WHERE role = 'administrator' AND active) THEN
            RAISE EXCEPTION 'at least one active administrator must remain' USING ERRCODE = '23514';
        END IF;
    END
    $f$
    """,
    # Erasure of a citizen blanks the details of the audit entries about them (chosen by the app), as
    # the owner and for an administrator only; nobody's login updates the audit log itself.
    """
    CREATE OR REPLACE FUNCTION pd_erase_audit_details(p_ids integer[])
    RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
        n integer;
    BEGIN
        PERFORM pd_require_admin();
        UPDATE audit_log SET details = NULL WHERE id = ANY(p_ids) AND details IS NOT NULL;
        GET DIAGNOSTICS n = ROW_COUNT;
        RETURN n;
    END
    $f$
    """,
    # The retention rule (6 months), as the owner: nobody's login deletes audit entries itself.
    f"""
    CREATE OR REPLACE FUNCTION pd_prune_audit() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
        last_id integer;
        last_hash text;
        n integer;
    BEGIN
        PERFORM pg_advisory_xact_lock({AUDIT_LOCK});
        SELECT a.id, a.hash INTO last_id, last_hash FROM audit_log a
        WHERE a.at < (now() AT TIME ZONE 'UTC') - interval '183 days' ORDER BY a.id DESC LIMIT 1;
        IF last_id IS NULL THEN
            RETURN 0;
        END IF;
        DELETE FROM audit_log WHERE id <= last_id;
        GET DIAGNOSTICS n = ROW_COUNT;
        DELETE FROM audit_anchor;
        INSERT INTO audit_anchor (id, hash) VALUES (last_id, last_hash);
        RETURN n;
    END
    $f$
    """,
    # The chain kept by the server: every new entry links to the last one (or the anchor), under the
    # lock the app takes to append.
    f"""
    CREATE OR REPLACE FUNCTION pd_audit_link() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $f$
    DECLARE
        prev text;
    BEGIN
        PERFORM pg_advisory_xact_lock({AUDIT_LOCK});
        SELECT a.hash INTO prev FROM audit_log a ORDER BY a.id DESC LIMIT 1;
        IF prev IS NULL THEN
            SELECT a.hash INTO prev FROM audit_anchor a ORDER BY a.id DESC LIMIT 1;
        END IF;
        IF NEW.prev_hash IS DISTINCT FROM coalesce(prev, '{GENESIS}') THEN
            RAISE EXCEPTION 'an audit entry must link to the last one' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
    END
    $f$
    """,
    # Erasure blanks an entry's details (its digest stays, so the chain verifies); nothing else changes.
    """
    CREATE OR REPLACE FUNCTION pd_audit_blank_only() RETURNS trigger
    LANGUAGE plpgsql AS $f$
    BEGIN
        IF NOT pd_is_owner() AND (NEW.details IS NOT NULL OR (NEW.id, NEW.at, NEW.username, NEW.action, NEW.citizen_id,
                NEW.details_sha256, NEW.prev_hash, NEW.hash) IS DISTINCT FROM (OLD.id, OLD.at, OLD.username,
                OLD.action, OLD.citizen_id, OLD.details_sha256, OLD.prev_hash, OLD.hash)) THEN
            RAISE EXCEPTION 'audit entries are only ever blanked' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END
    $f$
    """,
    "DROP TRIGGER IF EXISTS pd_audit_link ON audit_log",
    "CREATE TRIGGER pd_audit_link BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION pd_audit_link()",
    "DROP TRIGGER IF EXISTS pd_audit_blank_only ON audit_log",
    "CREATE TRIGGER pd_audit_blank_only BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION pd_audit_blank_only()",
]


_ADMIN_FUNCTIONS = (
    "pd_require_admin()",
    "pd_create_user(text, text, text, integer, text)",
    "pd_update_user(text, text, text, integer, boolean, text)",
    "pd_erase_audit_details(integer[])",
)


def _tables(conn: Connection) -> list[str]:
    return [
        str(r[0])
        for r in conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"))
    ]


def _table_grants(table: str) -> list[str]:
    """The grants of one table (after REVOKE ALL): new tables of later migrations count as citizen data."""
    t = _quote(table)
    staff = ", ".join(STAFF)
    if table == "alembic_version" or table == "audit_anchor":
        return [f"GRANT SELECT ON {t} TO {', '.join(ALL_GROUPS)}"]
    if table == "users":
        return [f"GRANT SELECT ON {t} TO {', '.join(ALL_GROUPS)}"]  # changed only by pd_create/update_user
    if table == "login_failures":
        return []
    if table == "audit_log":
        others = ", ".join(g for g in ALL_GROUPS if g != "pd_administrator")
        return [  # erasure blanks details through pd_erase_audit_details
            f"GRANT SELECT, INSERT ON {t} TO pd_administrator",
            f"GRANT SELECT (id, hash), INSERT ON {t} TO {others}",
        ]
    out = [f"GRANT SELECT ON {t} TO {staff}"]
    writers = WRITERS if table in _COMPANY_DATA else PATH_WRITERS
    out.append(f"GRANT INSERT, UPDATE, DELETE ON {t} TO {', '.join(writers)}")
    if table == "citizens":
        out.append(f"GRANT SELECT ({', '.join(WPM_CITIZEN_COLUMNS)}) ON {t} TO {WPM}")
    elif table in _COMPANY_ROWS:
        out.append(f"GRANT SELECT ON {t} TO {WPM}")
        if table in _COMPANY_WRITES:
            out.append(f"GRANT {_COMPANY_WRITES[table]} ON {t} TO {WPM}")
    return out


def _policies(table: str) -> list[str]:
    t = _quote(table)
    out = [
        f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY",
        f"DROP POLICY IF EXISTS pd_staff ON {t}",
        f"DROP POLICY IF EXISTS pd_company ON {t}",
        f"CREATE POLICY pd_staff ON {t} TO {', '.join(STAFF)} USING (true) WITH CHECK (true)",
    ]
    if table in _COMPANY_ROWS:
        rows = _COMPANY_ROWS[table]
        out.append(f"CREATE POLICY pd_company ON {t} TO {WPM} USING ({rows}) WITH CHECK ({rows})")
    return out


def statements(tables: Iterable[str], database: str) -> list[str]:
    """Every statement :func:`apply` runs, in order (idempotent)."""
    tables = list(tables)
    db = _quote(database)
    out = _groups_sql()
    out += [
        f"REVOKE ALL ON DATABASE {db} FROM PUBLIC",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {', '.join(ALL_GROUPS)}",
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {', '.join(ALL_GROUPS)}",
    ]
    out += _FUNCTIONS
    for fn in ("pd_me()", "pd_is_owner()", "pd_my_company()", "pd_sync_login(text, text)", "pd_prune_audit()",
               "pd_audit_link()", "pd_audit_blank_only()", *_ADMIN_FUNCTIONS):  # fmt: skip
        out.append(f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC")
    out += [
        f"GRANT EXECUTE ON FUNCTION pd_me(), pd_is_owner(), pd_my_company(), pd_sync_login(text, text), pd_prune_audit() "
        f"TO {', '.join(ALL_GROUPS)}",
        f"GRANT EXECUTE ON FUNCTION {', '.join(_ADMIN_FUNCTIONS)} TO pd_administrator",
    ]
    for table in tables:
        out.append(f"REVOKE ALL ON {_quote(table)} FROM PUBLIC, {', '.join(ALL_GROUPS)}")
        out += _table_grants(table)
        if table not in _META:
            out += _policies(table)
    out += [
        "REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {', '.join(ALL_GROUPS)}",
    ]
    return out


def check_owner(conn: Connection) -> None:
    """NotOwner (with the reason, in Danish) unless the connected role can set up the database."""
    if not is_owner(conn):
        who = conn.execute(text("SELECT current_user")).scalar()
        raise NotOwner(
            f"{who} ejer ikke databasen: setup køres som databasens ejer (den rolle der ejer databasen på serveren)"
        )
    owns_schema = conn.execute(text(
        "SELECT pg_has_role(current_user, nspowner, 'USAGE') FROM pg_namespace WHERE nspname = 'public'"
    )).scalar()  # fmt: skip
    if not owns_schema:  # PostgreSQL 14 and older: public belongs to the superuser, and everyone may create there
        raise NotOwner(
            "skemaet public tilhører ikke databasens ejer, så setup kan ikke tage retten til at oprette tabeller "
            "fra alle andre: kør først 'ALTER SCHEMA public OWNER TO <ejer>' som serverens superbruger"
        )


def apply(conn: Connection) -> None:
    """Groups, functions, grants and policies: as the owner, after the migrations (idempotent)."""
    check_owner(conn)
    database = str(conn.execute(text("SELECT current_database()")).scalar())
    raw: Any = conn.connection.driver_connection  # psycopg itself: the SQL's % signs are not placeholders
    for sql in statements(_tables(conn), database):
        raw.execute(sql)


# ---- logins ------------------------------------------------------------------------------------------


def scram_verifier(session: Session, username: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of a password, made by libpq here: the password never reaches the server."""
    raw: Any = session.connection().connection.driver_connection
    verifier = raw.pgconn.encrypt_password(password.encode("utf-8"), username.encode("utf-8"), b"scram-sha-256")
    return bytes(verifier).decode("ascii")


NAME_MAX = 63  # bytes of a PostgreSQL role name


def sync_login(session: Session, username: str, password: str | None = None) -> None:
    """The person's login as their users row says (see ``pd_sync_login``), in the caller's transaction.
    A name the server cannot take as a person's login is a ValidationError naming the user name."""
    from sqlalchemy.exc import DBAPIError

    from placement_desk.domain.errors import ValidationError

    if len(username.encode("utf-8")) > NAME_MAX:
        raise ValidationError("username", code="username_bytes", limit=NAME_MAX)
    verifier = None if password is None else scram_verifier(session, username, password)
    try:
        session.execute(text("SELECT pd_sync_login(:u, :v)"), {"u": username, "v": verifier})
    except DBAPIError as exc:
        if "is not a person's login" in str(exc.orig):
            raise ValidationError("username", code="server_role_name", username=username) from None
        raise


def create_user(
    session: Session, username: str, display_name: str, role: str, company_id: int | None, updated_by: str
) -> int:
    """A new users row through ``pd_create_user`` (an administrator's or the owner's session only)."""
    return int(session.execute(
        text("SELECT pd_create_user(:u, :d, :r, :c, :b)"),
        {"u": username, "d": display_name, "r": role, "c": company_id, "b": updated_by},
    ).scalar_one())  # fmt: skip


def update_user(
    session: Session,
    username: str,
    display_name: str,
    role: str,
    company_id: int | None,
    active: bool,
    updated_by: str,
) -> None:
    """A user's row as given, through ``pd_update_user`` (an administrator's or the owner's session only)."""
    session.execute(
        text("SELECT pd_update_user(:u, :d, :r, :c, :a, :b)"),
        {"u": username, "d": display_name, "r": role, "c": company_id, "a": active, "b": updated_by},
    )


def erase_audit_details(session: Session, ids: list[int]) -> int:
    """Blank the details of these audit entries (erasure), through ``pd_erase_audit_details``."""
    return int(session.execute(text("SELECT pd_erase_audit_details(:ids)"), {"ids": ids}).scalar() or 0)


def prune(session: Session) -> int:
    """The audit log's retention rule on a team database, run as the owner (``pd_prune_audit``)."""
    return int(session.execute(text("SELECT pd_prune_audit()")).scalar() or 0)


def lock_citizens(session: Session, refs: Iterable[str]) -> None:
    """One import per citizen at a time: per-citizen advisory locks (sorted: no deadlock), held to commit."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for ref in sorted(set(refs)):
        session.execute(text("SELECT pg_advisory_xact_lock(:k, hashtext(:ref))"), {"k": IMPORT_LOCK, "ref": ref})
