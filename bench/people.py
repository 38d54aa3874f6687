"""The synthetic people, companies and placements of the benchmark data (see ``bench.generate``).

Everything is drawn from ``random.Random`` instances seeded by the seed and the citizen's number,
so the data is the same on every machine. Citizen 1 is the heavy one: two open placement lines from
the first day, five and six days a week (the benchmark opens the citizen with the most records).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Protocol

from placement_desk.domain.plan import is_holiday

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
TRACKED = ("created_at", "updated_at", "updated_by", "version")
ATTENDANCE_COLUMNS = ("id", "placement_id", "day", "status", "minutes", "reason", "note", "logged_by", "logged_at",
                      *TRACKED)  # fmt: skip

FIRST_NAMES = ("Anne", "Mette", "Hanne", "Susanne", "Lene", "Marianne", "Camilla", "Louise", "Sara", "Maja", "Fatima",
               "Amira", "Jens", "Peter", "Lars", "Michael", "Henrik", "Søren", "Thomas", "Martin", "Ahmed", "Ali",
               "Mohammad", "Kasper", "Mads", "Frederik", "Emil", "Jonas", "Ida", "Emma", "Sofie", "Ole", "Bent",
               "Kirsten", "Birgitte", "Karina", "Nadia", "Yasmin", "Omar", "Rasmus")  # fmt: skip
LAST_NAMES = ("Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
              "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen",
              "Johansen", "Møller", "Mortensen", "Hussein", "Yilmaz", "Ali", "Khan", "Østergaard", "Bækgaard")  # fmt: skip
KINDS = (("Plejecenter", "Ældrepleje"), ("Børnehaven", "Dagtilbud"), ("Lager", "Logistik"), ("Kantine", "Kantine"),
         ("Genbrugsbutik", "Detail"), ("Tømrerfirma", "Byggeri"), ("Rengøring", "Service"),
         ("Cykelværksted", "Værksted"), ("Supermarked", "Detail"), ("Gartneri", "Grønne områder"),
         ("Pedelteam", "Service"), ("Bageri", "Fødevarer"), ("Park og Vej", "Grønne områder"),
         ("Autoværksted", "Værksted"), ("Hotel", "Hotel og restaurant"))  # fmt: skip
PLACES = ("Valby", "Nørrebro", "Vesterbro", "Amager", "Brønshøj", "Vanløse", "Østerbro", "Sydhavnen", "Bispebjerg",
          "Frederiksberg", "Hvidovre", "Glostrup", "Ballerup", "Herlev", "Rødovre", "Tårnby", "Albertslund",
          "Brøndby", "Ishøj", "Greve")  # fmt: skip
STREETS = ("Saxogade", "Valby Langgade", "Nørrebrogade", "Amagerbrogade", "Frederikssundsvej", "Roskildevej",
           "Jagtvej", "Istedgade", "Gammel Køge Landevej", "Hovedgaden")  # fmt: skip
TASKS = ("opfyldning af varer", "rengøring", "opvask", "pakning af ordrer", "lettere havearbejde", "kasseekspedition",
         "madlavning", "reparation af cykler", "modtagelse af varer", "vask af biler", "hjælp ved måltider",
         "sortering af tøj", "maling", "flytte borde og stole")  # fmt: skip
MAIN_TYPES = (("internship", "assessment"), ("internship", "training"), ("wage_subsidy", None),
              ("ordinary_hours", None), ("flex_job", None), ("wage_subsidy", None))  # fmt: skip
SIDE_TYPES = (("hybrid", "work_capacity"), ("internal_training", "training"), ("social_free_card", None),
              ("apprenticeship", None), ("internship", "recruitment"))  # fmt: skip
PAID = {"wage_subsidy", "ordinary_hours", "flex_job", "apprenticeship", "hybrid"}
SICK = ("Influenza", "Migræne", "Rygsmerter", "Forkølelse", "Ondt i maven", None, None)
AGREED = ("Lægebesøg", "Ferie", "Samtale på jobcentret", "Tandlæge", "Psykolog")
UNEXCUSED = (None, None, "Glemt", "Sov over")
LEFT_EARLY = ("Hovedpine", "Træt", "Aftale", None)
NOTES = ("ringede kl. 8", "kom 20 min for sent", "god dag", "sms til mentor", "hentet af pårørende")
ACCOMMODATIONS = (("physical", "Må ikke løfte over 10 kg"), ("physical", "Skal kunne sidde ned hver time"),
                  ("psychological", "Klare og enkle instruktioner"), ("psychological", "Fast kontaktperson"),
                  ("cognitive", "Skriftlig dagsplan"), ("sensory", "Stille arbejdsplads, høreværn"),
                  ("time", "Pauser efter behov"), ("time", "Start kl. 9 i stedet for kl. 7"),
                  ("aids", "Hæve-sænkebord"), ("other", "Må tage telefonen ved lægeopkald"))  # fmt: skip
GOALS = (("employment", "Mødestabil fire dage om ugen"), ("employment", "Ordinære timer i virksomheden"),
         ("health", "Færre sygedage"), ("social", "Indgå i det sociale på arbejdspladsen"),
         ("everyday", "Stå op og komme af sted selv"), ("education", "Tage truckcertifikat"),
         ("network", "Have en fast kollega at spørge"))  # fmt: skip
PROGRAMMES = ("Ressourceforløb", "Jobafklaringsforløb", "Aktivitetsparat kontanthjælp", "Lokalt forankret indsats")
PHRASES = ("Trives på arbejdspladsen.", "Har haft en svær måned med søvnen.", "Mentor er tilfreds med tempoet.",
           "Vi aftaler at trappe op, når to uger er gået uden fravær.", "Borgeren ønsker flere opgaver med kunder.",
           "Smerterne i ryggen fylder mindre end sidst.", "Fremmødet er stabilt.", "Der er talt om pauser.",
           "Arbejdspladsen vil gerne forlænge.", "Transporten er et problem om morgenen.")  # fmt: skip


class Sink(Protocol):
    def next_id(self, table: str) -> int: ...
    def add(self, table: str, columns: tuple[str, ...], row: tuple[object, ...]) -> None: ...


def stamp(day: date, hour: int = 12) -> str:
    """A UTC timestamp as SQLAlchemy stores it in SQLite."""
    return datetime(day.year, day.month, day.day, hour).strftime("%Y-%m-%d %H:%M:%S.%f")


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def q15(minutes: float) -> int:
    return max(15, int(round(minutes / 15)) * 15)


@dataclass
class Company:
    id: int
    contacts: list[int] = field(default_factory=list)


@dataclass
class Step:
    start: date
    minutes: tuple[int, ...]
    paid: int


@dataclass
class PlacementSpec:
    ref: str
    type: str
    purpose: str | None
    start: date
    end: date | None
    company: Company
    days: int  # target days a week
    minutes: int  # target minutes a day
    weekdays: tuple[int, ...]  # the order days are added in while ramping up
    reliability: float  # share of planned days attended
    lagging: int  # the last weekdays before today left unregistered (the dashboard shows them)


def generate(sink: Sink, citizens: int, placements: int, n_companies: int, seed: int, today: date,
             first_day: date) -> None:  # fmt: skip
    rng = random.Random(seed)
    users = _users(sink)
    companies = [_company(sink, rng, i) for i in range(n_companies)]
    counts = _placement_counts(rng, citizens, placements)
    for i in range(citizens):
        crng = random.Random(f"{seed}:{i}")
        _citizen(sink, crng, i, counts[i], companies, users, today, first_day)


def _users(sink: Sink) -> list[int]:
    ids = []
    for i, (name, role) in enumerate([("Karin Holm", "consultant"), ("Jesper Lund", "consultant"),
                                      ("Aisha Demir", "consultant"), ("Bo Vestergaard", "mentor"),
                                      ("Lise Dahl", "mentor")]):  # fmt: skip
        uid = sink.next_id("users")
        sink.add("users", ("id", "username", "display_name", "role", "password_hash", "active", *TRACKED),
                 (uid, f"user{i + 1}", name, role, None, 1, stamp(date(2021, 1, 4)), stamp(date(2021, 1, 4)), None, 1))
        ids.append(uid)
    return ids


def _cvr(rng: random.Random) -> str:
    weights = (2, 7, 6, 5, 4, 3, 2)
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(6)]
        check = (-sum(d * w for d, w in zip(digits, weights, strict=True))) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def _company(sink: Sink, rng: random.Random, i: int) -> Company:
    kind, industry = KINDS[i % len(KINDS)]
    place = PLACES[(i // len(KINDS)) % len(PLACES)]
    name = f"{kind} {place}" + (f" {i // (len(KINDS) * len(PLACES)) + 1}" if i >= len(KINDS) * len(PLACES) else "")
    cid = sink.next_id("companies")
    created = stamp(date(2021, 1, 4))
    address = f"{rng.choice(STREETS)} {rng.randint(1, 180)}, {rng.randint(1000, 2900)} {place}"
    sink.add("companies", ("id", "ref", "name", "cvr", "industry", "address", "internal", "archived_at", *TRACKED),
             (cid, f"BCO-{i + 1:03d}", name, _cvr(rng), industry, address, int(rng.random() < 0.05), None, created,
              created, None, 1))  # fmt: skip
    company = Company(cid)
    for k in range(rng.randint(1, 3)):
        kid = sink.next_id("contacts")
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        sink.add("contacts", ("id", "company_id", "ref", "name", "role", "phone", "email", "position", "archived_at",
                              *TRACKED),
                 (kid, cid, f"wm-{k + 1}", f"{first} {last}", "workplace_mentor" if k < 2 else "manager",
                  f"+45 {rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                  f"{first.lower()}@example.dk", k, None, created, created, None, 1))  # fmt: skip
        if k < 2:
            company.contacts.append(kid)
    return company


def _placement_counts(rng: random.Random, citizens: int, placements: int) -> list[int]:
    base = max(2, placements // max(citizens, 1))
    counts = [max(2, base + (-1, 0, 0, 1)[i % 4]) for i in range(citizens)]
    i = 0
    while sum(counts) != placements and citizens:
        step = 1 if sum(counts) < placements else -1
        if counts[i % citizens] + step >= 2:
            counts[i % citizens] += step
        i += 1
    rng.shuffle(counts)
    return counts


def _citizen(sink: Sink, rng: random.Random, i: int, n_placements: int, companies: Sequence[Company],
             users: Sequence[int], today: date, first_day: date) -> None:  # fmt: skip
    heavy = i == 0
    begin = monday(first_day + timedelta(days=0 if heavy else rng.randint(0, 150)))
    cid = sink.next_id("citizens")
    ref = f"B{i + 1:04d}"
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    birth = date(rng.randint(1962, 2000), rng.randint(1, 12), rng.randint(1, 28))
    cpr = f"{birth:%d%m%y}-{rng.randint(0, 3)}{rng.randint(0, 999):03d}"
    created = stamp(begin - timedelta(days=14))
    sink.add("citizens", ("id", "ref", "name", "cpr", "birth_year", "benefit", "caseworker", "job_goal", "own_view",
                          "consultant_id", "mentor_id", "archived_at", *TRACKED),
             (cid, ref, f"{first} {last}", cpr, birth.year, rng.choice(("kontanthjælp", "ressourceforløbsydelse",
              "ledighedsydelse", "sygedagpenge")), f"Jobcenter, team {rng.randint(1, 9)}",
              rng.choice(("Lagermedarbejder", "Pedelmedhjælper", "Køkkenmedhjælper", "Butiksassistent",
                          "Omsorgsmedhjælper")), rng.choice(("Vil gerne have et fast job", "Vil gerne arbejde med "
                          "hænderne", None)), users[i % 3], users[3 + i % 2], None, created, created, None, 1))  # fmt: skip
    main_n = n_placements - n_placements // 2
    specs = _track(rng, ref, 1, main_n, MAIN_TYPES, begin, companies, today, heavy, side=False)
    side_begin = begin + timedelta(weeks=0 if heavy else rng.randint(0, 30))
    specs += _track(rng, ref, main_n + 1, n_placements - main_n, SIDE_TYPES, side_begin, companies, today, heavy,
                    side=True)  # fmt: skip
    placement_ids = {}
    for spec in specs:
        placement_ids[spec.ref] = _placement(sink, rng, cid, spec, users, today)
    _referrals(sink, rng, cid, begin, today)
    _accommodations(sink, rng, cid, begin, today)
    _followups(sink, rng, cid, specs, placement_ids, today)
    _goals(sink, rng, cid, begin, today)


def _track(rng: random.Random, ref: str, number: int, n: int, types: Sequence[tuple[str, str | None]], begin: date,
           companies: Sequence[Company], today: date, heavy: bool, side: bool) -> list[PlacementSpec]:  # fmt: skip
    """``n`` placements one after the other from ``begin``; the last one open (running today) or ended."""
    is_open = heavy or rng.random() < (0.55 if side else 0.75)
    finish = today if is_open else today - timedelta(days=rng.randint(20, 400))
    total = (finish - begin).days
    weights = [rng.uniform(0.6, 1.4) for _ in range(n)]
    gaps = [0] + [rng.randint(7, 42) for _ in range(n - 1)]
    usable = max(total - sum(gaps), 60 * n)
    specs = []
    start = begin
    for k in range(n):
        length = max(56, int(usable * weights[k] / sum(weights)))
        start = monday(start + timedelta(days=gaps[k]) + timedelta(days=6)) if k else start
        last = k == n - 1
        end = None if last and is_open else (finish if last else start + timedelta(days=length - 1))
        kind, purpose = types[(k + (1 if side else 0) + rng.randint(0, 1)) % len(types)]
        days = (5 if not side else 6) if heavy else (rng.randint(4, 5) if not side else rng.randint(3, 6))
        order = [0, 1, 2, 3, 4]
        rng.shuffle(order)
        if side and days == 6:
            order.append(5)
        reliability = 0.97 if heavy else (rng.uniform(0.55, 0.8) if rng.random() < 0.15 else rng.uniform(0.82, 0.99))
        specs.append(PlacementSpec(
            ref=f"{ref}-{number + k}", type=kind, purpose=purpose, start=start, end=end,
            company=companies[rng.randrange(len(companies))], days=days,
            minutes=q15(rng.uniform(150, 300) if not side else rng.uniform(120, 240)), weekdays=tuple(order),
            reliability=reliability, lagging=rng.randint(1, 12) if end is None and rng.random() < 0.25 else 0,
        ))  # fmt: skip
        if end is not None:
            start = end
    return specs


def _steps(rng: random.Random, p: PlacementSpec, today: date) -> list[Step]:
    """The hours plan: a ramp-up, sometimes a setback, yearly adjustments, a ramp-down before the end."""
    levels = [(max(1, p.days // 2), 0.6), (max(1, (3 * p.days + 3) // 4), 0.8), (p.days, 0.9), (p.days, 1.0)]
    plan: list[tuple[date, int, float]] = []
    day = p.start
    for days, share in levels:
        plan.append((day, days, share))
        day = monday(day + timedelta(weeks=rng.randint(2, 5)))
    last = p.end or today
    if rng.random() < 0.25 and day + timedelta(weeks=20) < last:  # a setback and back again
        day = monday(day + timedelta(weeks=rng.randint(6, 16)))
        plan.append((day, max(1, p.days - 2), 0.7))
        day = monday(day + timedelta(weeks=rng.randint(4, 8)))
        plan.append((day, p.days, 1.0))
    while day + timedelta(weeks=40) < last:  # hours adjusted at a follow-up
        day = monday(day + timedelta(weeks=rng.randint(26, 52)))
        plan.append((day, p.days, rng.choice((0.9, 1.0, 1.1))))
    if p.end is not None and (p.end - p.start).days > 16 * 7:  # ramp-down towards the end
        plan.append((monday(p.end - timedelta(weeks=3)), max(1, p.days - 2), 0.7))
    steps: dict[date, Step] = {}
    for start, days, share in plan:
        if start > last or start < p.start:
            continue
        per_day = q15(p.minutes * share)
        minutes = [0] * 7
        for d in p.weekdays[:days]:
            minutes[d] = per_day
        paid = sum(minutes) if p.type in PAID else 0
        steps[start] = Step(start, tuple(minutes), paid)
    return [steps[k] for k in sorted(steps)]


def _placement(sink: Sink, rng: random.Random, citizen_id: int, p: PlacementSpec, users: Sequence[int],
               today: date) -> int:  # fmt: skip
    pid = sink.next_id("placements")
    created = stamp(p.start - timedelta(days=7))
    mentor = rng.choice(p.company.contacts) if p.company.contacts and rng.random() < 0.9 else None
    end_reason = None if p.end is None or p.end >= today else rng.choice(("Forløbet afsluttet som planlagt",
                                                                           "Overgang til næste forløb", "Sygdom"))
    sink.add("placements", ("id", "ref", "citizen_id", "company_id", "type", "purpose", "start", "end", "end_reason",
                            "workplace_mentor_id", "consultant_id", "archived_at", *TRACKED),
             (pid, p.ref, citizen_id, p.company.id, p.type, p.purpose, p.start.isoformat(),
              p.end.isoformat() if p.end else None, end_reason, mentor, users[0], None, created, created, None, 1))  # fmt: skip
    for k, text in enumerate(rng.sample(TASKS, rng.randint(2, 4))):
        sink.add("placement_tasks", ("id", "placement_id", "position", "text"),
                 (sink.next_id("placement_tasks"), pid, k, text))
    steps = _steps(rng, p, today)
    for s in steps:
        sink.add("schedule_steps", ("id", "placement_id", "valid_from", *WEEKDAYS, "paid_per_week", *TRACKED),
                 (sink.next_id("schedule_steps"), pid, s.start.isoformat(), *s.minutes, s.paid, created, created,
                  None, 1))  # fmt: skip
    _attendance(sink, rng, pid, p, steps, today)
    _capacity(sink, rng, pid, p, today)
    return pid


def _attendance(sink: Sink, rng: random.Random, pid: int, p: PlacementSpec, steps: Sequence[Step],
                today: date) -> None:  # fmt: skip
    last = min(p.end or today, today - timedelta(days=1))
    lag_from = today
    if p.lagging:
        lag_from, left = today, p.lagging
        while left:
            lag_from -= timedelta(days=1)
            left -= lag_from.weekday() < 5
    miss = 1 - p.reliability
    sick_before = False
    k = 0
    day = p.start
    while day <= last:
        while k + 1 < len(steps) and steps[k + 1].start <= day:
            k += 1
        planned = steps[k].minutes[day.weekday()] if steps and steps[0].start <= day else 0
        if planned and not is_holiday(day) and day < lag_from and rng.random() > 0.01:
            u = rng.random()
            note = rng.choice(NOTES) if rng.random() < 0.03 else None
            if (sick_before and u < 0.55) or u < miss * 0.6:
                status, minutes, reason = "sick", 0, rng.choice(SICK)
            elif u < miss * 0.85:
                status, minutes, reason = "absent_agreed", 0, rng.choice(AGREED)
            elif u < miss:
                status, minutes, reason = "absent_unexcused", 0, rng.choice(UNEXCUSED)
            elif u > 0.95 and planned >= 60:
                status, minutes, reason = "present", planned - 15 * rng.randint(1, planned // 15 - 1), rng.choice(LEFT_EARLY)
            else:
                status, minutes, reason = "present", planned, None
            sick_before = status == "sick"
            logged = stamp(day, 15)
            sink.add("attendance", ATTENDANCE_COLUMNS,
                     (sink.next_id("attendance"), pid, day.isoformat(), status, minutes, reason, note, "user4", logged,
                      logged, logged, "user4", 1))  # fmt: skip
        day += timedelta(days=1)


def _capacity(sink: Sink, rng: random.Random, pid: int, p: PlacementSpec, today: date) -> None:
    last = min(p.end or today, today)
    day = p.start + timedelta(weeks=8)
    effectiveness = rng.randint(60, 120) * 50
    while day <= last:
        aid = sink.next_id("capacity_assessments")
        stamp_ = stamp(day)
        sink.add("capacity_assessments", ("id", "placement_id", "day", "effectiveness_cpct", "note", *TRACKED),
                 (aid, pid, day.isoformat(), effectiveness, rng.choice((None, "Arbejder roligt", "Bedre tempo")),
                  stamp_, stamp_, None, 1))  # fmt: skip
        if rng.random() < 0.3:
            shares = (60, 40) if rng.random() < 0.5 else (50, 30, 20)
            for k, share in enumerate(shares):
                sink.add("capacity_tasks", ("id", "assessment_id", "position", "name", "time_share_pct", "tempo_pct",
                                            "quality_pct"),
                         (sink.next_id("capacity_tasks"), aid, k, TASKS[(pid + k) % len(TASKS)], share,
                          rng.randint(40, 100), rng.randint(50, 100)))  # fmt: skip
        effectiveness = min(9500, max(2000, effectiveness + rng.randint(-4, 8) * 50))
        day += timedelta(weeks=13)


def _referrals(sink: Sink, rng: random.Random, cid: int, begin: date, today: date) -> None:
    start = begin - timedelta(days=rng.randint(7, 30))
    position = 0
    while start < today:
        end = start + timedelta(days=rng.choice((182, 365, 365, 730)))
        extensions = []
        while end < today and rng.random() < 0.6 and len(extensions) < 3:
            end += timedelta(days=rng.choice((91, 182)))
            extensions.append(end)
        if end >= today and rng.random() < 0.1:  # ends within a month: on the dashboard
            end = today + timedelta(days=rng.randint(1, 30))
            extensions = extensions[:-1] + [end] if extensions else []
        final_end = extensions[-1] if extensions else end
        rid = sink.next_id("referrals")
        stamp_ = stamp(start)
        sink.add("referrals", ("id", "citizen_id", "programme", "start", "end", "end_reason", "position", *TRACKED),
                 (rid, cid, rng.choice(PROGRAMMES), start.isoformat(), (extensions[0] - timedelta(days=91)
                  if extensions else end).isoformat(), "Afsluttet" if final_end < today else None, position, stamp_,
                  stamp_, None, 1))  # fmt: skip
        for e in extensions:
            sink.add("referral_extensions", ("id", "referral_id", "new_end"),
                     (sink.next_id("referral_extensions"), rid, e.isoformat()))
        position += 1
        start = final_end + timedelta(days=1)


def _accommodations(sink: Sink, rng: random.Random, cid: int, begin: date, today: date) -> None:
    for k, (category, text) in enumerate(rng.sample(ACCOMMODATIONS, rng.randint(1, 4))):
        identified = begin + timedelta(days=rng.randint(0, max(1, (today - begin).days // 2)))
        retired = identified + timedelta(days=rng.randint(60, 400)) if rng.random() < 0.2 else None
        if retired is not None and retired >= today:
            retired = None
        stamp_ = stamp(identified)
        sink.add("accommodations", ("id", "citizen_id", "category", "text", "source", "identified", "active",
                                    "retired", "position", *TRACKED),
                 (sink.next_id("accommodations"), cid, category, text, rng.choice(("observed", "citizen", "doctor")),
                  identified.isoformat(), int(retired is None), retired.isoformat() if retired else None, k, stamp_,
                  stamp_, None, 1))  # fmt: skip


def _followups(sink: Sink, rng: random.Random, cid: int, specs: Sequence[PlacementSpec], ids: dict[str, int],
               today: date) -> None:  # fmt: skip
    columns = ("id", "citizen_id", "placement_id", "day", "kind", "participants", "note", "citizen_view",
               "agreed_changes", "topics", "finalised_at", "finalised_by", *TRACKED)  # fmt: skip
    for p in specs:
        last = min(p.end or today, today)
        if p.end is None and rng.random() < 0.3:  # follow-up overdue on the dashboard
            last = today - timedelta(days=rng.randint(31, 80))
        day = p.start + timedelta(days=rng.randint(3, 10))
        kind = "startup"
        while day <= last:
            fid = sink.next_id("followups")
            finalised = day < today - timedelta(days=10) and rng.random() < 0.9
            stamp_ = stamp(day, 14)
            topics = {"attendance": rng.choice(PHRASES), "goals": rng.choice(PHRASES)} if rng.random() < 0.4 else {}
            sink.add("followups", columns,
                     (fid, cid, ids[p.ref], day.isoformat(), kind,
                      json.dumps(rng.sample(("citizen", "mentor", "workplace_mentor", "caseworker"), rng.randint(2, 3))),
                      " ".join(rng.sample(PHRASES, 3)), rng.choice((None, "Glad for opgaverne", "Træt om morgenen")),
                      rng.choice((None, None, "Én time mere om ugen fra næste mandag")), json.dumps(topics),
                      stamp_ if finalised else None, "user1" if finalised else None, stamp_, stamp_, "user1", 1))  # fmt: skip
            if finalised and rng.random() < 0.01:
                sink.add("followup_corrections", ("id", "followup_id", "day", "author", "text", "created_at"),
                         (sink.next_id("followup_corrections"), fid, (day + timedelta(days=3)).isoformat(), "user1",
                          "Rettelse: mødet var et trepartsmøde.", stamp(day + timedelta(days=3))))  # fmt: skip
            kind = rng.choice(("monthly", "monthly", "monthly", "phone", "three_party"))
            day += timedelta(days=rng.randint(25, 35))


def _goals(sink: Sink, rng: random.Random, cid: int, begin: date, today: date) -> None:
    for k, (area, text) in enumerate(rng.sample(GOALS, rng.randint(2, 4))):
        gid = sink.next_id("goals")
        stamp_ = stamp(begin)
        sink.add("goals", ("id", "citizen_id", "area", "text", "position", *TRACKED),
                 (gid, cid, area, text, k, stamp_, stamp_, None, 1))
        for j in range(rng.randint(1, 3)):
            sink.add("subgoals", ("id", "goal_id", "position", "text"),
                     (sink.next_id("subgoals"), gid, j, rng.choice(PHRASES)))
        level = rng.randint(-4, 0)
        day = begin + timedelta(days=rng.randint(7, 30))
        position = 0
        while day <= today:
            for assessor in ("citizen", "mentor", "consultant"):
                if assessor == "citizen" or rng.random() < 0.6:
                    score = max(-5, min(5, level + rng.randint(-1, 1)))
                    sink.add("goal_scores", ("id", "goal_id", "day", "score", "assessor", "position"),
                             (sink.next_id("goal_scores"), gid, day.isoformat(), score, assessor, position))
                    position += 1
            level = min(5, level + rng.choice((0, 0, 1)))
            day += timedelta(days=rng.randint(80, 100))
