"""Who may do what: the five roles, their permissions and the signed-in principal.

The services enforce these (not only the UI): every service call that touches personal data asks
:func:`placement_desk.services.access.require` first.

- administrator: everything, including users, the audit log, erasure and restoring backups.
- consultant (virksomhedskonsulent): citizens, companies, placements, documents, import and export.
- mentor: the citizen's path (follow-ups, goals, hours plans, attendance) and documents; no company
  master data, no import/export of whole case files.
- workplace mentor (praktikansvarlig): sees and logs attendance only for placements at their own company;
  never a citizen's page, so never health notes.
- case worker (sagsbehandler): reads everything a consultant reads, changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from placement_desk.domain.errors import CodedValueError


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    CONSULTANT = "consultant"
    MENTOR = "mentor"
    WORKPLACE_MENTOR = "workplace_mentor"
    CASEWORKER = "caseworker"


class Permission(StrEnum):
    VIEW = "view"  # read citizens (incl. health notes), companies, placements, documents
    EDIT = "edit"  # change a citizen's path: citizen, placements, follow-ups, goals, accommodations
    ATTENDANCE = "attendance"  # log attendance (a workplace mentor: own company only)
    COMPANIES = "companies"  # company master data and contacts
    ISSUE = "issue"  # render and issue dossiers and absence overviews
    IMPORT = "import"  # import case files, load demo data
    EXPORT = "export"  # export case files, data-subject export
    ADMIN = "admin"  # users, audit log, erasure, retention, restore


ALL = frozenset(Permission)
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: ALL,
    Role.CONSULTANT: ALL - {Permission.ADMIN},
    Role.MENTOR: frozenset({Permission.VIEW, Permission.EDIT, Permission.ATTENDANCE, Permission.ISSUE}),
    Role.WORKPLACE_MENTOR: frozenset({Permission.ATTENDANCE}),
    Role.CASEWORKER: frozenset({Permission.VIEW}),
}

ROLE_LABELS = {
    Role.ADMINISTRATOR: "Administrator",
    Role.CONSULTANT: "Consultant",
    Role.MENTOR: "Mentor",
    Role.WORKPLACE_MENTOR: "Workplace mentor",
    Role.CASEWORKER: "Case worker (read only)",
}


def parse_role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise CodedValueError("unknown_role", value=repr(value), allowed=", ".join(r.value for r in Role)) from None


@dataclass(frozen=True)
class Principal:
    """The signed-in user. ``company_ref`` scopes a workplace mentor to their own company."""

    username: str
    display_name: str
    role: Role
    company_ref: str | None = None

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    @property
    def company_scoped(self) -> bool:
        """True for a workplace mentor: everything is limited to ``company_ref``."""
        return self.role is Role.WORKPLACE_MENTOR
