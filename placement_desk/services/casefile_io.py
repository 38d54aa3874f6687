"""Import and export of the case file (spec section 1): all or nothing, idempotent, exact round trip."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.db.engine import Database
from placement_desk.db.private import private_writer
from placement_desk.domain import casefile as cf
from placement_desk.domain.casefile_json import loads_case_file
from placement_desk.domain.casefile_parse import parse_citizen
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.json_node import _READING, Reading
from placement_desk.domain.roles import Permission
from placement_desk.export.collector import collector_paused
from placement_desk.export.json_indented import write_streamed
from placement_desk.services import access, audit, mapping
from placement_desk.services.audit import audited
from placement_desk.services.casefile_import import (
    ImportBatches,
    ImportResult,
    Progress,
    closing_stream,
    document_parts,
    head_companies,
    known_refs,
)
from placement_desk.services.casefile_read import attendance_json, citizens_out
from placement_desk.services.casefile_stream import CaseFileStream, open_case_file
from placement_desk.services.common import load_citizen
from placement_desk.services.use_case import use_case


def read_case_file(path: str | Path) -> Any:
    """The JSON document of a case file on disk (a UTF-8 byte-order mark is accepted).

    Raises ValidationError naming the file, or the JSON path inside it, for anything that is not a
    readable case-file document (see :func:`placement_desk.domain.casefile_json.loads_case_file`).
    """
    source = str(path)
    try:
        raw = Path(path).expanduser().read_bytes()
    except OSError as exc:
        raise ValidationError(source, code="cannot_read_file", reason=exc.strerror or exc) from None
    try:
        text = raw.decode("utf-8-sig")  # the text only: the bytes are let go before the JSON is parsed
    except UnicodeDecodeError:
        return loads_case_file(raw, source)  # which names the first byte that is not UTF-8
    del raw
    return loads_case_file(text, source)


__all__ = ["ImportResult", "Progress", "export_case_file", "import_case_file", "known_refs", "open_case_file", "read_case_file",
           "write_case_file"]  # fmt: skip


def import_case_file(
    db: Database, data: Any, actor: str | None = None, progress: Progress | None = None
) -> ImportResult:
    """Validate and upsert a case file in one transaction (nothing changes on error).

    ``data`` is the JSON document, or a :class:`~placement_desk.services.casefile_stream.CaseFileStream`
    (:func:`open_case_file`), which is read citizen by citizen: the file is never held whole. Citizens are
    checked and written in batches; a check that needs the whole document (a ref used twice, a reference
    to another part) keeps only refs. ``progress(done, total)`` is called per citizen (for a stream: bytes
    read of the file's size); an exception raised from it (a cancel) rolls the whole import back.
    """
    result, reading = ImportResult(), Reading()
    access.require_unscoped(db, Permission.IMPORT, "import a case file")
    # Paused collector: an import makes hundreds of thousands of objects that go by reference counting, and
    # full scans of the process would come every few thousand records; each batch ends with a young scan.
    with (
        collector_paused(),
        db.transaction() as session,
        closing_stream(data if isinstance(data, CaseFileStream) else None),
    ):
        audit.quiet(session)  # thousands of rows: the entry lists what was created and updated instead
        token = _READING.set(reading)  # hours rounded to the minute are counted (spec section 1)
        try:
            head, citizens, total = document_parts(data, progress)
            end = total if total is not None else data.size()  # citizens, or the file's bytes
            del data  # a document's citizens go as they are written (if the caller holds none)
            importing = ImportBatches(session, actor, result, head_companies(head))
            for index, raw in enumerate(citizens):
                if total is not None and progress is not None:
                    progress(index, total)
                importing.add(index, parse_citizen(raw, f"citizens[{index}]"))
            importing.flush()
        finally:
            _READING.reset(token)
        if progress is not None:
            progress(end, end)
        result.rounded = reading.rounded
        ids = sorted(importing.ids)
        audit.record(session, db, audit.IMPORT, ids[0] if len(ids) == 1 else None,
                     {"created": result.created, "updated": result.updated, "unchanged": result.unchanged,
                      "citizen_ids": ids}, actor=actor, with_changes=False)  # fmt: skip
    return result


EXPORT_BATCH = 50


@use_case(Permission.EXPORT, audit.EXPORT, "export the case file")
def export_case_file(session: Session, citizen_ref: str | None = None) -> dict[str, Any]:
    """The case file of every active citizen (or one citizen) with the companies they use."""
    head, citizens = _export(session, citizen_ref)
    return {**head, "citizens": list(citizens)}


@access.requires(Permission.EXPORT)
def write_case_file(db: Database, path: str | Path, citizen_ref: str | None = None) -> None:
    """:func:`export_case_file` written to ``path`` (the same bytes as ``dumps`` of it), citizen by citizen:
    the archive is never held whole, in objects or as text. The file is private and written whole or not
    at all (db.private); the audit entry is part of the same read.

    Not a ``@use_case``: the file is a second commit outside the transaction. The role check comes first
    (before a file is opened), then the private file is opened around the audited read, so the entry is
    committed before the file is put in place (never a file out without its entry) and a failed read
    leaves no file."""
    with (
        collector_paused(),  # a batch of citizens at a time, each followed by a young scan (_citizens_json)
        private_writer(Path(path)) as out,
        audited(db, Permission.EXPORT, audit.EXPORT, "export the case file") as session,
    ):
        head, citizens = _export(session, citizen_ref)
        write_streamed(out, head, "citizens", citizens)


def _export(session: Session, citizen_ref: str | None) -> tuple[dict[str, Any], Iterator[cf.Json]]:
    """The document's head (format, version, companies) and its citizens as JSON, read lazily in ref order."""
    if citizen_ref is not None:
        citizen = load_citizen(session, citizen_ref, with_attendance=False)
        refs = {p.company.ref for p in citizen.placements if p.archived_at is None}
        companies = list(session.scalars(select(m.Company).where(m.Company.ref.in_(refs))))
        order = [citizen.id]
    else:
        rows = session.execute(select(m.Citizen.id, m.Citizen.ref).where(m.Citizen.archived_at.is_(None))).all()
        order = [cid for cid, _ in sorted(rows, key=lambda r: r[1])]  # the document's order (by ref, as Python sorts)
        companies = list(session.scalars(select(m.Company).where(m.Company.archived_at.is_(None))))
    ids = sorted(order)
    audit.about(session, ids[0] if citizen_ref is not None else None, what="case file", citizen_ids=ids)
    outs = sorted((mapping.company_out(c) for c in companies), key=lambda c: c.ref)
    head = {"format": cf.FORMAT, "version": cf.VERSION, "companies": [cf.company_json(c) for c in outs]}
    return head, _citizens_json(session, order)


def _citizens_json(session: Session, order: list[int]) -> Iterator[cf.Json]:
    """The citizens as JSON in ``order``, read a batch at a time as plain rows and let go once written."""
    for start in range(0, len(order), EXPORT_BATCH):
        chunk = order[start : start + EXPORT_BATCH]
        citizens = citizens_out(session, chunk)
        placements = session.execute(
            select(m.Placement.citizen_id, m.Placement.ref, m.Placement.id).where(
                m.Placement.citizen_id.in_(chunk), m.Placement.archived_at.is_(None)
            )
        ).all()
        attendance = attendance_json(session, [pid for _, _, pid in placements])
        ids = {(cid, ref): pid for cid, ref, pid in placements}
        for cid in chunk:
            out = cf.citizen_json(citizens[cid])
            for placement in out["placements"]:  # the records, made JSON straight from their rows
                placement["attendance"] = attendance.get(ids[cid, placement["ref"]], [])
            yield out
        del citizens, attendance
        gc.collect(1)  # the batch's cycles, if any (the collector is paused around the export)
