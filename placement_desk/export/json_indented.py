"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, several times faster.

With ``indent`` the standard library leaves its C encoder for a pure-Python one that passes every token up
through a generator per level: most of the time of a whole-archive export (some twenty million tokens).
:func:`indented` walks the value once, appending to one list, with the standard library's own C string
escaping and its number forms (``int.__repr__``, ``float.__repr__``), so the text is the same byte for byte
(tests compare the two on generated documents).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import encode_basestring  # the C function where the interpreter has it
from typing import IO, Any

INDENT = 2


def indented(value: Any, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for a value written ``level`` levels deep
    (every line after its first indented by ``2 * level`` more spaces)."""
    return _value(value, "\n" + " " * (INDENT * level))


def _value(v: Any, newline: str) -> str:  # noqa: C901 - one dispatch on the type
    t = type(v)
    if t is str:
        return encode_basestring(v)
    if t is dict:
        return _object(v, newline)
    if t is list or t is tuple:
        return _array(v, newline)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, str):
        return encode_basestring(v)
    if isinstance(v, int):
        return int.__repr__(v)
    if isinstance(v, float):
        return _float(v)
    if isinstance(v, dict):
        return _object(v, newline)
    if isinstance(v, list | tuple):
        return _array(v, newline)
    raise TypeError(f"Object of type {t.__name__} is not JSON serializable")  # as json.dumps


_KEYS: dict[str, str] = {}  # a key as it is written, with its separator: '"date": '


def _object(v: dict[Any, Any], newline: str) -> str:
    if not v:
        return "{}"
    inner = newline + "  "
    keys = _KEYS
    parts = []
    for key, item in v.items():
        written = keys.get(key) if type(key) is str else None
        if written is None:
            written = _key(key) + ": "
            if type(key) is str and len(keys) < 10_000:
                keys[key] = written
        t = type(item)
        if t is str:
            parts.append(written + encode_basestring(item))
        elif t is int:
            parts.append(written + int.__repr__(item))
        elif item is None:
            parts.append(written + "null")
        else:
            parts.append(written + _value(item, inner))
    return "{" + inner + ("," + inner).join(parts) + newline + "}"


def _array(v: list[Any] | tuple[Any, ...], newline: str) -> str:
    if not v:
        return "[]"
    inner = newline + "  "
    return "[" + inner + ("," + inner).join([_value(item, inner) for item in v]) + newline + "]"


def _float(v: float) -> str:
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Infinity" if v > 0 else "-Infinity"
    return float.__repr__(v)


def _key(key: Any) -> str:
    """A key that is not a string, as json.dumps writes it (as a string)."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, bool | int | float) or key is None:
        text = json.dumps(key)
        return encode_basestring(text)
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def write_streamed(out: IO[bytes], head: dict[str, Any], key: str, items: Iterable[Any]) -> None:
    """Write ``json.dumps({**head, key: list(items)}, ensure_ascii=False, indent=2) + "\\n"`` to ``out`` byte
    for byte (as ``export.json_summary.dumps`` writes a document), one item at a time: the list is never
    held whole (the case file of a whole archive). ``head`` must not be empty; it comes first."""
    text = indented(head) + "\n"
    assert text.endswith("\n}\n") and head, "a non-empty head object"
    out.write(text[: -len("\n}\n")].encode("utf-8"))
    out.write(f",\n  {encode_basestring(key)}: [".encode())
    first = True
    for item in items:
        out.write(("\n    " if first else ",\n    ").encode() + indented(item, 2).encode("utf-8"))
        first = False
    out.write(b"]\n}\n" if first else b"\n  ]\n}\n")
