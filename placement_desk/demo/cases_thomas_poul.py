"""Thomas (Væksthuset, seed file 003) and Poul (Frederikshavn, "Mit Liv Mit Ansvar", seed file 000),
both closed (2024-2025)."""

from __future__ import annotations

from placement_desk.demo.builders import (
    FERIE,
    Json,
    Placement,
    Profile,
    Step,
    accommodation,
    citizen,
    d,
    dates_between,
    days,
    followup,
    goal,
    outcome,
    referral,
)

THOMAS_SEED = 2505
POUL_SEED = 3707

_FIVE = "mon tue wed thu fri"


def thomas() -> Json:
    start = Profile(
        sick=0.05,
        unexcused=0.08,
        agreed=0.04,
        early=0.06,
        sick_reasons=("Influenza", "Ondt i ryggen", "ondt i ryggen"),
        unexcused_reasons=("", "Sov over sig"),
        agreed_reasons=("Møde på rusmiddelcentret", "Lægetid (ADHD-udredning)", "Møde på jobcentret"),
        early_reasons=("Konflikt med kollega", "Vred – gik hjem efter aftale", ""),
    )
    settled = Profile(
        sick=0.04,
        unexcused=0.015,
        agreed=0.03,
        early=0.03,
        sick_reasons=("Influenza", "Ondt i ryggen", "Forkølelse"),
        agreed_reasons=("Møde på rusmiddelcentret", "Lægetid (ADHD-udredning)", "Møde hos SKAT"),
        early_reasons=("Lægetid", "Træt"),
    )
    lager = ["varemodtagelse", "plukning af ordrer", "scanning og optælling af varer", "oprydning på lageret"]
    placements = [
        Placement(
            "Thomas-1",
            "co-lager",
            "hybrid",
            "recruitment",
            d("2024-04-08"),
            d("2024-09-27"),
            "wm-steen",
            lager,
            [
                Step(d("2024-04-08"), days("mon tue thu", 5)),
                Step(d("2024-05-20"), days("mon tue wed thu", 5), paid=10),
                Step(d("2024-08-12"), days("mon tue wed thu fri", 5), paid=10),
            ],
            end_reason="Overgår til løntilskud på lageret",
            outcome=outcome("wage_subsidy", d("2024-09-27"), "Løntilskud på lageret, 30 timer om ugen", True, 30),
            profiles=[(d("2024-04-08"), start), (d("2024-05-20"), settled)],
            overrides=dates_between(d("2024-07-15"), d("2024-08-02"), FERIE),
            capacity=[
                (d("2024-05-17"), 70, "Hurtig, men tempoet svinger med humøret"),
                (d("2024-07-12"), 80, "Mere stabil; tager imod instruktioner"),
            ],
        ),
        Placement(
            "Thomas-2",
            "co-lager",
            "wage_subsidy",
            "recruitment",
            d("2024-09-30"),
            d("2025-05-30"),
            "wm-steen",
            lager + ["truckkørsel efter kursus"],
            [
                Step(d("2024-09-30"), days("mon tue wed thu fri", 6), paid=30),
                Step(d("2025-02-03"), days("mon tue wed thu fri", 7), paid=35),
            ],
            end_reason="Løntilskudsperioden udløbet; fortsætter i ordinær ansættelse på lageret",
            profiles=[(d("2024-09-30"), settled)],
            overrides=dates_between(d("2024-12-23"), d("2025-01-01"), FERIE),
            capacity=[
                (d("2024-11-29"), 85, "Selvstændig i varemodtagelsen"),
                (d("2025-03-31"), 90, "På niveau med kollegerne"),
            ],
        ),
    ]
    built = [p.build(THOMAS_SEED * 100 + i) for i, p in enumerate(placements)]
    cw = "citizen consultant workplace_mentor"
    followups = [
        followup(
            d("2024-04-08"),
            "startup",
            "Thomas-1",
            cw,
            "Opstart på lageret, hvor de ansætter folk med plettet straffeattest. 10 af timerne bliver "
            "lønnede efter 6 uger. Aftale: arbejdsgiver kan ringe til konsulenten ved vrede.",
            "Det er fedt, at de ikke dømmer mig.",
            "Mandag, tirsdag, torsdag 5 timer (15 timer)",
        ),
        followup(
            d("2024-05-16"),
            "three_party",
            "Thomas-1",
            "citizen consultant workplace_mentor caseworker",
            "Et par udeblivelser og én konflikt i starten; håndteret ved at gå en tur. Løntimer fra uge 21.",
            "Det motiverer mig med løn.",
            "4x5 timer (20 timer) fra 20/5, heraf 10 lønnede",
        ),
        followup(
            d("2024-06-13"),
            "monthly",
            "Thomas-1",
            cw,
            "Stabilt fremmøde. Startet i misbrugsbehandling; ADHD-udredning via egen læge i gang.",
            "Jeg sover bedre.",
        ),
        followup(
            d("2024-08-08"),
            "monthly",
            "Thomas-1",
            cw,
            "God efter ferien. Arbejdsgiver vil gerne have ham flere dage.",
            "Jeg kan godt fem dage.",
            "5x5 timer fra 12/8, stadig 10 lønnede",
        ),
        followup(
            d("2024-09-12"),
            "three_party",
            "Thomas-1",
            "citizen consultant workplace_mentor caseworker",
            "Arbejdsgiver tilbyder løntilskud med henblik på ordinær ansættelse.",
            "Ja tak.",
            "Løntilskud 5x6 timer (30 timer) fra 30/9",
        ),
        followup(
            d("2024-10-31"),
            "monthly",
            "Thomas-2",
            cw,
            "Godt i gang i løntilskud. Afdragsordning med SKAT på plads.",
            "Jeg har styr på posten nu.",
        ),
        followup(
            d("2024-12-12"),
            "monthly",
            "Thomas-2",
            cw,
            "Et tilbagefald med hash i november; talt med rusmiddelcentret. Fremmødet holdt.",
            "Det var en dårlig uge, men jeg kom på arbejde.",
        ),
        followup(
            d("2025-01-23"),
            "monthly",
            "Thomas-2",
            cw,
            "ADHD-diagnose og medicin. Roligere på arbejdspladsen.",
            "Medicinen hjælper.",
            "5x7 timer fra 3/2",
        ),
        followup(
            d("2025-03-13"),
            "monthly",
            "Thomas-2",
            cw,
            "Arbejdsgiver taler om fastansættelse efter løntilskuddet.",
            "Jeg vil gerne blive.",
        ),
        followup(
            d("2025-05-28"),
            "final",
            "Thomas-2",
            cw,
            "Løntilskuddet slutter; arbejdsgiver tilbyder ordinær ansættelse.",
            "Jeg har et job.",
        ),
    ]
    return citizen(
        {
            "ref": "Thomas",
            "name": "Thomas",
            "birth_year": 1988,
            "benefit": "kontanthjælp",
            "caseworker": "Jobcenter København, CBA team 2",
            "job_goal": "Lagermedarbejder",
            "own_view": "Det betyder noget, at de ikke dømmer mig på min straffeattest. "
            "Når jeg får løn, giver det mening at stå op.",
        },
        [
            referral(
                "Udsatte voksne med udadreagerende adfærd",
                d("2024-02-05"),
                d("2024-11-30"),
                [d("2025-05-31")],
                "Afsluttet: i job på lageret efter løntilskud",
                outcome("wage_subsidy", d("2024-09-27"), "Løntilskud på lageret"),
            )
        ],
        built,
        [
            accommodation("other", "Arbejdsplads der accepterer plettet straffeattest", d("2024-03-01"), "other"),
            accommodation(
                "psychological",
                "Aftale ved vrede: går en tur i stedet for at konfrontere; arbejdsgiver kan ringe til konsulenten",
                d("2024-04-08"),
                "other",
            ),
            accommodation("time", "Fleksibel mødetid ved behandlingsaftaler", d("2024-04-25"), "citizen"),
            accommodation(
                "cognitive",
                "ADHD: korte, konkrete instruktioner og én opgave ad gangen",
                d("2024-05-02"),
                "observed",
            ),
        ],
        followups,
        [
            goal(
                "employment",
                "Varig tilknytning til arbejdsmarkedet",
                [
                    "Møde hver dag til tiden",
                    "Løntimer efter 6 uger",
                    "Løntilskud med henblik på ordinær ansættelse",
                ],
                [
                    (d("2024-04-08"), 0),
                    (d("2024-05-16"), 2),
                    (d("2024-08-08"), 3),
                    (d("2024-10-31"), 4),
                    (d("2025-05-28"), 5),
                ],
            ),
            goal(
                "health",
                "Nedbragt misbrug og ADHD-udredning",
                ["Starte i misbrugsbehandling", "Udredning via egen læge"],
                [
                    (d("2024-02-05"), 0),
                    (d("2024-06-13"), 2),
                    (d("2024-10-31"), 3),
                    (d("2024-12-12"), 2),
                    (d("2025-03-13"), 4),
                ],
            ),
            goal(
                "social",
                "Håndtere vrede konstruktivt",
                ["Gå en tur i stedet for at råbe", "Selv tage kontakt til jobcenter og SKAT"],
                [
                    (d("2024-02-05"), 0),
                    (d("2024-05-02"), -1),
                    (d("2024-08-08"), 2),
                    (d("2024-12-12"), 3),
                    (d("2025-05-28"), 4),
                ],
            ),
            goal(
                "everyday",
                "Overblik over økonomi og gæld",
                ["Afdragsordning med SKAT", "Betale husleje til tiden"],
                [(d("2024-02-05"), 0), (d("2024-06-13"), 2), (d("2024-10-31"), 3)],
            ),
        ],
    )


def poul() -> Json:
    steady = Profile(
        sick=0.04,
        agreed=0.03,
        early=0.03,
        sick_reasons=("Influenza", "Forkølelse", "Ondt i ryggen"),
        agreed_reasons=("Møde på jobcentret", "Lægetid", "Møde med bostøtte"),
    )
    worn_out = Profile(
        sick=0.22,
        unexcused=0.08,
        agreed=0.02,
        early=0.2,
        sick_reasons=("Udmattet", "udmattet ", "Angst", "Hovedpine"),
        early_reasons=("Udmattet", "Træt", "angst"),
    )
    placement = Placement(
        "Poul-1",
        "co-dagligvare",
        "internship",
        "training",
        d("2024-03-04"),
        d("2025-01-31"),
        "wm-birgit",
        ["vareopfyldning", "opfyldning af frugt og grønt", "oprydning på lageret", "facing af hylder"],
        [
            Step(d("2024-03-04"), days("mon wed fri", 3)),
            Step(d("2024-04-08"), days("mon wed fri", 4)),
            Step(d("2024-05-21"), days("mon tue wed thu", 4)),
            Step(d("2024-08-12"), days(_FIVE, 4)),
            Step(d("2024-10-07"), days("mon tue wed thu", 6)),
            Step(d("2024-11-04"), days(_FIVE, 4)),
        ],
        end_reason="Fleksjob oprettet på praktikstedet",
        outcome=outcome("flex_job", d("2025-01-31"), "Fleksjob oprettet på praktikstedet", True),
        profiles=[(d("2024-03-04"), steady), (d("2024-10-07"), worn_out), (d("2024-11-04"), steady)],
        overrides={
            **dates_between(d("2024-07-08"), d("2024-07-26"), FERIE),
            **dates_between(d("2024-12-23"), d("2024-12-31"), FERIE),
        },
        capacity=[
            (d("2024-04-30"), 60, "Nervøs, men arbejder omhyggeligt"),
            (d("2024-07-31"), 75, "Stabil og glad for opgaverne"),
            (d("2024-10-31"), 55, "Udmattet på 24 timer; fejl og tegn på isolation"),
            (d("2024-12-13"), 80, "Stabil igen på 20 timer – den mest stabile medarbejder de har haft"),
        ],
    )
    ref = "Poul-1"
    cw = "citizen caseworker workplace_mentor"
    followups = [
        followup(
            d("2024-02-29"),
            "startup",
            ref,
            cw,
            "Poul har selv foreslået dagligvarehuset i nærheden. Meget nervøs, men tror på det. "
            "Fast skema over mødetider og opgaver.",
            "Jeg er spændt.",
            "3x3 timer fra 4/3",
        ),
        followup(
            d("2024-04-04"),
            "monthly",
            ref,
            cw,
            "Fuldt fremmøde. Praktikstedet er tilfredse.",
            "Det går bedre end jeg troede.",
            "3x4 timer fra 8/4",
        ),
        followup(
            d("2024-05-16"),
            "monthly",
            ref,
            cw,
            "Stabil; kommer fortsat i Fontænehuset om fredagen.",
            "Jeg vil gerne en dag mere.",
            "4x4 timer (mandag-torsdag) fra 21/5",
        ),
        followup(
            d("2024-06-20"),
            "monthly",
            ref,
            cw,
            "Stabilt fremmøde og god kontakt til kollegerne.",
            "Jeg føler mig respekteret.",
        ),
        followup(
            d("2024-08-08"),
            "monthly",
            ref,
            cw,
            "God efter ferien. Ønsker at prøve alle hverdage.",
            "Jeg kan godt fem dage.",
            "5x4 timer (20 timer) fra 12/8",
        ),
        followup(
            d("2024-09-26"),
            "monthly",
            ref,
            cw,
            "Klarer 20 timer stabilt. Vi afprøver 24 timer.",
            "Jeg vil gerne vise, at jeg kan mere.",
            "4x6 timer (24 timer) fra 7/10",
        ),
        followup(
            d("2024-10-31"),
            "three_party",
            ref,
            "citizen caseworker workplace_mentor mentor",
            "24 timer er for meget: udmattet, fokuserer på egne fejl, isolerer sig og kommer ikke i "
            "Fontænehuset. Tegn på at han kan ty til alkohol.",
            "Jeg er helt brændt ud.",
            "Tilbage på 5x4 timer (20 timer) fra 4/11",
        ),
        followup(
            d("2024-11-28"),
            "monthly",
            ref,
            cw,
            "Mere sig selv igen; klarer arbejdet tilfredsstillende. Kommer igen i Fontænehuset.",
            "Det var rigtigt at gå ned i tid.",
        ),
        followup(
            d("2025-01-09"),
            "three_party",
            ref,
            cw,
            "Rehabiliteringsteamet indstiller til fleksjob; praktikstedet opretter et fleksjob på 20 timer.",
            "Jeg er stolt.",
        ),
        followup(
            d("2025-01-30"),
            "final",
            ref,
            cw,
            "Praktikken afsluttes; fleksjob fra 1/2. Støttekontaktperson i kommunen.",
            "Nu har jeg et job.",
        ),
    ]
    return citizen(
        {
            "ref": "Poul",
            "name": "Poul",
            "birth_year": 1977,
            "benefit": "kontanthjælp",
            "caseworker": "Jobcenter Frederikshavn",
            "job_goal": "Medarbejder i dagligvarebutik",
            "own_view": "Jeg vil gøre alt for at holde fast i det gode. "
            "Jeg har brug for tid til at komme mig og for at komme i Fontænehuset.",
        },
        [
            referral(
                "Mit Liv Mit Ansvar",
                d("2024-01-08"),
                d("2024-12-31"),
                [d("2025-03-31")],
                "Fleksjob oprettet på praktikstedet",
                outcome("flex_job", d("2025-01-31"), "Fleksjob oprettet på praktikstedet"),
            )
        ],
        [placement.build(POUL_SEED * 100)],
        [
            accommodation("psychological", "Fast skema over mødetider og opgaver", d("2024-01-15"), "observed"),
            accommodation(
                "psychological",
                "Socialfobi: én fast kollega at gå til; ingen kassebetjening",
                d("2024-03-04"),
                "citizen",
            ),
            accommodation("time", "Højst 20 timer om ugen – 24 timer var for meget", d("2024-10-31"), "observed"),
            accommodation("other", "Skal fortsat kunne komme i Fontænehuset", d("2024-11-04"), "citizen"),
            accommodation(
                "other",
                "Støttekontaktperson i kommunen, som han altid kan kontakte",
                d("2025-01-31"),
                "other",
            ),
        ],
        followups,
        [
            goal(
                "everyday",
                "Struktur på dagligdagen og en ordentlig bolig",
                ["Rengjort og møbleret lejlighed", "Lave mad selv"],
                [(d("2024-01-08"), 0), (d("2024-03-04"), 3), (d("2024-08-08"), 4), (d("2025-01-30"), 5)],
            ),
            goal(
                "health",
                "Holde sig fra alkohol",
                ["Misbrugscenter", "Fontænehuset hver uge"],
                [
                    (d("2024-01-08"), 0),
                    (d("2024-04-04"), 2),
                    (d("2024-08-08"), 3),
                    (d("2024-10-31"), -1),
                    (d("2025-01-09"), 3),
                ],
            ),
            goal(
                "employment",
                "Fast tilknytning til arbejdsmarkedet",
                ["Stabilt fremmøde", "Afklare timetallet"],
                [
                    (d("2024-01-08"), 0),
                    (d("2024-05-16"), 2),
                    (d("2024-09-26"), 3),
                    (d("2024-10-31"), 1),
                    (d("2024-11-28"), 4),
                    (d("2025-01-30"), 5),
                ],
            ),
            goal(
                "social",
                "Del af et fællesskab",
                ["Hjælpe til i Fontænehusets køkken", "Besøg af familien"],
                [(d("2024-01-08"), 0), (d("2024-06-20"), 2), (d("2024-10-31"), 0), (d("2025-01-09"), 3)],
            ),
        ],
    )
