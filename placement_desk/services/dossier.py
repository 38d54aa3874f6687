"""Build the dossier data of a citizen from the database."""

from __future__ import annotations

from datetime import date

from placement_desk.db.engine import Database
from placement_desk.domain.dossier import DossierData, build_dossier
from placement_desk.domain.roles import Permission
from placement_desk.services import access, audit, mapping
from placement_desk.services.audit import audited
from placement_desk.services.common import load_citizen, today


@access.requires(Permission.VIEW)
def dossier_data(
    db: Database,
    citizen_ref: str,
    period_from: date | None = None,
    period_to: date | None = None,
    on: date | None = None,
) -> DossierData:
    """The figures and lists of the dossier for one citizen, clipped to the period (spec section 3)."""
    with audited(db, Permission.VIEW, audit.EXPORT, "make a dossier") as session:
        row = load_citizen(session, citizen_ref)
        audit.about(session, row.id, what="dossier figures")
        citizen = mapping.citizen_out(row)
        names = {p.company.ref: p.company.name for p in row.placements}
    return build_dossier(citizen, names, on or today(), period_from, period_to)
