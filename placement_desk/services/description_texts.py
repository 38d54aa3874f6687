"""The texts typed under the dossier's headings saved together (the Beskrivelse tab's "Save texts"): one
use case, one transaction, every heading or none. With ``expected`` (what the caller saw under each
heading) a text someone else changed meanwhile is a conflict, never an overwrite; undo uses it so that it
never takes back a colleague's later text unasked.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from placement_desk.db import models as m
from placement_desk.domain.errors import ConflictError, ValidationError
from placement_desk.domain.json_node import check_text
from placement_desk.domain.roles import Permission
from placement_desk.services import audit
from placement_desk.services.common import by_ref
from placement_desk.services.description import store_text
from placement_desk.services.documents import stored_texts
from placement_desk.services.templates import find_template
from placement_desk.services.use_case import use_case


def _clean(text: str | None) -> str | None:
    """A text as it is stored: without surrounding space, and an empty one is none."""
    return (text or "").strip() or None


@use_case(Permission.EDIT, audit.CHANGE, "save description texts")
def save_dossier_texts(
    s: Session, citizen_ref: str, template: str | None, texts: Mapping[str, str | None],
    expected: Mapping[str, str | None] | None = None, actor: str | None = None,
) -> dict[str, str | None]:  # fmt: skip
    """Save the texts under their headings of ``template`` (heading key -> text; an empty text removes
    it); returns the texts they replaced. ``expected``: what the caller saw under each of those headings
    (None: whatever is there)."""
    chosen = find_template(template)
    for heading, text in texts.items():
        if chosen.heading(heading) is None:
            raise ValidationError("heading", code="not_a_heading", heading=heading, template=chosen.key)
        check_text(text or "", "text")
    citizen = by_ref(s, m.Citizen, citizen_ref)
    audit.about(s, citizen.id, template=chosen.key, headings=sorted(texts))
    if expected is not None:
        now = stored_texts(s, citizen.id, chosen.key)
        changed = [h for h in texts if now.get(h) != _clean(expected.get(h))]
        if changed:
            raise ConflictError(f"the text under {changed[0]} was changed by someone else meanwhile")
    return {h: store_text(s, citizen.id, chosen.key, h, text, actor) for h, text in texts.items()}
