"""The search query set (tests/search/queries.toml) is large, split in two, and honest about its
targets: every target is a section the built site has, and every FAQ entry, every section of the
guideline and every decision tree is the answer to some query. Read from the built site, so a new
FAQ entry or guideline section asks for queries of its own."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.content import CONTENT, PROJECT
from tests.site.page_text import article_text
from tooling.search_queries import required as required_targets
from tools import search_queries

_SECTION = re.compile(r'<h([23]) id="([^"]+)"')


def _article(site_dir, page: str) -> str:
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    return html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def _sections_with_text(article: str, level: str | None = None) -> list[str]:
    """Heading ids whose section (up to the next heading) has words of its own."""
    marks = list(_SECTION.finditer(article))
    out = []
    for mark, following in zip(marks, [*marks[1:], None]):
        if level and mark.group(1) != level:
            continue
        body = article[mark.end():following.start() if following else len(article)]
        # The section's own words: what the build adds (data-added: "Kopier lenke") is left out.
        words = article_text(f'<article class="md-content__inner">{body.split("</h", 1)[-1]}</article>',
                             skip_added=True)
        if len(re.findall(r"\w{3,}", words)) >= 5:
            out.append(mark.group(2))
    return out


def _has(path, anchor: str) -> bool:
    return path.exists() and (not anchor or f'id="{anchor}"' in path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def queries():
    return search_queries.load(PROJECT.queries)


@pytest.fixture(scope="module")
def targets(queries):
    return Counter(t for q in queries for t in q.targets)


def test_the_set_is_large_and_split_in_two(queries):
    assert len(queries) >= 150
    assert len({q.text for q in queries}) == len(queries), "et søk står to ganger"
    halves = Counter(q.half for q in queries)
    assert min(halves.values()) >= 0.4 * len(queries), halves


def test_every_target_is_a_section_the_site_has(site_dir, targets):
    # A section of a version that is not in force yet is on that version's own page until its date.
    upcoming = f"retningslinje/versjon/{CONTENT.newest.number}/"
    missing = []
    for target in targets:
        page, _, anchor = target.partition("#")
        pages = [page, upcoming] if page == "retningslinje/" else [page]
        if not any(_has(site_dir / p / "index.html", anchor) for p in pages):
            missing.append(target)
    assert not missing, f"tests/search/queries.toml viser til deler nettstedet ikke har: {missing}"


def test_every_faq_entry_guideline_section_and_tree_is_an_answer(targets):
    required = required_targets(CONTENT)
    faq = [t for t in required if t.startswith("faq/")]
    assert len(faq) > 20 and len([t for t in required if t.startswith("retningslinje/")]) > 10
    assert len([t for t in required if t.startswith("beslutningstre/")]) >= 4
    unanswered = [t for t in required if not targets[t]]
    assert not unanswered, ("Ingen søk i tests/search/queries.toml har disse som svar; legg til søk med ordene "
                            f"folk bruker: {unanswered}")


def test_the_rule_finds_every_section_the_built_site_has(site_dir):
    """`beslutningstre check` names what lacks a query from the data; the built pages agree with it."""
    required = required_targets(CONTENT)
    built = [f"faq/#{a}" for a in _sections_with_text(_article(site_dir, "faq"), "2")]
    built += [f"retningslinje/#{a}" for a in _sections_with_text(_article(site_dir, "retningslinje"))]
    built += [f"beslutningstre/{p.parent.name}/" for p in (site_dir / "beslutningstre").glob("*/index.html")]
    assert sorted(set(built) - set(required)) == []
