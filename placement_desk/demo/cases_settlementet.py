"""Seed cases from Settlementet på Vesterbro (seed file 001): SA, DC and TE, all closed."""

from __future__ import annotations

from placement_desk.demo.builders import (
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
    referral,
)

LFI = "Lokalt forankret indsats 4-6 timer"
SA_SEED = 1101
DC_SEED = 1202
TE_SEED = 1303

_STEADY = Profile(
    sick=0.03,
    agreed=0.02,
    early=0.02,
    sick_reasons=("Influenza", "Ondt i ryggen", "Forkølelse", "ondt i ryggen "),
    agreed_reasons=("Møde på jobcentret", "Lægetid", "Møde med boligkontoret"),
)
_FERIE = Mark("absent_agreed", "Ferie")


def sa() -> Json:
    pedel_tasks = ["maling", "flytte borde og stole", "tømme butikker", "småreparationer"]
    placements = [
        Placement(
            "SA-1", "co-saxo-pedel", "internal_training", "training", d("2022-09-05"), d("2022-11-25"),
            "wm-karim", pedel_tasks,
            [Step(d("2022-09-05"), days("thu", 2)), Step(d("2022-10-03"), days("tue thu", 2))],
            end_reason="Starter i praktik som pedelmedhjælper på en skole",
            profiles=[(d("2022-09-05"), _STEADY)],
            capacity=[(d("2022-09-30"), 50, "Fysisk stærk; skal have opgaverne vist flere gange"),
                      (d("2022-11-17"), 60, "Arbejder roligt og grundigt, når instruktionerne er klare")],
        ),
        Placement(
            "SA-2", "co-saxo-gaard", "internal_training", "training", d("2022-10-19"), d("2022-11-25"),
            "wm-lone", ["lugning", "beskæring af buske", "fejning af gården", "plantning i krukker"],
            [Step(d("2022-10-19"), days("wed", 3)), Step(d("2022-11-07"), days("wed fri", 3))],
            end_reason="Starter i praktik som pedelmedhjælper på en skole",
            profiles=[(d("2022-10-19"), _STEADY)],
            capacity=[(d("2022-11-18"), 55, "Godt til det fysiske arbejde; svært ved selv at prioritere")],
        ),
        Placement(
            "SA-3", "co-skole", "internship", "assessment", d("2022-12-01"), d("2023-01-06"),
            "wm-jens", ["oprydning i skolegården", "opsætning af borde og stole", "småreparationer med pedellen"],
            [Step(d("2022-12-01"), days("mon tue wed thu fri", 3))],
            end_reason="Stoppet af borgeren: oplevede at kollegaen råbte ad ham",
            profiles=[(d("2022-12-01"), _STEADY)],
            overrides={
                **dates_between(d("2022-12-22"), d("2023-01-02"),
                                Mark("absent_agreed", "Ferie", note="skolens juleferie")),
                d("2023-01-04"): Mark("absent_unexcused", note="vil ikke møde – konflikt med kollega"),
                d("2023-01-05"): Mark("absent_agreed", "Møde hos mentor"),
                d("2023-01-06"): Mark("absent_unexcused"),
            },
            capacity=[(d("2022-12-20"), 45, "Mange kolleger og skiftende opgaver; har brug for meget guidning")],
        ),
        Placement(
            "SA-4", "co-saxo-pedel", "internal_training", "training", d("2023-01-16"), d("2023-03-31"),
            "wm-karim", pedel_tasks,
            [Step(d("2023-01-16"), days("tue thu", 3)), Step(d("2023-02-13"), days("mon tue thu", 3))],
            end_reason="Starter i virksomhedspraktik i cykelbutik",
            profiles=[(d("2023-01-16"), _STEADY)],
            overrides={d("2023-02-21"): Mark("absent_agreed", "Flytning", note="flytter i egen lejlighed i Tingbjerg")},
            capacity=[(d("2023-02-28"), 60, "Tryg igen; trives i samarbejdet med den praktikansvarlige")],
        ),
        Placement(
            "SA-5", "co-cykel", "internship", "training", d("2023-04-11"), d("2023-06-02"),
            "wm-ali", ["klargøring af cykler", "stille cykler ud ved åbning", "støve cykler af"],
            [Step(d("2023-04-11"), days("tue thu", 4))],
            end_reason="Stoppet af virksomheden: kræver for meget oplæring",
            profiles=[(d("2023-04-11"), Profile(sick=0.04, early=0.1, early_reasons=("Træt", "Ingen opgaver")))],
            capacity=[(d("2023-05-12"), 25, "Løser få opgaver selvstændigt; oplæringen starter forfra hver gang")],
        ),
        Placement(
            "SA-6", "co-saxo-pedel", "internal_training", "work_capacity", d("2023-06-12"), d("2023-10-31"),
            "wm-karim", pedel_tasks,
            [Step(d("2023-06-12"), days("tue thu", 3)), Step(d("2023-08-14"), days("mon tue thu", 3))],
            end_reason="Henvisningen udløbet; sagen samles til rehabiliteringsteamet",
            profiles=[(d("2023-06-12"), _STEADY)],
            overrides=dates_between(d("2023-07-10"), d("2023-07-28"), _FERIE),
            capacity=[(d("2023-07-06"), 60, "Stabil og glad for opgaverne"),
                      (d("2023-09-29"), 65, "Fungerer godt i tæt samarbejde med den praktikansvarlige")],
        ),
        Placement(
            "SA-7", "co-saxo-pedel", "social_free_card", "work_capacity", d("2023-11-07"), d("2024-04-19"),
            "wm-karim", pedel_tasks,
            [Step(d("2023-11-07"), days("tue thu", 3), paid=6),
             Step(d("2024-02-06"), days("tue wed thu", 3), paid=9)],
            end_reason="Fleksjob bevilget; personlig assistent til al fremtidig ansættelse",
            profiles=[(d("2023-11-07"), _STEADY)],
            overrides=dates_between(d("2023-12-21"), d("2024-01-02"), _FERIE),
            capacity=[(d("2024-01-31"), 65, "Samarbejdet med den praktikansvarlige fungerer endnu bedre"),
                      (d("2024-03-28"), 70, "Løser kendte opgaver selvstændigt")],
        ),
    ]
    built = [p.build(SA_SEED * 100 + i) for i, p in enumerate(placements)]
    wm = "citizen mentor workplace_mentor"
    followups = [
        followup(d("2022-09-05"), "startup", "SA-1", wm,
                 "Opstartsmøde i pedelteamet. Formål: blive tryg og vænne sig til rutinerne. "
                 "Delmål aftalt. Starter med én dag om ugen.",
                 "Jeg vil hellere have et rigtigt job, men jeg prøver.", "Torsdag 2 timer fra 5/9"),
        followup(d("2022-10-03"), "monthly", "SA-1", wm,
                 "Mødestabil, har mødt alle torsdage. Praktikansvarlig roser arbejdsindsatsen. "
                 "Udbytte: lærer rutinerne. Ageren: rolig, men kort for hovedet ved nye opgaver.",
                 "Det er fint at male.", "2x2 timer (tirsdag og torsdag) fra 3/10"),
        followup(d("2022-10-13"), "monthly", "SA-1", wm,
                 "Trives og åbner sig mere. Enige om at afprøve udendørs arbejde i Gårdhaven.",
                 "Jeg kan godt lide at være udenfor.",
                 "Onsdag 3 timer i Gårdhaven fra 19/10 sideløbende med 2x2 timer i pedelteamet (7 timer)"),
        followup(d("2022-11-03"), "monthly", "SA-2", wm,
                 "Fysisk stærk ved begge praktikker. Svært ved stress og beslutninger; brug for klare "
                 "instruktioner. CV påbegyndt med jobkonsulenten.",
                 "Jeg vil have et job nu.", "2x3 timer i Gårdhaven (onsdag og fredag) fra 7/11 – 10 timer i alt"),
        followup(d("2022-11-22"), "startup", "SA-3", "citizen mentor workplace_mentor",
                 "Indledende møde med skolelederen om skånebehov og arbejdstider efter besøg på skolen.",
                 "Jeg kan godt lide stedet.", "Mandag-fredag kl. 12-15 fra 1/12 (15 timer)"),
        followup(d("2022-12-14"), "phone", "SA-3", "mentor workplace_mentor",
                 "Telefonisk opfølgning: god opstart, fuldt fremmøde. SA siger alle er søde mod ham."),
        followup(d("2023-01-05"), "other", "SA-3", "citizen mentor",
                 "SA vil ikke fortsætte: kollegaen råber ad ham. Afviser fælles møde og at kollegaen "
                 "ringer. Skolelederen anbefaler en lille arbejdsplads med rutineprægede opgaver.",
                 "Jeg kan ikke lide folk, der råber.",
                 "Praktikken afbrydes; tilbage i pedelteamet 2x3 timer fra 16/1"),
        followup(d("2023-02-09"), "monthly", "SA-4", wm,
                 "Glad for at være tilbage. Praktikansvarlig hjalp med el i den nye lejlighed. "
                 "Stabilt fremmøde.", "Jeg elsker at arbejde med Karim.",
                 "3x3 timer (mandag, tirsdag, torsdag) fra 13/2"),
        followup(d("2023-03-09"), "monthly", "SA-4", wm,
                 "SA foreslår selv cykelreparation. Virksomhedskonsulent har fundet en lille cykelbutik.",
                 "Jeg er god til at reparere cykler.", "Virksomhedspraktik i cykelbutik 2x4 timer fra 11/4"),
        followup(d("2023-04-11"), "startup", "SA-5", "citizen mentor consultant workplace_mentor",
                 "Opstart i cykelbutikken. Opgaver: klargøre cykler og stille dem ud ved åbning.",
                 "Han er et roligt menneske.", "Tirsdag og torsdag 4 timer fra 11/4"),
        followup(d("2023-05-09"), "monthly", "SA-5", wm,
                 "Godt fremmøde, men arbejdsgiver må vise opgaverne forfra hver gang.",
                 "Jeg er glad for at være her."),
        followup(d("2023-06-01"), "final", "SA-5", "mentor consultant workplace_mentor",
                 "Arbejdsgiver kan ikke sætte flere ressourcer af til oplæring. Praktikken stoppes.",
                 "Jeg vil kun være i pedelteamet.", "Tilbage i pedelteamet 2x3 timer fra 12/6"),
        followup(d("2023-08-10"), "monthly", "SA-6", wm,
                 "Stabilt fremmøde efter ferien. Ønsker ikke flere praktikker; afklaring af arbejdsevne "
                 "i pedelteamet.", "Her har jeg det godt.", "3x3 timer (mandag, tirsdag, torsdag) fra 14/8"),
        followup(d("2023-09-14"), "three_party", "SA-6", "citizen mentor workplace_mentor caseworker",
                 "Sagen samles; den forberedende plan udarbejdes med sagsbehandleren.",
                 "Jeg vil gerne arbejde, men ikke et sted med mange mennesker."),
        followup(d("2023-10-26"), "final", "SA-6", "citizen mentor caseworker",
                 "Henvisningen udløber. Tilbud om timer på socialt frikort, mens han venter på "
                 "rehabiliteringsmødet.", "Godt, så kan jeg blive.",
                 "Socialt frikort 2x3 timer i pedelteamet fra 7/11"),
        followup(d("2024-02-01"), "monthly", "SA-7", wm,
                 "Samarbejdet med den praktikansvarlige virker endnu bedre. Stabilt fremmøde.",
                 "Jeg kan godt tage en dag mere.", "3x3 timer (tirsdag, onsdag, torsdag) fra 6/2, 9 timer betalt"),
        followup(d("2024-04-19"), "final", "SA-7", "citizen mentor caseworker",
                 "Rehabiliteringsteamet har bevilget fleksjob og en personlig assistent til al fremtidig "
                 "ansættelse.", "Nu kan jeg få et rigtigt job med hjælp."),
    ]
    return citizen(
        {"ref": "SA", "name": "S. A.", "birth_year": 1971, "benefit": "kontanthjælp",
         "caseworker": "Jobcenter København, team 3", "job_goal": "Pedelmedhjælper",
         "own_view": "Jeg kan godt arbejde fuld tid, men ikke et sted hvor folk råber. "
                     "Hos pedelteamet har jeg det godt."},
        [referral(LFI, d("2022-09-01"), d("2023-02-28"), [d("2023-07-31"), d("2023-10-31")],
                  "Forløb afsluttet; forberedende plan til rehabiliteringsteamet")],
        built,
        [
            accommodation("psychological", "Klare og tydelige instruktioner, én opgave ad gangen",
                          d("2022-10-15"), "observed"),
            accommodation("cognitive", "Begrænset dansk: vis opgaven frem for at forklare den",
                          d("2022-11-01"), "observed"),
            accommodation("psychological", "Lille arbejdsplads med få kolleger og rutineprægede opgaver; "
                          "må ikke blive råbt ad", d("2023-01-05"), "other"),
            accommodation("time", "Tæt samarbejde med én fast kollega, der guider undervejs",
                          d("2023-03-01"), "observed"),
            accommodation("aids", "Personlig assistent på arbejdspladsen til at overskue opgaverne",
                          d("2024-04-18"), "other"),
        ],
        followups,
        [
            goal("employment", "Afklaret arbejdsevne og et job med de rette skånehensyn",
                 ["Møde stabilt i pedelteamet", "Få lavet kompetence-CV", "Afprøve ekstern praktik"],
                 [(d("2022-09-05"), 0), (d("2022-11-30"), 2), (d("2023-01-10"), -1),
                  (d("2023-06-05"), 1), (d("2023-10-31"), 3), (d("2024-04-19"), 5)]),
            goal("social", "Mindre ensom; netværk ud over søstrene", ["Tale med kolleger i pauserne",
                 "Besøge familien i Jylland"],
                 [(d("2022-09-05"), 0), (d("2023-03-01"), 1), (d("2023-09-01"), 2), (d("2024-03-01"), 3)]),
            goal("everyday", "Egen bolig og styr på hverdagen", ["Flytte fra herberget", "Indrette lejligheden"],
                 [(d("2022-09-05"), 0), (d("2023-02-01"), 2), (d("2023-03-15"), 4), (d("2023-10-31"), 5)]),
        ],
    )


def dc() -> Json:
    migraine_heavy = Profile(
        sick=0.2, unexcused=0.03, agreed=0.02, early=0.08,
        sick_reasons=("Migræne", "Migræne", "migræne", "Migræne ", "Angst", "Influenza", "Hovedpine"),
        unexcused_reasons=("", "Sov over sig"), early_reasons=("Migræne", "Træt", "migræne"),
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
            "DC-1", "co-saxo-genbrug", "internal_training", "assessment", d("2023-06-26"), d("2023-09-29"),
            "wm-mette", ["kundeekspedition", "vareopfyldning", "opdatering af webshop og hjemmeside",
                         "oplæring af nye praktikanter"],
            [Step(d("2023-06-26"), days("tue thu", 3)), Step(d("2023-07-17"), days("mon wed fri", 3))],
            end_reason="Videre i virksomhedspraktik i supermarked",
            profiles=[(d("2023-06-26"), Profile(sick=0.02, early=0.02, sick_reasons=("Migræne", "Forkølelse")))],
            overrides=dates_between(d("2023-07-31"), d("2023-08-11"), _FERIE),
            capacity=[(d("2023-07-31"), 80, "Fungerer godt i alle funktioner; roses for arbejdsindsatsen"),
                      (d("2023-09-15"), 85, "Selvstændig i kassen og på webshoppen")],
        ),
        Placement(
            "DC-2", "co-coop365", "internship", "recruitment", d("2023-10-02"), d("2024-01-19"),
            "wm-henrik", ["kassebetjening", "kundeservice"],
            [Step(d("2023-10-02"), days("mon wed fri", 3)),
             Step(d("2023-12-04"), merge(days("mon wed", 4), days("fri", 3)))],
            end_reason="Stoppet af virksomheden: for mange sygedage",
            profiles=[(d("2023-10-02"), Profile(sick=0.06, early=0.03, sick_reasons=("Migræne", "Forkølelse",
                                                                                   "migræne"),
                                                early_reasons=("Migræne", "Træt")))],
            overrides={d("2023-12-01"): Mark("present"), d("2023-12-29"): Mark("present"), **dec_jan},
            capacity=[(d("2023-10-31"), 80, "Arbejder hurtigt og præcist i kassen"),
                      (d("2023-12-29"), 70, "Meget fravær; når han er her, fungerer han godt")],
        ),
        Placement(
            "DC-3", "co-saxo-genbrug", "internal_training", "work_capacity", d("2024-01-29"), d("2024-04-26"),
            "wm-mette", ["kundeekspedition", "webshop", "prismærkning"],
            [Step(d("2024-01-29"), days("mon tue wed thu fri", 4)), Step(d("2024-03-04"), days("mon wed thu", 4))],
            end_reason="Afbrudt af sagsbehandler: henvist til anden leverandør (angstforløb og træning)",
            profiles=[(d("2024-01-29"), migraine_heavy)],
            capacity=[(d("2024-02-29"), 70, "Klarer 4 timer ad gangen, men 1-2 fraværsdage om ugen"),
                      (d("2024-04-15"), 65, "Træt og uoplagt; migrænen fylder")],
        ),
    ]
    built = [p.build(DC_SEED * 100 + i) for i, p in enumerate(placements)]
    wm = "citizen mentor workplace_mentor"
    cw = "citizen consultant workplace_mentor"
    followups = [
        followup(d("2023-06-19"), "startup", "DC-1", wm,
                 "Opstartsmøde i Genbrugsbutikken. Mål: afprøve funktionen som butiksmedhjælper. "
                 "Fokus på mødestabilitet, da DC selv siger, at hans fravær kan være stort.",
                 "Jeg vil gerne prøve butik.", "2x3 timer (tirsdag og torsdag) fra 26/6"),
        followup(d("2023-07-13"), "monthly", "DC-1", wm,
                 "Meget mødestabil. Roses for kundeekspedition og arbejdet på webshoppen.",
                 "Det går godt.", "3x3 timer (mandag, onsdag, fredag) fra 17/7"),
        followup(d("2023-08-24"), "monthly", "DC-1", wm,
                 "CV opdateret i jobcaféen. Interesseret i IT (webdesign) og supermarked. Oplærer nye praktikanter.",
                 "Jeg kunne godt tænke mig et job i et supermarked."),
        followup(d("2023-09-21"), "monthly", "DC-1", "citizen mentor consultant",
                 "Møde med butikslederen i COOP 365 holdt. Klar til virksomhedspraktik.",
                 "Jeg glæder mig.", "Virksomhedspraktik i COOP 365 3x3 timer fra 2/10"),
        followup(d("2023-10-26"), "monthly", "DC-2", cw,
                 "Fungerer godt. Butikslederen taler om ordinær ansættelse på de timer, han kan klare. "
                 "DC vælger kun kassen; vareopfyldning er udmattende.",
                 "Kassen passer mig bedst."),
        followup(d("2023-11-23"), "monthly", "DC-2", cw,
                 "Stabilt fremmøde med enkelte migrænedage. Enige om at øge timerne.",
                 "Jeg kan godt klare lidt mere.", "2x4 timer + 1x3 timer (mandag, onsdag 4 t, fredag 3 t) fra 4/12"),
        followup(d("2023-12-14"), "phone", "DC-2", "consultant workplace_mentor",
                 "Mange sygedage i december (migræne, influenza). Butikslederen er stadig interesseret."),
        followup(d("2024-01-11"), "three_party", "DC-2", "citizen mentor consultant caseworker",
                 "Fravær over 50 % i december og januar. DC fortæller, at angsten er kommet igen og "
                 "migrænen er forværret.", "Det er kun angsten og migrænen."),
        followup(d("2024-01-22"), "final", "DC-2", "mentor consultant workplace_mentor",
                 "Butikslederen afbryder praktikaftalen, da han ikke kan bruge en medarbejder med så mange sygedage.",
                 "Jeg vil gerne tilbage til Saxogade.",
                 "Genbrugsbutikken alle hverdage kl. 13-17 (20 timer) fra 29/1 for at afklare timetallet"),
        followup(d("2024-02-22"), "monthly", "DC-3", wm,
                 "Fremmødet er bedre end i supermarkedet, men stadig 1-2 fraværsdage om ugen. Talt om søvn, "
                 "kost, energidrikke og computerspil om natten.",
                 "Angsten er blevet bedre, men migrænen er slem.", "3x4 timer (mandag, onsdag, torsdag) fra 4/3"),
        followup(d("2024-03-21"), "monthly", "DC-3", "citizen mentor caseworker",
                 "Fraværet bliver ikke bedre. Hjælp til at bestille tid hos egen læge.",
                 "Jeg vil helst gå alene til lægen."),
        followup(d("2024-04-11"), "monthly", "DC-3", wm,
                 "Overblik over alt fravær pga. migræne givet med til lægen. Lægen beder DC føre "
                 "anfaldsdagbog.", "Det var godt at vise lægen oversigten."),
        followup(d("2024-04-26"), "final", "DC-3", "citizen mentor caseworker",
                 "Sagsbehandler afbryder forløbet og henviser til leverandør med angstforløb og fysisk træning.",
                 "Det giver mening."),
    ]
    return citizen(
        {"ref": "DC", "name": "D. C.", "birth_year": 1993, "benefit": "kontanthjælp",
         "caseworker": "Jobcenter København, team 5", "job_goal": "Butiksmedhjælper eller IT-support",
         "own_view": "Jeg kan godt lide arbejdet i butikken, men migrænen og angsten gør, "
                     "at jeg ikke altid kan komme."},
        [referral(LFI, d("2023-06-12"), d("2024-04-26"), [],
                  "Afbrudt af sagsbehandler: henvist til anden leverandør med angstforløb")],
        built,
        [
            accommodation("psychological", "Fast plads i kassen frem for vareopfyldning", d("2023-10-16"), "citizen"),
            accommodation("sensory", "Mulighed for et mørkt, stille rum ved migræneanfald", d("2023-10-20"),
                          "citizen"),
            accommodation("psychological", "Angst: aftal på forhånd, hvem han henvender sig til, og varsl ændringer",
                          d("2024-01-25"), "citizen"),
            accommodation("time", "Højst 4 timer om dagen og fridag mellem arbejdsdagene", d("2024-03-01"),
                          "observed"),
            accommodation("other", "Støtte til at bestille tid og komme til egen læge", d("2024-03-20"),
                          "observed", active=False),
        ],
        followups,
        [
            goal("employment", "Ordinær ansættelse på de timer, han kan klare",
                 ["Mødestabilitet i praktikken", "Afklare hvor mange timer han kan arbejde"],
                 [(d("2023-06-19"), 0), (d("2023-09-21"), 3), (d("2023-11-23"), 4), (d("2024-01-22"), -2),
                  (d("2024-04-26"), -1)]),
            goal("health", "Styr på migræne og angst", ["Komme til egen læge", "Føre anfaldsdagbog",
                 "Færre energidrikke"],
                 [(d("2023-06-19"), 0), (d("2023-12-14"), -2), (d("2024-03-21"), -1), (d("2024-04-26"), 1)]),
            goal("everyday", "Fast døgnrytme", ["I seng senest kl. 24 på hverdage", "Spise morgenmad"],
                 [(d("2024-02-22"), 0), (d("2024-03-21"), 1), (d("2024-04-26"), 0)]),
        ],
    )


def te() -> Json:
    pain = Profile(
        sick=0.3, unexcused=0.12, agreed=0.03, early=0.45,
        sick_reasons=("Tandpine", "tandpine", "Tandlæge", "Smerter", "Tandlæge "),
        unexcused_reasons=("",), agreed_reasons=("Tandlæge",),
        early_reasons=("Smerter", "Tandpine", "Kunne ikke mere"), kept=(0.25, 0.6),
    )
    tasks = ["sortering af tøj", "prismærkning", "let oprydning i baglokalet"]
    placements = [
        Placement(
            "TE-1", "co-saxo-genbrug", "internal_training", "assessment", d("2023-07-06"), d("2023-08-09"),
            "wm-mette", tasks, [Step(d("2023-07-06"), days("thu", 1))],
            end_reason="Ophørt: skal starte omfattende tandbehandling",
            profiles=[(d("2023-07-06"), pain)],
            capacity=[(d("2023-07-27"), 20, "Kan kun være i gang 10-15 minutter ad gangen")],
        ),
        Placement(
            "TE-2", "co-saxo-genbrug", "internal_training", "work_capacity", d("2023-09-14"), d("2024-03-14"),
            "wm-mette", tasks, [Step(d("2023-09-14"), days("thu", 1))],
            end_reason="Stoppet: ingen progression; TE fremstår mere og mere belastet",
            profiles=[(d("2023-09-14"), pain)],
            overrides={d("2023-12-28"): _FERIE},
            capacity=[(d("2023-10-12"), 25, "Går oftest hjem efter ca. ½ times arbejde"),
                      (d("2023-12-14"), 20, "Smerteplaget; kræver meget opmærksomhed"),
                      (d("2024-02-15"), 15, "Effektiv arbejdstid vurderet til 7-15 minutter om ugen")],
        ),
    ]
    built = [p.build(TE_SEED * 100 + i) for i, p in enumerate(placements)]
    followups = [
        followup(d("2023-07-06"), "startup", "TE-1", "citizen mentor workplace_mentor",
                 "Efter ugentlige samtaler og pres fra sagsbehandleren starter TE i Genbrugsbutikken. "
                 "Meget modstand; ser det som en pine.", "Jeg kan ikke se meningen med det.",
                 "Torsdag 1 time fra 6/7"),
        followup(d("2023-08-09"), "final", "TE-1", "mentor caseworker",
                 "Forløbet ophører: TE møder ikke op og skal i omfattende tandbehandling."),
        followup(d("2023-09-13"), "startup", "TE-2", "citizen mentor workplace_mentor",
                 "Genhenvist. Formålet med praktikken tydeliggjort. Delmål: finde relevante opgaver og øge "
                 "arbejdstiden. Månedlige opfølgninger planlagt.", "Jeg prøver.", "Torsdag kl. 14-15 fra 14/9"),
        followup(d("2023-10-12"), "monthly", "TE-2", "mentor workplace_mentor",
                 "TE meldte sig syg til mødet. Meget fravær, selvom det kun er én time om ugen."),
        followup(d("2023-11-16"), "monthly", "TE-2", "mentor workplace_mentor",
                 "TE meldte afbud. Arbejdsgiver afprøver forskellige opgaver; han kan ikke være i gang i mere end "
                 "10-15 minutter."),
        followup(d("2023-12-14"), "monthly", "TE-2", "citizen mentor workplace_mentor",
                 "Første opfølgning med TE. Ser smerteplaget ud og viser ikke engagement. Skånebehov afdækket.",
                 "Det giver ikke mening at tale om praktikken, når jeg ikke kan deltage."),
        followup(d("2024-01-18"), "monthly", "TE-2", "citizen mentor workplace_mentor",
                 "Uændret fremmøde; går hjem efter en halv time. Ingen udvikling.", "Jeg har ondt hele tiden."),
        followup(d("2024-02-15"), "monthly", "TE-2", "mentor workplace_mentor caseworker",
                 "TE ikke mødt. Effektiv arbejdstid vurderet til 7-15 minutter om ugen."),
        followup(d("2024-03-14"), "final", "TE-2", "mentor workplace_mentor",
                 "TE ikke mødt. Arbejdsgiver foreslår at stoppe praktikken, da der ikke har været progression. "
                 "Mentor og TE udfylder punkter i den forberedende plan.",
                 agreed_changes="Praktikken stoppes; sagen lægges op til rehabiliteringsteamet"),
        followup(d("2024-08-20"), "other", "TE-2", "citizen mentor caseworker",
                 "Rehabiliteringsmøde: TE tildeles et ressourceforløb på 3 år.", "Godt at der sker noget."),
    ]
    return citizen(
        {"ref": "TE", "name": "T. E.", "birth_year": 1981, "benefit": "kontanthjælp",
         "caseworker": "Jobcenter København, team 2", "job_goal": "Uafklaret (tidligere webdesign)",
         "own_view": "Jeg kan ikke se meningen med det, når jeg ikke kan se på en skærm. "
                     "Jeg har ondt i tænderne hele tiden."},
        [
            referral(LFI, d("2023-04-18"), d("2023-08-09"), [],
                     "Afbrudt: mødte ikke op til samtalerne; afventer omfattende tandbehandling"),
            referral(LFI, d("2023-09-13"), d("2024-03-12"), [d("2024-08-31")],
                     "Rehabiliteringsteamet 20/8-2024: ressourceforløb i 3 år"),
        ],
        built,
        [
            accommodation("sensory", "Kan ikke se på en skærm i mere end 5 minutter (sløret syn)", d("2023-05-09"),
                          "observed"),
            accommodation("aids", "Særlige briller og hjælpemidler (IBOS) foreslået – afvist af TE", d("2023-06-01"),
                          "other", active=False),
            accommodation("physical", "Smerteplaget: korte arbejdsperioder på 10-15 minutter", d("2023-07-20"),
                          "observed"),
            accommodation("time", "Højst én time om ugen i opstarten", d("2023-09-13"), "other"),
            accommodation("psychological", "Tæt opfølgning og meget opmærksomhed fra den praktikansvarlige",
                          d("2023-11-30"), "observed"),
        ],
        followups,
        [
            goal("employment", "Starte og fastholde praktik i Saxogade",
                 ["Møde op hver torsdag", "Finde relevante arbejdsopgaver", "Øge arbejdstiden"],
                 [(d("2023-07-06"), 0), (d("2023-08-09"), -1), (d("2023-09-14"), 0), (d("2023-12-14"), 1),
                  (d("2024-03-14"), -1)]),
            goal("health", "Gennemføre tandbehandlingen", ["Møde til tandlægeaftalerne"],
                 [(d("2023-07-06"), 0), (d("2023-10-12"), 1), (d("2024-02-15"), 2)]),
            goal("other", "Afklare hjælpemidler til synet", ["Kontakt til IBOS", "Kontakt til Borgercenter Handicap"],
                 [(d("2023-06-01"), 0), (d("2023-12-14"), 0), (d("2024-03-14"), -1)]),
        ],
    )
