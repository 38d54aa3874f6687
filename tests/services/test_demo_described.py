"""The demo citizens' profiles and observations (spec 1b) fill the description from the seed cases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from placement_desk.demo.cases_described import DESCRIBED, TEXTS
from placement_desk.demo.seed_cases import demo_case_file
from placement_desk.domain.casefile_parse import parse_case_file
from placement_desk.domain.dossier import build_dossier
from placement_desk.domain.sections import EMPTY_HEADING
from placement_desk.services.templates import find_template

TODAY = dt.date(2026, 11, 23)


def citizens() -> dict[str, Any]:
    return {c.ref: c for c in parse_case_file(demo_case_file(TODAY)).citizens}


def sections(ref: str) -> dict[str, str]:
    """Each heading's evidence as one text (for looking things up)."""
    c = citizens()[ref]
    data = build_dossier(c, {}, TODAY, template=find_template())
    return {s.key: " | ".join(e.summary_text for e in s.entries) for s in data.sections}


def test_every_follow_up_tag_names_a_follow_up_of_the_citizen() -> None:
    by_ref = citizens()
    for ref, described in DESCRIBED.items():
        tagged = {f.day.isoformat(): f.headings for f in by_ref[ref].followups if f.headings}
        assert set(tagged) == set(described["tags"]), ref


@pytest.mark.parametrize("ref", list(DESCRIBED))
def test_no_heading_of_a_described_demo_citizen_is_empty(ref: str) -> None:
    data = build_dossier(citizens()[ref], {}, TODAY, template=find_template(), texts=TEXTS.get(ref))
    empty = [m.heading for m in data.completeness() if m.code == EMPTY_HEADING]
    # the seed tells nothing of TE's network: the dossier says so ("Ikke beskrevet") rather than invent it
    assert empty == (["personal_resources"] if ref == "TE" else []), ref


def test_the_seed_details_are_where_the_preparatory_part_asks_for_them() -> None:
    sa, dc, te = sections("SA"), sections("DC"), sections("TE")
    assert "Kompetence-CV" in sa["work_resources"]
    assert "Webintegrator, EUD" in dc["work_resources"]
    assert "notere sine anfald" in dc["health"] and "Angsttest" in dc["health"]  # the doctor's test
    assert "Omfattende tandbehandling" in te["health"] and "webdesign" in te["work_resources"]
    jasmin, thomas, poul = sections("Jasmin"), sections("Thomas"), sections("Poul")
    assert "Familiesituationen påvirker arbejdet" in jasmin["challenges"]
    assert "straffeattest" in thomas["challenges"] and "ADHD" in thomas["health"]
    assert "Ufaglært arbejde i flere korte ansættelser" in poul["work_resources"]
    assert set(TEXTS["SA"]) == {h.key for h in find_template().headings}  # the plan SA's case went up with
