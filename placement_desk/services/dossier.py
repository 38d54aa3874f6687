"""Build the dossier data of a citizen from the database."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from placement_desk.domain.dossier import DossierData, build_dossier
from placement_desk.domain.roles import Permission
from placement_desk.services import audit, mapping
from placement_desk.services.common import load_citizen, today
from placement_desk.services.use_case import use_case


@use_case(Permission.VIEW, audit.EXPORT, "make a dossier")
def dossier_data(
    session: Session,
    citizen_ref: str,
    period_from: date | None = None,
    period_to: date | None = None,
    on: date | None = None,
) -> DossierData:
    """The figures and lists of the dossier for one citizen, clipped to the period (spec section 3)."""
    row = load_citizen(session, citizen_ref)
    audit.about(session, row.id, what="dossier figures")
    citizen = mapping.citizen_out(row)
    names = {p.company.ref: p.company.name for p in row.placements}
    return build_dossier(citizen, names, on or today(), period_from, period_to)
