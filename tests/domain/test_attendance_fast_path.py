"""A case file's attendance records are read by a quick path for the plainly valid ones (an archive holds a
million): whatever the record, it gives what the field-by-field checks give, value or error."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from placement_desk.domain.casefile_parse import parse_attendance, parse_attendance_checked, parse_placement
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.json_node import _READING, Reading

DAYS = st.sampled_from(
    ["2024-01-02", "2024-02-30", "1899-12-31", "2101-01-01", "2024-1-2", "20240102", "", "2024-01-02T00"]
)
TEXTS = st.none() | st.sampled_from(
    ["", "Migræne", "ringede kl. 8", "a\x00b", "\ud800", "x" * 200, "x" * 201, "Ø" * 201]
)
VALUES = st.none() | st.booleans() | st.integers(-2, 30) | st.sampled_from([0.25, 0.5, 2.75, 0.62, 24.0, 24.25, -0.25,
                                                                             float("nan"), float("inf")])  # fmt: skip
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "date": DAYS | VALUES,
        "status": st.sampled_from(["present", "sick", "absent_agreed", "absent_unexcused", "Present", "gone"]) | VALUES,
        "hours": VALUES | st.sampled_from(["2", [2]]),
        "reason": TEXTS | VALUES,
        "note": TEXTS | st.just(["a"]),
        "extra": st.just(1),
    },
)


def outcome(parse: Any, record: Any) -> Any:
    reading = Reading()
    token = _READING.set(reading)
    try:
        return parse(record, "a[0]"), reading.rounded
    except ValidationError as exc:
        return str(exc)
    finally:
        _READING.reset(token)


@settings(max_examples=600, deadline=None, derandomize=True, database=None)
@given(RECORDS | st.sampled_from([None, [], "x", 1]))
def test_the_quick_path_gives_what_the_checks_give(record: Any) -> None:
    assert outcome(parse_attendance, record) == outcome(parse_attendance_checked, record)


def test_the_first_record_out_of_the_period_or_twice_is_named() -> None:
    placement: dict[str, Any] = {"ref": "P", "company": "c", "type": "internship", "start": "2024-01-01",
                                 "end": "2024-01-31", "attendance": [
                                     {"date": f"2024-01-{d:02}", "status": "present", "hours": 1} for d in (2, 3, 4)]}  # fmt: skip
    placement["attendance"][1]["date"] = "2024-02-01"
    placement["attendance"][2]["date"] = "2023-12-31"
    with pytest.raises(ValidationError) as err:
        parse_placement(placement, "p")
    assert err.value.path == "p.attendance[1].date"
    placement["attendance"][1]["date"] = placement["attendance"][2]["date"] = "2024-01-02"
    with pytest.raises(ValidationError) as err:
        parse_placement(placement, "p")
    assert err.value.path == "p.attendance[1].date" and "attendance date" in str(err.value)
