"""The controlled vocabularies of the case file (spec section 1) with their Danish and English labels."""

from __future__ import annotations

from enum import StrEnum


class PlacementType(StrEnum):
    INTERNAL_TRAINING = "internal_training"
    INTERNSHIP = "internship"
    HYBRID = "hybrid"
    WAGE_SUBSIDY = "wage_subsidy"
    ORDINARY_HOURS = "ordinary_hours"
    FLEX_JOB = "flex_job"
    APPRENTICESHIP = "apprenticeship"
    SOCIAL_FREE_CARD = "social_free_card"


class Purpose(StrEnum):
    ASSESSMENT = "assessment"
    TRAINING = "training"
    RECRUITMENT = "recruitment"
    WORK_CAPACITY = "work_capacity"


class Status(StrEnum):
    PRESENT = "present"
    SICK = "sick"
    ABSENT_AGREED = "absent_agreed"
    ABSENT_UNEXCUSED = "absent_unexcused"


class AccommodationCategory(StrEnum):
    PHYSICAL = "physical"
    PSYCHOLOGICAL = "psychological"
    COGNITIVE = "cognitive"
    SENSORY = "sensory"
    TIME = "time"
    AIDS = "aids"
    OTHER = "other"


class AccommodationSource(StrEnum):
    OBSERVED = "observed"
    CITIZEN = "citizen"
    DOCTOR = "doctor"
    OTHER = "other"


class FollowupKind(StrEnum):
    STARTUP = "startup"
    MONTHLY = "monthly"
    THREE_PARTY = "three_party"
    PHONE = "phone"
    FINAL = "final"
    OTHER = "other"


class GoalArea(StrEnum):
    EMPLOYMENT = "employment"
    EDUCATION = "education"
    SOCIAL = "social"
    HEALTH = "health"
    EVERYDAY = "everyday"
    NETWORK = "network"
    OTHER = "other"


class Assessor(StrEnum):
    """Who gave a progression score; kept apart so the citizen's own view stays visible."""

    CITIZEN = "citizen"
    MENTOR = "mentor"
    CONSULTANT = "consultant"


class Heading(StrEnum):
    """The eight headings of the preparatory part of the rehabilitation plan (bek. nr. 2408 af 13/12/2021),
    in their order: what observations, tagged follow-ups and profile items are filed under (spec 1b)."""

    WORK_RESOURCES = "work_resources"
    PERSONAL_RESOURCES = "personal_resources"
    CHALLENGES = "challenges"
    WISHES = "wishes"
    HEALTH = "health"
    HEALTH_AND_WORK = "health_and_work"
    BENEFIT_HISTORY = "benefit_history"
    EFFORTS = "efforts"


# Art. 9 data (health): never shown to or written by a workplace mentor.
HEALTH_HEADINGS = frozenset({Heading.HEALTH.value, Heading.HEALTH_AND_WORK.value})


class ObservedBy(StrEnum):
    """Who made an observation (spec 1b ``by``)."""

    CITIZEN = "citizen"
    MENTOR = "mentor"
    CONSULTANT = "consultant"
    WORKPLACE_MENTOR = "workplace_mentor"
    OTHER = "other"


class OutcomeKind(StrEnum):
    """What a referral or placement led to (issue 18): the results report counts these."""

    ORDINARY_JOB = "ordinary_job"
    FLEX_JOB = "flex_job"
    WAGE_SUBSIDY = "wage_subsidy"
    ORDINARY_HOURS = "ordinary_hours"
    EDUCATION = "education"  # apprenticeship or education
    RESOURCE_PROGRAMME = "resource_programme"
    PENSION = "pension"
    OTHER_PROVIDER = "other_provider"
    HEALTH = "health"  # health or treatment comes first
    MOVED = "moved"
    STOPPED_BY_CITIZEN = "stopped_by_citizen"
    STOPPED_BY_COMPANY = "stopped_by_company"
    OTHER = "other"


# An outcome's labels, (Danish, English) (some codes are also codes of other vocabularies with another label).
OUTCOME_KIND_LABELS: dict[str, tuple[str, str]] = {
    "ordinary_job": ("Ordinært job", "Ordinary job"),
    "flex_job": ("Fleksjob", "Flex job"),
    "wage_subsidy": ("Løntilskud", "Wage subsidy"),
    "ordinary_hours": ("Ordinære timer", "Ordinary hours"),
    "education": ("Uddannelse eller mesterlære", "Education or apprenticeship"),
    "resource_programme": ("Ressourceforløb", "Resource programme"),
    "pension": ("Pension", "Pension"),
    "other_provider": ("Anden aktør", "Other provider"),
    "health": ("Helbred eller behandling", "Health or treatment"),
    "moved": ("Fraflyttet", "Moved away"),
    "stopped_by_citizen": ("Stoppet af borgeren", "Stopped by the citizen"),
    "stopped_by_company": ("Stoppet af virksomheden", "Stopped by the company"),
    "other": ("Andet", "Other"),
}
OUTCOME_LABELS: dict[str, str] = {code: danish for code, (danish, _) in OUTCOME_KIND_LABELS.items()}
OUTCOME_ENGLISH: dict[str, str] = {code: english for code, (_, english) in OUTCOME_KIND_LABELS.items()}


def outcome_label(code: str | None) -> str:
    """The Danish label of an outcome kind (the code itself if unknown)."""
    if code is None:
        return ""
    return OUTCOME_LABELS.get(code, code)


def english_outcome_label(code: str | None) -> str:
    """The English label of an outcome kind (the code itself if unknown)."""
    if code is None:
        return ""
    return OUTCOME_ENGLISH.get(code, code)


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    CONSULTANT = "consultant"
    MENTOR = "mentor"
    WORKPLACE_MENTOR = "workplace_mentor"
    CASEWORKER = "caseworker"


WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# Each vocabulary's labels, code -> (Danish, English). Documents are Danish (``label``); the UI shows the
# label in its own language (``placement_desk.ui.kit.vocab_labels``). A code that is in several vocabularies
# has the same label in each (tests/domain/test_vocab_labels.py); outcomes have their own (above).
PLACEMENT_TYPE_LABELS: dict[str, tuple[str, str]] = {
    "internal_training": ("Intern træningsbane", "Internal training"),
    "internship": ("Virksomhedspraktik", "Company internship"),
    "hybrid": ("Hybridpraktik", "Hybrid internship"),
    "wage_subsidy": ("Løntilskud", "Wage subsidy"),
    "ordinary_hours": ("Ordinære timer", "Ordinary hours"),
    "flex_job": ("Fleksjob", "Flex job"),
    "apprenticeship": ("Ny Mesterlære / elevplads", "New apprenticeship / trainee post"),
    "social_free_card": ("Socialt frikort", "Social free card"),
}
PURPOSE_LABELS: dict[str, tuple[str, str]] = {
    "assessment": ("Afklaring", "Assessment"),
    "training": ("Træning", "Training"),
    "recruitment": ("Rekruttering", "Recruitment"),
    "work_capacity": ("Afklaring af arbejdsevne", "Work capacity assessment"),
}
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "present": ("Mødt", "Present"),
    "sick": ("Syg", "Sick"),
    "absent_agreed": ("Aftalt fravær", "Agreed absence"),
    "absent_unexcused": ("Udeblevet", "No-show"),
    "left_early": ("Gået tidligt", "Left early"),  # older case files
}
ACCOMMODATION_CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "physical": ("Fysisk", "Physical"),
    "psychological": ("Psykisk", "Psychological"),
    "cognitive": ("Kognitivt", "Cognitive"),
    "sensory": ("Sansemæssigt", "Sensory"),
    "time": ("Tid og tempo", "Time and pace"),
    "aids": ("Hjælpemidler", "Aids"),
    "other": ("Andet", "Other"),
}
ACCOMMODATION_SOURCE_LABELS: dict[str, tuple[str, str]] = {
    "observed": ("Observeret", "Observed"),
    "citizen": ("Borgeren", "The citizen"),
    "doctor": ("Læge", "Doctor"),
    "other": ("Andet", "Other"),
}
FOLLOWUP_KIND_LABELS: dict[str, tuple[str, str]] = {
    "startup": ("Opstartssamtale", "Start-up meeting"),
    "monthly": ("Månedlig opfølgning", "Monthly follow-up"),
    "three_party": ("Trepartsmøde", "Three-party meeting"),
    "phone": ("Telefonopfølgning", "Phone follow-up"),
    "final": ("Afsluttende samtale", "Final meeting"),
    "other": ("Andet", "Other"),
}
GOAL_AREA_LABELS: dict[str, tuple[str, str]] = {
    "employment": ("Beskæftigelse", "Employment"),
    "education": ("Uddannelse", "Education"),
    "social": ("Socialt", "Social"),
    "health": ("Helbred", "Health"),
    "everyday": ("Hverdagsliv", "Everyday life"),
    "network": ("Netværk", "Network"),
    "other": ("Andet", "Other"),
}
ASSESSOR_LABELS: dict[str, tuple[str, str]] = {
    "citizen": ("Borgeren", "The citizen"),
    "mentor": ("Mentor", "Mentor"),
    "consultant": ("Konsulent", "Consultant"),
}
# The vocabularies ``label`` knows, each with its table.
VOCABULARY_LABELS: dict[type[StrEnum], dict[str, tuple[str, str]]] = {
    PlacementType: PLACEMENT_TYPE_LABELS,
    Purpose: PURPOSE_LABELS,
    Status: STATUS_LABELS,
    AccommodationCategory: ACCOMMODATION_CATEGORY_LABELS,
    AccommodationSource: ACCOMMODATION_SOURCE_LABELS,
    FollowupKind: FOLLOWUP_KIND_LABELS,
    GoalArea: GOAL_AREA_LABELS,
    Assessor: ASSESSOR_LABELS,
}
DANISH_LABELS: dict[str, str] = {c: da for table in VOCABULARY_LABELS.values() for c, (da, _) in table.items()}
ENGLISH_LABELS: dict[str, str] = {c: en for table in VOCABULARY_LABELS.values() for c, (_, en) in table.items()}


def label(code: str | None) -> str:
    """The Danish label of a vocabulary code (the code itself if unknown)."""
    if code is None:
        return ""
    return DANISH_LABELS.get(code, code)


def english_label(code: str | None) -> str:
    """The English label of a vocabulary code (the code itself if unknown)."""
    if code is None:
        return ""
    return ENGLISH_LABELS.get(code, code)
