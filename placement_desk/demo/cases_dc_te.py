"""Settlementet på Vesterbro (seed file 001), cases 2 and 3: DC and TE, closed (2023-2024)."""

from __future__ import annotations

from placement_desk.demo.builders import (
    FERIE,
    Json,
    Mark,
    Overrides,
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
from placement_desk.demo.cases_sa import LFI

DC_SEED = 1202
TE_SEED = 1303


def dc() -> Json:
    migraine_heavy = Profile(
        sick=0.2,
        unexcused=0.03,
        agreed=0.02,
        early=0.08,
        sick_reasons=("Migræne", "Migræne", "migræne", "Migræne ", "Angst", "Influenza", "Hovedpine"),
        unexcused_reasons=("", "Sov over sig"),
        early_reasons=("Migræne", "Træt", "migræne"),
    )
    sick = "sick"
    dec_jan: Overrides = {
        d("2023-12-04"): Mark(sick, "Migræne", note="ringede kl. 7.30"),
        d("2023-12-06"): Mark(sick, "migræne"),
        d("2023-12-08"): Mark(sick, "Influenza"),
        d("2023-12-11"): Mark(sick, "Influenza"),
        d("2023-12-13"): Mark(sick, "Migræne "),
        d("2023-12-15"): Mark("present", "Migræne", hours=1.5, note="gik hjem med migræneanfald"),
        d("2023-12-18"): Mark(sick, "Migræne"),
        d("2023-12-20"): Mark(sick, "Migræne", note="sms kl. 6"),
        d("2023-12-22"): Mark(sick, "Forkølelse"),
        d("2023-12-27"): Mark(sick, "MIGRÆNE"),
        d("2024-01-03"): Mark(sick, "Migræne"),
        d("2024-01-05"): Mark(sick, "Angst"),
        d("2024-01-08"): Mark(sick, "Influenza"),
        d("2024-01-10"): Mark(sick, "migræne"),
        d("2024-01-12"): Mark("absent_unexcused", note="ikke til at få fat på"),
        d("2024-01-15"): Mark(sick, "Angst"),
        d("2024-01-17"): Mark(sick, "Migræne"),
        d("2024-01-19"): Mark("absent_unexcused"),
    }
    placements = [
        Placement(
            "DC-1",
            "co-saxo-genbrug",
            "internal_training",
            "assessment",
            d("2023-06-26"),
            d("2023-09-29"),
            "wm-mette",
            [
                "kundeekspedition",
                "vareopfyldning",
                "opdatering af webshop og hjemmeside",
                "oplæring af nye praktikanter",
            ],
            [Step(d("2023-06-26"), days("tue thu", 3)), Step(d("2023-07-17"), days("mon wed fri", 3))],
            end_reason="Videre i virksomhedspraktik i supermarked",
            profiles=[(d("2023-06-26"), Profile(sick=0.02, early=0.02, sick_reasons=("Migræne", "Forkølelse")))],
            overrides=dates_between(d("2023-07-31"), d("2023-08-11"), FERIE),
            capacity=[
                (d("2023-07-31"), 80, "Fungerer godt i alle funktioner; roses for arbejdsindsatsen"),
                (d("2023-09-15"), 85, "Selvstændig i kassen og på webshoppen"),
            ],
        ),
        Placement(
            "DC-2",
            "co-coop365",
            "internship",
            "recruitment",
            d("2023-10-02"),
            d("2024-01-19"),
            "wm-henrik",
            ["kassebetjening", "kundeservice"],
            [
                Step(d("2023-10-02"), days("mon wed fri", 3)),
                Step(d("2023-12-04"), merge(days("mon wed", 4), days("fri", 3))),
            ],
            end_reason="Stoppet af virksomheden: for mange sygedage",
            profiles=[
                (
                    d("2023-10-02"),
                    Profile(
                        sick=0.06,
                        early=0.03,
                        sick_reasons=("Migræne", "Forkølelse", "migræne"),
                        early_reasons=("Migræne", "Træt"),
                    ),
                )
            ],
            overrides={d("2023-12-01"): Mark("present"), d("2023-12-29"): Mark("present"), **dec_jan},
            capacity=[
                (d("2023-10-31"), 80, "Arbejder hurtigt og præcist i kassen"),
                (d("2023-12-29"), 70, "Meget fravær; når han er her, fungerer han godt"),
            ],
        ),
        Placement(
            "DC-3",
            "co-saxo-genbrug",
            "internal_training",
            "work_capacity",
            d("2024-01-29"),
            d("2024-04-26"),
            "wm-mette",
            ["kundeekspedition", "webshop", "prismærkning"],
            [
                Step(d("2024-01-29"), days("mon tue wed thu fri", 4)),
                Step(d("2024-03-04"), days("mon wed thu", 4)),
            ],
            end_reason="Afbrudt af sagsbehandler: henvist til anden leverandør (angstforløb og træning)",
            profiles=[(d("2024-01-29"), migraine_heavy)],
            capacity=[
                (d("2024-02-29"), 70, "Klarer 4 timer ad gangen, men 1-2 fraværsdage om ugen"),
                (d("2024-04-15"), 65, "Træt og uoplagt; migrænen fylder"),
            ],
        ),
    ]
    built = [p.build(DC_SEED * 100 + i) for i, p in enumerate(placements)]
    wm = "citizen mentor workplace_mentor"
    cw = "citizen consultant workplace_mentor"
    followups = [
        followup(
            d("2023-06-19"),
            "startup",
            "DC-1",
            wm,
            "Opstartsmøde i Genbrugsbutikken. Mål: afprøve funktionen som butiksmedhjælper. "
            "Fokus på mødestabilitet, da DC selv siger, at hans fravær kan være stort.",
            "Jeg vil gerne prøve butik.",
            "2x3 timer (tirsdag og torsdag) fra 26/6",
        ),
        followup(
            d("2023-07-13"),
            "monthly",
            "DC-1",
            wm,
            "Meget mødestabil. Roses for kundeekspedition og arbejdet på webshoppen.",
            "Det går godt.",
            "3x3 timer (mandag, onsdag, fredag) fra 17/7",
        ),
        followup(
            d("2023-08-24"),
            "monthly",
            "DC-1",
            wm,
            "CV opdateret i jobcaféen. Interesseret i IT (webdesign) og supermarked. Oplærer nye praktikanter.",
            "Jeg kunne godt tænke mig et job i et supermarked.",
        ),
        followup(
            d("2023-09-21"),
            "monthly",
            "DC-1",
            "citizen mentor consultant",
            "Møde med butikslederen i COOP 365 holdt. Klar til virksomhedspraktik.",
            "Jeg glæder mig.",
            "Virksomhedspraktik i COOP 365 3x3 timer fra 2/10",
        ),
        followup(
            d("2023-10-26"),
            "monthly",
            "DC-2",
            cw,
            "Fungerer godt. Butikslederen taler om ordinær ansættelse på de timer, han kan klare. "
            "DC vælger kun kassen; vareopfyldning er udmattende.",
            "Kassen passer mig bedst.",
        ),
        followup(
            d("2023-11-23"),
            "monthly",
            "DC-2",
            cw,
            "Stabilt fremmøde med enkelte migrænedage. Enige om at øge timerne.",
            "Jeg kan godt klare lidt mere.",
            "2x4 timer + 1x3 timer (mandag, onsdag 4 t, fredag 3 t) fra 4/12",
        ),
        followup(
            d("2023-12-14"),
            "phone",
            "DC-2",
            "consultant workplace_mentor",
            "Mange sygedage i december (migræne, influenza). Butikslederen er stadig interesseret.",
        ),
        followup(
            d("2024-01-11"),
            "three_party",
            "DC-2",
            "citizen mentor consultant caseworker",
            "Fravær over 50 % i december og januar. DC fortæller, at angsten er kommet igen og migrænen er forværret.",
            "Det er kun angsten og migrænen.",
        ),
        followup(
            d("2024-01-22"),
            "final",
            "DC-2",
            "mentor consultant workplace_mentor",
            "Butikslederen afbryder praktikaftalen, da han ikke kan bruge en medarbejder med så mange sygedage.",
            "Jeg vil gerne tilbage til Saxogade.",
            "Genbrugsbutikken alle hverdage kl. 13-17 (20 timer) fra 29/1 for at afklare timetallet",
        ),
        followup(
            d("2024-02-22"),
            "monthly",
            "DC-3",
            wm,
            "Fremmødet er bedre end i supermarkedet, men stadig 1-2 fraværsdage om ugen. Talt om søvn, "
            "kost, energidrikke og computerspil om natten.",
            "Angsten er blevet bedre, men migrænen er slem.",
            "3x4 timer (mandag, onsdag, torsdag) fra 4/3",
        ),
        followup(
            d("2024-03-21"),
            "monthly",
            "DC-3",
            "citizen mentor caseworker",
            "Fraværet bliver ikke bedre. Hjælp til at bestille tid hos egen læge.",
            "Jeg vil helst gå alene til lægen.",
        ),
        followup(
            d("2024-04-11"),
            "monthly",
            "DC-3",
            wm,
            "Overblik over alt fravær pga. migræne givet med til lægen. Lægen beder DC føre anfaldsdagbog.",
            "Det var godt at vise lægen oversigten.",
        ),
        followup(
            d("2024-04-26"),
            "final",
            "DC-3",
            "citizen mentor caseworker",
            "Sagsbehandler afbryder forløbet og henviser til leverandør med angstforløb og fysisk træning.",
            "Det giver mening.",
        ),
    ]
    return citizen(
        {
            "ref": "DC",
            "name": "D. C.",
            "birth_year": 1993,
            "benefit": "kontanthjælp",
            "caseworker": "Jobcenter København, team 5",
            "job_goal": "Butiksmedhjælper eller IT-support",
            "own_view": "Jeg kan godt lide arbejdet i butikken, men migrænen og angsten gør, "
            "at jeg ikke altid kan komme.",
        },
        [
            referral(
                LFI,
                d("2023-06-12"),
                d("2024-04-26"),
                [],
                "Afbrudt af sagsbehandler: henvist til anden leverandør med angstforløb",
            )
        ],
        built,
        [
            accommodation("psychological", "Fast plads i kassen frem for vareopfyldning", d("2023-10-16"), "citizen"),
            accommodation("sensory", "Mulighed for et mørkt, stille rum ved migræneanfald", d("2023-10-20"), "citizen"),
            accommodation(
                "psychological",
                "Angst: aftal på forhånd, hvem han henvender sig til, og varsl ændringer",
                d("2024-01-25"),
                "citizen",
            ),
            accommodation("time", "Højst 4 timer om dagen og fridag mellem arbejdsdagene", d("2024-03-01"), "observed"),
            accommodation(
                "other",
                "Støtte til at bestille tid og komme til egen læge",
                d("2024-03-20"),
                "observed",
                active=False,
            ),
        ],
        followups,
        [
            goal(
                "employment",
                "Ordinær ansættelse på de timer, han kan klare",
                ["Mødestabilitet i praktikken", "Afklare hvor mange timer han kan arbejde"],
                [  # the citizen's own scores, and the mentor's beside them (Halsnæs' way)
                    (d("2023-06-19"), 0, "citizen"),
                    (d("2023-09-21"), 3, "citizen"),
                    (d("2023-09-21"), 2, "mentor"),
                    (d("2023-11-23"), 4, "citizen"),
                    (d("2023-11-23"), 3, "mentor"),
                    (d("2024-01-22"), -2, "citizen"),
                    (d("2024-01-22"), -1, "mentor"),
                    (d("2024-04-26"), -1, "citizen"),
                    (d("2024-04-26"), 0, "mentor"),
                ],
            ),
            goal(
                "health",
                "Styr på migræne og angst",
                ["Komme til egen læge", "Føre anfaldsdagbog", "Færre energidrikke"],
                [(d("2023-06-19"), 0), (d("2023-12-14"), -2), (d("2024-03-21"), -1), (d("2024-04-26"), 1)],
            ),
            goal(
                "everyday",
                "Fast døgnrytme",
                ["I seng senest kl. 24 på hverdage", "Spise morgenmad"],
                [(d("2024-02-22"), 0), (d("2024-03-21"), 1), (d("2024-04-26"), 0)],
            ),
        ],
    )


def te() -> Json:
    pain = Profile(
        sick=0.3,
        unexcused=0.12,
        agreed=0.03,
        early=0.45,
        sick_reasons=("Tandpine", "tandpine", "Tandlæge", "Smerter", "Tandlæge "),
        unexcused_reasons=("",),
        agreed_reasons=("Tandlæge",),
        early_reasons=("Smerter", "Tandpine", "Kunne ikke mere"),
        kept=(0.25, 0.6),
    )
    tasks = ["sortering af tøj", "prismærkning", "let oprydning i baglokalet"]
    placements = [
        Placement(
            "TE-1",
            "co-saxo-genbrug",
            "internal_training",
            "assessment",
            d("2023-07-06"),
            d("2023-08-09"),
            "wm-mette",
            tasks,
            [Step(d("2023-07-06"), days("thu", 1))],
            end_reason="Ophørt: skal starte omfattende tandbehandling",
            profiles=[(d("2023-07-06"), pain)],
            capacity=[(d("2023-07-27"), 20, "Kan kun være i gang 10-15 minutter ad gangen")],
        ),
        Placement(
            "TE-2",
            "co-saxo-genbrug",
            "internal_training",
            "work_capacity",
            d("2023-09-14"),
            d("2024-03-14"),
            "wm-mette",
            tasks,
            [Step(d("2023-09-14"), days("thu", 1))],
            end_reason="Stoppet: ingen progression; TE fremstår mere og mere belastet",
            profiles=[(d("2023-09-14"), pain)],
            overrides={d("2023-12-28"): FERIE},
            capacity=[
                (d("2023-10-12"), 25, "Går oftest hjem efter ca. ½ times arbejde"),
                (d("2023-12-14"), 20, "Smerteplaget; kræver meget opmærksomhed"),
                (d("2024-02-15"), 15, "Effektiv arbejdstid vurderet til 7-15 minutter om ugen"),
            ],
        ),
    ]
    built = [p.build(TE_SEED * 100 + i) for i, p in enumerate(placements)]
    followups = [
        followup(
            d("2023-07-06"),
            "startup",
            "TE-1",
            "citizen mentor workplace_mentor",
            "Efter ugentlige samtaler og pres fra sagsbehandleren starter TE i Genbrugsbutikken. "
            "Meget modstand; ser det som en pine.",
            "Jeg kan ikke se meningen med det.",
            "Torsdag 1 time fra 6/7",
        ),
        followup(
            d("2023-08-09"),
            "final",
            "TE-1",
            "mentor caseworker",
            "Forløbet ophører: TE møder ikke op og skal i omfattende tandbehandling.",
        ),
        followup(
            d("2023-09-13"),
            "startup",
            "TE-2",
            "citizen mentor workplace_mentor",
            "Genhenvist. Formålet med praktikken tydeliggjort. Delmål: finde relevante opgaver og øge "
            "arbejdstiden. Månedlige opfølgninger planlagt.",
            "Jeg prøver.",
            "Torsdag kl. 14-15 fra 14/9",
        ),
        followup(
            d("2023-10-12"),
            "monthly",
            "TE-2",
            "mentor workplace_mentor",
            "TE meldte sig syg til mødet. Meget fravær, selvom det kun er én time om ugen.",
        ),
        followup(
            d("2023-11-16"),
            "monthly",
            "TE-2",
            "mentor workplace_mentor",
            "TE meldte afbud. Arbejdsgiver afprøver forskellige opgaver; han kan ikke være i gang i mere end "
            "10-15 minutter.",
        ),
        followup(
            d("2023-12-14"),
            "monthly",
            "TE-2",
            "citizen mentor workplace_mentor",
            "Første opfølgning med TE. Ser smerteplaget ud og viser ikke engagement. Skånebehov afdækket.",
            "Det giver ikke mening at tale om praktikken, når jeg ikke kan deltage.",
        ),
        followup(
            d("2024-01-18"),
            "monthly",
            "TE-2",
            "citizen mentor workplace_mentor",
            "Uændret fremmøde; går hjem efter en halv time. Ingen udvikling.",
            "Jeg har ondt hele tiden.",
        ),
        followup(
            d("2024-02-15"),
            "monthly",
            "TE-2",
            "mentor workplace_mentor caseworker",
            "TE ikke mødt. Effektiv arbejdstid vurderet til 7-15 minutter om ugen.",
        ),
        followup(
            d("2024-03-14"),
            "final",
            "TE-2",
            "mentor workplace_mentor",
            "TE ikke mødt. Arbejdsgiver foreslår at stoppe praktikken, da der ikke har været progression. "
            "Mentor og TE udfylder punkter i den forberedende plan.",
            agreed_changes="Praktikken stoppes; sagen lægges op til rehabiliteringsteamet",
        ),
        followup(
            d("2024-08-20"),
            "other",
            "TE-2",
            "citizen mentor caseworker",
            "Rehabiliteringsmøde: TE tildeles et ressourceforløb på 3 år.",
            "Godt at der sker noget.",
        ),
    ]
    return citizen(
        {
            "ref": "TE",
            "name": "T. E.",
            "birth_year": 1981,
            "benefit": "kontanthjælp",
            "caseworker": "Jobcenter København, team 2",
            "job_goal": "Uafklaret (tidligere webdesign)",
            "own_view": "Jeg kan ikke se meningen med det, når jeg ikke kan se på en skærm. "
            "Jeg har ondt i tænderne hele tiden.",
        },
        [
            referral(
                LFI,
                d("2023-04-18"),
                d("2023-08-09"),
                [],
                "Afbrudt: mødte ikke op til samtalerne; afventer omfattende tandbehandling",
            ),
            referral(
                LFI,
                d("2023-09-13"),
                d("2024-03-12"),
                [d("2024-08-31")],
                "Rehabiliteringsteamet 20/8-2024: ressourceforløb i 3 år",
                outcome("resource_programme", d("2024-08-20"), "Rehabiliteringsteamet: ressourceforløb i 3 år"),
            ),
        ],
        built,
        [
            accommodation(
                "sensory",
                "Kan ikke se på en skærm i mere end 5 minutter (sløret syn)",
                d("2023-05-09"),
                "observed",
            ),
            accommodation(
                "aids",
                "Særlige briller og hjælpemidler (IBOS) foreslået – afvist af TE",
                d("2023-06-01"),
                "other",
                active=False,
            ),
            accommodation(
                "physical",
                "Smerteplaget: korte arbejdsperioder på 10-15 minutter",
                d("2023-07-20"),
                "observed",
            ),
            accommodation("time", "Højst én time om ugen i opstarten", d("2023-09-13"), "other"),
            accommodation(
                "psychological",
                "Tæt opfølgning og meget opmærksomhed fra den praktikansvarlige",
                d("2023-11-30"),
                "observed",
            ),
        ],
        followups,
        [
            goal(
                "employment",
                "Starte og fastholde praktik i Saxogade",
                ["Møde op hver torsdag", "Finde relevante arbejdsopgaver", "Øge arbejdstiden"],
                [
                    (d("2023-07-06"), 0),
                    (d("2023-08-09"), -1),
                    (d("2023-09-14"), 0),
                    (d("2023-12-14"), 1),
                    (d("2024-03-14"), -1),
                ],
            ),
            goal(
                "health",
                "Gennemføre tandbehandlingen",
                ["Møde til tandlægeaftalerne"],
                [(d("2023-07-06"), 0), (d("2023-10-12"), 1), (d("2024-02-15"), 2)],
            ),
            goal(
                "other",
                "Afklare hjælpemidler til synet",
                ["Kontakt til IBOS", "Kontakt til Borgercenter Handicap"],
                [(d("2023-06-01"), 0), (d("2023-12-14"), 0), (d("2024-03-14"), -1)],
            ),
        ],
    )
