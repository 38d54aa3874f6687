from __future__ import annotations

from datetime import date

import pytest

from placement_desk.domain.hours_text import HoursTextError, describe_week, parse_hours_plan, parse_hours_text


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


# ---- a whole hours plan in one line -------------------------------------------------------------

START = date(2026, 11, 23)


def test_a_ramp_up_plan_with_paid_hours_and_dates() -> None:
    steps = parse_hours_plan("2x3; 3x3 (3 løn) fra 04-01; 4x3,5 (6 løn) fra 01-02", START)
    assert [(s.start, s.hours, s.paid, s.dated) for s in steps] == [
        (START, {"tue": 3, "thu": 3}, 0, False),
        (date(2027, 1, 4), {"mon": 3, "wed": 3, "fri": 3}, 3, True),
        (date(2027, 2, 1), {"mon": 3.5, "tue": 3.5, "thu": 3.5, "fri": 3.5}, 6, True),
    ]
    assert steps[1].minutes == (180, 0, 180, 0, 180, 0, 0)


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("2x3; 3x3; 3x4", [START, date(2026, 12, 21), date(2027, 1, 18)]),  # four weeks apart
        ("2x3; 3x3 fra 1/12-2026; 3x4", [START, date(2026, 12, 1), date(2026, 12, 29)]),
        ("2x3 ; 3x3 from 2027-01-11;", [START, date(2027, 1, 11)]),  # a trailing ';' while typing
        ("man-fre 12-15 (5 lønnede timer)", [START]),
    ],
)
def test_step_dates(text: str, starts: list[date]) -> None:
    assert [s.start for s in parse_hours_plan(text, START)] == starts


def test_a_dated_first_step_sets_the_start_when_asked() -> None:
    assert parse_hours_plan("2x3 fra 16-11", START, follow_first=True)[0].start == date(2026, 11, 16)
    assert parse_hours_plan("2x3 fra 01-12", START, follow_first=True)[0].start == date(2026, 12, 1)
    with pytest.raises(HoursTextError, match="before the start"):
        parse_hours_plan("2x3 fra 16-11", START)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no hours given"),
        ("2x3; 8x3", "step 2: more working days than there are days in the week"),
        ("2x3 fra 01-12; 3x3 fra 01-11-2026", "step 2: 2026-11-01 is not after the step before it (2026-12-01)"),
        ("2x3 (7 løn)", "more paid hours (7) than hours in the week (6)"),
        ("2x3; 3x3 fra 32-01", "step 2: 32-01 is not a date"),
        ("2x3; (3 løn) fra 04-01", "step 2: no hours given"),
    ],
)
def test_unreadable_plans_say_why(text: str, message: str) -> None:
    with pytest.raises(HoursTextError) as err:
        parse_hours_plan(text, START)
    assert str(err.value) == message


def test_every_plan_message_has_danish() -> None:
    from placement_desk.ui.kit.messages import danish_message

    for text in ("", "2x3; 8x3", "2x3 fra 01-12; 3x3 fra 01-11-2026", "2x3 (7 løn)", "2x3; 3x3 fra 32-01", "blå 3"):
        with pytest.raises(HoursTextError) as err:
            parse_hours_plan(text, START)
        assert danish_message(str(err.value)) != str(err.value), str(err.value)
