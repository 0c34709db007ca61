"""Fixtures for the guideline package: the repo's source (kilde/) and a scratch copy of it with
the test-only second version (tests/fixtures/retningslinje-0.02.txt) beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guideline import source, versions

ROOT = Path(__file__).resolve().parents[2]
KILDE = ROOT / "kilde"
FIXTURE = ROOT / "tests" / "fixtures" / "retningslinje-0.02.txt"
FIRST = KILDE / "retningslinje-0.01.txt"


@pytest.fixture(scope="session")
def first():
    """0.01 as parsed on its own."""
    return source.parse(FIRST.read_text(encoding="utf-8"), "kilde/retningslinje-0.01.txt")


@pytest.fixture
def kilde(tmp_path) -> Path:
    """A scratch copy of kilde/ with the fixture version added."""
    folder = tmp_path / "kilde"
    shutil.copytree(KILDE, folder)
    shutil.copy(FIXTURE, folder / FIXTURE.name)
    return folder


@pytest.fixture
def loaded(kilde) -> list[versions.Version]:
    return versions.load(kilde)
