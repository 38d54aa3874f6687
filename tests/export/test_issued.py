"""Issued versions: what was sent is kept byte for byte and can be proven later; password protection."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import msoffcrypto
import pikepdf
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.domain.errors import NotFoundError, ValidationError
from placement_desk.services import documents

PASSWORD = "Rehab-2024!"


def test_an_issued_version_reopens_byte_identical(demo_db: Database) -> None:
    doc = documents.issue_document(
        demo_db,
        "SA",
        recipient="Jobcenter København, rehabiliteringsteamet",
        formats=("pdf", "xlsx", "json"),
        assessment="Kan arbejde 9 timer om ugen med personlig assistent.",
        recommendation="Fleksjob",
        consultant="Karin Jensen",
        actor="karin",
        allow_incomplete="Historisk periode til sagens akter",
    )
    assert doc.issued_id is not None
    for fmt, sent in doc.files.items():
        again = documents.issued_file(demo_db, doc.issued_id, fmt)
        assert again.content == sent.content and again.sha256 == sent.sha256
        assert again.filename == sent.filename == f"arbejdsevnedokumentation-SA-2022-09-05-2024-04-19.{fmt}"
    detail = documents.issued_document(demo_db, doc.issued_id)
    assert json.loads(detail.summary_json) == json.loads(doc.files["json"].content)
    assert detail.assessment == "Kan arbejde 9 timer om ugen med personlig assistent."
    info = detail.info
    assert (info.kind, info.recipient, info.issued_by, info.citizen_ref) == (
        "dossier", "Jobcenter København, rehabiliteringsteamet", "karin", "SA"
    )  # fmt: skip
    assert info.issued_at.tzinfo is not None
    assert {f.format: f.sha256 for f in info.files} == {k: f.sha256 for k, f in doc.files.items()}
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(doc.files["pdf"].content)).pages)
    assert "Karin Jensen" in text and "Jobcenter København, rehabiliteringsteamet" in text and "Fleksjob" in text


def test_issued_versions_are_listed_newest_first_and_found_by_their_bytes(demo_db: Database) -> None:
    first = documents.issue_document(demo_db, "DC", recipient="Lægen", kind="absence", formats=("pdf",))
    second = documents.issue_document(
        demo_db, "DC", recipient="Jobcentret", formats=("xlsx",), period_from=None, period_to=None,
        allow_incomplete="Test",
    )
    listed = documents.issued_documents(demo_db, "DC")
    assert [i.id for i in listed] == [second.issued_id, first.issued_id]
    assert listed[1].kind == "absence" and listed[1].files[0].filename.startswith("fravaersoversigt-DC-")
    assert [i.id for i in documents.find_issued(demo_db, first.files["pdf"].content)] == [first.issued_id]
    assert documents.find_issued(demo_db, b"not sent") == []
    assert documents.issued_documents(demo_db, "SA") == []
    with pytest.raises(NotFoundError):
        documents.issued_file(demo_db, first.issued_id or 0, "xlsx")
    with pytest.raises(NotFoundError):
        documents.issued_documents(demo_db, "NOBODY")


def test_rendering_records_nothing_and_bad_requests_change_nothing(demo_db: Database) -> None:
    documents.render_document(demo_db, "SA", formats=("json",))
    for bad in (
        {"recipient": " "},
        {"recipient": "X", "formats": ()},
        {"recipient": "X", "formats": ("docx",)},
        {"recipient": "X", "kind": "letter"},
        {"recipient": "X", "password": "short"},
        {"recipient": "X", "password": PASSWORD, "formats": ("pdf", "json")},
    ):
        with pytest.raises(ValidationError):
            documents.issue_document(demo_db, "SA", **bad)  # type: ignore[arg-type]
    with demo_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(m.IssuedDocument)) == 0


def test_password_protected_files_do_not_open_without_the_password(demo_db: Database, tmp_path: Path) -> None:
    doc = documents.issue_document(demo_db, "DC", recipient="Lægen", formats=("pdf", "xlsx"), password=PASSWORD,
                                   allow_incomplete="Test")
    pdf, xlsx = doc.files["pdf"], doc.files["xlsx"]
    assert pdf.protected and xlsx.protected
    # PDF: AES-256, no text without the password
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(io.BytesIO(pdf.content))
    reader = PdfReader(io.BytesIO(pdf.content))
    assert reader.is_encrypted and not reader.decrypt("wrong password")
    with pikepdf.open(io.BytesIO(pdf.content), password=PASSWORD) as opened:
        assert opened.encryption.R == 6 and opened.encryption.bits == 256
        assert opened.encryption.stream_method.name == "aesv3"
        assert len(opened.pages) >= 1
    path = tmp_path / "dc.pdf"
    path.write_bytes(pdf.content)
    assert subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=False).returncode != 0
    text = subprocess.run(["pdftotext", "-upw", PASSWORD, str(path), "-"], capture_output=True, text=True, check=True)
    assert "FORTROLIGT" in text.stdout
    # xlsx: an encrypted Office container, not a workbook, until decrypted with the password
    with pytest.raises(Exception):  # noqa: B017 - openpyxl raises zipfile's or its own error
        load_workbook(io.BytesIO(xlsx.content))
    office = msoffcrypto.OfficeFile(io.BytesIO(xlsx.content))
    assert office.is_encrypted()
    with pytest.raises(msoffcrypto.exceptions.InvalidKeyError):
        office.load_key(password="wrong password")
        office.decrypt(io.BytesIO())
    office = msoffcrypto.OfficeFile(io.BytesIO(xlsx.content))
    office.load_key(password=PASSWORD)
    plain = io.BytesIO()
    office.decrypt(plain)
    assert "Forside" in load_workbook(plain).sheetnames
    # the issued version is exactly the protected file that was sent
    assert documents.issued_file(demo_db, doc.issued_id or 0, "pdf").content == pdf.content
    assert all(f.protected for f in documents.issued_documents(demo_db, "DC")[0].files)


def test_a_database_at_the_baseline_gains_the_issued_tables_and_keeps_its_data(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import inspect, text

    from placement_desk.db.migrate import alembic_config, current_revision, head_revision, upgrade

    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            text(
                "INSERT INTO citizens (ref, name, created_at, updated_at, version) "
                "VALUES ('SA', 'S. A.', '2026-01-01', '2026-01-01', 1)"
            )
        )
    assert "issued_documents" not in inspect(db.engine).get_table_names()
    assert upgrade(db) is not None  # a copy was taken first
    assert current_revision(db.engine) == head_revision()
    assert {"issued_documents", "issued_files"} <= set(inspect(db.engine).get_table_names())
    with db.reading() as s:
        assert s.scalar(select(m.Citizen.name)) == "S. A."
    db.dispose()
