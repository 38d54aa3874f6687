"""The sign-in window's module is imported without SQLAlchemy (start-up time: issue 17)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys
import placement_desk.ui.shell.login as login
print("before", "sqlalchemy" in sys.modules, "sqlalchemy.orm" in sys.modules, "placement_desk.db.models" in sys.modules)
from placement_desk.services import signin
print("same", login.signin.SignInFailed is signin.SignInFailed, login.users.MIN_PASSWORD > 0)
print("after", "sqlalchemy" in sys.modules)
"""


def test_the_sign_in_module_does_not_import_sqlalchemy_until_it_signs_in() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["before False False False", "same True True", "after True"]


# --- the whole start to the painted sign-in window (python -m placement_desk) -----------------------

START = """
import runpy, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from placement_desk.ui.shell import launch, preload


class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.property("done"):
            self.setProperty("done", True)
            print("painted", type(watched).__name__, *sorted(sys.modules), flush=True)

            def when_loaded():
                if not preload.done():
                    QTimer.singleShot(10, when_loaded)
                    return
                print("loaded", *sorted(sys.modules), flush=True)
                watched.reject()  # as the user's Cancel: the start ends

            QTimer.singleShot(0, when_loaded)
        return False


shown = launch.preload_behind


def watched(dialog):
    shown(dialog)
    dialog.installEventFilter(Watch(dialog))


launch.preload_behind = watched
sys.argv = ["placement_desk", "--db", sys.argv[1]]
runpy.run_module("placement_desk", run_name="__main__", alter_sys=True)
"""
HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "holidays", "argon2", "sqlcipher3",
         "placement_desk.services", "placement_desk.db.engine", "placement_desk.db.models", "placement_desk.ui.kit")


def start_to_sign_in(db: str, home: Path) -> dict[str, list[str]]:
    """The app started on ``db`` in a fresh process: the modules loaded when the sign-in window is first
    painted, and once everything has loaded behind it (then the window is cancelled)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLACEMENT_DESK_")}
    env.update({"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home / "config"),
                "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state")})  # fmt: skip
    done = subprocess.run([sys.executable, "-c", START, db], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines() if line.split()}


def heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


def test_the_sign_in_window_is_painted_before_sqlalchemy_and_the_rest_load_behind_it(tmp_path: Path) -> None:
    from placement_desk.db.keystore import FAST_KDF
    from placement_desk.services import signin

    t = signin.target(f"sqlite:///{tmp_path / 'secure.db'}")
    signin.setup(t, "karin", "Karin Larsen", "et langt kodeord 1", kdf=FAST_KDF).db.dispose()
    seen = start_to_sign_in(str(tmp_path / "secure.db"), tmp_path)
    assert seen["painted"][0] == "LoginDialog"
    assert heavy(seen["painted"][1:]) == []
    loaded = set(seen["loaded"])  # while the user types: what the password and the main window need
    assert {"sqlalchemy.orm", "placement_desk.services.signin", "placement_desk.db.opening",
            "placement_desk.ui.shell.main_window", "placement_desk.ui.pages.dashboard"} <= loaded  # fmt: skip


def test_a_team_server_signs_in_without_sqlalchemy_before_the_window(tmp_path: Path) -> None:
    """A PostgreSQL URL naming only host and database: nothing connects before the password."""
    seen = start_to_sign_in("postgresql+psycopg://db.invalid/placement", tmp_path)
    assert seen["painted"][0] == "LoginDialog"
    assert heavy(seen["painted"][1:]) == []


# --- the database's place and kind, found without SQLAlchemy, as db.engine and db.team find them -------

URLS = (
    "sqlite:///relative/file.db",
    "sqlite:////abs/path/placement-desk.db",
    "sqlite+pysqlcipher:///C:\\Users\\k\\placement desk.db",
    "sqlite:///with%20space.db?mode=ro",
    "sqlite://",
    "sqlite:///:memory:",
    "postgresql+psycopg://db.example/placement",
    "postgresql+psycopg://owner:se%40cret@db.example:5433/placement",
    "postgresql://%6Barin@[::1]/placement",
    "mysql://u@h/d",
)


def test_place_reads_urls_as_sqlalchemy_does() -> None:
    from sqlalchemy.engine import make_url

    from placement_desk.db import place

    for url in URLS:
        u = make_url(url)
        sqlite_file = u.drivername.startswith("sqlite") and u.database not in (None, "", ":memory:")
        assert place.sqlite_path(url) == (Path(u.database) if sqlite_file and u.database else None), url
        assert place.is_postgres(url) == (u.get_backend_name() == "postgresql"), url
        assert place.names_login(url) == bool(u.username), url


def test_place_finds_the_default_file_and_the_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    from placement_desk.db import place
    from placement_desk.db.keystore import KeyStore

    monkeypatch.delenv(place.ENV_DB, raising=False)
    default = platformdirs.user_data_path("PlacementDesk", appauthor=False, roaming=False) / "placement-desk.db"
    assert place.resolve_url(None) == f"sqlite:///{default}"
    monkeypatch.chdir(tmp_path)
    assert place.resolve_url("x.db") == f"sqlite:///{tmp_path.resolve() / 'x.db'}"
    monkeypatch.setenv(place.ENV_DB, "postgresql+psycopg://db.example/placement")
    assert place.resolve_url(None) == "postgresql+psycopg://db.example/placement"
    assert place.key_file(tmp_path / "a.db") == KeyStore.path_for(tmp_path / "a.db")


# --- the command line: no command, no commands' modules ---------------------------------------------


def test_only_the_apps_options_open_the_app_without_the_commands_parser() -> None:
    from placement_desk.cli.main import app_options

    opened = app_options(["--db", "x.db", "--user=karin"])
    assert opened is not None and (opened.command, opened.db, opened.user) == (None, "x.db", "karin")
    assert app_options([]) is not None and app_options([]).db is None  # type: ignore[union-attr]
    for argv in (["--help"], ["--version"], ["export", "-o", "f"], ["--db"], ["--db", "--user", "k"], ["--d", "x"]):
        assert app_options(argv) is None, argv  # the full parser reads them (help, errors, abbreviations)


# --- what PySide6 makes lazily is made behind the sign-in window too ------------------------------------

FIRST_TABLE = """
import enum, sys
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QTableView
from placement_desk.ui.shell import preload

app = QApplication([])
if sys.argv[1] == "preloaded":
    preload.finish()
made = []
make = enum.EnumType.__call__


def counted(cls, value, names=None, *args, **kwargs):
    if names is not None:  # a new enum class
        made.append(value)
    return make(cls, value, names, *args, **kwargs)


class Watch(QObject):  # as the idle lock: every event of the application seen in Python
    def eventFilter(self, watched, event):
        return False


watch = Watch()
app.installEventFilter(watch)
enum.EnumType.__call__ = counted
view = QTableView()
enum.EnumType.__call__ = make
print(len(made))
"""


def test_the_first_table_view_under_an_application_filter_makes_no_enum_classes_after_the_preload() -> None:
    """PySide6 makes some 130 enum classes at once when an application-wide Python filter first sees a
    table view's parts (about 60 ms); ui.shell.preload has that done behind the sign-in window, so the
    main window's first page does not pay it before its first paint."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    made = {}
    for how in ("bare", "preloaded"):
        done = subprocess.run([sys.executable, "-c", FIRST_TABLE, how], env=env, cwd=ROOT, capture_output=True,
                              text=True, timeout=120, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
        made[how] = int(done.stdout.split()[-1])
    assert made["bare"] > 50  # what there is to avoid
    assert made["preloaded"] == 0
