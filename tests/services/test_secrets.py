"""The laptop keeps its secrets: no command and no failure leaves a citizen's name, CPR number or absence
reason in a file outside the encrypted database; every file the app makes is the user's alone; the
first command on a new database encrypts it; a database error shows no SQL values; a full disk leaves
no half-written file; a full disk is not reported as a wrong password."""

from __future__ import annotations

import errno
import json
import logging
import os
import sqlite3
import stat
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from placement_desk.cli.main import main
from placement_desk.db import sqlite_files as files
from placement_desk.db.engine import Database
from placement_desk.db.keystore import KeyStore
from placement_desk.services import signin
from placement_desk.services.casefile_io import import_case_file
from tests.casefiles import case_file, hybrid_citizen, ramp_down_citizen
from tests.conftest import CLI_ADMIN, CLI_PASSWORD

NAME = "Kanariefugl Hemmeligsen"
CPR = "170383-4051"
REASON = "Kanariefuglens migræneanfald"
NOTE = "ringede fra Kanariefuglevej"


def canary_case() -> dict[str, Any]:
    citizen = ramp_down_citizen()
    citizen.update(ref="KH", name=NAME, cpr=CPR, own_view=f"{NAME} vil gerne arbejde")
    attendance = citizen["placements"][0]["attendance"]
    attendance.append({"date": "2023-03-29", "status": "sick", "hours": 0, "reason": REASON, "note": NOTE})
    return case_file(citizen, hybrid_citizen())


def needles() -> dict[str, bytes]:
    found = {}
    for label, text in (("name", NAME), ("CPR", CPR), ("CPR without dash", CPR.replace("-", "")),
                        ("reason", REASON), ("note", NOTE)):  # fmt: skip
        for encoding in ("utf-8", "utf-16-le"):
            found[f"{label} ({encoding})"] = text.encode(encoding)
    return found


def leaks(folder: Path, allowed: set[Path] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """Every file under ``folder`` (but the ``allowed`` ones: the input, an export asked for) holding
    a canary in plaintext."""
    hits = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p not in allowed):
        data = path.read_bytes()
        hits += [f"{path.relative_to(folder)}: {label}" for label, needle in needles().items() if needle in data]
    return hits


def modes(folder: Path) -> list[str]:
    """Files not 0600 and folders not 0700 under ``folder``."""
    wrong = []
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode != (0o700 if path.is_dir() else 0o600):
            wrong.append(f"{path.relative_to(folder)}: {oct(mode)}")
    return wrong


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli_admin: tuple[str, str]) -> Iterator[Path]:
    """A user's home: the embedded database (no --db) and the log live under tmp_path/home."""
    root = tmp_path / "home"
    root.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(root / "state"))
    yield root


def data_folder(home: Path) -> Path:
    return home / "data" / "PlacementDesk"


def database(home: Path) -> Path:
    return data_folder(home) / "placement-desk.db"


def write_input(tmp_path: Path) -> Path:
    source = tmp_path / "input" / "case.json"
    source.parent.mkdir()
    source.write_text(json.dumps(canary_case(), ensure_ascii=False), encoding="utf-8")
    return source


def opened(home: Path) -> Database:
    key = KeyStore.load(KeyStore.path_for(database(home))).unlock(CLI_ADMIN, CLI_PASSWORD)
    return Database(f"sqlite:///{database(home)}", key)


# ---- the first command encrypts -------------------------------------------------------------------


def test_import_as_the_first_command_leaves_nothing_in_plaintext(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_input(tmp_path)
    assert main(["import", str(source)]) == 0
    err = capsys.readouterr().err
    assert "recovery code" in err and NAME not in err
    assert files.is_encrypted(database(home))
    assert leaks(tmp_path, {source}) == []
    assert modes(data_folder(home)) == []
    out = tmp_path / "out" / "all.json"
    out.parent.mkdir()
    assert main(["export", "-o", str(out)]) == 0
    assert NAME in out.read_text(encoding="utf-8")  # the export asked for holds the data ...
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # ... readable by the user only
    assert sorted(p.name for p in out.parent.iterdir()) == ["all.json"]  # no temporary file beside it
    assert leaks(tmp_path, {source, out}) == []
    assert modes(data_folder(home)) == []


def test_demo_as_the_first_command_makes_an_encrypted_private_database(home: Path) -> None:
    assert main(["demo"]) == 0
    path = database(home)
    assert files.is_encrypted(path) and b"Jasmin" not in path.read_bytes()
    assert modes(data_folder(home)) == []
    assert main(["backup"]) == 0  # the administrator's backup: private too
    assert modes(data_folder(home)) == []
    for backup in (data_folder(home) / "backups").glob("*.db"):
        assert files.is_encrypted(backup) and b"Jasmin" not in backup.read_bytes()


def test_files_of_an_earlier_version_are_made_private_at_the_next_start(home: Path) -> None:
    assert main(["demo"]) == 0
    folder = data_folder(home)
    folder.chmod(0o755)
    for path in folder.iterdir():
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert modes(folder)
    assert main(["retention"]) == 0
    assert modes(folder) == []


def test_the_window_refuses_to_sign_in_to_a_missing_database_and_creates_nothing(home: Path) -> None:
    assert main(["demo"]) == 0
    path = database(home)
    path.unlink()
    t = signin.target(f"sqlite:///{path}")
    with pytest.raises(signin.SignInFailed) as failed:
        signin.sign_in(t, CLI_ADMIN, CLI_PASSWORD)
    assert failed.value.kind == "missing" and "restore" in str(failed.value)
    assert not path.exists()
    fresh = signin.target(f"sqlite:///{home / 'new.db'}")
    with pytest.raises(signin.SignInFailed) as setup:
        signin.sign_in(fresh, CLI_ADMIN, CLI_PASSWORD)
    assert setup.value.kind == "setup" and not (home / "new.db").exists()


# ---- a database error shows no values --------------------------------------------------------------


def test_a_database_error_shows_no_sql_values_in_the_log_or_on_stderr(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.json"
    first.write_text(json.dumps(case_file(hybrid_citizen())), encoding="utf-8")
    assert main(["import", str(first)]) == 0
    db = opened(home)
    with db.engine.begin() as conn:  # every attendance insert fails: an unexpected database error
        conn.exec_driver_sql("CREATE TRIGGER boom BEFORE INSERT ON attendance BEGIN SELECT RAISE(ABORT, 'boom'); END")
    capsys.readouterr()
    source = write_input(tmp_path)
    assert main(["import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "boom" in err and "hidden" in err
    assert [label for label, needle in needles().items() if needle.decode("utf-8", "ignore") in err] == []
    # what the app's error hook writes to the log: the whole traceback
    log_file = home / "state" / "placement-desk.log"
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    logger = logging.getLogger("test_secrets")
    logger.addHandler(handler)
    try:
        with pytest.raises(Exception) as caught:
            import_case_file(db, canary_case())
        logger.error("unhandled error:\n%s", "".join(traceback.format_exception(caught.value)))
    finally:
        logger.removeHandler(handler)
        handler.close()
        db.dispose()
    assert "boom" in log_file.read_text(encoding="utf-8")
    assert leaks(tmp_path, {source}) == []


# ---- a full disk -----------------------------------------------------------------------------------


class _Choking:
    """A file whose writes put half the bytes on disk and then fail: the disk is full."""

    def __init__(self, f: Any) -> None:
        self._f = f

    def write(self, data: bytes) -> int:
        self._f.write(data[: len(data) // 2])
        self._f.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._f, name)

    def __enter__(self) -> _Choking:
        return self

    def __exit__(self, *exc: object) -> None:
        self._f.close()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Call it to fill the disk: Python's file writes (os.fdopen, os.fsync) raise ENOSPC after a part."""

    def fill() -> None:
        real = os.fdopen

        def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            return _Choking(real(fd, *args, **kwargs))

        def fsync(_fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fdopen", fdopen)
        monkeypatch.setattr(os, "fsync", fsync)

    return fill


def test_a_full_disk_leaves_no_partial_export_dossier_or_subject_export(
    home: Path, tmp_path: Path, full_disk: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_input(tmp_path)
    assert main(["import", str(source)]) == 0
    out = tmp_path / "out"
    out.mkdir()
    full_disk()
    assert main(["export", "-o", str(out / "all.json")]) == 1
    assert main(["dossier", "KH", "--json", str(out / "kh.json"), "--pdf", str(out / "kh.pdf")]) != 0
    assert main(["subject-export", "KH", "-o", str(out / "kh.zip")]) != 0
    assert list(out.iterdir()) == []  # nothing half-written, no temporary file
    assert "No space left" in capsys.readouterr().err
    assert leaks(tmp_path, {source}) == []


def test_a_full_disk_is_not_a_wrong_password_and_no_guess_goes_uncounted(
    home: Path, full_disk: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    keys = KeyStore.path_for(database(home))
    before = keys.read_bytes()
    t = signin.target(f"sqlite:///{database(home)}")
    full_disk()
    with pytest.raises(signin.SignInFailed) as right:
        signin.sign_in(t, CLI_ADMIN, CLI_PASSWORD)
    assert right.value.kind == "disk" and "space" in str(right.value)
    with pytest.raises(signin.SignInFailed) as wrong:  # a guess is not tried when it cannot be counted
        signin.sign_in(t, CLI_ADMIN, "a guess")
    assert wrong.value.kind == "disk"
    assert keys.read_bytes() == before
    assert main(["export", "-o", str(home / "x.json")]) == 1
    err = capsys.readouterr().err
    assert "space" in err and "wrong" not in err


def test_the_first_command_on_a_full_disk_creates_no_database(home: Path, full_disk: Any) -> None:
    full_disk()
    assert main(["demo"]) == 1
    assert not database(home).exists() or files.is_encrypted(database(home))
    assert not KeyStore.path_for(database(home)).exists()


def test_a_disk_error_when_opening_is_not_a_wrong_key() -> None:
    """SQLite's own "disk full" or I/O error while the key is checked says so (the key was right)."""

    class Cursor:
        def execute(self, sql: str) -> Cursor:
            if sql.startswith("SELECT"):
                full = sqlite3.OperationalError("database or disk is full")
                full.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
                raise full
            return self

        def close(self) -> None:
            pass

    class Connection:
        def cursor(self) -> Cursor:
            return Cursor()

    with pytest.raises(files.StorageProblem, match="disk may be full"):
        files.unlock_connection(Connection(), b"k" * 32)
