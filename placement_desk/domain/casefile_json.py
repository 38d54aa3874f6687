"""Reading the bytes of a case file into JSON values (spec section 1), refusing what JSON tools disagree on.

``loads_case_file`` accepts UTF-8 with or without a byte-order mark and raises :class:`ValidationError`
(never another exception) for text that is not UTF-8, JSON that is not valid, nesting too deep to read,
``NaN``/``Infinity`` literals, numbers too large to be a number here (``1e999``, 5,000 digits) and an
object with the same key twice. Where the problem sits inside the document the error names its JSON path
(``citizens[0]: duplicate key "name"``); otherwise it names the file.
"""

from __future__ import annotations

import json
import math
from typing import Any

from placement_desk.domain.errors import ValidationError

BOM = b"\xef\xbb\xbf"
# No value in a case file has more digits than this (years, hours, percentages, scores); longer
# integers are refused before Python converts them (which for 4,300+ digits raises ValueError).
MAX_DIGITS = 50


class _Refused:
    """Stands in for a value JSON allows but a case file does not; reported with its path after parsing."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params


class _DuplicateKeys(dict[str, Any]):
    """An object that had ``key`` more than once (Python keeps the last value; other tools the first)."""

    key: str = ""


class _Hooks:
    """The json module's hooks; ``refused`` tells whether any value needs reporting."""

    def __init__(self) -> None:
        self.refused = False

    def constant(self, literal: str) -> _Refused:  # NaN, Infinity, -Infinity
        self.refused = True
        return _Refused("not_finite_literal", literal=literal)

    def floating(self, text: str) -> float | _Refused:
        value = float(text)
        if math.isfinite(value):
            return value
        self.refused = True
        return _Refused("too_large_literal", literal=_short(text))

    def integer(self, text: str) -> int | _Refused:
        digits = len(text.lstrip("-"))
        if digits <= MAX_DIGITS:
            return int(text)
        self.refused = True
        return _Refused("too_many_digits", digits=digits, limit=MAX_DIGITS)

    def pairs(self, items: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(items)
        if len(obj) == len(items):
            return obj
        self.refused = True
        marked = _DuplicateKeys(obj)
        seen: set[str] = set()
        for key, _ in items:
            if key in seen:
                marked.key = key
                break
            seen.add(key)
        return marked


def _short(text: str) -> str:
    return text if len(text) <= 20 else f"{text[:12]}…{text[-4:]}"


def loads_case_file(raw: bytes | str, source: str) -> Any:
    """The JSON document in ``raw`` (the file ``source``); ValidationError for anything a case file refuses.

    ``raw`` may be the text already decoded from UTF-8 (its byte-order mark removed), so that a caller
    can let the bytes go before the document is parsed."""
    if isinstance(raw, str):
        return _parse(raw, source)
    skip = len(BOM) if raw.startswith(BOM) else 0  # as Windows tools write UTF-8
    try:
        text = raw[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        at = skip + exc.start
        line = raw.count(b"\n", 0, at) + 1
        raise ValidationError(source, code="not_utf8", byte=f"0x{raw[at]:02x}", line=line, column=at + 1) from None
    return _parse(text, source)


def _parse(text: str, source: str) -> Any:
    hooks = _Hooks()
    try:
        data = json.loads(
            text,
            object_pairs_hook=hooks.pairs,
            parse_constant=hooks.constant,
            parse_float=hooks.floating,
            parse_int=hooks.integer,
        )
    except json.JSONDecodeError as exc:
        raise ValidationError(source, code="json_syntax_at", reason=exc.msg, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise ValidationError(source, code="json_too_deep") from None
    except ValueError as exc:  # any other conversion the json module could not make
        raise ValidationError(source, code="json_syntax", reason=exc) from None
    if hooks.refused:
        _report_first_refused(data, source)
    return data


def _report_first_refused(data: Any, source: str) -> None:
    """Raise for the first refused value or duplicated key, in document order, naming its path."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:  # iterative: a deeply nested document must not overflow the stack here either
        path, value = stack.pop()
        if isinstance(value, _Refused):
            raise ValidationError(path or source, None, code=value.code, **value.params)
        if isinstance(value, _DuplicateKeys):
            raise ValidationError(path or "$", code="duplicate_json_key", key=json.dumps(value.key, ensure_ascii=False)[1:-1])
        if isinstance(value, dict):
            children = [(f"{path}.{k}" if path else k, v) for k, v in value.items()]
        elif isinstance(value, list):
            children = [(f"{path}[{i}]", v) for i, v in enumerate(value)]
        else:
            continue
        stack.extend(reversed(children))
    raise ValidationError(source, code="not_json")  # pragma: no cover - a refused value is always reachable
