"""A case file read from disk piece by piece (spec section 1), so an import never holds the whole file.

:func:`open_case_file` gives the document's head (``format``, ``version``, ``companies`` and any other
top-level key before ``citizens``) as JSON values, and the citizens one at a time. Each piece is parsed by
the standard library's JSON decoder from a text buffer filled a megabyte at a time, with the hooks of
:mod:`placement_desk.domain.casefile_json`, so a streamed file is refused for exactly what a whole one is
(text that is not UTF-8, invalid JSON, nesting too deep, ``NaN``/``Infinity``, numbers too large, a key twice),
and every error names its JSON path in the whole document (``citizens[41].placements[0].attendance[3].hours``)
or the file with its line and column.

A file whose ``citizens`` come before its head is read twice: once for the head (its citizens checked as JSON
and let go), then for the citizens.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from placement_desk.domain.casefile_json import BOM, _Hooks, _report_first_refused
from placement_desk.domain.errors import ValidationError

CHUNK = 1 << 21  # bytes read at a time (a citizen larger than this is read in growing steps)
HEAD_KEYS = ("format", "version", "companies")  # what an import needs before the first citizen
_WS = re.compile(r"[ \t\n\r]*")
_ELEMENTS = "citizens"


def open_case_file(path: str | Path, progress: Callable[[int, int], None] | None = None) -> CaseFileStream:
    """The case file at ``path``, to be read by :meth:`CaseFileStream.parts` (nothing is read yet)."""
    return CaseFileStream(Path(path).expanduser(), progress)


class CaseFileStream:
    """A case file on disk; :meth:`parts` reads it (``progress(bytes read, file size)`` per citizen)."""

    def __init__(self, path: Path, progress: Callable[[int, int], None] | None = None) -> None:
        self.path = path
        self.progress = progress
        self._readers: list[_Reader] = []

    def size(self) -> int:
        """The file's size in bytes (what progress counts up to)."""
        return self.path.stat().st_size

    def close(self) -> None:
        """Close the file (an import that stops early, on an error, leaves nothing open)."""
        for reader in self._readers:
            reader.close()
        self._readers.clear()

    def parts(self) -> tuple[dict[str, Any], Iterator[Any]]:
        """The head (top-level keys other than a ``citizens`` list) and the citizens' JSON values, lazily.

        The iterator reads the rest of the file after the last citizen (an error there is raised from it)."""
        reader = self._reader()
        members = reader.members()
        head: dict[str, Any] = {}
        for key, value in members:
            if not isinstance(value, _Elements):
                head[key] = value
                continue
            if all(k in head for k in HEAD_KEYS):
                return head, _then(value, members)
            for _ in value:  # the head comes after the citizens: read it first, then the citizens again
                pass
            head.update(members)
            return head, self._citizens_again()
        return head, iter(())

    def _citizens_again(self) -> Iterator[Any]:
        reader = self._reader()
        members = reader.members()
        for _key, value in members:
            if isinstance(value, _Elements):
                yield from value
        reader.close()

    def _reader(self) -> _Reader:
        source = str(self.path)
        try:
            file = self.path.open("rb")
        except OSError as exc:
            raise ValidationError(source, code="cannot_read_file", reason=exc.strerror or exc) from None
        reader = _Reader(file, source, self.progress)
        self._readers.append(reader)
        return reader


def _then(elements: Iterator[Any], members: Iterator[tuple[str, Any]]) -> Iterator[Any]:
    yield from elements
    for _ in members:  # the keys after the citizens: read, checked as JSON and let go
        pass


class _Elements(Iterator[Any]):
    """The elements of the top-level ``citizens`` array, parsed one at a time."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.index = 0
        self.done = False

    def __next__(self) -> Any:
        if self.done:
            raise StopIteration
        r = self.reader
        if self.index and not r.separator("]"):
            self.done = True
            raise StopIteration
        if not self.index and r.peek() == "]":
            r.pos += 1
            self.done = True
            raise StopIteration
        value = r.value(f"{_ELEMENTS}[{self.index}]")
        self.index += 1
        if r.progress is not None:
            r.progress(r.bytes_done, r.size)
        return value


class _Reader:
    """The file's text, decoded as it is needed, and the JSON values in it."""

    def __init__(self, file: BinaryIO, source: str, progress: Callable[[int, int], None] | None) -> None:
        self.file, self.source, self.progress = file, source, progress
        self.size = Path(source).stat().st_size if progress is not None else 0
        self.buf, self.pos, self.eof = "", 0, False
        self.pending = b""  # the start of a character cut by the last read
        self.bytes_done = 0  # bytes of the file decoded so far
        self.line, self.column0 = 1, 0  # the line of buf[0], and the characters of that line before it
        self.newlines = 0  # in the bytes decoded so far (for the line of a byte that is not UTF-8)
        self.hooks = _Hooks()
        self.decoder = json.JSONDecoder(object_pairs_hook=self.hooks.pairs, parse_constant=self.hooks.constant,
                                        parse_float=self.hooks.floating, parse_int=self.hooks.integer)  # fmt: skip

    def close(self) -> None:
        self.file.close()

    # ---- the text ----

    def more(self, at_least: int = 0) -> bool:
        """Read and decode the next part of the file; False at its end."""
        if self.eof:
            return False
        chunk = self.file.read(max(CHUNK, at_least))
        data = self.pending + chunk
        if not self.bytes_done and not self.pending and data.startswith(BOM):  # as Windows tools write UTF-8
            data = data[len(BOM) :]
            self.bytes_done = len(BOM)
        if not chunk:
            self.eof = True
            self.file.close()
        cut = len(data) if self.eof else _whole_characters(data)
        part, self.pending = data[:cut], data[cut:]
        try:
            text = part.decode("utf-8")
        except UnicodeDecodeError as exc:
            at = self.bytes_done + exc.start
            line = self.newlines + part.count(b"\n", 0, exc.start) + 1
            raise ValidationError(self.source, code="not_utf8", byte=f"0x{part[exc.start]:02x}", line=line,
                                  column=at + 1) from None  # fmt: skip
        self.bytes_done += len(part)
        self.newlines += part.count(b"\n")
        self._let_go()
        self.buf += text
        return True

    def _let_go(self) -> None:
        """Drop the text already read (keeping count of its lines for error messages)."""
        done = self.buf[: self.pos]
        lines = done.count("\n")
        if lines:
            self.line += lines
            self.column0 = len(done) - done.rfind("\n") - 1
        else:
            self.column0 += len(done)
        self.buf, self.pos = self.buf[self.pos :], 0

    def peek(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf) or not self.more():
                return self.buf[self.pos : self.pos + 1]

    def expect(self, char: str, message: str) -> None:
        if self.peek() != char:
            raise self.syntax(message, self.pos)
        self.pos += 1

    def separator(self, end: str) -> bool:
        """After a member or element: True for a comma (another follows), False for ``end``."""
        char = self.peek()
        if char == ",":
            self.pos += 1
            return True
        if char == end:
            self.pos += 1
            return False
        raise self.syntax("Expecting ',' delimiter", self.pos)

    def syntax(self, reason: str, pos: int) -> ValidationError:
        newline = self.buf.rfind("\n", 0, pos)
        line = self.line + self.buf.count("\n", 0, pos)
        column = pos - newline if newline >= 0 else self.column0 + pos + 1
        return ValidationError(self.source, code="json_syntax_at", reason=reason, line=line, column=column)

    # ---- JSON values ----

    def value(self, path: str) -> Any:
        """The JSON value at the reading position (``path`` names it in errors)."""
        self.peek()
        while True:
            self.hooks.refused = False
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self.more(len(self.buf) - self.pos):  # perhaps only cut off by the end of what was read
                    continue
                raise self.syntax(exc.msg, exc.pos) from None
            except RecursionError:
                raise ValidationError(self.source, code="json_too_deep") from None
            except ValueError as exc:  # any other conversion the json module could not make
                raise ValidationError(self.source, code="json_syntax", reason=exc) from None
            if end == len(self.buf) and self.more():  # a number may go on in the next part
                continue
            self.pos = end
            if self.hooks.refused:
                _report(value, path, self.source)
            return value

    def members(self) -> Iterator[tuple[str, Any]]:
        """The top-level object's keys and values; a ``citizens`` array comes as its :class:`_Elements`,
        to be read before the next member."""
        if self.peek() != "{":
            self.value("")  # a JSON error, or a value that is not an object
            raise ValidationError("$", code="not_object")
        self.pos += 1
        seen: set[str] = set()
        more = self.peek() != "}"
        if not more:
            self.pos += 1
        while more:
            key = self._key()
            if key in seen:
                raise ValidationError("$", code="duplicate_json_key", key=json.dumps(key, ensure_ascii=False)[1:-1])
            seen.add(key)
            self.expect(":", "Expecting ':' delimiter")
            if key == _ELEMENTS and self.peek() == "[":
                self.pos += 1
                elements = _Elements(self)
                yield key, elements
                for _ in elements:  # whatever the caller did not read
                    pass
            else:
                yield key, self.value(key)
            more = self.separator("}")
        if self.peek():
            raise self.syntax("Extra data", self.pos)

    def _key(self) -> str:
        if self.peek() != '"':
            raise self.syntax("Expecting property name enclosed in double quotes", self.pos)
        key = self.value("$")
        assert isinstance(key, str)
        return key


def _report(value: Any, path: str, source: str) -> None:
    """Raise for the first refused value or duplicated key in ``value``, naming its path in the document."""
    try:
        _report_first_refused(value, source)
    except ValidationError as exc:
        inner = "" if exc.path in (source, "$") else exc.path
        where = path + ("." if inner and path and not inner.startswith("[") else "") + inner
        raise ValidationError(where or "$", code=exc.code, **exc.params) from None


def _whole_characters(data: bytes) -> int:
    """Where ``data`` ends with whole UTF-8 characters (a read may cut one; its start waits for the next)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return len(data)
        if byte >= 0xC0:  # the first byte of a character of 2, 3 or 4 bytes
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return len(data) if back >= need else len(data) - back
    return len(data)
