"""The dossier PDF's later sections: accommodation needs, work capacity, goals, follow-ups, the
citizen's own view, the consultant's assessment and the signature boxes (formatting only)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from placement_desk.domain.dossier import DossierData
from placement_desk.export import danish as dk
from placement_desk.export.danish import hours
from placement_desk.export.pdf_base import (
    FONT_STYLE,
    GREY,
    LINE,
    NAVY,
    WIDTH,
    Col,
    Heading,
    key_value_table,
    p,
    sub,
)
from placement_desk.export.pdf_charts import capacity_chart
from placement_desk.export.pdf_table import Cell, table

DEFINITIONS = (
    "Sådan er tallene beregnet: Kun dage til og med udarbejdelsesdatoen tæller. Planlagte timer følger "
    "timeplanen (optrapning og nedtrapning) og er 0 på helligdage. Fremmøde = fremmødte timer på dage, der tæller "
    "med, i forhold til de planlagte timer på de samme dage; dage med aftalt fravær (ferie, behandling, møder) og "
    "dage uden registrering tæller ikke med. Fravær = manglende timer på dage, der tæller med. Effektive timer = "
    "fremmødte timer × den effektivitet, der senest var vurderet på dagen; timer før et forløbs første vurdering "
    "har ingen effektivitet og indgår hverken i de effektive timer eller i grundlaget (»af … fremmødte timer med en "
    "vurdering«). Vedvarende timer pr. uge = det største antal timer, borgeren har været mødt hver uge i fire uger i "
    "træk, med de seneste fire uger, hvor det er nået. Timer med to decimaler, procenter med én (afrundet én gang "
    "fra den nøjagtige værdi)."
)
TABLE_NOTE = (
    "Ureg. = planlagte dage uden registrering. Aftalt fravær = planlagte timer på dage med aftalt fravær; de tæller "
    "ikke med i fremmøde og fravær. Effektive timer er beregnet af de fremmødte timer med en vurdering af "
    "effektiviteten (næste kolonne)."
)

TOPICS = {
    "attendance": "Fremmøde",
    "benefit": "Udbytte",
    "behaviour": "Ageren",
    "goals": "Mål",
    "accommodations": "Skånehensyn",
}

ACCOMMODATION_COLS = (Col("Kategori", 28), Col("Skånehensyn", 78), Col("Kilde", 22), Col("Identificeret", 22),
                      Col("Status", 24))  # fmt: skip


def accommodations(title: Heading, data: DossierData) -> list[Flowable]:
    rows = [
        [dk.code_text(a.category), a.text, dk.code_text(a.source), dk.date_text(a.identified),
         "Aktiv" if a.active else f"Ophørt {dk.date_text(a.retired)}" if a.retired else "Ophørt"]
        for a in data.accommodations
    ]  # fmt: skip
    body: Flowable = table(ACCOMMODATION_COLS, rows) if rows else p("Der er ikke registreret skånehensyn.")
    return [
        CondPageBreak(60 * mm),
        title,
        p("Skånehensyn, der er afdækket i forløbene, med kilde og dato for, hvornår de blev identificeret.", "small"),
        body,
    ]


CAPACITY_COLS = (Col("Dato", 22), Col("Forløb", 40), Col("Effektivitet", 22, True), Col("Bemærkning", 90))
TASK_COLS = (Col("Opgave", 66), Col("Andel af tiden", 27, True), Col("Tempo", 27, True), Col("Kvalitet", 27, True),
             Col("Ydelse", 27, True))  # fmt: skip


def capacity(title: Heading, data: DossierData) -> list[Flowable]:
    t = data.figures.total
    out: list[Flowable] = [CondPageBreak(90 * mm), title]
    out.append(
        key_value_table(
            [
                ("Vedvarende timer pr. uge",
                 dk.sustained_text(data.figures.max_sustained_weekly, data.figures.max_sustained_weeks)),
                ("Fremmødte timer", dk.hours_text(t.attended)),
                ("Effektive timer", dk.effective_text(t.effective, t.effective_basis)),
                ("Seneste effektivitet", dk.pct_text(data.latest_effectiveness_pct)),
            ],
            50,
        )
    )
    if data.month_rows:
        months = [
            (m.first_day, dk.month_short(m.key), hours(m.totals.attended), hours(m.totals.effective_basis),
             hours(m.totals.effective or 0))
            for m in data.month_rows
        ]  # fmt: skip
        points = [(c.day, float(c.effectiveness_pct)) for c in data.capacity]
        out.append(
            KeepTogether([
                p("Effektive timer og effektivitet over tid", "h2"),
                capacity_chart(months, points, WIDTH, 58 * mm),
                p("Effektive timer kan kun beregnes for fremmøde efter et forløbs første vurdering af effektiviteten; "
                  "timer før den er vist lyse og indgår ikke.", "small"),
            ])  # fmt: skip
        )
    out += sub("Vurderinger af effektivitet")
    if data.capacity:
        rows = [
            [dk.date_text(c.day), f"{c.placement} · {c.company}", dk.pct_text(c.effectiveness_pct), dk.text_or_dash(c.note)]
            for c in data.capacity
        ]
        out.append(table(CAPACITY_COLS, rows))
    else:
        out.append(p("Der er ikke registreret vurderinger af effektiviteten i perioden."))
    out += task_breakdown(data)
    return out


def task_breakdown(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = [*sub("Opgavefordeling", 45 * mm)]
    assessed = [c for c in data.capacity if c.tasks]
    if not assessed:
        tasks = [[f"{r.placement.ref} · {r.company}", ", ".join(r.placement.tasks) or dk.DASH] for r in data.placements]
        out.append(
            p("Der er ikke foretaget opgavefordelte vurderinger i perioden. Opgaverne i forløbene var:", "body")
        )
        if tasks:
            out.append(table((Col("Forløb", 60), Col("Opgaver", 114)), tasks))
        return out
    for c in assessed:
        rows = [
            [t.name, dk.pct_text(t.time_share_pct), dk.pct_text(t.tempo_pct), dk.pct_text(t.quality_pct),
             dk.pct_text(t.performance_pct)]
            for t in c.tasks
        ]  # fmt: skip
        rows.append(["Vægtet ydelse", "", "", "", dk.pct_text(c.weighted_performance_pct)])
        out.append(
            KeepTogether([
                p(f"{dk.date_text(c.day)} · {c.placement} · {c.company}", "cell_b"),
                table(TASK_COLS, rows, total=True),
                Spacer(1, 2 * mm),
            ])  # fmt: skip
        )
    out.append(p("Ydelse = tempo × kvalitet. Vægtet ydelse = ydelsen vægtet med opgavernes andel af tiden.", "small"))
    return out


FOLLOWUP_COLS = (Col("Dato", 19), Col("Samtale og deltagere", 38), Col("Referat", 73), Col("Aftalt", 44))


def followups(title: Heading, data: DossierData) -> list[Flowable]:
    rows: list[list[Cell]] = []
    for f in data.followups:
        note = f.note or ""
        for key, text in f.topics:
            note += f"\n{TOPICS.get(key, key)}: {text}"
        for k in f.corrections:
            note += f"\nRettelse {dk.date_text(k.day)} ({k.author or 'ukendt'}): {k.text}"
        kind = dk.code_text(f.kind) + (f" · {f.placement}" if f.placement else "")
        who = ((kind, "cell"), (f"Deltagere: {dk.participants_text(f.participants)}", "cell_s"))
        rows.append([dk.date_text(f.day), who, note.strip() or dk.DASH, dk.text_or_dash(f.agreed_changes)])
    return [
        CondPageBreak(60 * mm),
        title,
        table(FOLLOWUP_COLS, rows) if rows else p("Der er ikke registreret opfølgningssamtaler."),
    ]


def citizen_view(title: Heading, data: DossierData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(60 * mm), title]
    own = data.citizen.own_view
    out.append(p(f"»{own}«" if own else "Borgerens egen vurdering er ikke registreret.", "quote" if own else "body"))
    views = data.citizen_views
    if views:
        out += sub("Borgerens udsagn ved opfølgningssamtalerne")
        out.append(table((Col("Dato", 22), Col("Borgerens udsagn", 152)), [[dk.date_text(d), f"»{v}«"] for d, v in views]))
    return out


def assessment(title: Heading, data: DossierData, signatures: list[Flowable]) -> list[Flowable]:
    """The consultant's assessment and recommendation, then the signature block, which always keeps the
    recommendation with it on its page (never a page that holds only signatures)."""
    return [
        CondPageBreak(70 * mm),
        title,
        p("Vurdering", "h2"),
        p(data.assessment or "Ikke udfyldt."),
        KeepTogether([
            p("Anbefaling", "h2"),
            p(data.recommendation or "Ikke udfyldt."),
            Spacer(1, 2 * mm),
            p(f"Virksomhedskonsulent: {dk.text_or_dash(data.consultant)}", "small"),
            *signatures,
        ]),  # fmt: skip
    ]


def signatures(title: Heading, data: DossierData) -> list[Flowable]:
    people = [
        ("Borger", data.citizen.name),
        ("Virksomhedskonsulent", data.consultant or ""),
        ("Sagsbehandler", data.citizen.caseworker or ""),
    ]
    rows: list[list[Flowable | str]] = [
        [p(role, "cell_b") for role, _ in people],
        [p(name, "cell") for _, name in people],
        [p("Dato", "key")] * 3,
        ["", "", ""],
        [p("Underskrift", "key")] * 3,
        ["", "", ""],
    ]
    heights = [None, 9 * mm, None, 8 * mm, None, 14 * mm]
    box = Table(rows, colWidths=[WIDTH / 3] * 3, rowHeights=heights, hAlign="LEFT")
    box.setStyle(
        TableStyle(
            FONT_STYLE
            + [
                ("BOX", (0, 0), (-1, -1), 0.6, NAVY),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, LINE),
                ("LINEBELOW", (0, 3), (-1, 3), 0.5, GREY, None, (1, 2)),
                ("LINEBELOW", (0, 5), (-1, 5), 0.5, GREY, None, (1, 2)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 5), (-1, 5), 8),
            ]
        )
    )
    return [
        Spacer(1, 3 * mm),
        title,
        p("Borgeren har haft mulighed for at læse dokumentationen og komme med bemærkninger.", "body"),
        box,
    ]
