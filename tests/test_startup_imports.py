"""The sign-in window's module is imported without SQLAlchemy (start-up time: issue 17)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
