"""The documents that leave the app: the work-capacity dossier and the absence overview as PDF, Excel
and JSON, optionally password protected, and *issued* versions kept byte for byte with who, when and to
whom, so the app can always show exactly what was sent.

The UI and the CLI call only these functions:

- :func:`render_document` - render without recording anything (preview, drafts);
- :func:`issue_document` - render, store the exact files and the summary, return them (one transaction);
- :func:`issued_documents` / :func:`issued_document` / :func:`issued_file` - list and re-open what was sent;
- :func:`find_issued` - which issued version a file on disk is (by SHA-256).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from placement_desk.db import models as m
from placement_desk.db.base import utcnow
from placement_desk.db.engine import Database
from placement_desk.domain.dossier import DossierData, build_dossier
from placement_desk.domain.errors import NotFoundError, ValidationError
from placement_desk.domain.roles import Permission
from placement_desk.domain.sections import Missing
from placement_desk.export.json_summary import dumps, summary
from placement_desk.export.protect import check_password, protect
from placement_desk.services import access, audit, mapping
from placement_desk.services.common import load_citizen, today
from placement_desk.services.templates import find_template
from placement_desk.services.use_case import use_case

DOSSIER, ABSENCE = "dossier", "absence"
KINDS = (DOSSIER, ABSENCE)
FORMATS = ("pdf", "xlsx", "json")
FILE_STEM = {DOSSIER: "arbejdsevnedokumentation", ABSENCE: "fravaersoversigt"}

Renderer = Callable[[DossierData], bytes]


def renderer(kind: str, fmt: str) -> Renderer:
    """The PDF or Excel renderer of a kind, imported when first used (reportlab and openpyxl are slow
    to import; the app's start-up does not pay for them)."""
    if fmt == "pdf":
        from placement_desk.export.pdf_absence import render_absence_pdf
        from placement_desk.export.pdf_dossier import render_dossier_pdf

        return render_dossier_pdf if kind == DOSSIER else render_absence_pdf
    from placement_desk.export.excel_absence import render_absence_xlsx
    from placement_desk.export.excel_dossier import render_dossier_xlsx

    return render_dossier_xlsx if kind == DOSSIER else render_absence_xlsx


@dataclass(frozen=True)
class DocumentFile:
    """One rendered (or issued) file: the exact bytes and a suggested file name."""

    format: str
    filename: str
    content: bytes
    protected: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class Document:
    """The result of rendering or issuing: the data it shows and its files by format."""

    kind: str
    data: DossierData
    files: dict[str, DocumentFile]
    issued_id: int | None = None


@dataclass(frozen=True)
class FileInfo:
    format: str
    filename: str
    sha256: str
    size: int
    protected: bool


@dataclass(frozen=True)
class IssuedInfo:
    """An issued version as the citizen page lists it (no file bytes)."""

    id: int
    citizen_ref: str
    kind: str
    period_from: date
    period_to: date
    recipient: str | None
    issued_at: datetime  # UTC
    issued_by: str | None
    files: list[FileInfo] = field(default_factory=list)
    template_key: str | None = None  # the template a dossier was written under, and its version
    template_version: int | None = None
    incomplete_reason: str | None = None  # why it went out although something was missing


@dataclass(frozen=True)
class IssuedDetail:
    """An issued version with its stored summary (JSON text) and texts, for re-opening."""

    info: IssuedInfo
    summary_json: str
    assessment: str | None
    recommendation: str | None
    template_key: str | None = None
    template_version: int | None = None
    incomplete_reason: str | None = None  # why it went out although something was missing
    incomplete_items: list[str] = field(default_factory=list)  # what was missing (Missing.token)


class IncompleteDossier(ValidationError):
    """Issuing refused: the dossier lacks something (``missing``) and no reason was given to issue it anyway."""

    def __init__(self, missing: list[Missing]) -> None:
        listed = "; ".join(x.message for x in missing)
        super().__init__(
            "--allow-incomplete",
            f"the dossier is not complete: {listed}. Complete it, or give the reason to issue it anyway",
        )
        self.missing = missing


def _check_request(kind: str, formats: Sequence[str], password: str | None) -> None:
    if kind not in KINDS:
        raise ValidationError("kind", code="must_be_one_of", allowed=", ".join(KINDS))
    if not formats:
        raise ValidationError("formats", code="no_format")
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValidationError("formats", code="not_one_of", value=unknown[0], allowed=", ".join(FORMATS))
    if password is not None:
        check_password(password)
        if "json" in formats:
            raise ValidationError("password", code="json_password")


def _consultant(session: Session, row: m.Citizen) -> str | None:
    if row.consultant_id is None:
        return None
    user = session.get(m.User, row.consultant_id)
    return user.display_name if user else None


def stored_texts(session: Session, citizen_id: int, template_key: str) -> dict[str, str]:
    """The consultant's saved texts of a citizen under a template's headings (heading key -> text)."""
    rows = session.execute(
        select(m.DossierText.heading, m.DossierText.text).where(
            m.DossierText.citizen_id == citizen_id, m.DossierText.template == template_key
        )
    )
    return {str(heading): str(text) for heading, text in rows}


def dossier_for(
    session: Session,
    citizen_ref: str,
    period_from: date | None,
    period_to: date | None,
    texts: Mapping[str, str | None],
    template: str | None = None,
    section_texts: Mapping[str, str | None] | None = None,
) -> tuple[m.Citizen, DossierData]:
    """The dossier data of a citizen in an open session: figures, lists, and the description under the
    template's headings with ``section_texts`` (default: the consultant's saved texts)."""
    chosen = find_template(template)
    row = load_citizen(session, citizen_ref, with_attendance=False)  # the records as plain rows:
    attendance = mapping.attendance_rows(session, (p.id for p in row.placements if p.archived_at is None))
    names = {p.company.ref: p.company.name for p in row.placements}
    if section_texts is None:
        section_texts = stored_texts(session, row.id, chosen.key)
    unknown = sorted(set(section_texts) - {h.key for h in chosen.headings})
    if unknown:
        raise ValidationError("sections", code="not_a_heading", heading=unknown[0], template=chosen.key)
    citizen = mapping.citizen_out(row, attendance=attendance)
    data = build_dossier(citizen, names, today(), period_from, period_to, chosen, section_texts)
    consultant = texts.get("consultant") or _consultant(session, row)
    clean = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in texts.items()}
    return row, replace(
        data,
        assessment=clean.get("assessment"),
        recommendation=clean.get("recommendation"),
        recipient=clean.get("recipient"),
        consultant=consultant,
    )


def filename(kind: str, data: DossierData, fmt: str) -> str:
    ref = re.sub(r"[^A-Za-z0-9_-]+", "_", data.citizen.ref)
    return f"{FILE_STEM[kind]}-{ref}-{data.period_from.isoformat()}-{data.period_to.isoformat()}.{fmt}"


def _render(kind: str, data: DossierData, formats: Sequence[str], password: str | None) -> dict[str, DocumentFile]:
    files: dict[str, DocumentFile] = {}
    for fmt in dict.fromkeys(formats):
        content = dumps(summary(data)).encode("utf-8") if fmt == "json" else renderer(kind, fmt)(data)
        if password is not None:
            content = protect(fmt, content, password)
        files[fmt] = DocumentFile(fmt, filename(kind, data, fmt), content, password is not None)
    return files


def render_document(
    db: Database,
    citizen_ref: str,
    *,
    kind: str = DOSSIER,
    formats: Sequence[str] = ("pdf",),
    period_from: date | None = None,
    period_to: date | None = None,
    assessment: str | None = None,
    recommendation: str | None = None,
    consultant: str | None = None,
    recipient: str | None = None,
    password: str | None = None,
    template: str | None = None,
    section_texts: Mapping[str, str | None] | None = None,
) -> Document:
    """Render the dossier (``kind="dossier"``) or absence overview (``"absence"``) without recording it.

    ``formats``: any of ``pdf``, ``xlsx``, ``json``. ``password`` (8+ characters) encrypts the PDF
    (AES-256) and the workbook; it cannot be combined with JSON. ``template`` names the description's
    headings (default ``preparatory_part``); ``section_texts`` are the consultant's texts by heading key
    (default: the texts saved for the citizen). Raises ValidationError / NotFoundError. The files are
    rendered after the read's transaction (:func:`_document_data`) has ended.
    """
    texts = DocumentTexts(assessment, recommendation, consultant, recipient)
    data = _document_data(db, citizen_ref, kind, formats, password, period_from, period_to, texts, template,
                          section_texts)  # fmt: skip
    return Document(kind, data, _render(kind, data, formats, password))


@dataclass(frozen=True)
class DocumentTexts:
    """The texts a document carries besides the description (None: not given)."""

    assessment: str | None = None
    recommendation: str | None = None
    consultant: str | None = None
    recipient: str | None = None

    def as_map(self) -> dict[str, str | None]:
        return {"assessment": self.assessment, "recommendation": self.recommendation,
                "consultant": self.consultant, "recipient": self.recipient}  # fmt: skip


@use_case(Permission.VIEW, audit.EXPORT, "export a document")
def _document_data(
    session: Session,
    citizen_ref: str,
    kind: str,
    formats: Sequence[str],
    password: str | None,
    period_from: date | None,
    period_to: date | None,
    texts: DocumentTexts,
    template: str | None,
    section_texts: Mapping[str, str | None] | None,
) -> DossierData:
    """The data :func:`render_document` renders: the request checked after the role, an "export" entry."""
    _check_request(kind, formats, password)
    row, data = dossier_for(session, citizen_ref, period_from, period_to, texts.as_map(), template, section_texts)
    audit.about(session, row.id, kind=kind, formats=list(formats))
    return data


@use_case(Permission.ISSUE, audit.ISSUE, "issue a document")
def issue_document(
    session: Session,
    citizen_ref: str,
    *,
    recipient: str,
    kind: str = DOSSIER,
    formats: Sequence[str] = ("pdf", "xlsx"),
    period_from: date | None = None,
    period_to: date | None = None,
    assessment: str | None = None,
    recommendation: str | None = None,
    consultant: str | None = None,
    password: str | None = None,
    actor: str | None = None,
    template: str | None = None,
    section_texts: Mapping[str, str | None] | None = None,
    allow_incomplete: str | None = None,
) -> Document:
    """Render and *issue* a document in one transaction: the exact files (as sent, encrypted if a
    password is given), their SHA-256, the summary JSON, who, when and to whom are stored for good.
    Returns the files to save or send; ``Document.issued_id`` names the stored version.

    Nothing goes out half-written: a dossier that lacks something (:meth:`DossierData.completeness`: an
    empty heading, no assessment, no view of the citizen's own, no statement from the workplace, figures
    older than 30 days) is refused with :class:`IncompleteDossier` unless ``allow_incomplete`` gives the
    reason; the reason and what was missing are then kept with the issued version and shown on it.
    """
    if not recipient or not recipient.strip():
        raise ValidationError("recipient", code="recipient")
    _check_request(kind, formats, password)
    reason = (allow_incomplete or "").strip() or None
    texts = DocumentTexts(assessment, recommendation, consultant, recipient).as_map()
    row, data = dossier_for(session, citizen_ref, period_from, period_to, texts, template, section_texts)
    missing = data.completeness() if kind == DOSSIER else []
    if missing and reason is None:
        raise IncompleteDossier(missing)
    if missing:
        data = replace(data, incomplete=missing, incomplete_reason=reason)
    files = _render(kind, data, formats, password)
    issued = m.IssuedDocument(
        citizen_id=row.id,
        kind=kind,
        period_from=data.period_from,
        period_to=data.period_to,
        recipient=data.recipient,
        issued_at=utcnow(),
        issued_by=actor,
        summary_json=dumps(summary(data)),
        assessment=data.assessment,
        recommendation=data.recommendation,
        template_key=data.template.key if data.template and kind == DOSSIER else None,
        template_version=data.template.version if data.template and kind == DOSSIER else None,
        incomplete_reason=data.incomplete_reason,
        incomplete_items=[x.token for x in missing] or None,
        files=[
            m.IssuedFile(
                format=f.format,
                filename=f.filename,
                sha256=f.sha256,
                protected=f.protected,
                size=len(f.content),
                content=f.content,
            )
            for f in files.values()
        ],
    )
    session.add(issued)
    session.flush()
    audit.about(session, row.id, kind=kind, recipient=data.recipient, formats=list(formats),
                **({"incomplete": [x.token for x in missing], "reason": reason} if missing else {}))  # fmt: skip
    return Document(kind, data, files, issued.id)


def _info(d: m.IssuedDocument, citizen_ref: str) -> IssuedInfo:
    return IssuedInfo(
        id=d.id,
        citizen_ref=citizen_ref,
        kind=d.kind,
        period_from=d.period_from,
        period_to=d.period_to,
        recipient=d.recipient,
        issued_at=d.issued_at,
        issued_by=d.issued_by,
        files=[FileInfo(f.format, f.filename, f.sha256, f.size, f.protected) for f in d.files],
        template_key=d.template_key,
        template_version=d.template_version,
        incomplete_reason=d.incomplete_reason,
    )


def _info_query() -> Any:  # a Select of (IssuedDocument, citizen ref)
    return (
        select(m.IssuedDocument, m.Citizen.ref)
        .join(m.Citizen, m.IssuedDocument.citizen_id == m.Citizen.id)
        .options(selectinload(m.IssuedDocument.files).load_only(
            m.IssuedFile.format, m.IssuedFile.filename, m.IssuedFile.sha256, m.IssuedFile.size, m.IssuedFile.protected
        ))  # fmt: skip
    )


def issued_documents(db: Database, citizen_ref: str) -> list[IssuedInfo]:
    """The issued versions of a citizen, newest first (for the citizen page)."""
    access.require_unscoped(db, Permission.VIEW, "see issued documents")
    with db.reading() as session:
        citizen = session.scalar(select(m.Citizen.id).where(m.Citizen.ref == citizen_ref))
        if citizen is None:
            raise NotFoundError("citizen", citizen_ref)
        rows = session.execute(
            _info_query()
            .where(m.IssuedDocument.citizen_id == citizen)
            .order_by(m.IssuedDocument.issued_at.desc(), m.IssuedDocument.id.desc())
        ).all()
        return [_info(d, ref) for d, ref in rows]


def issued_document(db: Database, issued_id: int) -> IssuedDetail:
    """One issued version with its summary JSON and the consultant's texts."""
    access.require_unscoped(db, Permission.VIEW, "see issued documents")
    with db.reading() as session:
        row = session.execute(_info_query().where(m.IssuedDocument.id == issued_id)).first()
        if row is None:
            raise NotFoundError("issued document", str(issued_id))
        d, ref = row
        return IssuedDetail(_info(d, ref), d.summary_json, d.assessment, d.recommendation, d.template_key,
                            d.template_version, d.incomplete_reason, list(d.incomplete_items or []))  # fmt: skip


@use_case(Permission.VIEW, audit.EXPORT, "export an issued document")
def issued_file(session: Session, issued_id: int, fmt: str) -> DocumentFile:
    """The exact bytes of an issued file (byte-identical to what was sent); an export in the audit log."""
    f = session.scalar(
        select(m.IssuedFile).where(m.IssuedFile.document_id == issued_id, m.IssuedFile.format == fmt)
    )
    if f is None:
        raise NotFoundError("issued file", f"{issued_id}/{fmt}")
    doc = session.get(m.IssuedDocument, issued_id)
    audit.about(session, doc.citizen_id if doc else None, issued_id=issued_id, format=fmt)
    return DocumentFile(f.format, f.filename, f.content, f.protected)


def find_issued(db: Database, content: bytes) -> list[IssuedInfo]:
    """The issued versions a file belongs to, found by its SHA-256 (proof of what was sent)."""
    digest = hashlib.sha256(content).hexdigest()
    access.require_unscoped(db, Permission.VIEW, "look up issued documents")
    with db.reading() as session:
        rows = session.execute(
            _info_query()
            .join(m.IssuedFile, m.IssuedFile.document_id == m.IssuedDocument.id)
            .where(m.IssuedFile.sha256 == digest)
            .order_by(m.IssuedDocument.id)
        ).all()
        return [_info(d, ref) for d, ref in rows]
