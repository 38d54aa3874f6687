"""Rendering a document, or filling the citizen page, without pauses of Python's cyclic garbage collector.

A dossier's render makes and drops about a million short-lived objects (paragraph fragments, cells,
XML elements), the citizen page some hundred thousand (a day's figures per date of the record); they go
by reference counting, but each 700 allocations make the collector scan the young objects, and now and
then every object of the process: in the app, with its windows, models and records, a full scan takes
0.1-0.2 s, and a long dossier triggered one at almost every render. The renderers and the citizen page
run with the collector paused and switch it back on when they return or fail; the few cycles they leave
(a document and its canvas) are collected after them, as before.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off for the block (left off if it was off already)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def without_collector_pauses(render: Callable[P, R]) -> Callable[P, R]:
    """``render`` run with the collector paused (see the module)."""

    @wraps(render)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return render(*args, **kwargs)

    return paused
