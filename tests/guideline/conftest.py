"""Fixtures for the guideline package: the repo's source (kilde/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from guideline import source

ROOT = Path(__file__).resolve().parents[2]
KILDE = ROOT / "kilde"
FIXTURE = ROOT / "tests" / "fixtures" / "retningslinje-0.02.txt"
FIRST = KILDE / "retningslinje-0.01.txt"


@pytest.fixture(scope="session")
def first():
    """0.01 as parsed on its own."""
    return source.parse(FIRST.read_text(encoding="utf-8"), "kilde/retningslinje-0.01.txt")
