"""One QSettings file per test process, empty at the start and end of each test: import ``fresh_settings``
into a test module or conftest (it is autouse) so no remembered filter, page or geometry leaks between tests."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def fresh_settings(qapp: object) -> Iterator[None]:
    from PySide6.QtCore import QCoreApplication, QSettings

    # one settings file per test process (tests run in two processes, pytest-xdist)
    name = "PlacementDeskTests" + os.environ.get("PYTEST_XDIST_WORKER", "")
    QCoreApplication.setOrganizationName(name)
    QCoreApplication.setApplicationName(name)
    QSettings().clear()
    yield
    QSettings().clear()
