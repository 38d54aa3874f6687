"""The renderers run with the cyclic garbage collector paused and always switch it back on: after a
render, after a failed one, and never on when it was off before."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import placement_desk.export.pdf_dossier as pdf_dossier
from placement_desk.export.collector import collector_paused, without_collector_pauses
from placement_desk.export.excel_dossier import render_dossier_xlsx
from tests.export.conftest import Rendered


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if was else gc.disable()


def test_a_dossier_renders_with_the_collector_paused_and_switches_it_back_on(
    demo_docs: dict[str, Rendered], monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = next(iter(demo_docs.values()))
    seen: list[bool] = []
    build = pdf_dossier.build_pdf

    def watched(*args: object, **kwargs: object) -> bytes:
        seen.append(gc.isenabled())
        return build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_dossier, "build_pdf", watched)
    assert pdf_dossier.render_dossier_pdf(doc.data).startswith(b"%PDF")
    assert seen == [False]
    assert gc.isenabled()
    assert render_dossier_xlsx(doc.data)[:2] == b"PK"
    assert gc.isenabled()


def test_a_failed_render_switches_the_collector_back_on() -> None:
    @without_collector_pauses
    def fails() -> None:
        assert not gc.isenabled()
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        fails()
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
