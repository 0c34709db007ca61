"""The Content-Security-Policy in deploy/ cannot drift from the HTML the build writes.

The policy is fixed text in deploy/snippets/hjemmekontor.conf (an admin copies it once), and
the pages carry Material's inline scripts. If Material, a template or an override changes one of
them, its sha256 is no longer in the policy and the browser blocks it: these tests fail first.
"""

from __future__ import annotations

from pathlib import Path

import material

from tests.conftest import ROOT
from tests.deploy.served import csp, get, inline_scripts, sha256_source

OVERRIDE = ROOT / "overrides" / "partials" / "javascripts" / "base.html"
UPSTREAM = Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "base.html"


def served_script_sources(nginx, path: str = "") -> set[str]:
    return set(csp(get(nginx.url + path).header("Content-Security-Policy"))["script-src"])


def test_every_inline_script_in_the_nginx_build_is_allowed_by_the_served_policy(nginx, nginx_site):
    pages = sorted(nginx_site.rglob("*.html"))
    assert len(pages) >= 8
    missing = []
    for page in pages:
        path = page.relative_to(nginx_site).as_posix()
        resp = get(nginx.url + path)
        assert resp.status == 200, path
        allowed = set(csp(resp.header("Content-Security-Policy"))["script-src"])
        scripts, handlers = inline_scripts(resp.body.decode("utf-8"))
        assert scripts, f"{path}: no inline scripts at all; is this Material's page?"
        assert not handlers, f"{path}: inline handlers, which no hash can allow: {handlers}"
        missing += [f"{path}: {sha256_source(s)} for {s[:60]!r}…" for s in scripts if sha256_source(s) not in allowed]
    assert not missing, "inline scripts not in the policy (deploy/snippets/hjemmekontor.conf):\n" + "\n".join(missing)


def test_every_inline_script_in_site_is_allowed_too(nginx, site_dir):
    # `make site` (site_url at the root) is what gets deployed; its pages must match the same policy.
    allowed = served_script_sources(nginx)
    for page in sorted(site_dir.rglob("*.html")):
        scripts, handlers = inline_scripts(page.read_text(encoding="utf-8"))
        assert not handlers, page
        for s in scripts:
            assert sha256_source(s) in allowed, f"{page.relative_to(site_dir)}: {s[:60]!r}…"


def test_policy_has_no_hash_that_no_page_uses(nginx, nginx_site):
    # A stale hash allows a script nobody ships any more; drop it when Material drops the script.
    used = {sha256_source(s) for page in nginx_site.rglob("*.html")
            for s in inline_scripts(page.read_text(encoding="utf-8"))[0]}
    hashes = {s for s in served_script_sources(nginx) if s.startswith("'sha256-")}
    assert hashes == used


def test_scope_script_override_is_materials_but_for_where_the_base_comes_from():
    # The override must track Material: after an upgrade, copy Material's new partial and redo the
    # one change (base from data-md-scope), then update the hash in deploy/.
    upstream = UPSTREAM.read_text(encoding="utf-8").split("-#}", 1)[1].strip()
    ours = OVERRIDE.read_text(encoding="utf-8").split("-#}", 1)[1].strip()
    expected = upstream.replace(
        '<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location)',
        '<script data-md-scope="{{ config.extra.scope | d(base_url) | e }}">'
        "__md_scope=new URL(document.currentScript.dataset.mdScope,location)",
    )
    assert expected != upstream, "Material's scope script changed shape: redo the override"
    assert ours == expected
