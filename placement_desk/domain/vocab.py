"""The controlled vocabularies of the case file (spec section 1) with their Danish labels."""

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


# An outcome's Danish label (some codes are also codes of other vocabularies with another label).
OUTCOME_LABELS: dict[str, str] = {
    "ordinary_job": "Ordinært job",
    "flex_job": "Fleksjob",
    "wage_subsidy": "Løntilskud",
    "ordinary_hours": "Ordinære timer",
    "education": "Uddannelse eller mesterlære",
    "resource_programme": "Ressourceforløb",
    "pension": "Pension",
    "other_provider": "Anden aktør",
    "health": "Helbred eller behandling",
    "moved": "Fraflyttet",
    "stopped_by_citizen": "Stoppet af borgeren",
    "stopped_by_company": "Stoppet af virksomheden",
    "other": "Andet",
}


def outcome_label(code: str | None) -> str:
    """The Danish label of an outcome kind (the code itself if unknown)."""
    if code is None:
        return ""
    return OUTCOME_LABELS.get(code, code)


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    CONSULTANT = "consultant"
    MENTOR = "mentor"
    WORKPLACE_MENTOR = "workplace_mentor"
    CASEWORKER = "caseworker"


WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

DANISH_LABELS: dict[str, str] = {
    "internal_training": "Intern træningsbane",
    "internship": "Virksomhedspraktik",
    "hybrid": "Hybridpraktik",
    "wage_subsidy": "Løntilskud",
    "ordinary_hours": "Ordinære timer",
    "flex_job": "Fleksjob",
    "apprenticeship": "Ny Mesterlære / elevplads",
    "social_free_card": "Socialt frikort",
    "assessment": "Afklaring",
    "training": "Træning",
    "recruitment": "Rekruttering",
    "work_capacity": "Afklaring af arbejdsevne",
    "present": "Mødt",
    "sick": "Syg",
    "absent_agreed": "Aftalt fravær",
    "absent_unexcused": "Udeblevet",
    "left_early": "Gået tidligt",
    "physical": "Fysisk",
    "psychological": "Psykisk",
    "cognitive": "Kognitivt",
    "sensory": "Sansemæssigt",
    "time": "Tid og tempo",
    "aids": "Hjælpemidler",
    "other": "Andet",
    "observed": "Observeret",
    "citizen": "Borgeren",
    "doctor": "Læge",
    "startup": "Opstartssamtale",
    "monthly": "Månedlig opfølgning",
    "three_party": "Trepartsmøde",
    "phone": "Telefonopfølgning",
    "final": "Afsluttende samtale",
    "employment": "Beskæftigelse",
    "education": "Uddannelse",
    "social": "Socialt",
    "health": "Helbred",
    "everyday": "Hverdagsliv",
    "network": "Netværk",
    "mentor": "Mentor",
    "consultant": "Konsulent",
}


def label(code: str | None) -> str:
    """The Danish label of a vocabulary code (the code itself if unknown)."""
    if code is None:
        return ""
    return DANISH_LABELS.get(code, code)
