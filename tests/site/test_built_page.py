"""tests/built_page.py, the tests' own reading of the built guideline page: anchor id -> text."""

from __future__ import annotations

from tests.built_page import parse

PAGE = """<html><body><nav id="nav">Meny Punkt 1</nav>
<article class="md-content__inner md-typeset">
<h2 id="a">Del A<a class="headerlink" href="#a">#</a></h2>
<p>Første <a href="x">lenke</a>.</p>
<h3 id="a1">Under A</h3><p id="p">Et avsnitt med <em>vekt</em>, og<br>linjeskift.</p>
<ul><li id="li">a) punkt</li></ul>
<h2 id="b">Del B</h2><p>Siste.</p>
</article><footer id="f">Bunn</footer></body></html>"""


def test_headings_mark_their_whole_section():
    g = parse(PAGE)
    assert g.anchors["a"] == "Del A Første lenke. Under A Et avsnitt med vekt, og linjeskift. a) punkt"
    assert g.anchors["a1"] == "Under A Et avsnitt med vekt, og linjeskift. a) punkt"
    assert g.anchors["b"] == "Del B Siste."


def test_elements_mark_their_own_text_without_extra_spaces_from_inline_tags():
    g = parse(PAGE)
    assert g.anchors["p"] == "Et avsnitt med vekt, og linjeskift."
    assert g.anchors["li"] == "a) punkt"


def test_only_the_article_counts():
    g = parse(PAGE)
    assert "nav" not in g.anchors and "f" not in g.anchors
    assert "Meny" not in g.text and "Bunn" not in g.text and "#" not in g.text
