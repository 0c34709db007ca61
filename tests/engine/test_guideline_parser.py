"""decision_tree.guideline: anchor id -> text of what it marks."""

from __future__ import annotations

from decision_tree.guideline import parse

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


def test_built_guideline_has_every_published_anchor(guideline):
    expected = (
        "retningslinje generelle-bestemmelser punkt-1 punkt-2 punkt-3 punkt-4 punkt-5 punkt-6 punkt-7 punkt-7a "
        "punkt-7b punkt-7c punkt-7d punkt-7-vurdering punkt-8 punkt-8a punkt-8b punkt-9 punkt-10 kortvarig "
        "sporadisk forsikring forsikring-ordning forsikring-fritidsulykke forsikring-rettspraksis "
        "forsikring-avklaring forsikring-vurdering reise avtale"
    ).split()
    assert set(expected) <= set(guideline.anchors)
    assert guideline.anchors["punkt-8b"].startswith("b) Leder avgjør")
    assert "vil det skaden kunne være en fritidsulykke" in guideline.anchors["forsikring-fritidsulykke"]
