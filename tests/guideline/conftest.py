"""Fixtures for the guideline package: the repo's source (kilde/) and a scratch copy of it with
the test-only second version (tests/fixtures/retningslinje-0.02.txt) beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guideline import layout, source, versions
from tests.content import FIXTURES, KILDE

FIXTURE = FIXTURES / "retningslinje-0.02.txt"
FIRST = KILDE / "retningslinje-0.01.txt"
LAYOUT = layout.load(KILDE / layout.FILE_NAME)


@pytest.fixture(scope="session")
def first():
    """0.01 as parsed on its own."""
    return source.parse(FIRST.read_text(encoding="utf-8"), "kilde/retningslinje-0.01.txt", LAYOUT)


@pytest.fixture
def kilde(tmp_path) -> Path:
    """A scratch kilde/ with the site's first version (never removed) and the test-only fixture as the
    next: what the guideline machinery is tested on, whichever versions HR has added since."""
    folder = tmp_path / "kilde"
    folder.mkdir()
    for path in (FIRST, KILDE / layout.FILE_NAME, FIXTURE):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def loaded(kilde) -> list[versions.Version]:
    return versions.load(kilde)
