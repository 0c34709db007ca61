"""When a query names a topic the guideline is silent on, the FAQ answer that says so comes first.
The topics are the line `<!-- topics: … -->` under the question in docs/faq.md (README: «Spørsmål
og svar»). Here a scratch copy of the site gets that line on the answer about costs, naming «skatt»,
which the guideline mentions only for work abroad: before, «skatt» leads to punkt 5 and working
abroad; after, to the answer that says the guideline is silent on costs."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import new_context
from tests.browser.search_box import shown, type_query
from tests.site import scratch
from tools import devserver

pytestmark = pytest.mark.browser

ENTRY = "strom-internett-mobil"
TOPIC = "skatt"


def _with_topics(markdown: str) -> str:
    """docs/faq.md with the topic added to the entry's topics line, or a new line under its heading."""
    lines = markdown.splitlines()
    at = next(n for n, line in enumerate(lines) if re.search(rf"\{{ *#{ENTRY} *\}}\s*$", line))
    for n in range(at + 1, len(lines)):
        found = re.match(r"^<!--\s*topics:\s*(.*?)\s*-->\s*$", lines[n])
        if found:
            lines[n] = f"<!-- topics: {found.group(1)}, {TOPIC} -->"
            break
        if not lines[n].startswith("<!--"):
            lines.insert(at + 1, f"<!-- topics: {TOPIC} -->")
            break
    return "\n".join(lines) + "\n"


def _topics(markdown: str) -> list[str]:
    """The topics the entry has in `markdown` already."""
    block = re.search(rf"\{{ *#{ENTRY} *\}}\s*\n((?:<!--.*-->\s*\n)*)", markdown)
    found = re.search(r"<!--\s*topics:\s*(.*?)\s*-->", block.group(1)) if block else None
    return [t.strip() for t in found.group(1).split(",")] if found else []


@pytest.fixture(scope="module")
def silent_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("silent")
    project = scratch.project(tmp)
    faq = project / "docs" / "faq.md"
    faq.write_text(_with_topics(faq.read_text(encoding="utf-8")), encoding="utf-8")
    built = scratch.build(project, tmp / "site")
    assert built.returncode == 0, (built.stdout + built.stderr)[-3000:]
    return tmp / "site"


def _first(browser, base_url) -> list[str]:
    context = new_context(browser, base_url)
    page = context.new_page()
    page.goto("")
    type_query(page, TOPIC)
    found = shown(page)
    context.close()
    return found


def test_a_topic_the_guideline_is_silent_on_puts_its_faq_answer_first(browser, base_url, silent_site):
    faq = (devserver.ROOT / "docs" / "faq.md").read_text(encoding="utf-8")
    if TOPIC not in _topics(faq):
        # Without the line, «skatt» leads elsewhere: so the line is what puts the answer first.
        assert _first(browser, base_url)[0] != f"faq/#{ENTRY}"
    with devserver.serve(silent_site) as url:
        assert _first(browser, url)[0] == f"faq/#{ENTRY}"
