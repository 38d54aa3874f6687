"""Export fixtures: the demo database, and every demo citizen's documents rendered once per session."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from placement_desk.db.engine import Database
from placement_desk.demo.seed_cases import demo_case_file
from placement_desk.domain.dossier import DossierData

TODAY = "2026-11-23"
DEMO_REFS = sorted(c["ref"] for c in demo_case_file(date.fromisoformat(TODAY))["citizens"])


@dataclass(frozen=True)
class Rendered:
    ref: str
    summary: dict[str, Any]
    pdf: bytes
    xlsx: bytes
    pages: list[str]  # pypdf text per page
    absence_pdf: bytes
    absence_xlsx: bytes
    data: DossierData  # the exact figures the documents were rendered from

    @property
    def text(self) -> str:
        """All pages' text with whitespace normalised (table cells come out one per line)."""
        return " ".join(" ".join(self.pages).split())


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages]


@pytest.fixture(scope="session")
def demo_path(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from placement_desk.services.demo import load_demo

    path = tmp_path_factory.mktemp("export-demo") / "demo.db"
    shutil.copyfile(template_db, path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLACEMENT_DESK_TODAY", TODAY)
        db = Database(f"sqlite:///{path}")
        load_demo(db)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.dispose()
    return path


@pytest.fixture(scope="session")
def demo_docs(demo_path: Path) -> dict[str, Rendered]:
    """Every demo citizen's dossier (PDF, Excel, JSON) and absence overview, rendered once."""
    import json

    from placement_desk.services.documents import render_document

    out: dict[str, Rendered] = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PLACEMENT_DESK_TODAY", TODAY)
        db = Database(f"sqlite:///{demo_path}")
        for ref in DEMO_REFS:
            doc = render_document(db, ref, formats=("pdf", "xlsx", "json"), assessment="Vurdering af " + ref)
            absence = render_document(db, ref, kind="absence", formats=("pdf", "xlsx"))
            out[ref] = Rendered(
                ref=ref,
                summary=json.loads(doc.files["json"].content),
                pdf=doc.files["pdf"].content,
                xlsx=doc.files["xlsx"].content,
                pages=pdf_pages(doc.files["pdf"].content),
                absence_pdf=absence.files["pdf"].content,
                absence_xlsx=absence.files["xlsx"].content,
                data=doc.data,
            )
        db.dispose()
    return out


@pytest.fixture
def demo_db(demo_path: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo database for a test that writes."""
    target = tmp_path / "demo.db"
    shutil.copyfile(demo_path, target)
    db = Database(f"sqlite:///{target}")
    yield db
    db.dispose()
