"""A broken internal link or anchor fails the build (strict mode with MkDocs' link validation)."""

from __future__ import annotations

import re

import pytest

from . import scratch


@pytest.fixture(scope="module")
def scratch_site(tmp_path_factory):
    """A scratch copy of the project. Each test below fails its build with exactly one warning, its own:
    a clean copy builds (test_publishing.py builds one)."""
    return scratch.project(tmp_path_factory.mktemp("strict"))


def build_with_link(project, tmp_path, link: str):
    faq = project / "docs" / "faq.md"
    original = faq.read_text(encoding="utf-8")
    faq.write_text(original + f"\n\nSe [dette]({link}).\n", encoding="utf-8")
    try:
        return scratch.build(project, tmp_path / "out")
    finally:
        faq.write_text(original, encoding="utf-8")


def test_broken_anchor_fails_build(scratch_site, tmp_path):
    result = build_with_link(scratch_site, tmp_path, "retningslinje.md#punkt-99")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    # retningslinje.md, or the newest version's page while it is not yet in force (the FAQ follows the newest).
    assert re.search(r"contains a link 'retningslinje(/versjon/[\d.]+)?\.md#punkt-99'", output), output[-3000:]
    assert "anchor '#punkt-99'" in output, output[-3000:]
    assert "Aborted with 1 warnings in strict mode!" in output and "Traceback" not in output


def test_broken_page_link_fails_build(scratch_site, tmp_path):
    result = build_with_link(scratch_site, tmp_path, "finnes-ikke.md")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "contains a link 'finnes-ikke.md'" in output and "not found among documentation files" in output, output[-3000:]
    assert "Aborted with 1 warnings in strict mode!" in output and "Traceback" not in output
