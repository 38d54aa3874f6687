"""Errors of the domain and services: what went wrong, and where.

A validation error carries a message *code* and its arguments (``ValidationError("name", code="too_long",
limit=200, length=250)``). ``MESSAGES`` holds each code's English text, which logs and the command line
show; the UI shows the code's text in the user's language (``placement_desk.ui.kit.messages``), and a test
fails on a code raised anywhere without an English and a Danish text.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Code -> English template ({name} is an argument).
MESSAGES: dict[str, str] = {
    "required": "is required",
    "not_a_date": "not a date (YYYY-MM-DD)",
    "date_does_not_exist": "not a date ({text} does not exist)",
    "implausible_date": "{text} is not a plausible date (years {first}-{last})",
    "partial_date": "not a date: a year, a month or a day (2010, 2010-08 or 2010-08-15)",
    "partial_text": "must be text: a year, a month or a day (2010, 2010-08 or 2010-08-15)",
    "between_step_hours": "must be between {low} and the step's weekly hours ({high})",
    "between": "must be between {low} and {high}",
    "not_a_number": "must be a number",
    "not_text": "must be text",
    "empty_text": "must be non-empty text",
    "too_long": "is too long: at most {limit} characters (this one has {length})",
    "nul_character": "must not contain the NUL character (\\u0000)",
    "lone_surrogate": "is not valid Unicode text (a lone surrogate)",
    "before_start": "is before start",
    "outside_open_period": "{day} is outside the placement's period {start}..open",
    "outside_period": "{day} is outside the placement's period {start}..{end}",
    "cvr_digits": "must be 8 digits",
    "cvr_modulus": "fails the modulus-11 check",
    "cpr_form": "must be 10 digits, DDMMYY-XXXX or DDMMYYXXXX",
    "cpr_date": "does not encode a real date (DDMMYY)",
    "score_range": "must be a whole number from -5 to 5",
    "whole_minutes": "must be a whole number of minutes (e.g. 0.25 = 15 minutes)",
    "duplicate_json_key": 'duplicate key "{key}"',
    "duplicate": "duplicate {what} {key}",
    "cannot_read_file": "cannot read the file ({reason})",
    "not_utf8": "is not UTF-8 text (byte {byte} at line {line}, byte {column})",
    "json_too_deep": "not valid JSON: nested too deeply",
    "json_syntax_at": "not valid JSON: {reason} (line {line}, column {column})",
    "json_syntax": "not valid JSON: {reason}",
    "not_finite_literal": "{literal} is not allowed: must be a finite number",
    "too_large_literal": "{literal} is too large: must be a finite number",
    "not_finite": "must be a finite number",
    "too_many_digits": "a number of {digits} digits is too large (at most {limit})",
    "not_citizens_placement": "{ref} is not one of this citizen's placements",
    "not_one_of": "{value} is not one of {allowed}",
    "password_short": "must be at least {minimum} characters",
    "username_form": "must be one word of at most 80 characters",
    "user_exists": "{name} exists already",
    "mentor_needs_company": "a workplace mentor needs their company",
    "no_company": "no company {company}",
    "deactivate_self": "you cannot deactivate yourself",
    "last_administrator": "at least one active administrator must remain",
    "no_user": "no user {username}",
    "passwords_differ": "the passwords differ",
    "unknown_role": "unknown role {value} (one of {allowed})",
    # hours texts and plans (domain/hours_text.py) and the placement form
    "unknown_weekday": "unknown weekday {name}",
    "hours_unreadable": "cannot read {part} (try '2x3', 'man-fre 12-15' or 'tir 2, tor 2')",
    "not_a_time": "{text} is not a time of day",
    "no_hours": "no hours given",
    "too_many_days": "more working days than there are days in the week",
    "day_hours": "a day must have between 0 and 24 hours",
    "step_not_a_date": "{text} is not a date",
    "step_order": "{day} is not after the step before it ({previous})",
    "step_before_start": "{day} is before the start {start}",
    "paid_over_weekly": "more paid hours ({paid}) than hours in the week ({weekly})",
    "pick_company": "pick a company from the list",
    "paid_type": "paid hours only in a paid placement type",
    "not_a_contact": "{mentor} is not a contact of {company}",
    "year_form": "must be a year such as 1972",
    "not_object": "must be an object",
    "not_bool": "must be true or false",
    "not_list": "must be a list",
    "hours_object": "must be an object of weekday: hours (mon..sun)",
    "not_weekday": "not a weekday (mon tue wed thu fri sat sun)",
    "not_whole": "must be a whole number",
    "two_decimals": "at most 2 decimals",
    "five_tasks": "at most 5 tasks",
    "task_shares": "the tasks' time shares must add up to 100 %",
    "cannot_change": "cannot be changed",
    "unknown_company": "unknown company {company}",
    "before_referral_start": "is before the referral's start",
    "required_when_stopped": "is required when a referral is stopped",
    "citizen_exists": "a citizen with ref {ref} exists already",
    "company_exists": "a company with ref {ref} exists already",
    "placement_exists": "a placement with ref {ref} exists already",
    "contact_exists": "the company has a contact with ref {ref} already",
    "goal_exists": "goal {goal} exists already",
    "not_citizen_field": "is not a field of a citizen",
    "not_after_end": "must be later than the current end {end}",
    "score_exists": "this assessor has a score on {day} already",
    "no_score": "no score on {day} by {assessor}",
    "citizen_has_records": "citizen {ref} has records; archive instead",
    "no_contact": "no contact {ref}",
    "company_has_placements": "company {ref} has placements and cannot be removed; archive it instead",
    "cannot_change_here": "cannot be changed here",
    "placement_has_records": "placement {ref} has records; archive it instead",
    "no_step": "no step starts on {day}",
    "assessment_exists": "there is an assessment on {day} already",
    "no_assessment": "no assessment on {day}",
    "followup_final": "the follow-up is finalised and cannot be changed; add a correction",
    "correction_text": "a correction needs a text",
    "followup_draft": "the follow-up is still a draft: edit it directly",
    "followup_final_remove": "a finalised follow-up cannot be removed",
    "followup_corrected": "the follow-up has corrections and stays finalised",
    "must_be_one_of": "must be one of {allowed}",
    "no_format": "name at least one of pdf, xlsx, json",
    "json_password": "the JSON summary cannot be password protected; leave out JSON",
    "not_a_heading": "{heading} is not a heading of the template {template}",
    "recipient": "name who the document is sent to",
    "reason_names_citizen": "must not contain the citizen's name, CPR number or ref",
    "no_user_named": "no user named {name}",
    "hired_placement_only": "only a placement's outcome says whether the company hired the citizen",
    "hired_hours_only": "is only given when hired is true",
    "placement_of_other": "placement {ref} already belongs to citizen {owner}",
    "unknown_company_ref": "unknown company ref {ref}",
    # choices a form asks for
    "choose_period": "choose a period first",
    "choose_format": "choose at least one format",
    "choose_hours_placement": "choose the placement whose hours change",
    # the citizen's profile and observations (services/profile_edit.py, services/observations.py)
    "after_today": "{day} is after today",
    "before_from": "{day} is before from ({first})",
    "before_from_plain": "{day} is before from {first}",
    # the case file as a whole (domain/casefile_parse.py, domain/profile_parse.py, services/casefile_io.py)
    "not_the_format": "must be {expected}: the file is not a case file",
    "unsupported_version": "version {version} is not supported (this program reads {supported})",
    "extension_order": "an extension must be a later end date than the one before",
    "unknown_own_placement": "unknown placement ref {ref} for this citizen",
    "not_profile_part": "is not a part of a profile (one of {known})",
    "finalised_followup_import": (
        "the finalised follow-up of {day} cannot be changed or removed by an import (add a correction to it instead)"
    ),
    # the workplace mentor's attendance sheet (domain/attendance_sheet.py, services/attendance_sheet.py); the
    # sheet's own Danish texts are its ROW_TEXTS
    "not_a_month": "not a month (YYYY-MM): {text}",
    "sheet_errors": "{count} error(s) in the sheet; nothing was saved",
    "sheet_no_plan": "no hours are planned on this day; write the hours the citizen attended",
    "sheet_unknown_status": "{value} is not one of the sheet's statuses (choose one in the list)",
    "sheet_placement_missing": "is missing (the row must not be changed)",
    "sheet_date_missing": "is missing or not a date (the row must not be changed)",
    "sheet_status_needed": "choose a status when the row has a reason or a note",
    "sheet_future_status": "{day} is after today: only agreed absence can be entered ahead, not {status}",
    "sheet_future_hours": "{day} is after today: there cannot be hours attended yet",
    "sheet_absence_hours": (
        "{status} with hours: write 0 or leave the hours empty (if the citizen went home, choose present "
        "with the hours they were there, and write the reason)"
    ),
    "sheet_reason_long": "at most {limit} characters (write the rest as a note)",
    "sheet_same_day": "the same placement and date as row {other}",
    "sheet_not_company_placement": "{placement} is not a placement at the company in the month",
    "sheet_not_in_month": "{day} is not in the sheet's month",
    "sheet_outside_placement": "{day} is outside the placement's period",
    "sheet_below_last": "is below the sheet's last line (row {last}); write only in the sheet's lines",
    # a cell's problems (domain/sheet_values.py)
    "sheet_not_finite": "holds an invalid number (infinite or NaN)",
    "sheet_formula": "holds a formula; write the value itself (formulas are not read)",
    "sheet_error_value": "holds the error value {value}; write the value itself",
    "sheet_hours_bool": "must be a number of hours (write e.g. 3, 2.5 or 8:30)",
    "sheet_hours_date": "is a date, not a number of hours (write e.g. 3, 2.5 or 8:30)",
    "sheet_hours_unreadable": "cannot be read as a number of hours (write e.g. 3, 2.5 or 8:30)",
    "sheet_hours_text": "{text} is not a number of hours (write e.g. 3, 2.5 or 8:30)",
    "sheet_hours_range": "{hours} hours is not between 0 and {limit}",
    # a file that is not a sheet, or not one as it was sent (export/excel_attendance_read.py)
    "sheet_too_many_lines": "{count} lines are too many for one sheet (at most {limit})",
    "sheet_not_xlsx": "the file is not an Excel sheet (.xlsx), or it is damaged",
    "sheet_not_ours": "the sheet is not an attendance sheet from Placement Desk",
    "sheet_not_ours_or_newer": "the sheet is not an attendance sheet from Placement Desk, or it is from a newer version",
    "sheet_cannot_read": "the file cannot be read ({reason})",
    "sheet_file_too_big": "the file is too big for an attendance sheet (over {limit} MB)",
    "sheet_file_size": "the file is too big for an attendance sheet ({size} MB)",
    "sheet_encrypted": "the sheet is encrypted or an old .xls sheet; save it as .xlsx without a password",
    "sheet_too_many_parts": "the file has {count} parts; an attendance sheet has few (is it a spreadsheet?)",
    "sheet_unpacks_too_big": "the file unpacks to more than {limit} MB; it is not an attendance sheet",
    "sheet_dtd": (
        "{part} holds XML definitions (DOCTYPE/ENTITY), which a spreadsheet does not use; the file is not read, "
        "for safety"
    ),
    "sheet_company_changed": "the sheet's company has been changed; use the sheet as it was sent",
    "sheet_month_changed": "the sheet's month has been changed; use the sheet as it was sent",
    "sheet_layout_changed": "the sheet's layout has been changed (the heading row); use the sheet as it was sent",
    "sheet_lines_changed": "the sheet's number of lines has been changed; use the sheet as it was sent",
    "sheet_headings_changed": "the column headings have been changed; use the sheet as it was sent",
    "sheet_cell_broken": "a cell cannot be read (an invalid number or a damaged cell)",
    # a team server's logins (db/team.py, services/team_setup.py)
    "username_bytes": "must be at most {limit} bytes on a team server",
    "server_role_name": "{username} is a role of the server itself, not a person's login",
    "not_active_admin": "{username} is not an active administrator in the database",
    # documents: the period, the template, what a dossier lacks (domain/dossier.py, domain/templates.py)
    "not_json": "not valid JSON",
    "period_needed": "the citizen has no placements: give the period with --from and --to",
    "period_order": "{first} is after the period's end {last}",
    "dossier_incomplete": "Not complete: {missing}. Complete it, or give the reason to issue it anyway.",
    "no_template": "there is no template {key} (known: {known})",
    "no_template_unread": "there is no template {key} (known: {known}); a template file could not be read: {problems}",
    "not_toml": "not valid TOML: {reason}",
    "template_too_big": "is larger than {limit} KB: not a template",
    "template_unreadable": "cannot be read ({reason})",
    "template_not_utf8": "is not UTF-8 text",
    "setting_required": "{key} is required",
    "not_empty": "must not be empty",
    "template_key_form": "{value} must be lower-case letters, digits and _ (starting with a letter)",
    "text_list": "must be a list of texts",
    "unknown_setting": "unknown setting (known: {known})",
    "template_version": "version must be a whole number from 1 (version = 1)",
    "template_headings": "name at least one heading ([[headings]])",
    "heading_table": "each heading must be a table ([[headings]])",
    "duplicate_heading": "duplicate heading key {key}",
    # the erase dialog's confirmation (ui/pages/privacy.py)
    "ref_mismatch": "does not match the citizen's ref ({ref})",
    # backups: making, checking and restoring one (services/backup.py, services/restoring.py); {reason} and
    # {problems} are the storage's own words
    "backup_postgres": (
        "This database is a PostgreSQL server: back it up on the server with pg_dump "
        "(e.g. pg_dump -Fc -f placement-desk.dump DBNAME) and restore with pg_restore."
    ),
    "backup_keep": "keep at least 1 backup",
    "backup_no_database": "there is no database file at {path} to back up",
    "backup_failed": "the backup to {folder} failed: {reason}",
    "backup_not_a_file": "{path} is not a file",
    "backup_no_manifest": (
        "{name} is not encrypted and its manifest ({name}.json) is missing, so it cannot be checked: a changed "
        "digit would go unnoticed. Put the manifest back beside it."
    ),
    "backup_checksum": "{name} was changed or damaged after it was made (its checksum differs)",
    "backup_is_database": "that is the database itself, not a backup of it",
    "backup_encrypted_into_plain": "{name} is encrypted; it cannot be restored into a database that is not",
    "backup_plain_into_encrypted": (
        "{name} is not encrypted; it cannot be restored into the encrypted database (encrypt it first, or restore "
        "it with a version of the database that is not encrypted)"
    ),
    "backup_in_use": "the database is in use: close other Placement Desk windows and try again",
    "backup_restored_differs": (
        "the restored database does not match the backup ({problems}); the database as it was before is in {safety}"
    ),
    "backup_restored_counts": (
        "the restored database does not match the backup (row counts differ); the database as it was before is "
        "in {safety}"
    ),
    "backup_needs_key": (
        "{name} is encrypted or is not a database: it can only be checked with the key of the database it was "
        "made from"
    ),
    "backup_damaged": "{name} is damaged: {problems}",
    "backup_unreadable": "{name} is not a readable database ({reason})",
    "backup_wrong_key": "{name} cannot be opened with this database's key: {reason}",
    "backup_no_revision": "{name} is not a Placement Desk database (it has no schema revision)",
    "backup_unknown_revision": (
        "{name} has schema revision {revision}, which this version of Placement Desk does not know (was it made "
        "by a newer version?)"
    ),
    "backup_rows_differ": "{name} does not hold the rows it was made with (tables: {tables})",
    "backup_audit_differs": "{name}'s audit log is not the one it was made with (its manifest records another head)",
    "backup_current_unreadable": (
        "the current database {path} is an unencrypted file that cannot be read ({reason}); move it away first "
        "(it may hold personal data in plaintext), then restore"
    ),
    "backup_not_encryptable": "{name} could not be encrypted for the restore ({reason})",
    # errors that are their own code (ConflictError, AccessDenied)
    "conflict": "Someone else saved a newer version of the record while you worked on it. Reload it before you save.",
    "refused": "Your role does not allow this.",
}


def message_text(code: str, params: dict[str, object]) -> str:
    """The English text of a message code with its arguments (KeyError for an unknown code)."""
    return MESSAGES[code].format(**params)


class CodedValueError(ValueError):
    """A ValueError with a message code (see ``MESSAGES``); ``str()`` is the English text."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(message_text(code, params))
        self.code = code
        self.params = params


class CodedError(Exception):
    """An error the user reads (a backup that cannot be made or restored...): ``code`` (a key of ``MESSAGES``)
    and its arguments; ``str()`` is the English text. A bare English text is for the command line only."""

    def __init__(self, message: str | None = None, /, *, code: str | None = None, **params: object) -> None:
        if code is not None:
            message = message_text(code, params)
        elif message is None:
            raise TypeError(f"{type(self).__name__} needs a message or a code")
        super().__init__(message)
        self.code = code
        self.params = params


class ValidationError(ValueError):
    """Bad input. ``path`` names the field (a JSON path or a form label); nothing was written.

    Give ``code`` (a key of ``MESSAGES``) and its arguments; a bare English ``message`` is for texts that
    only the command line shows.
    """

    def __init__(self, path: str, message: str | None = None, /, *, code: str | None = None, **params: object) -> None:
        if code is not None:
            message = message_text(code, params)
        elif message is None:
            raise TypeError("ValidationError needs a message or a code")
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message
        self.code = code
        self.params = params

    @classmethod
    def wrap(cls, path: str, exc: Exception) -> ValidationError:
        """A checker's ValueError at a field, keeping its code when it has one."""
        error = cls(path, str(exc))
        if isinstance(exc, CodedValueError) and getattr(exc, "step", None) is None:  # "step 2: ..." stays text
            error.code, error.params = exc.code, exc.params
        return error


class NotFoundError(LookupError):
    """A referenced record (citizen, placement...) does not exist."""

    def __init__(self, what: str, key: str) -> None:
        super().__init__(f"{what} {key!r} not found")
        self.what = what
        self.key = key


class ConflictError(RuntimeError):
    """Someone else saved a newer version of the record; nothing was overwritten.

    The text (``str()``) says which record, for the log; the user reads the code's text.
    """

    code = "conflict"
    params: Mapping[str, object] = MappingProxyType({})  # the code's text takes no argument


class AccessDenied(PermissionError):
    """The signed-in user's role does not allow this; nothing was read or written.

    The text (``str()``) names the role and the action, for the log; the user reads the code's text.
    """

    code = "refused"
    params: Mapping[str, object] = MappingProxyType({})  # the code's text takes no argument

    def __init__(self, action: str, role: str) -> None:
        super().__init__(f"Your role ({role}) does not allow this: {action}.")
        self.action = action
        self.role = role


class DatabaseDamaged(RuntimeError):
    """The start-up integrity check failed: nothing more is written until a good backup is restored."""
