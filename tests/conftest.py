"""Shared fixtures: the repo's paths and the built site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# SITE_DIR lets a check run the suite against another build (e.g. a deliberately broken one).
SITE = Path(os.environ.get("SITE_DIR", ROOT / "site")).resolve()
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
