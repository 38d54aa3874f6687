"""Files shipped under ``resources/`` (fonts, icons, translations), found the same way everywhere.

In a source checkout they sit next to the package; in a frozen PyInstaller bundle they are unpacked
under ``sys._MEIPASS``. Nothing here imports Qt, so the renderers can use it too.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under resources/, in a source checkout and in a frozen (PyInstaller) bundle alike."""
    base = Path(getattr(sys, "_MEIPASS", SOURCE_ROOT))
    return base.joinpath("resources", *parts)
