"""Validation errors that carry the location of the bad input."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad input. ``path`` names the field (a JSON path or a form label); nothing was written."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


class NotFoundError(LookupError):
    """A referenced record (citizen, placement...) does not exist."""

    def __init__(self, what: str, key: str) -> None:
        super().__init__(f"{what} {key!r} not found")
        self.what = what
        self.key = key


class ConflictError(RuntimeError):
    """Someone else saved a newer version of the record; nothing was overwritten."""


class AccessDenied(PermissionError):
    """The signed-in user's role does not allow this; nothing was read or written."""

    def __init__(self, action: str, role: str) -> None:
        super().__init__(f"Your role ({role}) does not allow this: {action}.")
        self.action = action
        self.role = role


class DatabaseDamaged(RuntimeError):
    """The start-up integrity check failed: nothing more is written until a good backup is restored."""
