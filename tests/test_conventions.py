"""The code's conventions as a check that runs with the suite (not only with ``make lint``): ruff with the
project's rules, among them RUF100 (no unused ``noqa``), C901 (complexity at most 10) and PLR0915 (50
statements at most). Import cycles and module length: tests/test_layers.py."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.paths import ROOT


def test_the_rules_are_on() -> None:
    lint = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
    assert {"RUF100", "C901", "PLR0915"} <= set(lint["select"])
    assert lint["mccabe"]["max-complexity"] == 10


def test_ruff_finds_nothing() -> None:
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "placement_desk", "tests", "bench"],
                          cwd=ROOT, capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
