"""Domain error messages (English, with a field path) shown to the user in Danish."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from placement_desk.domain.errors import AccessDenied, ConflictError, DatabaseDamaged, NotFoundError, ValidationError
from placement_desk.domain.roles import Role

REFUSED = "Din rolle giver ikke adgang til dette."

# Field names as the forms label them.
FIELDS = {
    "name": "Navn",
    "ref": "Reference",
    "cpr": "CPR-nummer",
    "birth_year": "Fødselsår",
    "cvr": "CVR-nummer",
    "company": "Virksomhed",
    "type": "Type",
    "purpose": "Formål",
    "start": "Start",
    "end": "Slut",
    "end_reason": "Årsag til afslutning",
    "workplace_mentor": "Virksomhedsmentor",
    "from": "Gælder fra",
    "hours": "Timer",
    "paid_per_week": "Løntimer pr. uge",
    "date": "Dato",
    "status": "Status",
    "reason": "Årsag",
    "score": "Score",
    "text": "Tekst",
    "category": "Kategori",
    "source": "Kilde",
    "effectiveness_pct": "Effektivitet",
    "kind": "Type",
    "placement": "Forløb",
    "note": "Notat",
    "programme": "Indsats",
    "new_end": "Ny slutdato",
    "identified": "Afdækket",
    "area": "Livsområde",
    "username": "Brugernavn",
    "display_name": "Fulde navn",
    "password": "Adgangskode",
    "password2": "Gentag adgangskode",
    "role": "Rolle",
    "active": "Aktiv",
    "code": "Gendannelseskode",
}

PATTERNS: list[tuple[str, str]] = [
    (r"^is required$", "skal udfyldes"),
    (r"^not a date \(YYYY-MM-DD\)$", "er ikke en dato"),
    (r"^not a date \((.+) does not exist\)$", r"datoen \1 findes ikke"),
    (r"^must be between (.+) and the step's weekly hours \((.+)\)$", r"skal være mellem \1 og trinnets ugetimer (\2)"),
    (r"^must be between (.+) and (.+)$", r"skal være mellem \1 og \2"),
    (r"^must be a number$", "skal være et tal"),
    (r"^must be text$", "skal være tekst"),
    (r"^must be non-empty text$", "skal udfyldes"),
    (r"^is before start$", "ligger før start"),
    (r"^(.+) is outside the placement's period (.+)\.\.(.+)$", r"\1 ligger uden for forløbets periode \2 – \3"),
    (r"^must be 8 digits$", "skal være 8 cifre"),
    (r"^fails the modulus-11 check$", "er ikke et gyldigt CVR-nummer (modulus 11)"),
    (r"^must be 10 digits, DDMMYY-XXXX or DDMMYYXXXX$", "skal være 10 cifre: DDMMÅÅ-XXXX"),
    (r"^does not encode a real date \(DDMMYY\)$", "indeholder ikke en gyldig dato (DDMMÅÅ)"),
    (r"^must be a whole number from -5 to 5$", "skal være et helt tal fra -5 til 5"),
    (r"^must be a whole number of minutes.*$", "skal være hele minutter (fx 0,25 = 15 minutter)"),
    (r"^duplicate (.+) (.+)$", r"findes allerede (\2)"),
    (r"^'(.+)' is not one of (.+)$", r"'\1' er ikke en gyldig værdi"),
    (r"^must be at least (\d+) characters$", r"skal være mindst \1 tegn"),
    (r"^must be one word of at most 80 characters$", "skal være ét ord på højst 80 tegn"),
    (r"^(.+) exists already$", r"\1 findes allerede"),
    (r"^a workplace mentor needs their company$", "vælg praktikstedets virksomhed"),
    (r"^no company '?(.+?)'?$", r"virksomheden \1 findes ikke"),
    (r"^you cannot deactivate yourself$", "du kan ikke gøre dig selv inaktiv"),
    (r"^at least one active administrator must remain$", "der skal være mindst én aktiv administrator"),
    (r"^no user '?(.+?)'?$", r"brugeren \1 findes ikke"),
    (r"^the passwords differ$", "de to adgangskoder er ikke ens"),
    (r"^unknown role (.+)$", "er ikke en gyldig rolle"),
]


def field_label(path: str) -> str:
    key = re.split(r"[.\[]", path)[-1] if path else ""
    if path.endswith("]"):
        key = re.split(r"[.\[]", path)[0]
    return FIELDS.get(key, path)


def danish_message(message: str) -> str:
    for pattern, replacement in PATTERNS:
        if re.match(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


def danish_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        label = field_label(exc.path)
        return f"{label}: {danish_message(exc.message)}" if label else danish_message(exc.message)
    if isinstance(exc, ConflictError):
        return "En anden har gemt en nyere udgave af posten, mens du arbejdede med den. Indlæs den igen, før du gemmer."
    if isinstance(exc, AccessDenied):
        return REFUSED
    if isinstance(exc, DatabaseDamaged):
        return (
            "Databasen fejlede sin integritetskontrol, så intet gemmes. "
            "Gendan den nyeste gode sikkerhedskopi (Filer → Gendan en sikkerhedskopi…)."
        )
    if isinstance(exc, NotFoundError):
        return f"Findes ikke længere: {exc.key}"
    return str(exc)


def role_label(role: Role | str) -> str:
    """A role as the user reads it (Danish with the translator installed)."""
    labels = {
        Role.ADMINISTRATOR: QCoreApplication.translate("Roles", "Administrator"),
        Role.CONSULTANT: QCoreApplication.translate("Roles", "Consultant"),
        Role.MENTOR: QCoreApplication.translate("Roles", "Mentor"),
        Role.WORKPLACE_MENTOR: QCoreApplication.translate("Roles", "Workplace mentor"),
        Role.CASEWORKER: QCoreApplication.translate("Roles", "Case worker (read only)"),
    }
    try:
        return labels[Role(str(role))]
    except ValueError:
        return str(role)
