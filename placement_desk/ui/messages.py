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
    (r"^(.+) is outside the placement's period (.+)\.\.open$", r"\1 ligger før forløbets start \2"),
    (r"^(.+) is outside the placement's period (.+)\.\.(.+)$", r"\1 ligger uden for forløbets periode \2 – \3"),
    (r"^must be 8 digits$", "skal være 8 cifre"),
    (r"^fails the modulus-11 check$", "er ikke et gyldigt CVR-nummer (modulus 11)"),
    (r"^must be 10 digits, DDMMYY-XXXX or DDMMYYXXXX$", "skal være 10 cifre: DDMMÅÅ-XXXX"),
    (r"^does not encode a real date \(DDMMYY\)$", "indeholder ikke en gyldig dato (DDMMÅÅ)"),
    (r"^must be a whole number from -5 to 5$", "skal være et helt tal fra -5 til 5"),
    (r"^must be a whole number of minutes.*$", "skal være hele minutter (fx 0,25 = 15 minutter)"),
    (r'^duplicate key "(.*)"$', r'nøglen "\1" står mere end én gang i samme objekt'),
    (r"^duplicate (.+) (.+)$", r"findes allerede (\2)"),
    # reading a case file (domain/casefile_json.py, services/casefile_io.read_case_file)
    (r"^cannot read the file \((.+)\)$", r"filen kan ikke læses (\1)"),
    (r"^is not UTF-8 text \(byte (\S+) at line (\d+), byte (\d+)\)$",
     r"er ikke UTF-8-tekst (byten \1 i linje \2, byte nr. \3)"),
    (r"^not valid JSON: nested too deeply$", "er ikke gyldig JSON: for mange niveauer inden i hinanden"),
    (r"^not valid JSON: (.+) \(line (\d+), column (\d+)\)$", r"er ikke gyldig JSON (linje \2, kolonne \3): \1"),
    (r"^not valid JSON: (.+)$", r"er ikke gyldig JSON: \1"),
    (r"^(.+) is not allowed: must be a finite number$", r"\1 er ikke tilladt: skal være et endeligt tal"),
    (r"^(.+) is too large: must be a finite number$", r"\1 er for stort: skal være et endeligt tal"),
    (r"^must be a finite number$", "skal være et endeligt tal"),
    (r"^a number of (\d+) digits is too large \(at most (\d+)\)$", r"et tal med \1 cifre er for stort (højst \2)"),
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
    # hours texts and plans (domain/hours_text.py) and the placement form
    (r"^unknown weekday '(.+)'$", r"ukendt ugedag '\1'"),
    (r"^cannot read '(.+)' \(try .*\)$", r"kan ikke læse '\1' (prøv '2x3', 'man-fre 12-15' eller 'tir 2, tor 2')"),
    (r"^(.+) is not a time of day$", r"\1 er ikke et klokkeslæt"),
    (r"^no hours given$", "ingen timer angivet"),
    (r"^more working days than there are days in the week$", "flere arbejdsdage, end der er dage i ugen"),
    (r"^a day must have between 0 and 24 hours$", "en dag skal have mellem 0 og 24 timer"),
    (r"^(.+) is not a date$", r"\1 er ikke en dato"),
    (r"^(.+) is not after the step before it \((.+)\)$", r"\1 ligger ikke efter trinnet før (\2)"),
    (r"^(.+) is before the start (.+)$", r"\1 ligger før forløbets start \2"),
    (r"^more paid hours \((.+)\) than hours in the week \((.+)\)$", r"flere løntimer (\1) end ugens timer (\2)"),
    (r"^pick a company from the list$", "vælg en virksomhed fra listen (opret den under Virksomheder)"),
    (r"^paid hours only in a paid placement type$",
     "løntimer kun i hybridpraktik, løntilskud, ordinære timer, fleksjob eller mesterlære"),
    (r"^(.+) is not a contact of (.+)$", r"\1 er ikke kontaktperson hos \2"),
    (r"^must be a year such as 1972$", "skal være et årstal, fx 1972"),
    # the citizen's profile and observations (services/profile_edit.py, services/observations.py)
    (r"^(.+) is after today$", r"\1 ligger efter i dag"),
    (r"^(.+) is before from \((.+)\)$", r"\1 ligger før fra-datoen (\2)"),
    (r"^not a date: a year, a month or a day .*$", "er ikke en dato: skriv et år, en måned eller en dag (2010, 08-2010 eller 15-08-2010)"),
]


def field_label(path: str) -> str:
    key = re.split(r"[.\[]", path)[-1] if path else ""
    if path.endswith("]"):
        key = re.split(r"[.\[]", path)[0]
    return FIELDS.get(key, path)


def danish_message(message: str) -> str:
    if m := re.match(r"^step (\d+): (.+)$", message):  # a step of an hours plan
        return f"trin {m.group(1)}: {danish_message(m.group(2))}"
    for pattern, replacement in PATTERNS:
        if re.match(pattern, message):
            return _danish_dates(re.sub(pattern, replacement, message))
    return message


def _danish_dates(text: str) -> str:
    """ISO dates in a message written the Danish way (dd-mm-yyyy)."""
    return re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", r"\3-\2-\1", text)


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
