"""The demo case file: the anonymised seed cases as a case file (spec section 1).

``demo_case_file(today)`` returns a plain dict in the ``placement-desk/case-file`` format, version 1.
The historical cases (SA, DC, TE, Jasmin, Thomas, Olivia, Poul) have fixed dates in 2022-2025 and are
closed; Malthe, Phillip and Miriam are current: their dates follow ``today`` so the dashboard has live
work (attendance up to yesterday, an overdue follow-up, a few unregistered days).
The result is deterministic: the same ``today`` gives the identical dict.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from placement_desk.demo.cases_current import malthe, miriam, phillip
from placement_desk.demo.cases_dc_te import dc, te
from placement_desk.demo.cases_described import describe
from placement_desk.demo.cases_jasmin_olivia import jasmin, olivia
from placement_desk.demo.cases_sa import sa
from placement_desk.demo.cases_thomas_poul import poul, thomas

Json = dict[str, Any]

CVR_WEIGHTS: tuple[int, ...] = (2, 7, 6, 5, 4, 3, 2, 1)


def cvr_is_valid(cvr: str) -> bool:
    """Eight digits whose weighted digit sum (weights 2,7,6,5,4,3,2,1) is divisible by 11."""
    if len(cvr) != 8 or not cvr.isdigit():
        return False
    return sum(int(digit) * weight for digit, weight in zip(cvr, CVR_WEIGHTS, strict=True)) % 11 == 0


def _company(
    ref: str,
    name: str,
    industry: str,
    address: str,
    mentors: list[tuple[str, str, str | None]],
    cvr: str | None = None,
    internal: bool = False,
) -> Json:
    if cvr is not None and not cvr_is_valid(cvr):
        raise ValueError(f"invalid CVR for {ref}: {cvr}")
    company: Json = {"ref": ref, "name": name}
    if cvr is not None:
        company["cvr"] = cvr
    company.update({"industry": industry, "address": address, "internal": internal})
    company["contacts"] = [
        {"ref": contact_ref, "name": contact_name, "role": "workplace_mentor", "phone": phone, "email": None}
        for contact_ref, contact_name, phone in mentors
    ]
    return company


def companies() -> list[Json]:
    saxo = "1662 København V"
    return [
        _company(
            "co-saxo-pedel",
            "Pedelteamet, Saxogade",
            "Service",
            f"Saxogade 5, {saxo}",
            [("wm-karim", "Karim", "+45 31 20 40 11")],
            internal=True,
        ),
        _company(
            "co-saxo-gaard",
            "Gårdhaven, Saxogade",
            "Gartneri",
            f"Saxogade 9, {saxo}",
            [("wm-lone", "Lone", "+45 31 20 40 12")],
            internal=True,
        ),
        _company(
            "co-saxo-genbrug",
            "Genbrugsbutikken, Saxogade",
            "Detailhandel",
            f"Saxogade 14, {saxo}",
            [("wm-mette", "Mette", "+45 31 20 40 13")],
            internal=True,
        ),
        _company(
            "co-skole",
            "Sydhavnens Friskole",
            "Undervisning",
            "Mozarts Plads 7, 2450 København SV",
            [("wm-jens", "Jens (pedel)", "+45 42 18 55 60")],
            cvr="35148728",
        ),
        _company(
            "co-cykel",
            "Cykelsmeden i Valby",
            "Cykelreparation",
            "Valby Langgade 88, 2500 Valby",
            [("wm-ali", "Ali", "+45 27 31 90 04")],
            cvr="29684103",
        ),
        _company(
            "co-coop365",
            "COOP 365, Sydhavnen",
            "Dagligvarer",
            "Borgbjergsvej 3, 2450 København SV",
            [("wm-henrik", "Henrik (butiksleder)", "+45 53 60 12 77")],
        ),
        _company(
            "co-boernehave",
            "Børnehuset Mælkebøtten",
            "Daginstitution",
            "Tingvej 12, 2300 København S",
            [("wm-hanne", "Hanne (køkkenleder)", "+45 33 66 21 09")],
            cvr="31772567",
        ),
        _company(
            "co-lager",
            "Byggemarkedet Amager, lager",
            "Byggemarked",
            "Kraftværksvej 20, 2300 København S",
            [("wm-steen", "Steen (lagerchef)", "+45 40 11 72 35")],
            cvr="25406931",
        ),
        _company(
            "co-frisor",
            "Salon Saks & Spejl",
            "Frisør",
            "Istedgade 101, 1650 København V",
            [("wm-nadia", "Nadia (saloneje)", "+45 60 45 13 88")],
            cvr="38461206",
        ),
        _company(
            "co-dagligvare",
            "Dagligvarehuset Frederikshavn",
            "Dagligvarer",
            "Søndergade 40, 9900 Frederikshavn",
            [("wm-birgit", "Birgit", "+45 98 42 10 20")],
            cvr="19873455",
        ),
        _company(
            "co-tomrer",
            "Tømrerfirmaet Kjeldsen ApS",
            "Tømrer og snedker",
            "Industrivej 14, 8800 Viborg",
            [("wm-anders", "Anders Kjeldsen", "+45 86 62 33 10")],
            cvr="41052384",
        ),
        _company(
            "co-entreprenor",
            "Halsnæs Entreprenør & Anlæg ApS",
            "Entreprenør",
            "Havnevej 21, 3300 Frederiksværk",
            [("wm-kenneth", "Kenneth", "+45 47 72 30 15"), ("wm-michael", "Michael", "+45 47 72 30 16")],
            cvr="33629141",
        ),
        _company(
            "co-bilka",
            "Bilka Vejle, bagerafdelingen",
            "Dagligvarer",
            "Horsensvej 1, 7100 Vejle",
            [("wm-susanne", "Susanne (bagerformand)", "+45 75 80 44 21")],
        ),
    ]


def demo_case_file(today: dt.date) -> Json:
    """The demo citizens as one case file; dates of the current cases are relative to ``today``."""
    citizens = [
        sa(),
        dc(),
        te(),
        jasmin(),
        thomas(),
        olivia(),
        poul(),
        malthe(today),
        phillip(today),
        miriam(today),
    ]
    return {
        "format": "placement-desk/case-file",
        "version": 1,
        "companies": companies(),
        "citizens": [describe(c) for c in citizens],  # with their profiles and observations (spec 1b)
    }
