"""Updates the Qt translation files: lupdate -> fill Danish from resources/translations/da/*.json -> lrelease.

The UI's source strings are English (self.tr("...")). The Danish texts live in small JSON files,
one per screen (``{"English source": "Dansk tekst"}``), so that several people can translate at once;
this script writes them into ``placement_desk_da.ts`` (which Qt Linguist can also edit) and compiles
``placement_desk_da.qm``. ``--check`` exits 1 when a source string has no Danish text.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "placement_desk_da.ts"
QM = TS.with_suffix(".qm")
DANISH = ROOT / "resources" / "translations" / "da"


def tool(name: str) -> str:
    local = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(local) if local.exists() else f"pyside6-{name}"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "placement_desk" / "ui").rglob("*.py"))


def danish() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(DANISH.glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def run_lupdate(target: Path) -> None:
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources(), "-ts", str(target)],
                   cwd=ROOT, check=True)


def fill(target: Path, texts: dict[str, str]) -> list[str]:
    tree = ET.parse(target)
    missing: list[str] = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in texts:
            translation.text = texts[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return sorted(set(missing))


def main(argv: list[str]) -> int:
    run_lupdate(TS)
    missing = fill(TS, danish())
    subprocess.run([tool("lrelease"), "-silent", str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    for source in missing:
        print(f"no Danish text for: {source!r}", file=sys.stderr)
    return 1 if missing and "--check" in argv else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
