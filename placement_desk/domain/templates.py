"""Description templates as data: the headings a dossier's description is written under.

A template is a TOML file (``resources/templates/*.toml``, or one a municipality drops into the user's
config folder): its key and version, a title, the recipient and purpose for the cover, and the headings,
each with a prompt for the writer and the evidence it draws (observation headings, follow-up tags,
profile items, figures). The law moves (lov nr. 1750 af 29/12/2025), so the headings are data, not code.

:func:`parse_template` refuses a broken file with a :class:`TemplateError` naming the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

from placement_desk.domain.errors import ValidationError
from placement_desk.domain.profile import PROFILE_KINDS
from placement_desk.domain.vocab import Heading

# What a heading can show besides its entries (formatted from the dossier's figures and lists).
FIGURE_KINDS: tuple[str, ...] = (
    "placements",  # the placements of the period: where, what, how it ended
    "hours",  # sustained weekly hours, planned and attended hours
    "attendance",  # attendance rate and absence share
    "absence",  # absence by reason
    "capacity",  # the latest effectiveness and assessments
    "accommodations",  # the accommodation needs
    "goals",  # goals and their progression
    "own_view",  # the citizen's own view and words at the follow-ups
)
EVIDENCE: dict[str, tuple[str, ...]] = {
    "observations": tuple(h.value for h in Heading),
    "followups": tuple(h.value for h in Heading),
    "profile": PROFILE_KINDS,
    "figures": FIGURE_KINDS,
}
_KEY = re.compile(r"[a-z][a-z0-9_]{0,79}")
_LINE = re.compile(r"at line (\d+)")
TOP_KEYS = ("key", "version", "title", "recipient", "purpose", "headings")
HEADING_KEYS = ("key", "title", "prompt", "questions", *EVIDENCE)


class TemplateError(ValidationError):
    """A template file that cannot be used; ``line`` is the line of the file the problem is on."""

    def __init__(self, source: str, line: int | None, where: str = "", /, *, code: str, **params: object) -> None:
        at = f"{source}, line {line}" if line else source
        super().__init__(f"{at}: {where}" if where else at, code=code, **params)
        self.source = source
        self.line = line


@dataclass(frozen=True)
class TemplateHeading:
    key: str
    title: str
    prompt: str = ""
    observations: tuple[str, ...] = ()  # observation headings (spec 1b) drawn here
    followups: tuple[str, ...] = ()  # follow-ups tagged with these headings
    profile: tuple[str, ...] = ()  # profile items (education, work_history, ..., network, wishes)
    figures: tuple[str, ...] = ()  # FIGURE_KINDS shown beside the entries
    questions: tuple[str, ...] = ()  # e.g. questions for the region's health coordinator


@dataclass(frozen=True)
class Template:
    key: str
    version: int
    title: str
    purpose: str
    headings: tuple[TemplateHeading, ...]
    recipient: str | None = None
    source: str = ""  # where it was read from (for messages)

    def heading(self, key: str) -> TemplateHeading | None:
        return next((h for h in self.headings if h.key == key), None)


class _Lines:
    """Finds the line of a key (or of a value) in the text of a TOML template, for error messages."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.blocks: list[int] = [i for i, line in enumerate(self.lines) if line.strip().startswith("[[headings]]")]

    def _region(self, index: int | None) -> tuple[int, int]:
        if index is None:
            return 0, self.blocks[0] if self.blocks else len(self.lines)
        if index >= len(self.blocks):
            return 0, len(self.lines)
        end = next((b for b in self.blocks if b > self.blocks[index]), len(self.lines))
        return self.blocks[index], end

    def find(self, index: int | None, key: str | None = None, value: str | None = None) -> int:
        start, end = self._region(index)
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=") if key else None
        at = None
        for i in range(start, end):
            if pattern is not None and pattern.match(self.lines[i]):
                at = i
                break
        if at is None:
            return start + 1 if index is not None else 1
        if value is not None:
            for i in range(at, end):
                if f'"{value}"' in self.lines[i] or f"'{value}'" in self.lines[i]:
                    return i + 1
        return at + 1


class _Reader:
    def __init__(self, text: str, source: str) -> None:
        self.lines = _Lines(text)
        self.source = source

    def fail(
        self, index: int | None, key: str | None, /, *, code: str, find: str | None = None, **params: object
    ) -> TemplateError:
        """The error of a message code at a setting (``find``: the value to find the line by)."""
        where = key if index is None else f"headings[{index}].{key}" if key else f"headings[{index}]"
        return TemplateError(self.source, self.lines.find(index, key, find), where or "", code=code, **params)

    def text(self, data: dict[str, Any], key: str, index: int | None, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(index, None, code="setting_required", key=key)
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(index, key, code="not_text" if not isinstance(value, str) else "not_empty")
        return value.strip()

    def key(self, data: dict[str, Any], index: int | None) -> str:
        value = self.text(data, "key", index)
        assert value is not None
        if not _KEY.fullmatch(value):
            raise self.fail(index, "key", code="template_key_form", value=repr(value))
        return value

    def words(self, data: dict[str, Any], key: str, index: int, allowed: tuple[str, ...] | None) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(index, key, code="text_list")
        if allowed is not None:
            for v in value:
                if v not in allowed:
                    raise self.fail(index, key, code="not_one_of", find=v, value=repr(v), allowed=", ".join(allowed))
        return tuple(v.strip() for v in value if v.strip())

    def unknown(self, data: dict[str, Any], known: tuple[str, ...], index: int | None) -> None:
        for k in data:
            if k not in known:
                raise self.fail(index, k, code="unknown_setting", known=", ".join(known))


def parse_template(text: str, source: str = "template") -> Template:
    """A template from the text of its TOML file; raises TemplateError naming the line of the problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _LINE.search(str(exc))
        message = _LINE.sub("", str(exc)).replace("( ", "(").replace("(, ", "(").replace(" ()", "").strip()
        raise TemplateError(source, int(found.group(1)) if found else None, code="not_toml", reason=message) from None
    r = _Reader(text, source)
    r.unknown(data, TOP_KEYS, None)
    key = r.key(data, None)
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise r.fail(None, "version" if "version" in data else None, code="template_version")
    title, purpose = r.text(data, "title", None), r.text(data, "purpose", None)
    headings_raw = data.get("headings")
    if not isinstance(headings_raw, list) or not headings_raw:
        raise r.fail(None, "headings" if "headings" in data else None, code="template_headings")
    headings: list[TemplateHeading] = []
    for i, h in enumerate(headings_raw):
        if not isinstance(h, dict):
            raise r.fail(None, "headings", code="heading_table")
        headings.append(_heading(r, h, i))
        if any(other.key == headings[-1].key for other in headings[:-1]):
            raise r.fail(i, "key", code="duplicate_heading", key=headings[-1].key)
    assert title is not None and purpose is not None
    return Template(key, version, title, purpose, tuple(headings), r.text(data, "recipient", None, False), source)


def _heading(r: _Reader, h: dict[str, Any], i: int) -> TemplateHeading:
    r.unknown(h, HEADING_KEYS, i)
    key, title = r.key(h, i), r.text(h, "title", i)
    assert title is not None
    return TemplateHeading(
        key=key,
        title=title,
        prompt=r.text(h, "prompt", i, required=False) or "",
        observations=r.words(h, "observations", i, EVIDENCE["observations"]),
        followups=r.words(h, "followups", i, EVIDENCE["followups"]),
        profile=r.words(h, "profile", i, EVIDENCE["profile"]),
        figures=r.words(h, "figures", i, EVIDENCE["figures"]),
        questions=r.words(h, "questions", i, None),
    )
