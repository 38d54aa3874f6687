"""Errors carry a message code and its arguments (issue 13): every code raised anywhere has an English
text (logs and the command line) and a Danish one (the UI), and the UI shows the code's text in the
user's language without reading the English back by hand-written patterns."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from placement_desk.domain.attendance_sheet import ROW_TEXTS
from placement_desk.domain.casefile_parse import parse_case_file
from placement_desk.domain.errors import MESSAGES, AccessDenied, CodedValueError, ConflictError, ValidationError
from placement_desk.domain.hours_text import HoursTextError, parse_hours_plan, parse_hours_text
from placement_desk.domain.identifiers import check_cvr
from placement_desk.ui.kit import messages
from placement_desk.ui.kit.messages import DANISH, danish_error, danish_message, parse_message, set_language
from tests.casefiles import case_file, ramp_down_citizen
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


# ---- every raised error has a code (issue 13) ------------------------------------------------------------

# Where a ValidationError is still raised with a bare text instead of a code, and how often: each is a text
# the UI cannot translate. The command line's own texts (cli/) are English by design and not counted.
# A count may only go down; a new bare text anywhere fails.
KNOWN_UNCODED: dict[str, int] = {
    "ui/kit/forms.py": 1,  # a form's own checks: English texts read back to their code, or a tr() text
}
# Calls that make an error the UI shows: a ValidationError (the class and its sheet subclasses, and Node.fail /
# a reader's fail) and a backup's or a restore's BackupError.
_MAKERS = {"ValidationError", "SheetRowError", "SheetFileError", "fail", "BackupError"}


def uncoded_raises(root: Path = PACKAGE) -> dict[str, list[int]]:
    """Per file of the package (not cli/): the lines that make a ValidationError or a BackupError without a
    ``code=``."""
    found: dict[str, list[int]] = {}
    for path in sorted(root.rglob("*.py")):
        name = str(path.relative_to(root)).replace("\\", "/")
        if name.startswith("cli/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if called in _MAKERS and not any(k.arg == "code" for k in node.keywords):
                found.setdefault(name, []).append(node.lineno)
    return found


def test_every_validation_error_raised_in_the_package_has_a_code_but_the_known_ones() -> None:
    found = uncoded_raises()
    assert "domain/json_node.py" not in found and "domain/casefile_parse.py" not in found
    assert "domain/profile_parse.py" not in found and "services/casefile_io.py" not in found
    assert "services/attendance_sheet.py" not in found and "domain/attendance_sheet.py" not in found
    assert "export/excel_attendance.py" not in found and "export/excel_attendance_read.py" not in found
    assert "services/backup.py" not in found and "services/restoring.py" not in found
    grown = {name: lines for name, lines in found.items() if len(lines) > KNOWN_UNCODED.get(name, 0)}
    assert grown == {}, "raise these with code=... (and a text in MESSAGES and ui/kit/messages.DANISH)"


def test_the_scan_finds_a_bare_text(tmp_path: Path) -> None:
    """The scan is not blind: a raise without a code is found, one with a code is not, cli/ is left out."""
    (tmp_path / "cli").mkdir()
    (tmp_path / "cli" / "main.py").write_text('raise ValidationError("--db", "is not a file")\n', encoding="utf-8")
    (tmp_path / "parse.py").write_text(
        'raise n.fail("x", code="required")\n'
        'raise ValidationError("name", "is required")\n'
        'raise SheetRowError(3, "Timer", "for mange")\n'
        'raise BackupError(f"{path} is not a file")\n'
        'raise BackupError(code="backup_is_database")\n',
        encoding="utf-8",
    )
    assert uncoded_raises(tmp_path) == {"parse.py": [2, 3, 4]}


def test_a_refusal_and_a_conflict_carry_their_code_in_both_languages(english_ui: None) -> None:
    refusal, conflict = AccessDenied("erase a citizen", "consultant"), ConflictError("citizen DC changed meanwhile")
    assert (refusal.code, conflict.code) == ("refused", "conflict")
    assert str(refusal) == "Your role (consultant) does not allow this: erase a citizen."  # the log's text
    assert danish_error(refusal) == "Your role does not allow this."
    assert danish_error(conflict).startswith("Someone else saved a newer version of the record")
    set_language("da")
    assert danish_error(refusal) == "Din rolle giver ikke adgang til dette."
    assert danish_error(conflict).startswith("En anden har gemt en nyere udgave af posten")


def test_the_attendance_sheets_codes_have_the_sheets_danish_and_an_english_text() -> None:
    sheet_codes = {code for code in MESSAGES if code.startswith("sheet_")} | {"not_a_month"}
    assert sheet_codes == set(ROW_TEXTS)
    for code in sheet_codes:
        assert DANISH[code] == ROW_TEXTS[code] and fields(ROW_TEXTS[code]) <= fields(MESSAGES[code]), code


def _doc(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    doc = case_file(ramp_down_citizen())
    change(doc)
    return doc


def _citizen(doc: dict[str, Any]) -> dict[str, Any]:
    citizen: dict[str, Any] = doc["citizens"][0]
    return citizen


BAD_CASE_FILES = [
    ("not_the_format", lambda d: d.__setitem__("format", "placement-desk/dossier-summary"), "format"),
    ("unsupported_version", lambda d: d.__setitem__("version", 99), "version"),
    ("extension_order", lambda d: _citizen(d)["referrals"][0].__setitem__("extensions", ["2023-03-01"]),
     "citizens[0].referrals[0].extensions[0]"),
    ("not_a_contact", lambda d: _citizen(d)["placements"][0].__setitem__("workplace_mentor", "wm-9"),
     "citizens[0].placements[0].workplace_mentor"),
    ("unknown_own_placement", lambda d: _citizen(d)["followups"][0].__setitem__("placement", "XX-9"),
     "citizens[0].followups[0].placement"),
    ("unknown_company_ref", lambda d: _citizen(d)["placements"][0].__setitem__("company", "co-none"),
     "citizens[0].placements[0].company"),
    ("not_profile_part", lambda d: _citizen(d).__setitem__("profile", {"hobbies": []}), "citizens[0].profile.hobbies"),
    ("not_a_date", lambda d: _citizen(d)["placements"][0].__setitem__("start", "1. marts"),
     "citizens[0].placements[0].start"),
]  # fmt: skip


@pytest.mark.parametrize(("code", "change", "path"), BAD_CASE_FILES, ids=[b[0] for b in BAD_CASE_FILES])
def test_a_bad_case_file_is_refused_with_a_code_that_reads_in_both_languages(
    code: str, change: Callable[[dict[str, Any]], object], path: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_case_file(_doc(change))
    exc = caught.value
    assert (exc.code, exc.path) == (code, path)
    assert exc.message == MESSAGES[code].format(**exc.params)  # the command line's English
    danish = danish_error(exc)
    set_language("en")
    try:
        english = danish_error(exc)
    finally:
        set_language("da")
    assert danish != english and exc.message in english and exc.message not in danish


def test_a_sheet_row_error_reaching_any_error_box_names_its_row_in_the_uis_language(english_ui: None) -> None:
    from placement_desk.domain.attendance_sheet import SheetErrors, SheetRowError

    row = SheetRowError(14, "Årsag", code="sheet_reason_long", limit=200)
    assert str(row) == "række 14, Årsag: højst 200 tegn (skriv resten som bemærkning)"  # the command line's
    assert danish_error(row) == "row 14, Reason: at most 200 characters (write the rest as a note)"
    assert danish_error(SheetErrors([row])).splitlines() == [
        "1 error(s) in the sheet; nothing was saved:",
        "row 14, Reason: at most 200 characters (write the rest as a note)",
    ]
    set_language("da")
    assert danish_error(row) == str(row)


def test_a_cells_problem_and_a_refused_file_keep_the_sheets_danish_and_read_english_in_the_english_ui(
    english_ui: None,
) -> None:
    """The command line reports on a sheet in Danish (its text); the UI reads the code in its language."""
    from datetime import date

    from placement_desk.domain.attendance_sheet import SheetRow, parse_row
    from placement_desk.export.excel_attendance_read import check_package

    row = SheetRow(14, {"placement": "DC-1", "date": date(2023, 3, 1), "hours": 30, "status": "Mødt"})
    with pytest.raises(ValidationError) as caught:
        parse_row(row, date(2023, 4, 1))
    assert str(caught.value) == "række 14, Timer: 30 timer er ikke mellem 0 og 24"
    assert caught.value.code == "sheet_hours_range"
    assert danish_error(caught.value) == "row 14, Hours: 30 hours is not between 0 and 24"
    with pytest.raises(ValidationError) as refused:
        check_package(b"\xd0\xcf\x11\xe0 an old .xls")
    old_xls = "arket er krypteret eller et gammelt .xls-ark; gem det som .xlsx uden adgangskode"
    assert str(refused.value).endswith(old_xls)
    assert danish_error(refused.value) == (
        "the sheet is encrypted or an old .xls sheet; save it as .xlsx without a password"
    )
    set_language("da")
    assert danish_error(caught.value) == str(caught.value)
    assert danish_error(refused.value) == old_xls
