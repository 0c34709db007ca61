"""Shared fixtures: the repo's paths and the built site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# The site under test (SITE_DIR, default site/) and the Chromium to drive: shared with tools/.
from tools.devserver import CHROMIUM, ROOT, SITE, launch

GUIDELINE_SOURCE = ROOT.parent / "shared" / "guideline" / "retningslinje-hjemmekontor.txt"


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site. `make test` builds it first; build it here when run bare."""
    if not (SITE / "index.html").exists() or os.environ.get("REBUILD_SITE"):
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(SITE)],
            cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    return SITE


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session, shared by tests/browser/ and tests/deploy/ (Playwright's sync
    API cannot run two at once)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium mangler ({CHROMIUM}): kjør 'make test', eller 'apt-get install -y chromium'.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
