"""The figures measured in fresh processes: start-up time (app and bare Qt window) and peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_PAINT_ENV = "PLACEMENT_DESK_QUIT_AFTER_PAINT"  # placement_desk.ui.shell.launch quits after the first paint
TIMEOUT = 120


def child_env(home: Path, today: str) -> dict[str, str]:
    """Offscreen Qt, the pinned date, and throw-away user directories (no remembered page or window)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLACEMENT_DESK_", "XDG_"))}
    env.update({
        "QT_QPA_PLATFORM": "offscreen", "PLACEMENT_DESK_TODAY": today, "PYTHONPATH": str(ROOT),
        "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache"),
    })  # fmt: skip
    return env


def timed_until(cmd: list[str], env: dict[str, str], marker: str) -> tuple[float, str]:
    """Seconds from starting ``cmd`` until it prints a line starting with ``marker``, and that line."""
    started = time.perf_counter()
    with subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(marker):
                elapsed = time.perf_counter() - started
                _, stderr = proc.communicate(timeout=TIMEOUT)
                return elapsed, line.strip()
        _, stderr = proc.communicate(timeout=TIMEOUT)
    raise RuntimeError(f"{' '.join(cmd)} never printed {marker!r} (exit {proc.returncode}):\n{stderr[-3000:]}")


def bare_start(env: dict[str, str]) -> tuple[float, float]:
    """Seconds to the first paint of a bare QMainWindow, and its peak RSS in MB."""
    elapsed, line = timed_until([sys.executable, str(ROOT / "bench" / "bare_window.py")], env, "painted")
    return elapsed, float(line.split()[1])


def signed_in(env: dict[str, str]) -> dict[str, str]:
    """The child signs in as the benchmark user (PLACEMENT_DESK_USER/PASSWORD, as a scripted start)."""
    from bench.secure import PASSWORD, USER

    return {**env, "PLACEMENT_DESK_USER": USER, "PLACEMENT_DESK_PASSWORD": PASSWORD}


def app_start(db_path: Path, env: dict[str, str]) -> float:
    """Seconds from starting ``python -m placement_desk --db FILE`` (signing in on the encrypted file) to
    its first painted main window."""
    elapsed, _ = timed_until([sys.executable, "-m", "placement_desk", "--db", str(db_path)],
                             {**signed_in(env), FIRST_PAINT_ENV: "1"}, "painted")  # fmt: skip
    return elapsed


def app_pages(db_path: Path, citizen_ref: str, env: dict[str, str]) -> tuple[dict[str, float], float]:
    """The app on the database in a fresh process (bench.app_child): seconds from the password to the
    main window painted ("password"; its dashboard filled in just after: "password filled"), to every page
    usable, the heaviest citizen and the dashboard again; and its peak RSS (MB) after all of them."""
    done = subprocess.run([sys.executable, "-m", "bench.app_child", str(db_path), citizen_ref], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=TIMEOUT * 5, check=False)  # fmt: skip
    times: dict[str, float] = {}
    peak = 0.0
    for line in done.stdout.splitlines():
        *label, value = line.split()
        if label == ["peak"]:
            peak = float(value)
        elif label:
            times[" ".join(label)] = float(value)
    if done.returncode != 0 or not peak:
        raise RuntimeError(f"bench.app_child failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
    return times, peak


def signin_start(db_path: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting the app itself (``python -m placement_desk --db FILE`` through bench.signin_child:
    the entry point, Qt, the translators, the database's kind found) to its sign-in window painted; its
    peak RSS (MB)."""
    elapsed, line = timed_until([sys.executable, "-m", "bench.signin_child", str(db_path)], env, "painted")
    return elapsed, float(line.split()[1])


def pyside_import(env: dict[str, str]) -> float:
    """Seconds for a process that only imports PySide6's widgets (the sign-in window's floor)."""
    elapsed, _ = timed_until([sys.executable, "-c", "import PySide6.QtWidgets; print('imported', flush=True)"],
                             env, "imported")  # fmt: skip
    return elapsed


def import_floor(env: dict[str, str]) -> float:
    """Seconds for a process that only imports PySide6's widgets and SQLAlchemy's ORM (the libraries
    every start of the app must load before it can read anything), for context."""
    code = "import PySide6.QtWidgets, sqlalchemy.orm; print('imported', flush=True)"
    elapsed, _ = timed_until([sys.executable, "-c", code], env, "imported")
    return elapsed


def move(command: str, db: Path | str, case_file: Path, env: dict[str, str]) -> tuple[float, float]:
    """The whole archive exported to ``case_file``, or that file imported into ``db`` (a new file, or a team
    database's URL), by the command line in a fresh process (bench.move_child): seconds and peak RSS (MB)."""
    _, line = timed_until([sys.executable, "-m", "bench.move_child", command, str(db), str(case_file)],
                          signed_in(env), "done")  # fmt: skip
    _, seconds, peak = line.split()
    return float(seconds), float(peak)
