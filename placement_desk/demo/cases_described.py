"""The demo citizens' profiles and observations (spec 1b), from the seed cases, so every demo dossier's
description has something to show: SA's competence CV, DC's web-design education and his doctor's test,
TE's dental treatment and web-design skills, Jasmin's family situation as it bears on work, Thomas's
criminal record as a challenge and his ADHD assessment, Poul's earlier jobs. The dates of Jasmin's, Thomas's
and Poul's stories follow the demo's (later) dates of their placements.

:func:`describe` adds them to a citizen of the demo case file; :data:`TEXTS` are the consultant's texts
under the headings of the preparatory part where the seed says the plan was written (SA, TE).
"""

from __future__ import annotations

from typing import Any

Json = dict[str, Any]

WR, PR, CH, WI = "work_resources", "personal_resources", "challenges", "wishes"
HE, HW, BH, EF = "health", "health_and_work", "benefit_history", "efforts"


def _o(day: str, heading: str, by: str, text: str, placement: str | None = None) -> Json:
    return {"date": day, "heading": heading, "by": by, "placement": placement, "text": text}


def _i(start: str | None, end: str | None, text: str, **more: str) -> Json:
    return {"from": start, "to": end, "text": text, **more}


SA: Json = {
    "profile": {
        "education": [_i("2014", "2016", "Danskuddannelse, modul 1-2 (ikke afsluttet)")],
        "work_history": [
            _i("2022-09", "2022-11", "Pedelmedhjælper i praktik (Settlementets pedelteam): maling, flytning af borde "
               "og stole, tømning af butikker"),
            _i("2022-10", "2022-11", "Udendørs arbejde i praktik (Gårdhaven, Saxogade)"),
        ],  # fmt: skip
        "benefits": [_i(None, None, "Kontanthjælp gennem en længere årrække; ingen ordinær ansættelse i Danmark")],
        "network": "Boede på herberg ved start, fra 2023 i egen lejlighed i Tingbjerg. Eneste netværk er to søstre "
        "og deres børn i Jylland, som han sjældent ser.",
        "wishes": "Vil have et fast job og ved, at han kan klare fuld tid. Kan lide praktiske opgaver og har "
        "tidligere været glad for at reparere cykler.",
    },
    "observations": [
        _o("2022-09-15", CH, "mentor", "Begrænsede danskkundskaber gør motivationsarbejdet svært; motivationen svinger."),
        _o("2022-10-03", WR, "workplace_mentor", "Fysisk stærk og mødestabil. Løser maleopgaver og flytter borde og "
           "stole godt, når dagen er planlagt.", "SA-1"),
        _o("2022-11-03", CH, "mentor", "Svært ved at håndtere stress, samarbejde med nye kolleger, holde tempoet og "
           "træffe beslutninger. Har brug for et støttende miljø og en fast kollega, der guider ham.", "SA-2"),
        _o("2022-11-10", WR, "consultant", "Kompetence-CV udarbejdet med jobkonsulenten. Praktikkerne i Settlementet "
           "indgår, da SA ikke har erfaring fra det danske arbejdsmarked."),
        _o("2023-01-05", CH, "citizen", "Jeg kan ikke lide folk, der råber ad mig. Jeg vil ikke tilbage til skolen.",
           "SA-3"),
        _o("2023-02-09", PR, "workplace_mentor", "Har fået en god relation til mig. Jeg hjalp ham med el i den nye "
           "lejlighed; han kender ingen andre, der kan hjælpe.", "SA-4"),
        _o("2023-06-01", CH, "workplace_mentor", "Jeg må vise ham opgaverne forfra hver gang og kan ikke sætte ham til "
           "selvstændige opgaver ud over at støve cyklerne af. Jeg kan ikke afsætte mere tid til oplæring.", "SA-5"),
        _o("2023-09-14", HE, "consultant", "Der er ikke oplyst helbredsforhold ud over, at SA har svært ved at håndtere "
           "stress. Sagsbehandleren indhenter lægeattest til den forberedende del."),
        _o("2023-09-14", HW, "citizen", "Jeg er stærk og kan arbejde fuld tid, bare ikke et sted, hvor folk råber."),
        _o("2023-09-14", EF, "mentor", "Fire arbejdspladser afprøvet: pedelteamet og gårdhaven (godt), skolen (stoppet "
           "efter en måned, kollegaen råbte) og cykelbutikken (stoppet af arbejdsgiver: for meget oplæring)."),
        _o("2024-02-01", WR, "workplace_mentor", "Fungerer godt i det faste samarbejde med mig; stabilt fremmøde på "
           "frikortstimerne.", "SA-7"),
    ],  # fmt: skip
    "tags": {"2022-10-03": [WR], "2022-11-03": [CH], "2023-01-05": [CH, EF], "2023-06-01": [EF], "2023-09-14": [EF]},
}

DC: Json = {
    "profile": {
        "education": [_i("2011-08", "2012-01", "Webintegrator, EUD: grundforløbet (ikke afsluttet)")],
        "benefits": [_i("2011", None, "Kontanthjælp siden 18-årsalderen")],
        "treatment": [
            _i("2024-03", None, "Egen læge: migræne og angst. Angsttest taget; anfaldsdagbog (lægens test) i gang",
               source="doctor"),
        ],  # fmt: skip
        "earlier_efforts": [_i(None, None, "Praktikker før 2023", outcome="Ingen ansættelse; ingen joberfaring ud "
                               "over praktikker")],  # fmt: skip
        "network": "Bor alene og har ingen venner. Spiller computer det meste af natten.",
        "wishes": "IT-området (webdesign, IT-support) eller et job i et supermarked.",
    },
    "observations": [
        _o("2023-07-13", WR, "workplace_mentor", "Fungerer godt i alle funktioner: kundeekspedition, vareopfyldning, "
           "webshoppen og hjemmesiden. Oplærer nye praktikanter.", "DC-1"),
        _o("2023-08-24", WI, "citizen", "Jeg vil gerne arbejde med IT, fx webdesign, eller i et supermarked."),
        _o("2023-10-26", WR, "workplace_mentor", "Hvis indsatsen fortsætter sådan, vil vi gerne tilbyde ordinær "
           "ansættelse på de timer, han bedst kan klare.", "DC-2"),
        _o("2023-10-26", CH, "mentor", "Vælger kun at sidde i kassen; vareopfyldning føles udmattende for ham.", "DC-2"),
        _o("2024-01-11", HW, "citizen", "Angsten er kommet igen, og migrænen er blevet værre. Jeg tror ikke, jeg kan "
           "fortsætte i praktikken.", "DC-2"),
        _o("2024-01-22", CH, "workplace_mentor", "Vi afbryder praktikaftalen: vi kan ikke bruge en medarbejder, der er "
           "syg så mange dage.", "DC-2"),
        _o("2024-02-22", PR, "mentor", "Meget ensom og uden venner. Spiser lidt, drikker mange energidrikke og spiller "
           "til sent om natten.", "DC-3"),
        _o("2024-03-21", HE, "mentor", "Egen læge vurderer ikke migrænen som et stort problem; en angsttest er taget."),
        _o("2024-04-11", HE, "mentor", "Overblik over alt fravær pga. migræne givet med til lægen. Lægen beder DC "
           "notere sine anfald i en periode."),
        _o("2024-04-26", EF, "consultant", "Enige med sagsbehandleren: angstbehandling og fysisk træning hos en anden "
           "leverandør, før en ny praktik afprøves."),
    ],  # fmt: skip
    "tags": {"2023-08-24": [WR, WI], "2024-01-11": [CH, HE], "2024-04-11": [HE], "2024-04-26": [EF]},
}

TE: Json = {
    "profile": {
        "work_history": [_i(None, None, "Webdesign (egne oplysninger; arbejdet foregår ved en PC)")],
        "benefits": [_i(None, None, "Kontanthjælp")],
        "treatment": [_i("2023-08", "2023-09", "Omfattende tandbehandling; meget smerteplaget i perioden",
                         source="citizen")],  # fmt: skip
        "earlier_efforts": [
            _i("2023-04", "2023-08", "Samtaleforløb i Settlementet (ugentlige samtaler)",
               outcome="Afbrudt 9/8-23: mødte ikke op og ventede på tandbehandling"),
            _i(None, None, "Særlige briller og hjælpemidler for svagtseende", outcome="Afprøvet tidligere; virkede "
               "ikke for ham (egne oplysninger)"),
        ],  # fmt: skip
    },
    "observations": [
        _o("2023-07-06", WR, "citizen", "Jeg har kun kompetencer inden for webdesign, og det hele sker ved en PC."),
        _o("2023-07-20", HE, "mentor", "Sløret syn: ved en afprøvning på en bærbar nåede TE kun at logge ind på "
           "Jobnet, så kunne han ikke mere. Kan ikke se på en skærm i mere end 5 minutter.", "TE-1"),
        _o("2023-07-20", HW, "citizen", "Jeg er ved at blive blind. Når jeg ikke kan se på en skærm, kan jeg ikke se "
           "meningen med at skulle have et arbejde."),
        _o("2023-09-13", CH, "mentor", "Meget opgivende; ser det som en pine at skulle ud på en arbejdsplads."),
        _o("2023-10-12", EF, "mentor", "Har afvist forslag om Borgercenter Handicap og IBOS (hjælpemidler ved "
           "synsnedsættelse)."),
        _o("2023-11-16", CH, "workplace_mentor", "Kan ikke være i gang med en opgave i mere end 10-15 minutter og går "
           "oftest hjem efter en halv time. Han kræver meget opmærksomhed.", "TE-2"),
        _o("2023-12-14", WR, "workplace_mentor", "Vi har afprøvet forskellige opgaver, men det er svært at få øje på "
           "ressourcer, han kan bruge her.", "TE-2"),
        _o("2024-02-15", EF, "consultant", "Effektiv arbejdstid vurderet til 7-15 minutter om ugen; ingen udvikling, "
           "selv med én time om ugen."),
    ],  # fmt: skip
    "tags": {"2023-08-09": [HE, EF], "2023-11-16": [CH], "2024-02-15": [EF], "2024-03-14": [EF]},
}

JASMIN: Json = {
    "profile": {
        "benefits": [_i(None, None, "Kontanthjælp gennem længere tid uden afklaring")],
        "treatment": [_i("2024-05", None, "Behandling for angst", source="citizen")],
        "earlier_efforts": [_i(None, None, "Tidligere forløb uden koordinering og med uklare mål",
                               outcome="Ingen arbejdsmarkedstilknytning")],  # fmt: skip
        "network": "Enlig mor til fire børn. Komplekse familieforhold med sager i SOF, psykiatrien og Familieretshuset "
        "om det yngste barn.",
        "wishes": "Et arbejde i et køkken, hvor hun bliver værdsat og får løn.",
    },
    "observations": [
        _o("2024-04-15", PR, "consultant", "Matchet med en arabisktalende konsulent med ergoterapeutisk baggrund; "
           "appen giver overblik over ugen og påmindelser."),
        _o("2024-05-23", WR, "workplace_mentor", "Stabilt fremmøde og god til køkkenets faste opgaver.", "Jasmin-1"),
        _o("2024-06-20", HE, "consultant", "Smertedage; ergoterapeutisk vejledning om arbejdsstilling og "
           "energiforvaltning."),
        _o("2024-08-15", WR, "workplace_mentor", "Vi vil gerne betale løn for en del af timerne.", "Jasmin-1"),
        _o("2024-10-03", HW, "citizen", "Jeg kan arbejde, når jeg holder pauser. For mange timer i træk giver smerter."),
        _o("2024-12-12", CH, "consultant", "Familiesituationen påvirker arbejdet: møder i SOF og psykiatrien om det "
           "yngste barn giver fraværsdage. Faste arbejdsdage, der kan planlægges uden om møderne, er en forudsætning."),
        _o("2025-01-09", CH, "consultant", "Sagen i Familieretshuset fylder meget; midlertidig nedtrapning aftalt for "
           "at undgå overbelastning."),
        _o("2025-03-20", EF, "consultant", "Arbejdsevnen er afklaret i hybridpraktik: 14 timer om ugen med pauser og "
           "skånehensyn, heraf 6 lønnede."),
    ],  # fmt: skip
    "tags": {"2024-12-12": [CH, PR], "2025-01-09": [CH], "2025-03-20": [EF]},
}

THOMAS: Json = {
    "profile": {
        "benefits": [_i(None, None, "Kontanthjælp")],
        "treatment": [
            _i("2024-06", None, "Misbrugsbehandling i rusmiddelcentret", source="citizen"),
            _i("2024-06", "2025-01", "ADHD-udredning via egen læge; diagnose og medicin fra januar 2025", source="doctor"),
        ],
        "network": "Kaotisk hverdag ved start; nu mere struktur og konstruktiv kontakt til jobcenter og andre instanser.",
        "wishes": "Fast job på et lager.",
    },
    "observations": [
        _o("2024-04-08", CH, "consultant", "Plettet straffeattest giver mistro til arbejdsgivere og lav tillid til "
           "systemer. Lageret er valgt, fordi de ansætter folk med plettet straffeattest."),
        _o("2024-05-16", CH, "workplace_mentor", "En konflikt i starten; han håndterede den ved at gå en tur. Vi ringer "
           "til konsulenten, når vi er i tvivl.", "Thomas-1"),
        _o("2024-06-13", HE, "consultant", "ADHD-udredning via egen læge i gang; startet i misbrugsbehandling."),
        _o("2024-08-08", WR, "workplace_mentor", "Stabil og pålidelig; vi vil gerne have ham flere dage.", "Thomas-1"),
        _o("2024-09-12", HW, "citizen", "Strategierne til vredeshåndtering virker. Jeg går en tur, før det bliver for "
           "meget."),
        _o("2024-10-31", PR, "consultant", "Afdragsordning med SKAT på plads; går nu i dialog med jobcenter og SKAT i "
           "stedet for at ignorere henvendelser."),
        _o("2025-01-23", WR, "workplace_mentor", "Roligere på arbejdspladsen efter medicinen.", "Thomas-2"),
    ],  # fmt: skip
    "tags": {"2024-06-13": [HE], "2024-12-12": [HE, CH], "2025-01-23": [HE], "2024-09-12": [EF]},
}

POUL: Json = {
    "profile": {
        "work_history": [_i("2005", "2019", "Ufaglært arbejde i flere korte ansættelser",
                            end_reason="Angst og misbrug; på offentlig forsørgelse fra 2019")],  # fmt: skip
        "benefits": [_i("2019", None, "Offentlig forsørgelse (kontanthjælp)")],
        "treatment": [
            _i(None, None, "Socialfobi, panikangst, depression og personlighedsforstyrrelse (diagnosticeret)",
               source="doctor"),
            _i("2024-01", None, "Misbrugsbehandling i misbrugscenter; stoppet med at drikke i februar 2024",
               source="citizen"),
        ],  # fmt: skip
        "earlier_efforts": [_i("2020", "2023", "Flere virksomhedspraktikker",
                               outcome="Stoppet før tid pga. tilbagefald og ustabilt fremmøde")],  # fmt: skip
        "network": "Ugift. Hjemmehjælp og bostøtte en gang om ugen; fællesskab i Fontænehuset; kontakt til familien "
        "igen.",
        "wishes": "Arbejde i det store dagligvarehus i nærheden.",
    },
    "observations": [
        _o("2024-02-29", PR, "citizen", "Jeg har en lejlighed, jeg er stolt af, og har lyst til at have besøg af "
           "familien."),
        _o("2024-04-04", WR, "workplace_mentor", "Fuldt fremmøde; vi er tilfredse med hans indsats.", "Poul-1"),
        _o("2024-10-31", CH, "workplace_mentor", "24 timer er for meget: han virker udmattet og fokuserer på egne fejl.",
           "Poul-1"),
        _o("2024-10-31", HW, "citizen", "Over 20 timer bliver jeg helt udmattet. Jeg har brug for tid til at komme "
           "mig og for Fontænehuset."),
        _o("2024-11-28", EF, "consultant", "20 timer om ugen er afprøvet stabilt; 24 timer gav tegn på tilbagefald."),
        _o("2025-01-09", WR, "workplace_mentor", "Vi har ikke haft så stabil en medarbejder før, og vi opretter et "
           "fleksjob på 20 timer til ham.", "Poul-1"),
    ],  # fmt: skip
    "tags": {"2024-10-31": [CH, HW], "2025-01-09": [EF]},
}

DESCRIBED: dict[str, Json] = {"SA": SA, "DC": DC, "TE": TE, "Jasmin": JASMIN, "Thomas": THOMAS, "Poul": POUL}

TEXTS: dict[str, dict[str, str]] = {
    "SA": {
        WR: "SA er fysisk stærk og mødestabil og løser praktiske opgaver (maling, flytning, oprydning, udendørs "
        "arbejde) godt, når dagen er planlagt, og han arbejder sammen med en fast kollega. Han har ingen ordinær "
        "ansættelse i Danmark; kompetence-CV'et bygger på praktikkerne i Settlementet.",
        PR: "SA er ensom; hans netværk er to søstre i Jylland. Relationen til den praktikansvarlige i pedelteamet er "
        "hans vigtigste ressource og har båret forløbet.",
        CH: "Svært ved stress, nye kolleger, tempo og beslutninger; begrænset dansk. Han trækker sig, når han føler "
        "sig presset, eller når nogen taler højt til ham (skolen). Han kan ikke lære nye fagopgaver uden tæt og "
        "gentagen oplæring (cykelbutikken).",
        WI: "SA ønsker et fast job og mener selv, at han kan arbejde fuld tid. Han vil helst være i pedelteamet.",
        HE: "Der er ikke oplyst helbredsmæssige diagnoser. Lægeattesten indhentes af sagsbehandleren.",
        HW: "SA vurderer, at helbredet ikke begrænser ham; det er arbejdsmiljøet (råb, pres), der afgør, om han kan "
        "blive.",
        BH: "Kontanthjælp i en længere årrække.",
        EF: "Fire arbejdspladser er afprøvet fra september 2022 til juni 2023; kun pedelteamet med den samme "
        "praktikansvarlige har fungeret over tid. Timerne er trappet op fra 2 til 15 om ugen og ned igen til 8.",
    },
    "TE": {
        WR: "TE oplyser, at hans kompetencer ligger inden for webdesign. Arbejdsgiveren har ikke kunnet finde opgaver, "
        "han kan løse i mere end 10-15 minutter.",
        HE: "Sløret syn (TE mener, han er ved at blive blind) og smerter efter omfattende tandbehandling i 2023.",
        EF: "Samtaleforløb og praktik i Genbrugsbutikken med én time om ugen; effektiv arbejdstid vurderet til 7-15 "
        "minutter om ugen uden udvikling. Tilbud om hjælpemidler er afvist.",
    },
}


def describe(citizen: Json) -> Json:
    """The citizen with the profile, observations and follow-up headings of the seed (if any)."""
    extra = DESCRIBED.get(citizen["ref"])
    if extra is None:
        return citizen
    out = dict(citizen)
    out["profile"] = extra["profile"]
    out["observations"] = extra["observations"]
    tags: dict[str, list[str]] = extra["tags"]
    out["followups"] = [
        {**f, "headings": tags[f["date"]]} if f["date"] in tags else f for f in citizen.get("followups", [])
    ]
    return out
