"""The dossier's description: the consultant's texts under a template's headings, saved per citizen, and
the completeness check a dossier passes before it is issued (spec section 3 ``sections``; section 4
``--allow-incomplete``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.domain.dossier import DossierData
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.json_node import check_text
from placement_desk.domain.roles import Permission
from placement_desk.domain.sections import Missing
from placement_desk.services import audit
from placement_desk.services.common import by_ref
from placement_desk.services.documents import dossier_for, stored_texts
from placement_desk.services.templates import find_template
from placement_desk.services.use_case import use_case


@dataclass(frozen=True)
class Check:
    """A dossier as it would go out now, and what it lacks (empty: it can be issued without a reason)."""

    data: DossierData
    missing: list[Missing]


@use_case(Permission.VIEW, audit.VIEW, "see the description's texts")
def dossier_texts(s: Session, citizen_ref: str, template: str | None = None) -> dict[str, str]:
    """The consultant's saved texts for a citizen under a template's headings (heading key -> text)."""
    chosen = find_template(template)
    citizen = by_ref(s, m.Citizen, citizen_ref)
    audit.about(s, citizen.id, what="description texts", template=chosen.key)
    return stored_texts(s, citizen.id, chosen.key)


def store_text(s: Session, citizen_id: int, template: str, heading: str, text: str | None, actor: str | None) -> str | None:
    """Write one text in an open transaction (an empty one removes it); returns the text it replaced."""
    row = s.scalar(
        select(m.DossierText).where(
            m.DossierText.citizen_id == citizen_id, m.DossierText.template == template, m.DossierText.heading == heading
        )
    )
    before = row.text if row is not None else None
    clean = check_text((text or "").strip(), "text") or None
    if clean is None:
        if row is not None:
            s.delete(row)
    elif row is None:
        s.add(m.DossierText(citizen_id=citizen_id, template=template, heading=heading, text=clean, updated_by=actor))
    elif row.text != clean:
        row.text, row.updated_by = clean, actor
    return before


@use_case(Permission.EDIT, audit.CHANGE, "save a description text")
def save_dossier_text(
    s: Session, citizen_ref: str, template: str | None, heading: str, text: str | None, actor: str | None = None
) -> str | None:
    """Save the consultant's text under one heading (an empty text removes it); returns the text it
    replaced (for undo)."""
    chosen = find_template(template)
    if chosen.heading(heading) is None:
        raise ValidationError("heading", code="not_a_heading", heading=heading, template=chosen.key)
    check_text(text or "", "text")
    citizen = by_ref(s, m.Citizen, citizen_ref)
    audit.about(s, citizen.id, template=chosen.key, heading=heading)
    return store_text(s, citizen.id, chosen.key, heading, text, actor)


@use_case(Permission.VIEW, audit.VIEW, "check a dossier")
def check_dossier(
    s: Session,
    citizen_ref: str,
    *,
    template: str | None = None,
    period_from: date | None = None,
    period_to: date | None = None,
    assessment: str | None = None,
    section_texts: Mapping[str, str | None] | None = None,
) -> Check:
    """The completeness check before issuing: each empty heading and each missing item (no assessment, no
    view of the citizen's own, no statement from the workplace, figures older than 30 days)."""
    texts = {"assessment": assessment}
    row, data = dossier_for(s, citizen_ref, period_from, period_to, texts, template, section_texts)
    audit.about(s, row.id, what="completeness check")
    return Check(data, data.completeness())
