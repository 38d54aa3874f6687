"""The dossier PDF's goals and progression: first and latest score per goal (spider or dumbbell chart),
each goal's whole score history with a curve per assessor, and a table of every score with its date and
assessor (formatting only)."""

from __future__ import annotations

from datetime import date, timedelta

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Table, TableStyle

from placement_desk.domain.dossier import DossierData, GoalRow
from placement_desk.export import danish as dk
from placement_desk.export.pdf_base import FONT_STYLE, WIDTH, Col, Heading, p, sub
from placement_desk.export.pdf_goal_charts import ScoreCurve, dumbbell_chart, score_history_chart, spider_chart
from placement_desk.export.pdf_table import table

GOAL_COLS = (Col("Nr.", 8), Col("Område", 24), Col("Mål og delmål", 57), Col("Alle scorer i rækkefølge", 38),
             Col("Første", 13, True), Col("Seneste", 16, True), Col("Udvikling", 18, True))  # fmt: skip
SCORE_COLS = (Col("Nr.", 10), Col("Område", 34), Col("Dato", 30), Col("Score", 20, True), Col("Bedømmer", 40))
SCALE = "Skala: −5 = dårligere end ved start, 0 = status quo, 1–4 = fremgang, 5 = målet er nået."
PANEL_H = 46 * mm


def named(data: DossierData) -> bool:
    """Whether any score of the dossier names who gave it."""
    return any(s.assessor is not None for g in data.goals for s in g.scores)


def history_text(g: GoalRow, with_assessor: bool) -> str:
    """The whole score history: ``0 → +3 → +4 → -2 → -1``; one line per assessor where several scored."""
    if not with_assessor or all(a.assessor is None for a in g.by_assessor):
        return dk.scores_text(g.scores)
    return "\n".join(f"{dk.assessor_text(a.assessor)}: {dk.scores_text(a.history)}" for a in g.by_assessor)


def _time_span(data: DossierData) -> tuple[date, date]:
    days = [s.day for g in data.goals for s in g.scores]
    first, last = min(days), max(days)
    if (last - first).days < 30:
        first, last = first - timedelta(days=15), last + timedelta(days=15)
    return first, last


def history_panels(data: DossierData) -> list[Flowable]:
    """A chart of each scored goal's history (two side by side), every assessor its own curve."""
    scored = [(i, g) for i, g in enumerate(data.goals, 1) if g.scores]
    if not scored:
        return []
    first, last = _time_span(data)
    charts = []
    for i, g in scored:
        curves = [
            ScoreCurve(dk.assessor_text(a.assessor), a.assessor, tuple((s.day, s.score) for s in a.history))
            for a in g.by_assessor
        ]
        charts.append(score_history_chart(f"{i}. {dk.code_text(g.goal.area)}", curves, first, last, WIDTH / 2 - 4,
                                          PANEL_H))  # fmt: skip
    rows = [charts[k : k + 2] + [""] * (2 - len(charts[k : k + 2])) for k in range(0, len(charts), 2)]
    grid = Table(rows, colWidths=[WIDTH / 2] * 2, hAlign="LEFT")
    grid.setStyle(TableStyle(FONT_STYLE + [("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [*sub("Udvikling over tid", PANEL_H + 12 * mm), grid]


def goals(title: Heading, data: DossierData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(100 * mm), title]
    scored = [(i, g) for i, g in enumerate(data.goals, 1) if g.first_score is not None]
    labels = [f"{i}. {dk.code_text(g.goal.area)}" for i, g in scored]
    first = [g.first_score or 0 for _, g in scored]
    latest = [g.latest_score or 0 for _, g in scored]
    if len(scored) >= 3:
        out.append(spider_chart(labels, first, latest, 88 * mm))
    elif scored:
        out.append(dumbbell_chart(labels, first, latest, WIDTH))
    out.append(p(SCALE + " Diagrammet viser første og seneste score; hele forløbet står i tabellen og i "
                 "diagrammerne nedenfor.", "small"))  # fmt: skip
    with_assessor = named(data)
    rows = []
    for i, g in enumerate(data.goals, 1):
        text = g.goal.text + "".join(f"\n– {s}" for s in g.goal.subgoals)
        rows.append([str(i), dk.code_text(g.goal.area), text, history_text(g, with_assessor),
                     dk.score_text(g.first_score), dk.score_text(g.latest_score), dk.score_text(g.change)])  # fmt: skip
    out.append(table(GOAL_COLS, rows) if rows else p("Der er ikke registreret mål."))
    out += history_panels(data)
    out += all_scores(data, with_assessor)
    return out


def all_scores(data: DossierData, with_assessor: bool) -> list[Flowable]:
    """Every score with its date and who gave it, goal by goal in date order."""
    scores = [(i, g, s) for i, g in enumerate(data.goals, 1) for s in g.scores]
    if not scores:
        return []
    if with_assessor:
        rows = [[str(i), dk.code_text(g.goal.area), dk.date_text(s.day), dk.score_text(s.score),
                 dk.assessor_text(s.assessor)] for i, g, s in scores]  # fmt: skip
        note = "Borgerens egen score står for sig, så borgerens vurdering altid er synlig."
        return [*sub("Alle scorer"), table(SCORE_COLS, rows, compact=True), p(note, "small")]
    rows = [[str(i), dk.code_text(g.goal.area), dk.date_text(s.day), dk.score_text(s.score)] for i, g, s in scores]
    note = "Det er ikke registreret, hvem der har givet scorerne (borger, mentor eller konsulent)."
    return [*sub("Alle scorer"), table(SCORE_COLS[:4], rows, compact=True), p(note, "small")]
