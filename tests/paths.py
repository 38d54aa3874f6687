"""Where the project's folders are, for tests at any depth."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "placement_desk"
