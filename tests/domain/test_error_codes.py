"""Errors carry a message code and its arguments (issue 13): every code raised anywhere has an English
text (logs and the command line) and a Danish one (the UI), and the UI shows the code's text in the
user's language without reading the English back by hand-written patterns."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

import pytest

from placement_desk.domain.errors import MESSAGES, CodedValueError, ValidationError
from placement_desk.domain.hours_text import HoursTextError, parse_hours_plan, parse_hours_text
from placement_desk.domain.identifiers import check_cvr
from placement_desk.ui.kit import messages
from placement_desk.ui.kit.messages import DANISH, danish_error, danish_message, parse_message, set_language
from tests.paths import PACKAGE

# code="x" in ValidationError / Node.fail, and the first argument of the coded ValueErrors
RAISED = re.compile(r"""code="(\w+)"|(?:CodedValueError|HoursTextError)\(\s*"(\w+)\"""")


def raised_codes() -> dict[str, list[str]]:
    """Every message code written in the package's source, with the files that raise it."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for m in RAISED.finditer(path.read_text(encoding="utf-8")):
            found.setdefault(m.group(1) or m.group(2), []).append(str(path.relative_to(PACKAGE)))
    return found


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.fixture
def english_ui() -> Iterator[None]:
    set_language("en")
    yield
    set_language("da")


def test_the_code_base_raises_codes_and_each_has_an_english_and_a_danish_text() -> None:
    raised = raised_codes()
    assert len(raised) >= 40  # the walk finds the raising sites (a broken pattern would find none)
    assert {"too_long", "required", "day_hours", "cvr_modulus", "no_user"} <= set(raised)
    missing_english = {c: where for c, where in raised.items() if c not in MESSAGES}
    missing_danish = {c: where for c, where in raised.items() if c not in DANISH}
    assert missing_english == {} and missing_danish == {}


def test_every_registered_code_has_a_danish_text_with_no_argument_the_english_lacks() -> None:
    assert set(DANISH) == set(MESSAGES)
    for code, english in MESSAGES.items():
        danish = DANISH[code]
        assert danish and danish != english, code
        assert fields(danish) <= fields(english), code


def test_an_unknown_code_is_refused_where_it_is_raised() -> None:
    with pytest.raises(KeyError):
        ValidationError("name", code="no_such_code")


def test_a_coded_error_keeps_its_english_text_for_the_command_line_and_reads_danish_in_the_ui() -> None:
    exc = ValidationError("name", code="too_long", limit=200, length=250)
    assert str(exc) == "name: is too long: at most 200 characters (this one has 250)"
    assert (exc.code, exc.params) == ("too_long", {"limit": 200, "length": 250})
    assert danish_error(exc) == "Navn: er for lang: højst 200 tegn (denne har 250)"


def test_the_english_ui_shows_the_english_text_and_english_field_names(english_ui: None) -> None:
    exc = ValidationError("name", code="too_long", limit=200, length=250)
    assert danish_error(exc) == "Name: is too long: at most 200 characters (this one has 250)"
    assert danish_error(ValidationError("password2", code="passwords_differ")) == "Repeat password: the passwords differ"


def test_a_checkers_value_error_carries_its_code_into_the_field_error() -> None:
    with pytest.raises(CodedValueError) as caught:
        check_cvr("12345678")
    assert caught.value.code == "cvr_modulus" and str(caught.value) == "fails the modulus-11 check"
    wrapped = ValidationError.wrap("cvr", caught.value)
    assert wrapped.code == "cvr_modulus"
    assert danish_error(wrapped) == "CVR-nummer: er ikke et gyldigt CVR-nummer (modulus 11)"


def test_an_hours_plan_step_keeps_its_number_in_both_languages() -> None:
    from datetime import date

    with pytest.raises(HoursTextError) as caught:
        parse_hours_plan("2x3; 2x25 fra 01-02-2027", date(2027, 1, 4))
    assert str(caught.value) == "step 2: a day must have between 0 and 24 hours"
    assert messages.message_of(caught.value) == "trin 2: en dag skal have mellem 0 og 24 timer"
    assert danish_message(str(caught.value)) == "trin 2: en dag skal have mellem 0 og 24 timer"


def test_a_message_that_reaches_the_ui_as_text_is_read_back_to_its_own_code() -> None:
    """Each template, filled in, is recognised as that code (a specific text is tried before a general
    one that would also match it), so a form that only has the English text still shows Danish."""
    for code, template in MESSAGES.items():
        sample = template.format(**{name: f"<{name}>" for name in fields(template)})
        parsed = parse_message(sample)
        assert parsed is not None and parsed[0] == code, (code, sample, parsed)


def test_hours_texts_raise_coded_errors() -> None:
    with pytest.raises(HoursTextError) as caught:
        parse_hours_text("2x25")
    assert caught.value.code == "day_hours"
    assert danish_error(ValidationError.wrap("hours", caught.value)) == "Timer: en dag skal have mellem 0 og 24 timer"
