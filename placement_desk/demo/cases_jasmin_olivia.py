"""Væksthuset (seed file 003): Jasmin and Olivia, hybrid placements, closed (2024-2025)."""

from __future__ import annotations

from placement_desk.demo.builders import (
    FERIE,
    Json,
    Mark,
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
    merge,
    outcome,
    referral,
)

JASMIN_SEED = 2404
OLIVIA_SEED = 2606


def jasmin() -> Json:
    profile = Profile(
        sick=0.08,
        unexcused=0.01,
        agreed=0.04,
        early=0.06,
        sick_reasons=("Smerter (fibromyalgi)", "Fibromyalgi", "fibromyalgi ", "Barn syg", "Influenza"),
        agreed_reasons=("Møde på jobcentret", "Møde i SOF", "Møde i Familieretshuset", "Møde i psykiatrien"),
        early_reasons=("Smerter", "Træt", "Hente barn"),
    )
    four = "mon tue wed thu"
    placement = Placement(
        "Jasmin-1",
        "co-boernehave",
        "hybrid",
        "work_capacity",
        d("2024-04-15"),
        d("2025-04-25"),
        "wm-hanne",
        ["anretning af frugt og mellemmåltider", "opvask", "klargøring af frokost", "rengøring af køkkenet"],
        [
            Step(d("2024-04-15"), days("tue thu", 2.5)),
            Step(d("2024-05-27"), days("mon tue thu", 2.5)),
            Step(d("2024-08-19"), days("mon tue thu", 3), paid=3),
            Step(d("2024-10-07"), merge(days("mon tue thu", 3), days("wed", 2)), paid=4),
            Step(d("2024-11-18"), days(four, 3.5), paid=6),
            Step(d("2025-01-13"), days("mon tue thu", 3), paid=4),
            Step(d("2025-02-17"), days(four, 3.5), paid=6),
        ],
        end_reason="Fleksjob bevilget; ansat i fleksjob i børnehave",
        outcome=outcome("flex_job", d("2025-04-25"), "Ansat i fleksjob i børnehave"),
        profiles=[(d("2024-04-15"), profile)],
        overrides={
            **dates_between(
                d("2024-07-08"),
                d("2024-07-26"),
                Mark("absent_agreed", "Ferie", note="børnehavens sommerlukning"),
            ),
            **dates_between(d("2024-12-23"), d("2025-01-03"), FERIE),
        },
        capacity=[
            (d("2024-05-31"), 50, "Arbejder langsomt pga. smerter; god til opvask og frugt"),
            (d("2024-08-30"), 55, "Bedre energi efter sommerferien"),
            (d("2024-11-29"), 60, "Energiforvaltning virker; pause hver time"),
            (d("2025-01-31"), 50, "Presset af sagerne om børnene"),
            (d("2025-03-31"), 60, "Stabil på 14 timer om ugen"),
        ],
    )
    tp = "citizen consultant workplace_mentor caseworker"
    cw = "citizen consultant workplace_mentor"
    ref = "Jasmin-1"
    followups = [
        followup(
            d("2024-04-15"),
            "startup",
            ref,
            cw,
            "Opstart i børnehavens køkken. Arabisktalende konsulent med ergoterapeutisk baggrund. "
            "Formål: afklaring af arbejdsevne.",
            "Jeg er nervøs, men glad.",
            "Tirsdag og torsdag 2,5 timer",
        ),
        followup(
            d("2024-05-23"),
            "three_party",
            ref,
            tp,
            "Stabilt fremmøde med enkelte smertedage. Køkkenlederen er tilfreds.",
            "Jeg kan godt en dag mere.",
            "3x2,5 timer (mandag, tirsdag, torsdag) fra 27/5",
        ),
        followup(
            d("2024-06-20"),
            "monthly",
            ref,
            cw,
            "Ergoterapeutisk vejledning om arbejdsstilling og energiforvaltning. Appen giver overblik over ugen.",
            "Appen hjælper mig med at huske.",
        ),
        followup(
            d("2024-08-15"),
            "three_party",
            ref,
            tp,
            "Børnehaven vil betale løn for en del af timerne. Hybridpraktik aftalt.",
            "Det betyder meget, at de vil betale mig.",
            "3x3 timer fra 19/8, heraf 3 lønnede timer",
        ),
        followup(
            d("2024-10-03"),
            "three_party",
            ref,
            tp,
            "God udvikling; fremmøde over 90 %. Vi prøver en fjerde dag med kortere tid.",
            "Onsdag må gerne være kort.",
            "11 timer fra 7/10 (3 t man, tirs, tors; 2 t ons), heraf 4 lønnede",
        ),
        followup(
            d("2024-11-14"),
            "three_party",
            ref,
            tp,
            "Klarer 11 timer med pauser. Enige om at gå op.",
            "Jeg er stolt.",
            "4x3,5 timer fra 18/11 (14 timer), heraf 6 lønnede",
        ),
        followup(
            d("2024-12-12"),
            "monthly",
            ref,
            cw,
            "Flere fraværsdage pga. møder om det yngste barn i SOF og psykiatrien. Hjælp til at forberede møderne.",
            "Det er hårdt med sagerne.",
        ),
        followup(
            d("2025-01-09"),
            "three_party",
            ref,
            tp,
            "Sag i Familieretshuset fylder meget; midlertidig nedtrapning for at undgå overbelastning.",
            "Jeg vil ikke stoppe, bare have lidt mindre.",
            "3x3 timer fra 13/1, heraf 4 lønnede",
        ),
        followup(
            d("2025-02-13"),
            "three_party",
            ref,
            tp,
            "Mere ro i sagerne; energien er tilbage.",
            "Jeg er klar igen.",
            "Tilbage på 4x3,5 timer fra 17/2, heraf 6 lønnede",
        ),
        followup(
            d("2025-03-20"),
            "three_party",
            ref,
            tp,
            "Arbejdsevnen er afklaret: 14 timer om ugen med pauser og skånehensyn. Sagen går til "
            "rehabiliteringsteamet. Børnehaven ønsker at ansætte i fleksjob.",
            "Jeg vil gerne blive her.",
        ),
        followup(
            d("2025-04-24"),
            "final",
            ref,
            cw,
            "Fleksjob bevilget. Ansættelse i fleksjob i børnehaven fra maj.",
            "Jeg har fået et arbejde igen.",
        ),
    ]
    return citizen(
        {
            "ref": "Jasmin",
            "name": "Jasmin",
            "birth_year": 1979,
            "benefit": "kontanthjælp",
            "caseworker": "Jobcenter København, CBA team 4",
            "job_goal": "Køkkenmedhjælper i børnehave",
            "own_view": "Det betyder meget for mig, at børnehaven vil betale mig løn. "
            "Jeg kan mere, når jeg har overblik over ugen.",
        },
        [
            referral(
                "Udsatte voksne over 30 år og fleksjobvisiterede",
                d("2024-03-04"),
                d("2024-12-31"),
                [d("2025-04-30")],
                "Fleksjob bevilget; ansat i fleksjob i børnehave",
                outcome("flex_job", d("2025-04-25"), "Fleksjob bevilget; ansat i fleksjob i børnehave"),
            )
        ],
        [placement.build(JASMIN_SEED * 100)],
        [
            accommodation("time", "Arbejdstid inden for børnenes skoletid", d("2024-04-15"), "citizen"),
            accommodation(
                "cognitive",
                "Begrænset dansk: vis og gentag instruktionerne, evt. på arabisk via konsulenten",
                d("2024-04-15"),
                "observed",
            ),
            accommodation(
                "physical",
                "Fibromyalgi: skift mellem stående og siddende arbejde, ingen tunge løft",
                d("2024-04-22"),
                "doctor",
            ),
            accommodation("time", "Pause på 10 minutter hver time (energiforvaltning)", d("2024-05-13"), "observed"),
            accommodation(
                "psychological",
                "Angst og depression: faste opgaver og besked i god tid ved ændringer",
                d("2024-06-10"),
                "citizen",
            ),
            accommodation(
                "aids",
                "Arbejdsstol og hævet arbejdsbord efter ergoterapeutisk vejledning",
                d("2024-09-16"),
                "other",
            ),
        ],
        followups,
        [
            goal(
                "employment",
                "Afklaret arbejdsevne og fleksjob",
                ["Stabilt fremmøde", "Lønnede timer", "Dokumentation til rehabiliteringsteamet"],
                [
                    (d("2024-04-15"), 0),
                    (d("2024-06-20"), 1),
                    (d("2024-11-14"), 3),
                    (d("2025-01-09"), 2),
                    (d("2025-03-20"), 4),
                    (d("2025-04-24"), 5),
                ],
            ),
            goal(
                "health",
                "Strategier mod angst, depression og mental overbelastning",
                ["Psykoedukation i Væksthuset", "Aktivitetsbalance i hverdagen"],
                [
                    (d("2024-04-15"), 0),
                    (d("2024-08-15"), 1),
                    (d("2024-11-14"), 2),
                    (d("2025-01-09"), 1),
                    (d("2025-03-20"), 3),
                ],
            ),
            goal(
                "everyday",
                "Overblik over ugen og sagerne om børnene",
                ["Bruge Væksthusets app til ugeplanen", "Forberede møderne i SOF med konsulenten"],
                [(d("2024-04-15"), 0), (d("2024-06-20"), 2), (d("2024-12-12"), 3), (d("2025-04-24"), 4)],
            ),
        ],
    )


def olivia() -> Json:
    anxious = Profile(
        sick=0.06,
        unexcused=0.03,
        agreed=0.03,
        early=0.07,
        sick_reasons=("Angst", "angst", "Migræne", "Influenza"),
        unexcused_reasons=("",),
        agreed_reasons=("Samtale i psykiatrien", "Møde på jobcentret"),
        early_reasons=("Angst – gik hjem", "angst", "Træt"),
    )
    five = "mon tue wed thu fri"
    placement = Placement(
        "Olivia-1",
        "co-frisor",
        "hybrid",
        "assessment",
        d("2024-09-02"),
        d("2025-06-27"),
        "wm-nadia",
        [
            "hårvask",
            "feje og rydde op i salonen",
            "tage imod kunder og booke tider",
            "farveblanding under vejledning",
        ],
        [
            Step(d("2024-09-02"), days("tue thu", 5)),
            Step(d("2024-10-07"), days("mon tue thu", 4)),
            Step(d("2024-11-04"), days("mon tue wed thu", 4), paid=3),
            Step(d("2024-12-02"), days(five, 4), paid=5),
            Step(d("2025-01-13"), days("mon tue thu fri", 4), paid=4),
            Step(d("2025-02-10"), days(five, 4), paid=5),
            Step(d("2025-04-22"), days(five, 5), paid=5),
        ],
        end_reason="Afsluttet; fortsætter i salonen med aftale om Ny Mesterlære ved 37 timer om ugen",
        profiles=[(d("2024-09-02"), anxious)],
        overrides=dates_between(d("2024-12-23"), d("2025-01-03"), FERIE),
        capacity=[
            (d("2024-10-31"), 50, "Angsten fylder; øver sig i at tage imod kunder"),
            (d("2024-12-20"), 65, "Selvstændig med hårvask og oprydning"),
            (d("2025-02-28"), 70, "Mere rolig efter nedtrapningen i januar"),
            (d("2025-05-30"), 75, "Klarer 25 timer; begynder på farvearbejde"),
        ],
    )
    ref = "Olivia-1"
    cw = "citizen consultant workplace_mentor"
    followups = [
        followup(
            d("2024-09-02"),
            "startup",
            ref,
            cw,
            "Første møde var en gåtur i naturen. Opstart i salonen; første del fokuserer på at mindske angsten.",
            "Jeg har altid gerne villet være frisør.",
            "Tirsdag og torsdag 5 timer (10 timer) fra 2/9",
        ),
        followup(
            d("2024-10-03"),
            "monthly",
            ref,
            cw,
            "Et par udeblivelser; konsulenten reagerede samme dag. Salonen er glad for hende.",
            "Det er rart, at I ringer.",
            "3x4 timer fra 7/10",
        ),
        followup(
            d("2024-10-31"),
            "monthly",
            ref,
            cw,
            "God udvikling. Salonen vil betale for en del af timerne.",
            "Jeg er god nok.",
            "4x4 timer fra 4/11, heraf 3 lønnede",
        ),
        followup(
            d("2024-11-28"),
            "three_party",
            ref,
            "citizen consultant workplace_mentor caseworker",
            "Tre måneder inde; klar til 20 timer. Plan om Ny Mesterlære ved 37 timer.",
            "Jeg tør godt.",
            "Mandag-fredag 4 timer (20 timer) fra 2/12, heraf 5 lønnede",
        ),
        followup(
            d("2025-01-09"),
            "phone",
            ref,
            "citizen consultant",
            "Angsten blusset op efter jul; boligen er usikker. Kort nedtrapning aftalt.",
            "Jeg har brug for en fridag midt i ugen.",
            "4x4 timer (fri onsdag) fra 13/1, heraf 4 lønnede",
        ),
        followup(
            d("2025-02-06"),
            "monthly",
            ref,
            cw,
            "Stabil igen; startet til yoga i Ungehus CPH.",
            "Jeg er klar til fem dage igen.",
            "Tilbage på 5x4 timer fra 10/2, heraf 5 lønnede",
        ),
        followup(
            d("2025-04-10"),
            "three_party",
            ref,
            "citizen consultant workplace_mentor caseworker",
            "Fremmøde over 90 % i to måneder. Næste skridt mod 37 timer.",
            "Jeg glæder mig til at blive elev.",
            "5x5 timer (25 timer) fra 22/4, heraf 5 lønnede",
        ),
        followup(d("2025-05-15"), "monthly", ref, cw, "Klarer 25 timer. Har fået bolig.", "Nu har jeg ro."),
        followup(
            d("2025-06-26"),
            "final",
            ref,
            "citizen consultant workplace_mentor caseworker",
            "Forløbet afsluttes. Fortsætter i salonen; Ny Mesterlære starter, når hun når 37 timer.",
            "Jeg har fået håbet om en uddannelse tilbage.",
        ),
    ]
    return citizen(
        {
            "ref": "Olivia",
            "name": "Olivia",
            "birth_year": 2000,
            "benefit": "uddannelseshjælp",
            "caseworker": "Jobcenter København, Ungeindsatsen",
            "job_goal": "Frisørelev (Ny Mesterlære)",
            "own_view": "For første gang i mange år føler jeg, at jeg er god nok. Jeg vil være frisør.",
        },
        [
            referral(
                "UNG Specialiseret indsats III",
                d("2024-08-05"),
                d("2025-02-28"),
                [d("2025-06-30")],
                "Afsluttet: aftale om Ny Mesterlære i salonen",
            )
        ],
        [placement.build(OLIVIA_SEED * 100)],
        [
            accommodation("psychological", "Angst: ikke alene med kunder i starten", d("2024-09-02"), "other"),
            accommodation(
                "psychological",
                "OCD: tid til at afslutte opgaver på sin egen måde",
                d("2024-09-19"),
                "citizen",
            ),
            accommodation("time", "Kort pause udenfor ved angstanfald", d("2024-10-10"), "observed"),
            accommodation("sensory", "Arbejder i den rolige ende af salonen", d("2024-11-14"), "citizen", active=False),
        ],
        followups,
        [
            goal(
                "education",
                "Ny Mesterlære i salonen",
                ["Nå 20 timer om ugen", "Nå 37 timer om ugen"],
                [
                    (d("2024-09-02"), 0),
                    (d("2024-10-31"), 1),
                    (d("2024-11-28"), 3),
                    (d("2025-01-09"), 2),
                    (d("2025-04-10"), 3),
                    (d("2025-06-26"), 4),
                ],
            ),
            goal(
                "health",
                "Mestre angsten",
                ["Kognitive samtaler med konsulenten", "Behandling i psykiatrien", "Mindre hash og alkohol"],
                [(d("2024-09-02"), 0), (d("2024-11-28"), 2), (d("2025-01-09"), -1), (d("2025-04-10"), 3)],
            ),
            goal(
                "social",
                "Del af et ungefællesskab",
                ["Online ungegruppe", "Yoga i Ungehus CPH"],
                [(d("2024-09-02"), 0), (d("2024-10-31"), 2), (d("2025-02-06"), 3), (d("2025-05-15"), 4)],
            ),
            goal(
                "everyday",
                "Stabil bolig",
                ["Søge bolig med konsulenten"],
                [(d("2024-09-02"), 0), (d("2025-01-09"), 1), (d("2025-05-15"), 5)],
            ),
        ],
    )
