"""Where description templates come from: the shipped ones in ``resources/templates`` and the ones a
municipality drops into the user's config folder (``<config>/templates/*.toml``), which win by key.

A broken file never stops the others: it is reported as a :class:`TemplateError` (file and line) in
:attr:`Catalogue.problems`, and asking for a template that only a broken file could have given names
that problem. Reading touches no personal data, so there is no role check here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from placement_desk.db.engine import APP_NAME
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.templates import Template, TemplateError, parse_template
from placement_desk.resources import resource_path

DEFAULT_TEMPLATE = "preparatory_part"
ENV_TEMPLATES = "PLACEMENT_DESK_TEMPLATES"  # another folder of the municipality's templates (tests, shared drives)
MAX_BYTES = 256 * 1024  # a template is a page of text; anything larger is not one


def shipped_folder() -> Path:
    return resource_path("templates")


def user_folder() -> Path:
    """The folder a municipality drops its own templates into ($PLACEMENT_DESK_TEMPLATES overrides)."""
    pinned = os.environ.get(ENV_TEMPLATES)
    if pinned:
        return Path(pinned).expanduser()
    return platformdirs.user_config_path(APP_NAME, appauthor=False, roaming=True) / "templates"


@dataclass
class Catalogue:
    templates: dict[str, Template] = field(default_factory=dict)
    problems: list[TemplateError] = field(default_factory=list)

    def ordered(self) -> list[Template]:
        """The default template first, then by title."""
        return sorted(self.templates.values(), key=lambda t: (t.key != DEFAULT_TEMPLATE, t.title.casefold(), t.key))


def read_template_file(path: Path) -> Template:
    """One template file; raises TemplateError naming the file (and the line) of any problem."""
    source = str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise TemplateError(source, None, code="template_too_big", limit=MAX_BYTES // 1024)
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateError(source, None, code="template_unreadable", reason=exc.strerror or exc) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TemplateError(source, line, code="template_not_utf8") from None
    return parse_template(text, source)


def catalogue() -> Catalogue:
    """Every usable template by key (the user's folder wins over the shipped one) and every broken file."""
    out = Catalogue()
    for folder in (shipped_folder(), user_folder()):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                template = read_template_file(path)
            except TemplateError as exc:
                out.problems.append(exc)
                continue
            out.templates[template.key] = template
    return out


def find_template(key: str | None = None) -> Template:
    """The template of ``key`` (default: the preparatory part); ValidationError names what is wrong."""
    wanted = key or DEFAULT_TEMPLATE
    found = catalogue()
    if wanted in found.templates:
        return found.templates[wanted]
    known = ", ".join(t.key for t in found.ordered()) or "none"
    if found.problems:
        problems = "; ".join(str(p) for p in found.problems)
        raise ValidationError("--template", code="no_template_unread", key=repr(wanted), known=known, problems=problems)
    raise ValidationError("--template", code="no_template", key=repr(wanted), known=known)
