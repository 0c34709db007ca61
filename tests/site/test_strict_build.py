"""A broken internal link or anchor fails the build (strict mode with MkDocs' link validation)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def build(tmp_path: Path, broken_link: str) -> subprocess.CompletedProcess:
    project = tmp_path / "project"
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for extra in ("decision_tree", "node_modules"):  # the hook may need these; link, don't copy
        if (ROOT / extra).exists():
            (project / extra).symlink_to(ROOT / extra)
    faq = project / "docs" / "faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + f"\n\nSe [dette]({broken_link}).\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_broken_anchor_fails_build(tmp_path):
    result = build(tmp_path, "retningslinje.md#punkt-99")
    assert result.returncode != 0
    assert "punkt-99" in result.stdout + result.stderr


def test_broken_page_link_fails_build(tmp_path):
    result = build(tmp_path, "finnes-ikke.md")
    assert result.returncode != 0
    assert "finnes-ikke.md" in result.stdout + result.stderr
