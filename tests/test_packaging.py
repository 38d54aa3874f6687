"""The PyInstaller bundle builds and runs headless (packaging/check_bundle.py does the checking).

Skipped when PyInstaller is not installed (`make test` installs only the test extra), and, because a
build takes minutes and a shared .venv may well have PyInstaller from `make dist`, also unless asked:
    PLACEMENT_DESK_BUNDLE=dist/placement-desk pytest -m bundle   checks an existing bundle;
    PLACEMENT_DESK_BUNDLE=build pytest -m bundle                 builds one into a temporary folder.
`make dist-check` builds dist/placement-desk and always runs the same check script on it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller")

# Building takes minutes (pytest-timeout's default is for ordinary tests).
pytestmark = [pytest.mark.bundle, pytest.mark.slow, pytest.mark.timeout(1800)]

ENV = "PLACEMENT_DESK_BUNDLE"

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get(ENV, "")
    if not given:
        pytest.skip(f"set {ENV}=DIR to check a bundle or {ENV}=build to build one (make dist-check does it)")
    if given != "build":
        return Path(given).resolve()
    out = tmp_path_factory.mktemp("pyinstaller")
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "packaging/placement_desk.spec",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
        ],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert build.returncode == 0, build.stderr[-5000:]
    return out / "dist" / "placement-desk"


def test_the_bundle_runs_headless(bundle: Path, tmp_path: Path) -> None:
    check = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "check_bundle.py"), str(bundle), "--work", str(tmp_path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 failed" in check.stdout
