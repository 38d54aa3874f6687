"""A vocabulary code's label in the UI's language (documents keep the Danish labels of domain/vocab.py).

Screens import ``label`` / ``outcome_label`` from here instead of from ``placement_desk.domain.vocab``.
"""

from __future__ import annotations

from placement_desk.domain import vocab
from placement_desk.ui.kit.messages import english


def label(code: str | None) -> str:
    """A placement type, purpose, status, accommodation category or source, follow-up kind, goal area or
    assessor as the UI names it (the code itself if unknown)."""
    return vocab.english_label(code) if english() else vocab.label(code)


def outcome_label(code: str | None) -> str:
    """An outcome kind as the UI names it (the code itself if unknown)."""
    return vocab.english_outcome_label(code) if english() else vocab.outcome_label(code)
