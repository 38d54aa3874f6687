"""Checks a PyInstaller one-folder bundle of Placement Desk by running it, headless.

    python packaging/check_bundle.py [dist/placement-desk] [--work DIR] [--screenshot FILE]

Run by `make dist-check` (after `make dist`) and by tests/test_packaging.py. Every run happens in a
scratch directory with its own HOME/XDG folders, so the bundle cannot lean on the source tree or on
the user's data. It checks:
  1. the layout: both executables, resources/ and the Alembic migrations where the code looks for them;
  2. `placement-desk --version` prints placement_desk.__version__ (read from the source);
  3. `placement-desk --db sqlite:///.../x.db demo` and `dossier SA --json` (a valid summary);
  4. `dossier SA --pdf` / `--xlsx`: a real document, or exit 1 saying "not available" (not built yet);
  5. `placement-desk-cli demo` without --db creates the database in the per-user data folder;
  6. the desktop app starts offscreen, shows its main window and passes the self-check of
     packaging/smoke.py (Qt plugins, QtCharts, holidays data, reportlab, openpyxl, password
     protection, resources).
Exit code 0 when all pass, 1 otherwise; one line per check either way.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "placement-desk"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
TIMEOUT = 180


def source_version() -> str:
    text = (ROOT / "placement_desk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.M)
    if not match:
        raise SystemExit("placement_desk/__init__.py has no __version__")
    return match.group(1)


class Bundle:
    def __init__(self, folder: Path, work: Path) -> None:
        self.folder = folder.resolve()
        self.internal = self.folder / "_internal"
        self.work = work
        self.home = work / "home"
        self.db_url = f"sqlite:///{work / 'x.db'}"

    def exe(self, name: str = APP) -> Path:
        return self.folder / f"{name}{EXE_SUFFIX}"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_"))}
        env.pop("PLACEMENT_DESK_DB", None)
        env.update(
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CONFIG_HOME=str(self.home / "config"),
            XDG_STATE_HOME=str(self.home / "state"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            LOCALAPPDATA=str(self.home / "AppData" / "Local"),
            QT_QPA_PLATFORM="offscreen",
            LC_ALL="C.UTF-8",
            LANG="C.UTF-8",
            # the first command creates this administrator and encrypts the database; later ones sign in
            PLACEMENT_DESK_USER="smoke",
            PLACEMENT_DESK_PASSWORD="bundle smoke check",
        )
        env.update(extra)
        return env

    def run(self, *args: str, exe: str = APP, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.exe(exe)), *args],
            cwd=self.work,
            env=self.env(**env),
            check=False,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
        )


class CheckFailed(Exception):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def expect_ok(result: subprocess.CompletedProcess[str], what: str) -> None:
    expect(
        result.returncode == 0,
        f"{what}: exit {result.returncode}\n--- stdout\n{result.stdout}--- stderr\n{result.stderr}",
    )


def missing_files(source: Path, target: Path, suffixes: set[str] | None = None) -> list[str]:
    missing = []
    for path in sorted(source.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if suffixes is not None and path.suffix not in suffixes:
            continue
        copy = target / path.relative_to(source)
        if not copy.is_file() or copy.stat().st_size != path.stat().st_size:
            missing.append(str(path.relative_to(ROOT)))
    return missing


def check_layout(b: Bundle) -> str:
    for name in (APP, f"{APP}-cli"):
        expect(b.exe(name).is_file(), f"no executable {b.exe(name)}")
    resources = missing_files(ROOT / "resources", b.internal / "resources")
    expect(not resources, f"not in the bundle's resources/ (rebuild?): {resources}")
    migrations_src = ROOT / "placement_desk" / "db" / "migrations"
    migrations = missing_files(migrations_src, b.internal / "placement_desk" / "db" / "migrations", {".py", ".mako"})
    expect(not migrations, f"Alembic files not shipped as files: {migrations}")
    qt = b.internal / "PySide6"
    charts = list(qt.glob("QtCharts*"))
    expect(bool(charts), "PySide6.QtCharts is not in the bundle")
    unwanted = [p.name for p in qt.glob("*") if re.match(r"Qt(WebEngine|3D|Quick|Qml|Multimedia)", p.name)]
    expect(not unwanted, f"unused Qt modules were bundled: {unwanted}")
    expect(not list(b.internal.rglob("tkinter")), "tkinter was bundled")
    size = sum(p.stat().st_size for p in b.folder.rglob("*") if p.is_file() and not p.is_symlink())
    return f"executables, resources/, migrations, QtCharts present; {size / 2**20:.0f} MiB"


def check_version(b: Bundle) -> str:
    want = f"{APP} {source_version()}"
    for exe in (APP, f"{APP}-cli"):
        result = b.run("--version", exe=exe)
        expect_ok(result, f"{exe} --version")
        expect(result.stdout.strip() == want, f"{exe} --version printed {result.stdout.strip()!r}, not {want!r}")
    return want


def check_demo_and_json(b: Bundle) -> str:
    expect_ok(b.run("--db", b.db_url, "demo"), "demo")
    out = b.work / "sa.json"
    expect_ok(b.run("--db", b.db_url, "dossier", "SA", "--json", str(out)), "dossier SA --json")
    data = json.loads(out.read_text(encoding="utf-8"))
    expect(data.get("format") == "placement-desk/dossier-summary", f"unexpected JSON format {data.get('format')!r}")
    expect(data.get("citizen", {}).get("ref") == "SA", f"the summary is not SA's: {data.get('citizen')}")
    expect(bool(data.get("placements")), "the summary of SA has no placements")
    return f"demo loaded; SA summary with {len(data['placements'])} placements, {len(data.get('weeks', []))} weeks"


def check_document(b: Bundle, flag: str, magic: bytes) -> str:
    out = b.work / f"sa{flag.replace('--', '.')}"
    result = b.run("--db", b.db_url, "dossier", "SA", flag, str(out))
    if result.returncode == 1 and "not available" in result.stderr:
        return f"skipped: {flag} is not available in this version yet"
    expect_ok(result, f"dossier SA {flag}")
    expect(out.is_file() and out.read_bytes()[: len(magic)] == magic, f"{out.name} is not a {flag[2:]} file")
    return f"{out.name}: {out.stat().st_size} bytes"


def check_default_data_dir(b: Bundle) -> str:
    expect_ok(b.run("demo", exe=f"{APP}-cli"), f"{APP}-cli demo (default database)")
    created = sorted(p for p in b.home.rglob("placement-desk.db"))
    expect(bool(created), "no placement-desk.db was created in the per-user folders")
    return f"created {created[0].relative_to(b.home)} under the scratch HOME"


def check_gui(b: Bundle, screenshot: Path | None) -> str:
    shot = screenshot or (b.work / "window.png")
    started = time.monotonic()
    result = b.run("--db", b.db_url, PLACEMENT_DESK_SMOKE="1", PLACEMENT_DESK_SMOKE_SHOT=str(shot))
    lines = [line for line in result.stdout.splitlines() if line.startswith("smoke: ")]
    expect(bool(lines), f"the app printed no smoke report (exit {result.returncode})\n{result.stdout}{result.stderr}")
    report = json.loads(lines[-1][len("smoke: ") :])
    failed = {k: v["detail"] for k, v in report.get("checks", {}).items() if not v.get("ok")}
    expect(result.returncode == 0 and report.get("ok"), f"exit {result.returncode}; {report}; failed: {failed}")
    expect(report.get("window") is not None, "no main window was shown")
    details = "; ".join(f"{k}: {v['detail']}" for k, v in report["checks"].items())
    return f"window {report['window']!r} up in {time.monotonic() - started:.1f}s; screenshot {shot}; {details}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / APP)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a new temporary one)")
    parser.add_argument("--screenshot", type=Path, help="save the main window's picture here")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"error: no bundle at {args.bundle} (run make dist)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="placement-desk-check-") as scratch:
        work = (args.work or Path(scratch)).resolve()
        work.mkdir(parents=True, exist_ok=True)
        bundle = Bundle(args.bundle, work)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("layout", lambda: check_layout(bundle)),
            ("--version", lambda: check_version(bundle)),
            ("demo + dossier --json", lambda: check_demo_and_json(bundle)),
            ("dossier --pdf", lambda: check_document(bundle, "--pdf", b"%PDF")),
            ("dossier --xlsx", lambda: check_document(bundle, "--xlsx", b"PK")),
            ("default data folder", lambda: check_default_data_dir(bundle)),
            ("GUI offscreen", lambda: check_gui(bundle, args.screenshot)),
        ]
        failures = 0
        for name, check in checks:
            started = time.monotonic()
            try:
                detail = check()
            except (CheckFailed, subprocess.TimeoutExpired, OSError, ValueError) as exc:
                failures += 1
                print(f"FAIL {name}: {exc}", flush=True)
            else:
                print(f"ok   {name} ({time.monotonic() - started:.1f}s): {detail}", flush=True)
    print(f"bundle {args.bundle}: {len(checks) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
