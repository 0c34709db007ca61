"""HR's drill: a new guideline version added to a scratch copy of the project, as HR adds one.

The drill's text is the test-only fixture tests/fixtures/retningslinje-0.02.txt (the site's first
version with the edits in tests/guideline/edits.py). It is added as the version after the newest in
kilde/, renumbered so, and dated after it: so the drill works whichever versions HR has added since.
"""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

from guideline import versions
from tests.content import FIXTURES, ROOT

FIXTURE = FIXTURES / "retningslinje-0.02.txt"
_DATE = "%d.%m.%Y"


def next_number(number: str) -> str:
    """0.01 -> 0.02, 0.09 -> 0.10, 1.9 -> 1.10: the last part counts up, keeping its width."""
    head, _, last = number.rpartition(".")
    bumped = str(int(last) + 1).zfill(len(last))
    return f"{head}.{bumped}" if head else bumped


def add_next_version(kilde: Path) -> str:
    """Write the fixture into `kilde` as the version after its newest; returns its number."""
    newest = versions.load(kilde)[-1]
    number = next_number(newest.number)
    text = FIXTURE.read_text(encoding="utf-8")
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


def check(project: Path) -> subprocess.CompletedProcess:
    """`make sjekk` in `project`."""
    return subprocess.run([sys.executable, "-m", "tooling", "check"], cwd=project, capture_output=True, text=True)
