"""Safe publishing: `make site` (tools/build_site.py) replaces site/ only after a build that passed, and a
production build (a site_url that is not local) stops while the form's or POU's address is a placeholder
(hooks/publish_guard.py)."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.content import REPO, ROOT
from tooling import publishing

from . import scratch

PRODUCTION = "https://intranett.tromsfylke.no/hjemmekontor/"
REAL = {"HJEMMEKONTOR_SKJEMA_URL": "https://skjema.tromsfylke.no/avtale-om-hjemmekontor",
        "POU_URL": "mailto:pou@tromsfylke.no"}


def run(project: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`make site` as the Makefile runs it, in a scratch project (check-only: what is tested here happens
    whatever the asset steps do)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", *REAL)}
    return subprocess.run([sys.executable, "-m", "tools.build_site"], cwd=project, capture_output=True, text=True,
                          env={**clean, "NO_MKDOCS_2_WARNING": "1", **scratch.CHECK_ONLY, **(env or {})})


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(project: Path) -> list[str]:
    return [p.name for p in project.iterdir() if p.name.startswith((".site-ny-", ".site-gammel-"))]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A scratch project with a good production build in its site/ (real addresses: the guard lets it through)."""
    project = scratch.project(tmp_path_factory.mktemp("publish"))
    result = run(project, {"SITE_URL": PRODUCTION, **REAL})
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "Nettstedet er bygget til site/." in result.stdout
    return project


def test_make_site_builds_through_the_safe_script():
    dry = subprocess.run(["make", "-n", "site"], cwd=REPO, capture_output=True, text=True)
    assert re.search(r"^\S*python\S* -m tools\.build_site", dry.stdout, re.M), dry.stdout


def build_with(published, page: str, paragraph: str):
    """A production build with `paragraph` added to docs/`page`, which is restored afterwards."""
    path = published / "docs" / page
    original = path.read_text(encoding="utf-8")
    path.write_text(original + f"\n\n{paragraph}\n", encoding="utf-8")
    try:
        return run(published, {"SITE_URL": PRODUCTION, **REAL})
    finally:
        path.write_text(original, encoding="utf-8")


def test_a_failed_build_exits_non_zero_and_leaves_the_last_good_site_byte_identical(published):
    site = published / "site"
    before = snapshot(site)
    assert "index.html" in before and oct(site.stat().st_mode)[-3:] == "755"
    failed = build_with(published, "faq.md", "Se [punktet](retningslinje.md#punkt-99).")
    assert failed.returncode != 0
    assert "Byggingen feilet (se over). site/ er ikke endret" in failed.stderr, failed.stderr[-2000:]
    assert snapshot(site) == before and leftovers(published) == []


def test_a_good_build_replaces_the_site(published):
    result = build_with(published, "index.md", "En ny setning på forsiden.")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "En ny setning på forsiden." in (published / "site" / "index.html").read_text(encoding="utf-8")
    assert leftovers(published) == []


@pytest.mark.parametrize("missing", [{}, {"POU_URL": REAL["POU_URL"]},
                                     {"HJEMMEKONTOR_SKJEMA_URL": REAL["HJEMMEKONTOR_SKJEMA_URL"]}])
def test_a_production_build_with_a_placeholder_stops_with_a_clear_message(published, missing):
    before = snapshot(published / "site")
    result = run(published, {"SITE_URL": PRODUCTION, **missing})
    assert result.returncode != 0
    assert f"Bygget stoppes: site_url er {PRODUCTION}" in result.stderr, result.stderr[-2000:]
    for name, variable in (("skjema_url", "HJEMMEKONTOR_SKJEMA_URL"), ("pou_url", "POU_URL")):
        assert (f"extra.{name} = " in result.stderr) == (variable not in missing), result.stderr
        assert (f"(sett {variable})" in result.stderr) == (variable not in missing)
    assert "Traceback" not in result.stderr
    assert snapshot(published / "site") == before


def test_a_local_build_with_the_defaults_passes(tmp_path):
    project = scratch.project(tmp_path)
    result = run(project)  # no SITE_URL: mkdocs.yml's local default, and the placeholder addresses
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "Bygget stoppes" not in result.stdout + result.stderr


def test_the_defaults_in_mkdocs_yml_are_placeholders_and_not_the_public_post_intake():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    defaults = dict(re.findall(r"^  (skjema_url|pou_url): !ENV \[\w+, \"([^\"]+)\"\]", config, re.M))
    assert set(defaults) == {"skjema_url", "pou_url"}
    assert all(publishing.is_placeholder(value) for value in defaults.values()), defaults
    assert "postmottak" not in defaults["pou_url"]


def test_the_placeholder_rule():
    for value in ("", None, "pou@tromsfylke.no", "/pou/", "mailto:", "mailto:pou@tromsfylke.invalid",
                  "https://skjema.example/", "https://www.example.com/x", "https://example.org",
                  "https://skjema.test/", "mailto:pou@tromsfylke.no,noen@example.net"):
        assert publishing.is_placeholder(value), value
    for value in ("mailto:pou@tromsfylke.no", "https://skjema.tromsfylke.no/avtale", "https://intranett/pou",
                  "https://examples.no/", "mailto:pou@tromsfylke.no?subject=Hjemmekontor"):
        assert not publishing.is_placeholder(value), value
    assert publishing.is_local("") and publishing.is_local(None) and publishing.is_local("http://[::1]:8000/")
    assert not publishing.is_local(PRODUCTION)
