"""The results report as it goes out (issue 18): anonymised unless named - counts from 1 to 4 and the
shares, quartiles and rates made from them shown as "<5", and where such a count would follow from a
total less the other shown counts, one more count hidden as "skjult" (complementary suppression) - as
the JSON document and as the tables the PDF, the workbook and the screen draw. The figures themselves
are :mod:`placement_desk.domain.results`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import EnumMeta
from fractions import Fraction
from functools import cache
from typing import Any

from placement_desk.domain import vocab
from placement_desk.domain.numbers import hours, rate
from placement_desk.domain.results import CitizenResult, Quartiles, Report
from placement_desk.domain.vocab import OutcomeKind, english_label, english_outcome_label, label, outcome_label

FORMAT = "placement-desk/results-report"
VERSION = 1
SMALL = 5  # counts below this (and above 0) are not shown in the anonymised report
SUPPRESSED = "<5"
HIDDEN = "skjult"  # a count of 5 or more hidden so that no "<5" can be computed from the shown counts

# ---- writing it out (anonymised unless named) ------------------------------------------------------


def count(n: int, named: bool) -> int | str:
    """A count as shown: 1-4 as "<5" in the anonymised report."""
    return n if named or n == 0 or n >= SMALL else SUPPRESSED


def shown(n: int, named: bool) -> bool:
    return named or n == 0 or n >= SMALL


def share(part: int, whole: int, named: bool) -> float | None:
    """part / whole to 4 decimals; None when whole is 0 or the part is not shown."""
    if whole == 0 or not shown(part, named):
        return None
    return rate(Fraction(part, whole))


def _days(q: Quartiles | None, named: bool, hidden: bool = False) -> dict[str, Any]:
    """``hidden``: the count (the citizens with an outcome) is hidden to protect another count."""
    if q is None:
        return {"citizens": 0, "q1": None, "median": None, "q3": None}
    visible = named or q.n >= SMALL
    return {
        "citizens": (SUPPRESSED if q.n < SMALL else HIDDEN) if hidden else count(q.n, named),
        "q1": float(round(q.q1, 1)) if visible else None,
        "median": float(round(q.median, 1)) if visible else None,
        "q3": float(round(q.q3, 1)) if visible else None,
    }


def protect(cells: dict[str, int], groups: list[tuple[str, list[str]]]) -> set[str]:
    """The cells the anonymised report hides: every count from 1 to 4, and then, in each group of parts
    that add up to a shown total, one more cell wherever a single hidden cell would otherwise follow by
    subtraction (complementary suppression): the smallest shown part above 0, else the total. Repeated
    until no group has exactly one hidden cell (a total can be in more than one group)."""
    hidden = {k for k, n in cells.items() if 0 < n < SMALL}
    changed = True
    while changed:
        changed = False
        for total, parts in groups:
            if sum(1 for k in (total, *parts) if k in hidden) != 1:
                continue
            candidates = sorted((cells[k], k) for k in parts if k not in hidden and cells[k] > 0)
            pick = candidates[0][1] if candidates else None if total in hidden else total
            if pick is not None:
                hidden.add(pick)
                changed = True
    return hidden


def _cells(r: Report) -> tuple[dict[str, int], list[tuple[str, list[str]]]]:
    """Every count of the report that adds up with others, by key, and the groups (total, parts)."""
    cells = {"included": r.included, "started": r.started, "active": r.active, "ended": r.ended,
             "with_outcome": r.with_outcome, "with_placement": r.with_placement}  # fmt: skip
    kinds = [f"kind:{k.value}" for k in OutcomeKind]
    for k in OutcomeKind:
        cells[f"kind:{k.value}"] = r.outcome_counts.get(k.value, 0)
    groups = [("included", ["active", "ended"]), ("with_outcome", kinds)]
    for which in ("start", "sustained"):
        bands = r.hours_bands(which)
        for b, n in bands:
            cells[f"{which}:{b}"] = n
        groups.append(("with_placement", [f"{which}:{b}" for b, _ in bands]))
    return cells, groups


def report_json(report: Report, named: bool = False) -> dict[str, Any]:
    """The report as one JSON document (see docs/results.md)."""
    r = report
    cells, groups = _cells(r)
    hidden = set() if named else protect(cells, groups)

    def c(key: str) -> int | str:
        n = cells[key]
        return n if key not in hidden else SUPPRESSED if n < SMALL else HIDDEN

    def kind_share(key: str) -> float | None:
        whole = r.with_outcome
        if whole == 0 or key in hidden or "with_outcome" in hidden:
            return None
        return rate(Fraction(cells[key], whole))

    out: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "named": named,
        "period": {"from": r.first.isoformat(), "to": r.last.isoformat()},
        "programme": r.programme,
        "consultant": r.consultant,
        "citizens": {"included": c("included"), "started": c("started"), "active": c("active"), "ended": c("ended")},
        "outcomes": {
            "citizens": c("with_outcome"),
            "ended_without_outcome": count(r.ended_without_outcome, named),
            "by_kind": [
                {
                    "kind": k.value,
                    "label": outcome_label(k.value),
                    "citizens": c(f"kind:{k.value}"),
                    "share": kind_share(f"kind:{k.value}"),
                }
                for k in OutcomeKind
            ],
        },
        "days_to_outcome": _days(r.days_to_outcome, named, "with_outcome" in hidden),
        "hours": {
            "citizens": c("with_placement"),
            "raised": count(r.raised_hours, named),
            "start": [{"band": b, "citizens": c(f"start:{b}")} for b, _ in r.hours_bands("start")],
            "sustained": [{"band": b, "citizens": c(f"sustained:{b}")} for b, _ in r.hours_bands("sustained")],
        },
        "attendance": _attendance(r, named),
        "goals": [
            {
                "area": g.area,
                "assessor": g.assessor,
                "assessed": count(g.assessed, named),
                "progressed": count(g.progressed, named),
                "share": share(g.progressed, g.assessed, named),
            }
            for g in r.goals
        ],
        "placements": [
            {
                "company": p.company,
                "type": p.type,
                "placements": count(p.placements, named),
                "ended": count(p.ended, named),
                "hired": count(p.hired, named),
            }
            for p in r.placements
        ],
    }
    if named:
        out["per_citizen"] = [_citizen_json(c) for c in r.citizens]
    return out


def _attendance(r: Report, named: bool) -> dict[str, Any]:
    n = r.attendance_citizens
    visible = named or n >= SMALL
    return {
        "citizens": count(n, named),
        "rate": rate(r.attendance.attendance_rate) if visible else None,
        "median_citizen_rate": rate(r.median_attendance_rate) if visible else None,
    }


def _citizen_json(c: CitizenResult) -> dict[str, Any]:
    return {
        "ref": c.ref,
        "name": c.name,
        "start": c.start.isoformat(),
        "end": c.end.isoformat() if c.end else None,
        "outcome": c.outcome.kind if c.outcome else None,
        "outcome_date": c.outcome.day.isoformat() if c.outcome else None,
        "days_to_outcome": c.days_to_outcome,
        "start_weekly_hours": hours(c.start_weekly) if c.start_weekly is not None else None,
        "sustained_weekly_hours": hours(c.sustained_weekly) if c.sustained_weekly is not None else None,
        "attendance_rate": rate(c.attendance.attendance_rate),
    }


# ---- tables for the PDF, the workbook and the screen ----------------------------------------------

Cell = str | int | float | date | None


@dataclass(frozen=True)
class ResultTable:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    percent: tuple[int, ...] = ()  # columns holding shares (0..1)


def report_tables(report: Report, named: bool = False, english: bool = False) -> list[ResultTable]:
    """The report's tables with Danish headings (the documents), the anonymised counts already applied;
    ``english``: the same tables as the English UI shows them."""
    if english:
        return [_in_english(t) for t in report_tables(report, named)]
    doc = report_json(report, named)
    cit = doc["citizens"]
    tables = [
        ResultTable(
            "citizens",
            "Borgere i perioden",
            ("", "Antal"),
            [("I alt i perioden", cit["included"]), ("Startet", cit["started"]),
             ("Aktive ved periodens slut", cit["active"]), ("Afsluttet", cit["ended"])],  # fmt: skip
        ),
        ResultTable(
            "outcomes",
            "Resultater",
            ("Resultat", "Borgere", "Andel"),
            [(k["label"], k["citizens"], k["share"]) for k in doc["outcomes"]["by_kind"]]
            + [("Afsluttet uden registreret resultat", doc["outcomes"]["ended_without_outcome"], None),
               ("Borgere med et resultat", doc["outcomes"]["citizens"], None)],  # fmt: skip
            percent=(2,),
        ),
        ResultTable(
            "days",
            "Dage fra henvisning til resultat",
            ("Borgere", "Nedre kvartil", "Median", "Øvre kvartil"),
            [(doc["days_to_outcome"]["citizens"], doc["days_to_outcome"]["q1"], doc["days_to_outcome"]["median"],
              doc["days_to_outcome"]["q3"])],  # fmt: skip
        ),
        ResultTable(
            "hours",
            "Timer om ugen: ved start og fastholdt niveau",
            ("Timer om ugen", "Ved start", "Fastholdt niveau"),
            [(s["band"], s["citizens"], t["citizens"]) for s, t in zip(doc["hours"]["start"], doc["hours"]["sustained"],
                                                                      strict=True)]
            + [("Borgere i praktik", doc["hours"]["citizens"], None),
               ("Fastholdt niveau over timerne ved start", None, doc["hours"]["raised"])],  # fmt: skip
        ),
        ResultTable(
            "attendance",
            "Fremmøde i perioden",
            ("Borgere", "Fremmøde (timer)", "Median pr. borger"),
            [(doc["attendance"]["citizens"], doc["attendance"]["rate"], doc["attendance"]["median_citizen_rate"])],
            percent=(1, 2),
        ),
        ResultTable(
            "goals",
            "Progression i mål (første mod seneste score)",
            ("Livsområde", "Vurderet af", "Borgere", "Med fremgang", "Andel"),
            [(label(g["area"]), _assessor(g["assessor"]), g["assessed"], g["progressed"], g["share"])
             for g in doc["goals"]],  # fmt: skip
            percent=(4,),
        ),
        ResultTable(
            "placements",
            "Praktikker efter virksomhed og type",
            ("Virksomhed", "Type", "Praktikker", "Afsluttet", "Førte til ansættelse"),
            [(p["company"], label(p["type"]), p["placements"], p["ended"], p["hired"]) for p in doc["placements"]],
        ),
    ]
    if named:
        tables.append(
            ResultTable(
                "per_citizen",
                "Borgerne bag tallene",
                ("Ref", "Navn", "Start", "Slut", "Resultat", "Resultatdato", "Dage", "Timer ved start",
                 "Fastholdt niveau", "Fremmøde"),  # fmt: skip
                [(c.ref, c.name, c.start, c.end, outcome_label(c.outcome.kind) if c.outcome else None,
                  c.outcome.day if c.outcome else None, c.days_to_outcome, _hours(c.start_weekly),
                  _hours(c.sustained_weekly), rate(c.attendance.attendance_rate)) for c in report.citizens],  # fmt: skip
                percent=(9,),
            )
        )
    return tables


# The tables' Danish texts as the English UI shows them (the documents keep the Danish ones above).
ENGLISH = {
    "Borgere i perioden": "Citizens in the period", "Antal": "Number", "I alt i perioden": "In the period",
    "Startet": "Started", "Aktive ved periodens slut": "Active at the end of the period", "Afsluttet": "Ended",
    "Resultater": "Outcomes", "Resultat": "Outcome", "Borgere": "Citizens", "Andel": "Share",
    "Afsluttet uden registreret resultat": "Ended without a recorded outcome",
    "Borgere med et resultat": "Citizens with an outcome",
    "Dage fra henvisning til resultat": "Days from referral to outcome", "Nedre kvartil": "Lower quartile",
    "Median": "Median", "Øvre kvartil": "Upper quartile",
    "Timer om ugen: ved start og fastholdt niveau": "Hours a week: at the start and the sustained level",
    "Timer om ugen": "Hours a week", "Ved start": "At the start", "Fastholdt niveau": "Sustained level",
    "Borgere i praktik": "Citizens in a placement",
    "Fastholdt niveau over timerne ved start": "Sustained level above the hours at the start",
    "Fremmøde i perioden": "Attendance in the period", "Fremmøde (timer)": "Attendance (hours)",
    "Median pr. borger": "Median per citizen",
    "Progression i mål (første mod seneste score)": "Progress in goals (first against latest score)",
    "Livsområde": "Life area", "Vurderet af": "Assessed by", "Med fremgang": "With progress",
    "Praktikker efter virksomhed og type": "Placements by company and type", "Virksomhed": "Company",
    "Type": "Type", "Praktikker": "Placements", "Førte til ansættelse": "Led to hiring",
    "Borgerne bag tallene": "The citizens behind the figures", "Navn": "Name", "Start": "Start",
    "Slut": "End", "Resultatdato": "Outcome date", "Dage": "Days", "Timer ved start": "Hours at the start",
    "Fremmøde": "Attendance", "Borgeren": "The citizen", "Mentor": "Mentor", "Konsulent": "Consultant",
    "Ikke angivet": "Not given", "ikke kendt": "not known", "37 t og derover": "37 h and more",
    HIDDEN: "hidden",
}  # fmt: skip


@cache
def _labels_in_english() -> dict[str, str]:
    """Every vocabulary's Danish label -> its English one (outcomes, life areas, placement types ...)."""
    enums: list[Any] = [e for e in vars(vocab).values() if isinstance(e, EnumMeta)]
    codes = [member.value for e in enums for member in e if isinstance(member.value, str)]
    found = {label(code): english_label(code) for code in codes}
    found.update({outcome_label(k.value): english_outcome_label(k.value) for k in OutcomeKind})
    return found


def _english_text(value: Cell) -> Cell:
    if not isinstance(value, str):
        return value
    if value in ENGLISH:
        return ENGLISH[value]
    if value.endswith(" t") and value[:-2].replace("–", "").isdigit():  # an hours band, "10–15 t"
        return value[:-2] + " h"
    return _labels_in_english().get(value, value)


def _in_english(t: ResultTable) -> ResultTable:
    """A table as the English UI shows it; company names and other data stay as they are."""
    first_data = {"placements": 1, "per_citizen": 2}.get(t.key, 0)  # company; ref and name: data, as they are
    rows = [tuple(v if i < first_data else _english_text(v) for i, v in enumerate(row)) for row in t.rows]
    return ResultTable(t.key, str(_english_text(t.title)), tuple(str(_english_text(h)) for h in t.headers), rows,
                       t.percent)  # fmt: skip


def _hours(minutes: int | None) -> float | None:
    return None if minutes is None else hours(minutes)


def _assessor(code: str) -> str:
    return {"citizen": "Borgeren", "mentor": "Mentor", "consultant": "Konsulent", "unknown": "Ikke angivet"}[code]
