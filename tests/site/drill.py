"""HR's drill: a new guideline version added to a scratch copy of the project, as HR adds one.

The drill's text is the test-only fixture tests/fixtures/retningslinje-0.02.txt (the site's first
version with the edits in tests/guideline/edits.py), or, should the newest version in kilde/ already say
exactly that, the next fixture (retningslinje-0.03.txt): a new version that changes nothing would test
nothing. It is added as the version after the newest in kilde/, renumbered so, and dated after it: so the
drill works whichever versions HR has added since.
The drill's site is built on the day the new version takes effect (`in_force`), whatever today is.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

from guideline import versions
from tests.content import FIXTURES
from tests.site import guideline_source

FIXTURE = FIXTURES / "retningslinje-0.02.txt"
LATER = FIXTURES / "retningslinje-0.03.txt"  # the fixture after it (changes the header, list items and headings)
_DATE = "%d.%m.%Y"


def next_number(number: str) -> str:
    """0.01 -> 0.02, 0.09 -> 0.10, 1.9 -> 1.10: the last part counts up, keeping its width."""
    head, _, last = number.rpartition(".")
    bumped = str(int(last) + 1).zfill(len(last))
    return f"{head}.{bumped}" if head else bumped


def body(path: Path) -> list[str]:
    """A version's text without its header and page furniture (tests/site/guideline_source.py)."""
    return guideline_source.paragraphs(path)[len(guideline_source.header(path)):]


def add_next_version(kilde: Path, fixture: Path | None = None) -> str:
    """Write `fixture` (default: the drill's, see above) into `kilde` as the version after its newest,
    numbered and dated after it; returns its number."""
    newest = versions.load(kilde)[-1]
    fixture = fixture or next(f for f in (FIXTURE, LATER) if body(f) != body(newest.path))
    number = next_number(newest.number)
    text = fixture.read_text(encoding="utf-8")
    fixture_version = re.search(r"Versjon: ([\d.]+)", text).group(1)
    text = text.replace(f"Versjon: {fixture_version}\t", f"Versjon: {number}\t")
    text = text.replace(f"Versjon.: {fixture_version}\t", f"Versjon.: {number}\t")
    valid = re.search(r"Gjelder fra: (\d\d\.\d\d\.\d{4})", text).group(1)
    after = datetime.datetime.strptime(newest.document.meta.valid_from, _DATE).date()
    if datetime.datetime.strptime(valid, _DATE).date() <= after:
        later = (after + datetime.timedelta(days=1)).strftime(_DATE)
        text = text.replace(f"Gjelder fra: {valid}", f"Gjelder fra: {later}")
    (kilde / f"retningslinje-{number}.txt").write_text(text, encoding="utf-8")
    return number


def check(project: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`make sjekk` in `project` (`env`: settings such as the build date, HJEMMEKONTOR_DATO)."""
    return subprocess.run([sys.executable, "-m", "tooling", "check"], cwd=project, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def in_force(kilde: Path) -> dict:
    """The setting that makes the newest version in `kilde` the one in force: the build date (HJEMMEKONTOR_DATO)
    is the day it takes effect."""
    return {versions.DATE_SETTING: versions.load(kilde)[-1].document.meta.starts.isoformat()}
