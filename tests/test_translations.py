"""The Danish translation is complete and sound: every UI source string has a Danish text, placeholders
survive translation, and the committed .qm is the one Qt loads.

Runs lupdate (fast, well under a second) into a temp .ts with the same functions that
``scripts/translations.py`` uses, so the test and the script can never disagree about what is missing.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "translations.py"
QM = ROOT / "resources" / "translations" / "placement_desk_da.qm"
PLACEHOLDER = re.compile(r"%\d+")


def load_script() -> ModuleType:
    if str(SCRIPT.parent) not in sys.path:
        sys.path.insert(0, str(SCRIPT.parent))
    spec = importlib.util.spec_from_file_location("placement_desk_translations_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script()


@pytest.fixture(scope="module")
def fresh_ts(script: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """lupdate of the current UI sources into a temp .ts (the committed one is left alone)."""
    target = tmp_path_factory.mktemp("ts") / "placement_desk_da.ts"
    script.run_lupdate(target)
    return target


def sources_of(ts: Path) -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(ts).getroot().iter("message")}


def test_every_source_string_has_danish_text(script: ModuleType, fresh_ts: Path) -> None:
    sources = sources_of(fresh_ts)
    assert "Citizens" in sources  # lupdate really found the UI
    missing = script.fill(fresh_ts, script.danish())
    assert missing == [], "no Danish text for (add it to resources/translations/da/*.json):\n" + "\n".join(
        repr(s) for s in missing
    )


def test_no_danish_text_is_empty(script: ModuleType) -> None:
    empty = [source for source, text in script.danish().items() if source.strip() and not text.strip()]
    assert empty == []


def test_placeholders_survive_translation(script: ModuleType, fresh_ts: Path) -> None:
    texts = script.danish()
    checked = sources_of(fresh_ts) | set(texts)
    lost = {
        source: texts[source]
        for source in checked
        if source in texts and not set(PLACEHOLDER.findall(source)) <= set(PLACEHOLDER.findall(texts[source]))
    }
    assert lost == {}


def test_committed_qm_translates_to_danish() -> None:
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    assert translator.translate("MainWindow", "Citizens") == "Borgere"
    assert translator.translate("CitizenPage", "Accommodations") == "Skånehensyn"
    assert translator.translate("MainWindow", "&File") == "&Filer"
