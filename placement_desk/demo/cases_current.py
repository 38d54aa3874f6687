"""The current citizens (seed file 000): Malthe (Viborg), Phillip (Halsnæs) and Miriam (Vejle).

Their dates follow ``today``: placements started some months ago and are still running, with
attendance up to yesterday; Malthe's follow-up is overdue and Miriam has unregistered days.
"""

from __future__ import annotations

import datetime as dt

from placement_desk.demo.builders import (
    SKIP,
    Json,
    Mark,
    Placement,
    Profile,
    Step,
    accommodation,
    citizen,
    days,
    dk,
    followup,
    goal,
    merge,
    monday_of,
    planned_days,
    referral,
)

MALTHE_SEED = 3808
PHILLIP_SEED = 3909
MIRIAM_SEED = 4010

_FIVE = "mon tue wed thu fri"


def _week(today: dt.date, weeks: int, weekday: int = 0) -> dt.date:
    """The given weekday (0 = Monday) ``weeks`` weeks from the Monday of today's week."""
    return monday_of(today) + dt.timedelta(weeks=weeks, days=weekday)


def malthe(today: dt.date) -> Json:
    def w(weeks: int, weekday: int = 0) -> dt.date:
        return _week(today, weeks, weekday)

    base = Profile(
        sick=0.07,
        unexcused=0.04,
        agreed=0.04,
        early=0.05,
        sick_reasons=("Dårlig nat", "Psykisk dårlig", "psykisk dårlig", "Influenza"),
        unexcused_reasons=("", "Sov over sig"),
        agreed_reasons=("Misbrugsbehandling", "Samtale i psykiatrien", "Møde med bostøtte"),
        early_reasons=("Uro", "Vred – gik hjem efter aftale", "Træt"),
    )
    rough = Profile(
        sick=0.15,
        unexcused=0.1,
        agreed=0.04,
        early=0.1,
        sick_reasons=base.sick_reasons,
        unexcused_reasons=base.unexcused_reasons,
        agreed_reasons=base.agreed_reasons,
        early_reasons=base.early_reasons,
    )
    ref = "Malthe-1"
    placement = Placement(
        ref,
        "co-tomrer",
        "internship",
        "training",
        w(-22),
        None,
        "wm-anders",
        ["oprydning på byggepladsen", "bære og sortere materialer", "slibning og enkle opgaver i værkstedet"],
        [
            Step(w(-22), days("tue thu", 3)),
            Step(w(-18), days("mon tue thu", 3)),
            Step(w(-13), days("mon tue thu", 4)),
            Step(w(-9), days("mon tue thu", 3)),
            Step(w(-5), days("mon tue thu", 4)),
        ],
        profiles=[(w(-22), base), (w(-11), rough), (w(-8), base)],
        overrides={
            w(-11, 0): Mark("absent_unexcused", note="ingen besked"),
            w(-11, 3): Mark("sick", "Dårlig nat"),
            w(-10, 0): Mark("absent_unexcused", "Sov over sig"),
            w(-10, 1): Mark("sick", "psykisk dårlig "),
        },
        capacity=[
            (w(-18, 4), 45, "Urolig og hurtigt frustreret; brug for faste rutiner"),
            (w(-12, 4), 55, "Arbejder godt i værkstedet med én opgave ad gangen"),
            (w(-3, 4), 60, "Mere stabil; tager selv initiativ til oprydning"),
        ],
    )
    wm = "citizen consultant workplace_mentor"
    followups = [
        followup(
            w(-22),
            "startup",
            ref,
            wm,
            "Opstart i tømrerfirmaet som led i at blive klar til uddannelsen igen. Håndholdt indsats: "
            "samme konsulent har både indsats og myndighed.",
            "Jeg vil gerne vise, at jeg kan.",
            f"Tirsdag og torsdag 3 timer fra {dk(w(-22))}",
        ),
        followup(
            w(-19, 3),
            "monthly",
            ref,
            wm,
            "Mødestabil i de første uger. Har selv søgt misbrugsbehandling.",
            "Det går fint.",
            f"3x3 timer (mandag, tirsdag, torsdag) fra {dk(w(-18))}",
        ),
        followup(
            w(-14, 3),
            "monthly",
            ref,
            wm,
            "God udvikling; værkstedet passer ham. Ageren: en episode med vrede, håndteret med time-out.",
            "Jeg kan godt lidt mere.",
            f"3x4 timer fra {dk(w(-13))}",
        ),
        followup(
            w(-10, 3),
            "three_party",
            ref,
            "citizen consultant workplace_mentor mentor",
            "Tilbagefald: flere udeblivelser og dårlige nætter. Nedtrapning for at fastholde praktikken.",
            "Jeg har haft en hård periode.",
            f"Ned på 3x3 timer fra {dk(w(-9))}",
        ),
        followup(
            w(-6, 3),
            "monthly",
            ref,
            wm,
            "Stabil igen; misbrugsbehandling og bostøtte kører. Ansøgning om revalidering forberedes.",
            "Jeg vil tilbage til uddannelsen.",
            f"3x4 timer fra {dk(w(-5))}",
        ),
    ]
    return citizen(
        {
            "ref": "Malthe",
            "name": "Malthe",
            "birth_year": today.year - 23,
            "benefit": "kontanthjælp",
            "caseworker": "Jobcenter Viborg, Team Ny Indsats",
            "job_goal": "Gennemføre uddannelse på særlige vilkår",
            "own_view": "Jeg vil tilbage til den uddannelse, jeg blev smidt ud af. "
            "Jeg har indset, at jeg selv skal gøre noget.",
        },
        [referral("Team Ny Indsats", w(-40), w(-40) + dt.timedelta(days=364))],
        [placement.build(MALTHE_SEED * 100, until=today - dt.timedelta(days=1))],
        [
            accommodation("time", "Mødetid tidligst kl. 9 pga. medicin", w(-22), "doctor"),
            accommodation("psychological", "Faste rutiner og besked i god tid ved ændringer", w(-21), "observed"),
            accommodation(
                "psychological", "Aftale om time-out ved vrede: går en tur og vender tilbage", w(-20), "other"
            ),
            accommodation("cognitive", "Korte, konkrete instruktioner, vist i praksis", w(-19), "observed"),
            accommodation("sensory", "Høreværn og et stille sted at holde pause", w(-16), "citizen"),
        ],
        followups,
        [
            goal(
                "education",
                "Genoptage uddannelsen på særlige vilkår (revalidering)",
                ["Stabilt fremmøde i praktikken", "Ansøgning om revalidering"],
                [(w(-40), 0), (w(-22), 1), (w(-14), 2), (w(-10), 1), (w(-6), 3)],
            ),
            goal(
                "health",
                "Misbrugsbehandling og psykiatrisk behandling",
                ["Møde til behandlingen hver uge"],
                [(w(-40), 0), (w(-30), 2), (w(-10), -1), (w(-6), 2)],
            ),
            goal(
                "social",
                "Styre temperamentet",
                ["Bruge time-out", "Tale med bostøtten om konflikter"],
                [(w(-40), 0), (w(-22), 1), (w(-14), 2), (w(-6), 3)],
            ),
        ],
        today,
    )


def phillip(today: dt.date) -> Json:
    def w(weeks: int, weekday: int = 0) -> dt.date:
        return _week(today, weeks, weekday)

    ref = "Phillip-1"
    start = Profile(
        sick=0.03,
        unexcused=0.03,
        agreed=0.01,
        early=0.02,
        sick_reasons=("Influenza", "Ondt i ryggen", "ondt i ryggen"),
        unexcused_reasons=("Sov over sig",),
        early_reasons=("Lægetid", ""),
    )
    later = Profile(
        sick=0.03,
        agreed=0.02,
        early=0.02,
        sick_reasons=start.sick_reasons,
        agreed_reasons=("Møde på jobcentret", "Køreprøve"),
        early_reasons=("Køretime",),
    )
    end = w(8, 3)
    placement = Placement(
        ref,
        "co-entreprenor",
        "internship",
        "training",
        w(-17),
        end,
        "wm-kenneth",
        ["jord- og anlægsarbejde", "klargøring af maskiner", "oprydning på pladsen", "hjælpe med belægning"],
        [
            Step(w(-17), days("mon tue wed thu", 7)),
            Step(w(-14), merge(days("mon tue wed thu", 7.5), days("fri", 5))),
            Step(w(-8), merge(days("mon tue wed thu", 7.5), days("fri", 7))),
        ],
        profiles=[(w(-17), start), (w(-12), later)],
        overrides={
            w(-6, 1): Mark("absent_agreed", "Opgraderende kursus", note="dag 1 af 2"),
            w(-6, 2): Mark("absent_agreed", "Opgraderende kursus", note="dag 2 af 2"),
            w(-3, 3): Mark("present", "Køreundervisning", hours=5.5),
            w(-1, 3): Mark("present", "Køreundervisning", hours=5.5),
        },
        capacity=[
            (w(-13, 4), 65, "Motiveret; lærer hurtigt pladsens rutiner"),
            (w(-9, 4), 75, "Indgår i den almindelige opgaveløsning"),
            (w(-4, 4), 80, "Selvstændig med klargøring og oprydning"),
        ],
    )
    wm = "citizen mentor workplace_mentor"
    tp = "citizen mentor workplace_mentor caseworker"
    followups = [
        followup(
            w(-17),
            "startup",
            ref,
            "citizen mentor consultant workplace_mentor",
            "Opstart efter jobsamtale med god kemi. Virksomheden ser bort fra kravet om kørekort. "
            "Arbejdstøj købt med mentor. Virksomhedsmentor kører ham om morgenen.",
            "Jeg vil starte helt forfra.",
            "Mandag-torsdag 7 timer (28 timer)",
        ),
        followup(
            w(-15, 3),
            "monthly",
            ref,
            wm,
            "Møder til tiden med kørslen om morgenen. Del af arbejdsfællesskabet og den interne humor.",
            "Snakken falder naturligt i bilen.",
            f"35 timer fra {dk(w(-14))}: mandag-torsdag 7,5 t, fredag 5 t",
        ),
        followup(
            w(-11, 3),
            "monthly",
            ref,
            wm,
            "Stabilt fremmøde. Netværk uden for bandemiljøet måles ugentligt af mentor.",
            "Jeg kan godt lide kollegerne.",
        ),
        followup(
            w(-9, 3),
            "three_party",
            ref,
            tp,
            "Phillip ønsker at uddanne sig inden for virksomhedens område. Handleplan udarbejdet.",
            "Jeg vil være anlægsgartner/entreprenør.",
            f"37 timer fra {dk(w(-8))}: fredag 7 t",
        ),
        followup(
            w(-5, 2),
            "three_party",
            ref,
            tp,
            "Virksomheden tilbyder læreplads, hvis Phillip får kørekort. To-dages opgraderende kursus og "
            "kørekort bevilget.",
            "Det er vildt.",
            f"Praktikken forlænges til {dk(end)}",
        ),
        followup(
            w(-2, 3),
            "monthly",
            ref,
            wm,
            "Kursus gennemført. Køreundervisning torsdag eftermiddag. Ensomhed i weekenderne drøftet.",
            "Jeg savner nogen at lave noget med i weekenden.",
        ),
    ]
    return citizen(
        {
            "ref": "Phillip",
            "name": "Phillip",
            "birth_year": today.year - 25,
            "benefit": "uddannelseshjælp",
            "caseworker": "Jobcenter Halsnæs",
            "job_goal": "Læreplads i entreprenørbranchen",
            "own_view": "Jeg har valgt at bryde med mit gamle miljø. Jeg har brug for et nyt netværk og et arbejde.",
        },
        [referral("Arbejdsfællesskaber med fremtidsperspektiv", w(-20), w(6), [w(10, 4)])],
        [placement.build(PHILLIP_SEED * 100, until=today - dt.timedelta(days=1))],
        [
            accommodation("other", "Intet kørekort – virksomheden ser bort fra kravet i praktikken", w(-18), "other"),
            accommodation(
                "psychological",
                "Tydelige regler, fast hierarki og én fast virksomhedsmentor",
                w(-17),
                "observed",
            ),
            accommodation("time", "Kører med virksomhedsmentoren om morgenen for at møde til tiden", w(-16), "other"),
            accommodation("other", "Inddrages i det sociale liv på arbejdspladsen (nyt netværk)", w(-15), "observed"),
        ],
        followups,
        [
            goal(
                "social",
                "Nyt netværk uden for bandemiljøet",
                [
                    "Deltage i sociale arrangementer på arbejdspladsen",
                    "En fritidsaktivitet med nye kontakter",
                ],
                [(w(-20), 0), (w(-15), 1), (w(-11), 2), (w(-7), 1), (w(-2), 3)],
            ),
            goal(
                "employment",
                "Afprøve entreprenørbranchen",
                ["Møde til tiden hver dag", "Indgå i den almindelige opgaveløsning"],
                [(w(-20), 0), (w(-15), 2), (w(-9), 3), (w(-5), 4)],
            ),
            goal(
                "education",
                "Læreplads: kørekort og opgraderende kursus",
                ["To-dages kursus", "Kørekort"],
                [(w(-5), 0), (w(-2), 2)],
            ),
        ],
        today,
    )


def miriam(today: dt.date) -> Json:
    def w(weeks: int, weekday: int = 0) -> dt.date:
        return _week(today, weeks, weekday)

    profile = Profile(
        sick=0.05,
        agreed=0.04,
        early=0.04,
        sick_reasons=("Ondt i ryggen", "Barn syg", "barn syg ", "Influenza"),
        agreed_reasons=("Danskundervisning", "Møde på skolen", "Møde på jobcentret"),
        early_reasons=("Ondt i ryggen", "Hente børn"),
    )
    bakery = ["ekspedition ved disken", "bagning af morgenbrød", "opfyldning af brødhylder", "rengøring"]
    snus = Placement(
        "Miriam-1",
        "co-bilka",
        "internship",
        "assessment",
        w(-18),
        w(-15, 4),
        "wm-susanne",
        bakery[:3],
        [Step(w(-18), days("mon tue thu", 4))],
        end_reason="Snusepraktik afsluttet – fortsætter i bagerafdelingen",
        profiles=[(w(-18), profile)],
        capacity=[(w(-15, 3), 40, "Sproget er en barriere, men hun er ivrig og god til kunderne")],
    )
    schedule = [
        Step(w(-14), days("mon tue thu", 4.5)),
        Step(w(-9), days("mon tue wed thu", 4.5)),
        Step(w(-5), days(_FIVE, 4)),
    ]
    until = today - dt.timedelta(days=1)
    recent = [day for day in planned_days(schedule, today - dt.timedelta(days=14), until) if day >= w(-14)]
    training = Placement(
        "Miriam-2",
        "co-bilka",
        "internship",
        "training",
        w(-14),
        w(10, 4),
        "wm-susanne",
        bakery,
        schedule,
        profiles=[(w(-14), profile)],
        overrides={
            w(-7, 1): Mark("absent_agreed", "Hygiejnekursus"),
            w(-7, 2): Mark("absent_agreed", "Hygiejnekursus"),
            **{day: SKIP for day in recent[-3:]},
        },
        capacity=[
            (w(-10, 4), 55, "Har lært basiskompetencerne"),
            (w(-4, 4), 70, "Ved at være en kompetent medarbejder i bageren"),
        ],
    )
    cw = "citizen consultant workplace_mentor"
    followups = [
        followup(
            w(-18),
            "startup",
            "Miriam-1",
            cw,
            "Snusepraktik i bagerafdelingen som første del af branchepakken, så Miriam kan vurdere branchen.",
            "Jeg ved ikke, om jeg er dygtig nok.",
            f"Mandag, tirsdag, torsdag 4 timer fra {dk(w(-18))}",
        ),
        followup(
            w(-15, 4),
            "final",
            "Miriam-1",
            cw,
            "Efter fire uger er Miriam overbevist om, at bageren er hendes branche. Elsker kundekontakten.",
            "Det er lige mig.",
            f"Praktik i bagerafdelingen 3x4,5 timer fra {dk(w(-14))}",
        ),
        followup(
            w(-10, 3),
            "monthly",
            "Miriam-2",
            cw,
            "Stabilt fremmøde; enkelte dage med rygsmerter. Dansk i fremgang gennem kundekontakten.",
            "Jeg taler mere dansk nu.",
            f"4x4,5 timer (18 timer) fra {dk(w(-9))}",
        ),
        followup(
            w(-6, 3),
            "monthly",
            "Miriam-2",
            cw,
            "Hygiejnekursus gennemført; lærer flere teknikker. Klar til fem dage.",
            "Jeg vil lære mere.",
            f"5x4 timer (20 timer) fra {dk(w(-5))}",
        ),
        followup(
            w(-3, 2),
            "three_party",
            "Miriam-2",
            "citizen consultant workplace_mentor caseworker",
            "Ved at være en kompetent medarbejder og en kvalificeret ansøger. Søger ledige job i bagerbranchen.",
            "Jeg drømmer om et job i en bager.",
        ),
    ]
    return citizen(
        {
            "ref": "Miriam",
            "name": "Miriam",
            "birth_year": today.year - 30,
            "benefit": "selvforsørgelses- og hjemrejseydelse",
            "caseworker": "Jobcenter Vejle, integration",
            "job_goal": "Bagerimedhjælper",
            "own_view": "Jeg elsker at tale med kunderne, og jeg lærer dansk. Jeg vil have et job i en bager.",
        },
        [referral("Branchepakkeforløb, bager og detail", w(-20), w(6))],
        [snus.build(MIRIAM_SEED * 100, until=until), training.build(MIRIAM_SEED * 100 + 1, until=until)],
        [
            accommodation("physical", "Ingen tunge løft og ikke lange perioder med stående arbejde", w(-18), "doctor"),
            accommodation("time", "Arbejdstid kl. 8.30-13, så hun kan hente sønnerne", w(-18), "citizen"),
            accommodation(
                "cognitive",
                "Begrænset dansk og kort skolegang: vis teknikkerne og brug billeder",
                w(-17),
                "observed",
            ),
            accommodation("physical", "Skiftevis disk og bagning for at aflaste ryggen", w(-12), "observed"),
        ],
        followups,
        [
            goal(
                "employment",
                "Ordinært job i en bager",
                ["Basiskompetencer i bagerafdelingen", "Hygiejnekursus", "Søge ledige job i branchen"],
                [(w(-20), 0), (w(-15), 2), (w(-10), 3), (w(-6), 3), (w(-3), 4)],
            ),
            goal(
                "education",
                "Bedre dansk gennem kundekontakt",
                ["Danskuddannelse", "Ekspedere kunder på dansk"],
                [(w(-20), 0), (w(-10), 1), (w(-3), 3)],
            ),
            goal(
                "everyday",
                "Balance mellem familie og arbejde",
                ["Fritidsordning for sønnerne", "Fast ugeplan"],
                [(w(-20), 0), (w(-8), -1), (w(-5), 1), (w(-2), 2)],
            ),
        ],
        today,
    )
