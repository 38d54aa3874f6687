from __future__ import annotations

import pytest

from placement_desk.domain.hours_text import HoursTextError, describe_week, parse_hours_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1x2", {"wed": 2}),
        ("2x3", {"tue": 3, "thu": 3}),
        ("2 × 3 t", {"tue": 3, "thu": 3}),
        ("3x3", {"mon": 3, "wed": 3, "fri": 3}),
        ("2x4+1x3", {"mon": 4, "wed": 4, "fri": 3}),
        ("man-fre 12-15", {"mon": 3, "tue": 3, "wed": 3, "thu": 3, "fri": 3}),
        ("man–fre kl. 9.30-12", {d: 2.5 for d in ("mon", "tue", "wed", "thu", "fri")}),
        ("tir 2, tor 2", {"tue": 2, "thu": 2}),
        ("tirsdag 2,5 og torsdag 3", {"tue": 2.5, "thu": 3}),
        ("ons 8-12", {"wed": 4}),
        ("tor 2 + 2x3", {"mon": 3, "thu": 2, "fri": 3}),
    ],
)
def test_hours_texts(text: str, expected: dict[str, float]) -> None:
    assert parse_hours_text(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "8x3", "man 25", "blå 3"])
def test_unreadable_hours_texts(text: str) -> None:
    with pytest.raises(HoursTextError):
        parse_hours_text(text)


def test_describe_week() -> None:
    assert describe_week((240, 0, 240, 0, 180, 0, 0)) == "2 × 4 t + 1 × 3 t = 11 t (man, ons, fre)"
    assert describe_week((0, 150, 0, 150, 0, 0, 0)) == "2 × 2,5 t = 5 t (tir, tor)"
    assert describe_week((0,) * 7) == "0 t"
