"""A complete copy of the project in a scratch folder, to build with one thing changed.

Everything the build reads is copied (so a test may edit it) or linked (read-only, large:
node_modules, the build caches, tools). A scratch build that fails must fail for the reason the
test gives it, never because a piece was missing: tests check a clean scratch build passes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COPIED = ("docs", "overrides", "hooks", "decision_tree", "guideline", "kilde", "content")
FILES = ("mkdocs.yml", "pyproject.toml", "package.json")
LINKED = ("node_modules", ".cache", "tools")


def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    for name in COPIED:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in FILES:
        shutil.copy(ROOT / name, target / name)
    for name in LINKED:
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)
    return target


def build(project_dir: Path, out: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` (pass "--no-strict" in `args` to see a site with warnings)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out), *args],
        cwd=project_dir, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
