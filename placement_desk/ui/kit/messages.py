"""Errors shown to the user in the UI's language: a message code (domain/errors.py) -> its Danish text.

Errors carry a code and its arguments; ``DANISH`` holds each code's Danish text and
``placement_desk.domain.errors.MESSAGES`` its English one (tests/domain/test_error_codes.py fails on a code
without both). An English message that reaches the UI as plain text (``str(exc)`` of a checker) is read
back into its code by the same templates, so rewording a template keeps the Danish.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from placement_desk.domain.attendance_sheet import (
    HEADINGS,
    ROW_TEXTS,
    STATUS_TEXT,
    SheetErrors,
    SheetFileError,
    SheetRowError,
)
from placement_desk.domain.errors import (
    MESSAGES,
    AccessDenied,
    CodedError,
    CodedValueError,
    ConflictError,
    DatabaseDamaged,
    NotFoundError,
    ValidationError,
)
from placement_desk.domain.roles import Role

REFUSED = "Din rolle giver ikke adgang til dette."

# Field names as the forms label them: (English, Danish).
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("Name", "Navn"),
    "ref": ("Ref", "Reference"),
    "cpr": ("CPR number", "CPR-nummer"),
    "birth_year": ("Birth year", "Fødselsår"),
    "cvr": ("CVR number", "CVR-nummer"),
    "company": ("Company", "Virksomhed"),
    "type": ("Type", "Type"),
    "purpose": ("Purpose", "Formål"),
    "start": ("Start", "Start"),
    "end": ("End", "Slut"),
    "end_reason": ("Reason for ending", "Årsag til afslutning"),
    "workplace_mentor": ("Workplace mentor", "Virksomhedsmentor"),
    "from": ("From", "Gælder fra"),
    "hours": ("Hours", "Timer"),
    "paid_per_week": ("Paid hours per week", "Løntimer pr. uge"),
    "date": ("Date", "Dato"),
    "status": ("Status", "Status"),
    "reason": ("Reason", "Årsag"),
    "score": ("Score", "Score"),
    "text": ("Text", "Tekst"),
    "category": ("Category", "Kategori"),
    "source": ("Source", "Kilde"),
    "effectiveness_pct": ("Effectiveness", "Effektivitet"),
    "kind": ("Kind", "Type"),
    "placement": ("Placement", "Forløb"),
    "note": ("Note", "Notat"),
    "programme": ("Programme", "Indsats"),
    "new_end": ("New end date", "Ny slutdato"),
    "identified": ("Identified", "Afdækket"),
    "area": ("Life area", "Livsområde"),
    "username": ("User name", "Brugernavn"),
    "display_name": ("Full name", "Fulde navn"),
    "password": ("Password", "Adgangskode"),
    "password2": ("Repeat password", "Gentag adgangskode"),
    "role": ("Role", "Rolle"),
    "active": ("Active", "Aktiv"),
    "code": ("Recovery code", "Gendannelseskode"),
    "to": ("To", "Til"),
    "formats": ("Formats", "Formater"),
    "recipient": ("Recipient", "Modtager"),
    "sections": ("Sections", "Afsnit"),
    "heading": ("Heading", "Overskrift"),
    "goal": ("Goal", "Mål"),
    "years": ("Years", "År"),
    "consultant": ("Consultant", "Konsulent"),
    "hired": ("Hired", "Ansat"),
    "hired_hours": ("Hours when hired", "Timer ved ansættelse"),
    "tasks": ("Tasks", "Opgaver"),
    "month": ("Month", "Måned"),
}

# Message code (placement_desk.domain.errors.MESSAGES) -> its Danish text; the English text is MESSAGES'.
DANISH: dict[str, str] = {
    "required": "skal udfyldes",
    "not_a_date": "er ikke en dato",
    "date_does_not_exist": "datoen {text} findes ikke",
    "implausible_date": "{text} er ikke en sandsynlig dato (årene {first}-{last})",
    "partial_date": "er ikke en dato: skriv et år, en måned eller en dag (2010, 08-2010 eller 15-08-2010)",
    "partial_text": "skal være tekst: et år, en måned eller en dag (2010, 08-2010 eller 15-08-2010)",
    "between_step_hours": "skal være mellem {low} og trinnets ugetimer ({high})",
    "between": "skal være mellem {low} og {high}",
    "not_a_number": "skal være et tal",
    "not_text": "skal være tekst",
    "empty_text": "skal udfyldes",
    "too_long": "er for lang: højst {limit} tegn (denne har {length})",
    "nul_character": "må ikke indeholde NUL-tegnet (\\u0000)",
    "lone_surrogate": "er ikke gyldig Unicode-tekst (et enligt surrogattegn)",
    "before_start": "ligger før start",
    "outside_open_period": "{day} ligger før forløbets start {start}",
    "outside_period": "{day} ligger uden for forløbets periode {start} – {end}",
    "cvr_digits": "skal være 8 cifre",
    "cvr_modulus": "er ikke et gyldigt CVR-nummer (modulus 11)",
    "cpr_form": "skal være 10 cifre: DDMMÅÅ-XXXX",
    "cpr_date": "indeholder ikke en gyldig dato (DDMMÅÅ)",
    "score_range": "skal være et helt tal fra -5 til 5",
    "whole_minutes": "skal være hele minutter (fx 0,25 = 15 minutter)",
    "duplicate_json_key": 'nøglen "{key}" står mere end én gang i samme objekt',
    "duplicate": "findes allerede ({key})",
    "cannot_read_file": "filen kan ikke læses ({reason})",
    "not_utf8": "er ikke UTF-8-tekst (byten {byte} i linje {line}, byte nr. {column})",
    "json_too_deep": "er ikke gyldig JSON: for mange niveauer inden i hinanden",
    "json_syntax_at": "er ikke gyldig JSON (linje {line}, kolonne {column}): {reason}",
    "json_syntax": "er ikke gyldig JSON: {reason}",
    "not_finite_literal": "{literal} er ikke tilladt: skal være et endeligt tal",
    "too_large_literal": "{literal} er for stort: skal være et endeligt tal",
    "not_finite": "skal være et endeligt tal",
    "too_many_digits": "et tal med {digits} cifre er for stort (højst {limit})",
    "not_one_of": "{value} er ikke en gyldig værdi",
    "password_short": "skal være mindst {minimum} tegn",
    "username_form": "skal være ét ord på højst 80 tegn",
    "user_exists": "{name} findes allerede",
    "mentor_needs_company": "vælg praktikstedets virksomhed",
    "no_company": "virksomheden {company} findes ikke",
    "deactivate_self": "du kan ikke gøre dig selv inaktiv",
    "last_administrator": "der skal være mindst én aktiv administrator",
    "no_user": "brugeren {username} findes ikke",
    "passwords_differ": "de to adgangskoder er ikke ens",
    "unknown_role": "er ikke en gyldig rolle",
    "unknown_weekday": "ukendt ugedag {name}",
    "hours_unreadable": "kan ikke læse {part} (prøv '2x3', 'man-fre 12-15' eller 'tir 2, tor 2')",
    "not_a_time": "{text} er ikke et klokkeslæt",
    "no_hours": "ingen timer angivet",
    "too_many_days": "flere arbejdsdage, end der er dage i ugen",
    "day_hours": "en dag skal have mellem 0 og 24 timer",
    "step_not_a_date": "{text} er ikke en dato",
    "step_order": "{day} ligger ikke efter trinnet før ({previous})",
    "step_before_start": "{day} ligger før forløbets start {start}",
    "paid_over_weekly": "flere løntimer ({paid}) end ugens timer ({weekly})",
    "pick_company": "vælg en virksomhed fra listen (opret den under Virksomheder)",
    "paid_type": "løntimer kun i hybridpraktik, løntilskud, ordinære timer, fleksjob eller mesterlære",
    "not_a_contact": "{mentor} er ikke kontaktperson hos {company}",
    "year_form": "skal være et årstal, fx 1972",
    "not_object": "skal være et objekt",
    "not_bool": "skal være true eller false",
    "not_list": "skal være en liste",
    "hours_object": "skal være et objekt med ugedag: timer (mon..sun)",
    "not_weekday": "er ikke en ugedag (mon tue wed thu fri sat sun)",
    "not_whole": "skal være et helt tal",
    "two_decimals": "højst 2 decimaler",
    "five_tasks": "højst 5 opgaver",
    "task_shares": "opgavernes andele af tiden skal give 100 % tilsammen",
    "not_citizens_placement": "{ref} er ikke et af borgerens forløb",
    "cannot_change": "kan ikke ændres",
    "unknown_company": "virksomheden {company} findes ikke",
    "before_referral_start": "ligger før henvisningens start",
    "required_when_stopped": "skal udfyldes, når en henvisning stoppes",
    "before_from_plain": "{day} ligger før fra-datoen {first}",
    "citizen_exists": "der findes allerede en borger med referencen {ref}",
    "company_exists": "der findes allerede en virksomhed med referencen {ref}",
    "placement_exists": "der findes allerede et forløb med referencen {ref}",
    "contact_exists": "virksomheden har allerede en kontaktperson med referencen {ref}",
    "goal_exists": "målet {goal} findes allerede",
    "not_citizen_field": "er ikke et felt hos en borger",
    "not_after_end": "skal ligge efter den nuværende slutdato {end}",
    "score_exists": "denne bedømmer har allerede en score den {day}",
    "no_score": "ingen score den {day} fra {assessor}",
    "citizen_has_records": "borgeren {ref} har registreringer; arkivér i stedet",
    "no_contact": "kontaktpersonen {ref} findes ikke",
    "company_has_placements": "virksomheden {ref} har forløb og kan ikke slettes; arkivér den i stedet",
    "cannot_change_here": "kan ikke ændres her",
    "placement_has_records": "forløbet {ref} har registreringer; arkivér det i stedet",
    "no_step": "intet trin starter den {day}",
    "assessment_exists": "der er allerede en vurdering den {day}",
    "no_assessment": "ingen vurdering den {day}",
    "followup_final": "opfølgningen er afsluttet og kan ikke ændres; tilføj en rettelse",
    "correction_text": "en rettelse skal have en tekst",
    "followup_draft": "opfølgningen er stadig en kladde: ret den direkte",
    "followup_final_remove": "en afsluttet opfølgning kan ikke slettes",
    "followup_corrected": "opfølgningen har rettelser og forbliver afsluttet",
    "must_be_one_of": "skal være en af {allowed}",
    "no_format": "vælg mindst ét format: pdf, xlsx eller json",
    "json_password": "JSON-resuméet kan ikke beskyttes med adgangskode; fravælg JSON",
    "not_a_heading": "{heading} er ikke en overskrift i skabelonen {template}",
    "recipient": "skriv, hvem dokumentet sendes til",
    "reason_names_citizen": "må ikke indeholde borgerens navn, CPR-nummer eller reference",
    "no_user_named": "brugeren {name} findes ikke",
    "hired_placement_only": "kun et forløbs resultat siger, om virksomheden ansatte borgeren",
    "hired_hours_only": "angives kun, når borgeren er ansat",
    "placement_of_other": "forløbet {ref} tilhører allerede borgeren {owner}",
    "unknown_company_ref": "virksomheden {ref} findes ikke",
    "choose_period": "vælg først en periode",
    "choose_format": "vælg mindst ét format",
    "choose_hours_placement": "vælg det forløb, hvis timer ændres",
    "after_today": "{day} ligger efter i dag",
    "before_from": "{day} ligger før fra-datoen ({first})",
    "not_the_format": "skal være {expected}: filen er ikke en sagsfil",
    "unsupported_version": "version {version} kan ikke læses (programmet læser version {supported})",
    "extension_order": "en forlængelse skal have en senere slutdato end den før",
    "unknown_own_placement": "forløbet {ref} er ikke et af borgerens forløb",
    "not_profile_part": "er ikke en del af en profil (en af {known})",
    "finalised_followup_import": (
        "den afsluttede opfølgning fra {day} kan ikke ændres eller slettes ved en import (tilføj en rettelse i stedet)"
    ),
    "username_bytes": "må højst være {limit} bytes på en teamserver",
    "server_role_name": "{username} er en af serverens egne roller, ikke en persons login",
    "not_active_admin": "{username} er ikke en aktiv administrator i databasen",
    "not_json": "er ikke gyldig JSON",
    "period_needed": "borgeren har ingen forløb: angiv perioden (fra og til)",
    "period_order": "{first} ligger efter periodens slut {last}",
    "dossier_incomplete": "Ikke komplet: {missing}. Gør den færdig, eller skriv begrundelsen for at udstede den alligevel.",
    "no_template": "skabelonen {key} findes ikke (kendte skabeloner: {known})",
    "no_template_unread": (
        "skabelonen {key} findes ikke (kendte skabeloner: {known}); en skabelonfil kunne ikke læses: {problems}"
    ),
    "not_toml": "er ikke gyldig TOML: {reason}",
    "template_too_big": "er større end {limit} KB: ikke en skabelon",
    "template_unreadable": "kan ikke læses ({reason})",
    "template_not_utf8": "er ikke UTF-8-tekst",
    "setting_required": "{key} skal udfyldes",
    "not_empty": "må ikke være tom",
    "template_key_form": "{value} må kun have små bogstaver, cifre og _ (og starte med et bogstav)",
    "text_list": "skal være en liste af tekster",
    "unknown_setting": "ukendt indstilling (kendte: {known})",
    "template_version": "version skal være et helt tal fra 1 (version = 1)",
    "template_headings": "angiv mindst én overskrift ([[headings]])",
    "heading_table": "hver overskrift skal være en tabel ([[headings]])",
    "duplicate_heading": "overskriftsnøglen {key} står mere end én gang",
    "ref_mismatch": "passer ikke med borgerens reference ({ref})",
    # backups (services/backup.py, services/restoring.py)
    "backup_postgres": (
        "Databasen er en PostgreSQL-server: tag sikkerhedskopien på serveren med pg_dump "
        "(f.eks. pg_dump -Fc -f placement-desk.dump DBNAME), og gendan med pg_restore."
    ),
    "backup_keep": "behold mindst 1 sikkerhedskopi",
    "backup_no_database": "der er ingen databasefil i {path} at tage en sikkerhedskopi af",
    "backup_failed": "sikkerhedskopien til {folder} mislykkedes: {reason}",
    "backup_not_a_file": "{path} er ikke en fil",
    "backup_no_manifest": (
        "{name} er ikke krypteret, og dens manifest ({name}.json) mangler, så den kan ikke kontrolleres: et ændret "
        "ciffer ville ikke blive opdaget. Læg manifestet tilbage ved siden af den."
    ),
    "backup_checksum": "{name} er ændret eller beskadiget, efter den blev lavet (kontrolsummen passer ikke)",
    "backup_is_database": "det er selve databasen, ikke en sikkerhedskopi af den",
    "backup_encrypted_into_plain": "{name} er krypteret; den kan ikke gendannes i en database, der ikke er krypteret",
    "backup_plain_into_encrypted": (
        "{name} er ikke krypteret; den kan ikke gendannes i den krypterede database (kryptér den først, eller "
        "gendan den i en udgave af databasen, der ikke er krypteret)"
    ),
    "backup_in_use": "databasen er i brug: luk andre Placement Desk-vinduer, og prøv igen",
    "backup_restored_differs": (
        "den gendannede database svarer ikke til sikkerhedskopien ({problems}); databasen, som den var før, "
        "ligger i {safety}"
    ),
    "backup_restored_counts": (
        "den gendannede database svarer ikke til sikkerhedskopien (antallet af rækker er ikke det samme); "
        "databasen, som den var før, ligger i {safety}"
    ),
    "backup_needs_key": (
        "{name} er krypteret eller er ikke en database: den kan kun kontrolleres med nøglen til den database, "
        "den blev lavet fra"
    ),
    "backup_damaged": "{name} er beskadiget: {problems}",
    "backup_unreadable": "{name} er ikke en database, der kan læses ({reason})",
    "backup_wrong_key": "{name} kan ikke åbnes med denne databases nøgle: {reason}",
    "backup_no_revision": "{name} er ikke en Placement Desk-database (den har ingen skemaversion)",
    "backup_unknown_revision": (
        "{name} har skemaversion {revision}, som denne udgave af Placement Desk ikke kender (er den lavet af en "
        "nyere udgave?)"
    ),
    "backup_rows_differ": "{name} indeholder ikke de rækker, den blev lavet med (tabeller: {tables})",
    "backup_audit_differs": (
        "revisionsloggen i {name} er ikke den, den blev lavet med (dens manifest angiver et andet hoved)"
    ),
    "backup_current_unreadable": (
        "den nuværende database {path} er en ukrypteret fil, der ikke kan læses ({reason}); flyt den væk først "
        "(den kan indeholde personoplysninger i klartekst), og gendan derefter"
    ),
    "backup_not_encryptable": "{name} kunne ikke krypteres til gendannelsen ({reason})",
    "conflict": "En anden har gemt en nyere udgave af posten, mens du arbejdede med den. Indlæs den igen, før du gemmer.",
    "refused": REFUSED,
    **ROW_TEXTS,  # the attendance sheet's own Danish texts (domain/attendance_sheet.py)
}

# Arguments written with Python's quotes in English (no user 'x') that the Danish text names bare.
_BARE = {"no_company", "no_user"}

LANGUAGES = {"da": "Dansk", "en": "English"}  # the UI's languages, Danish first
_LANGUAGE = {"ui": "da"}


def set_language(language: str) -> None:
    """The UI's language for error texts ("da" or "en"); the app sets it with its translator."""
    _LANGUAGE["ui"] = "en" if language == "en" else "da"


def english() -> bool:
    return _LANGUAGE["ui"] == "en"


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    seen: set[str] = set()
    body = ""
    for i, part in enumerate(parts):
        if i % 2 == 0:
            body += re.escape(part)
        else:  # an argument named twice is the same text both times
            body += f"(?P={part})" if part in seen else f"(?P<{part}>.+)"
            seen.add(part)
    return re.compile(f"^{body}$")


# The most specific template first: the one with the most words of its own ("{ref} is not one of this
# citizen's placements" before "{value} is not one of {allowed}").
_PARSERS = [
    (code, _pattern(template))
    for code, template in sorted(MESSAGES.items(), key=lambda item: -len(re.sub(r"\{\w+\}", "", item[1])))
]


def parse_message(message: str) -> tuple[str, dict[str, str]] | None:
    """The code and arguments of an English message that reached the UI as text only (e.g. ``str(exc)``)."""
    for code, pattern in _PARSERS:
        if m := pattern.match(message):
            return code, m.groupdict()
    return None


# A status code given as an argument ({status}), as the English UI names it; the Danish one is the
# attendance sheet's label (domain/attendance_sheet.py: STATUS_TEXT), which the workplace mentor chooses.
STATUS_ENGLISH = {
    "present": "Present",
    "sick": "Sick",
    "absent_agreed": "Agreed absence",
    "absent_unexcused": "No-show",
}


def coded_text(code: str, params: Mapping[str, object]) -> str:
    """A message code with its arguments in the UI's language (dates the Danish way in Danish)."""
    if "status" in params:
        labels = STATUS_ENGLISH if english() else STATUS_TEXT
        params = {**params, "status": labels.get(str(params["status"]), params["status"])}
    if english():
        return MESSAGES[code].format(**params)
    if code in _BARE:
        params = {k: str(v).strip("'") for k, v in params.items()}
    return _danish_dates(DANISH[code].format(**params))


def field_label(path: str) -> str:
    key = re.split(r"[.\[]", path)[-1] if path else ""
    if path.endswith("]"):
        key = re.split(r"[.\[]", path)[0]
    if key in FIELDS:
        in_english, in_danish = FIELDS[key]
        return in_english if english() else in_danish
    return path


def danish_message(message: str) -> str:
    """An English message given as text in the UI's language (unchanged when it has no code)."""
    if m := re.match(r"^step (\d+): (.+)$", message):  # a step of an hours plan
        step = "step" if english() else "trin"
        return f"{step} {m.group(1)}: {danish_message(m.group(2))}"
    parsed = parse_message(message)
    return coded_text(*parsed) if parsed else message


def message_of(exc: ValidationError | CodedValueError) -> str:
    """The message of an error without its field, in the UI's language."""
    step = getattr(exc, "step", None)  # a step of an hours plan (HoursTextError)
    if isinstance(exc, CodedValueError) and step is not None:
        return f"{'step' if english() else 'trin'} {step}: {coded_text(exc.code, exc.params)}"
    if exc.code is not None:
        return coded_text(exc.code, exc.params)
    return danish_message(exc.message if isinstance(exc, ValidationError) else str(exc))


def _danish_dates(text: str) -> str:
    """ISO dates in a message written the Danish way (dd-mm-yyyy)."""
    return re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", r"\3-\2-\1", text)


# Texts of the other errors: (English, Danish).
TEXTS: dict[str, tuple[str, str]] = {
    "damaged": (
        "The database failed its integrity check, so nothing is saved. "
        "Restore the newest good backup (File → Restore a backup…).",
        "Databasen fejlede sin integritetskontrol, så intet gemmes. "
        "Gendan den nyeste gode sikkerhedskopi (Filer → Gendan en sikkerhedskopi…).",
    ),
    "not_found": ("No longer exists: {key}", "Findes ikke længere: {key}"),
}


def _text(which: str, **params: object) -> str:
    in_english, in_danish = TEXTS[which]
    return (in_english if english() else in_danish).format(**params)


def refused() -> str:
    """The refusal of an action the role may not do, in the UI's language."""
    return coded_text("refused", {})


def danish_error(exc: Exception) -> str:
    """An error as the user reads it, in the UI's language (Danish unless the English UI is chosen)."""
    if isinstance(exc, SheetRowError | SheetErrors | SheetFileError):
        return sheet_error(exc)
    if isinstance(exc, ValidationError):
        label = field_label(exc.path)
        return f"{label}: {message_of(exc)}" if label else message_of(exc)
    if isinstance(exc, CodedValueError):
        return message_of(exc)
    if isinstance(exc, CodedError):  # a backup's or a restore's problem
        return coded_text(exc.code, exc.params) if exc.code is not None else danish_message(str(exc))
    if isinstance(exc, ConflictError | AccessDenied):
        return coded_text(exc.code, exc.params)
    if isinstance(exc, DatabaseDamaged):
        return _text("damaged")
    if isinstance(exc, NotFoundError):
        return _text("not_found", key=exc.key)
    return str(exc)


# The attendance sheet's columns as the English UI names them (the sheet's own headings are Danish).
SHEET_COLUMNS = {
    "date": "Date",
    "weekday": "Weekday",
    "citizen": "Citizen",
    "placement": "Placement",
    "planned": "Planned hours",
    "hours": "Hours",
    "status": "Status",
    "reason": "Reason",
    "note": "Note",
}
_COLUMN_KEYS = {heading: key for key, heading in HEADINGS.items()}


def sheet_error(exc: ValidationError) -> str:
    """An attendance sheet's error in the UI's language: every bad row with its row number and column."""
    if isinstance(exc, SheetErrors):
        return "\n".join([f"{coded_text('sheet_errors', exc.params)}:", *(sheet_error(e) for e in exc.errors)])
    if isinstance(exc, SheetRowError):
        column = SHEET_COLUMNS.get(_COLUMN_KEYS.get(exc.column, ""), exc.column) if english() else exc.column
        return f"{'row' if english() else 'række'} {exc.row}, {column}: {message_of(exc)}"
    if isinstance(exc, SheetFileError):  # the file as a whole, or from a row on
        where = exc.path if exc.path != "fremmødeark" else ""
        if exc.row is not None:
            where = f"{'row' if english() else 'række'} {exc.row}"
            where += (" or above" if english() else " eller over") if exc.above else ""
        return f"{where}: {message_of(exc)}" if where else message_of(exc)
    if exc.code is not None:
        return danish_error(exc)
    return exc.message if exc.path in ("", "fremmødeark") else f"{exc.path}: {exc.message}"


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
