"""The PyInstaller bundle builds and runs headless (packaging/check_bundle.py does the checking).

Skipped when PyInstaller is not installed (`make test` installs only the test extra); `make dist-check`
builds dist/placement-desk and always runs the same check script. With PLACEMENT_DESK_BUNDLE=DIR this
test checks an existing bundle instead of building one (about two minutes) into a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller")

pytestmark = [pytest.mark.bundle, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("PLACEMENT_DESK_BUNDLE")
    if given:
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
