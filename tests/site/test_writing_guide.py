"""SKRIVEVEILEDNING.md: one voice in docs/ and in the decision trees, checked over our own words (not the
guideline's quotes). Each failure names file:line. The rules themselves are tested on samples that
break them and samples that keep them, so none of them can pass by matching nothing."""

from __future__ import annotations

import pytest

from tests.site import writing_guide
from tests.site.writing_guide import ROOT, check, markdown_prose, toml_prose


@pytest.mark.parametrize("path", writing_guide.files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_file_follows_the_writing_guide(path):
    found = writing_guide.problems(path)
    assert not found, "Brudd på SKRIVEVEILEDNING.md:\n" + "\n".join(found)


def test_the_guide_is_linked_from_the_readme():
    assert "(SKRIVEVEILEDNING.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


# (text that breaks a rule, the same thing written by the guide)
SAMPLES = [
    ("Snakk med din leder.", "Snakk med lederen din."),
    ("Avklar med nærmeste leder.", "Avklar med lederen din."),
    ("Leder avgjør om du må møte.", "Lederen din avgjør om du må møte."),
    ("Kan lederen kalle meg inn?", "Kan lederen min kalle meg inn?"),
    ("Kan jeg jobbe hjemme i morgen?", "Kan jeg jobbe hjemmefra i morgen?"),
    ("Du kan arbeide deler av stillingen hjemmefra.", "Du kan jobbe hjemmefra i deler av stillingen."),
    ("Når du skal arbeide fra ditt eget hjem.", "Når du skal jobbe hjemmefra."),
    ("Kortvarig hjemmekontor skal avklares.", "Kortvarig hjemmearbeid skal avklares."),
    ("Du trenger en avtale om hjemmearbeid.", "Du trenger en avtale om hjemmekontor."),
    ("Ta med pc-en.", "Ta med PC-en."),
    ("Ta med egen pc.", "Ta med egen PC."),
    ("mindre enn en dag i uken", "mindre enn én dag i uken"),
    ("inntil et år", "inntil ett år"),
    ("helst skriftlig per epost", "helst skriftlig per e-post"),
    ("Snakk med lederen din, helst\nskriftlig per e-post.", "Avklar med lederen din, helst skriftlig per e-post."),
    ("Kontakt POU (personal- og organisasjonsavdelingen).", "Kontakt POU."),
    ("Du er uansett omfattet av en forsikringsordning.", "Du er omfattet av en forsikringsordning **på hjemmekontor**."),
    ("Du er uansett forsikret.", "Retningslinjen sier at arbeidstaker er omfattet av en forsikringsordning på hjemmekontor."),
    ("Vilkåret ser ut til å være oppfylt.", "Det vurderes konkret i hver sak."),
    ("Dette er ikke en yrkesskade.", "For at det skal være en yrkesskade, må det være en sammenheng."),
    ("Skader i pauser blir sjelden godkjent.", "Man får ofte ikke godkjent skader hjemme."),
    ("for å ta godt imot en ny medarbeider", "for å ivareta en ny medarbeider på en god måte"),
    ("retningslinjen slik den er vedtatt", "retningslinjen"),
    ("Det omfattes ikke av hjemmekontorforskriften.",
     "Det omfattes ikke av hjemmekontorforskriften (Forskrift om arbeid som utføres i arbeidstakers hjem)."),
    ("Det er ikke hjemmekontor etter forskriften.",
     "Det omfattes ikke av hjemmekontorforskriften (Forskrift om arbeid som utføres i arbeidstakers hjem)."),
]


@pytest.mark.parametrize("bad,good", SAMPLES, ids=[bad[:40] for bad, _ in SAMPLES])
def test_each_rule_finds_the_break_and_accepts_the_fix(bad, good):
    assert check(markdown_prose(bad + "\n")), f"ingen regel fant bruddet i «{bad}»"
    assert not check(markdown_prose(good + "\n")), check(markdown_prose(good + "\n"))


def test_quotes_and_their_attribution_are_not_read():
    page = ("## Er jeg forsikret? { #forsikring }\n\nSvar.\n\n"
            "> «Merk også at det må avklares med leder, helst skriftlig per epost eller tilsvarende»\n>\n"
            "> — [Retningslinjen, Forsikring og hjemmekontor](retningslinje.md#forsikring-avklaring)\n")
    assert not check(markdown_prose(page))


def test_guillemets_outside_a_quote_block_are_a_problem_in_docs():
    assert check(markdown_prose("Trykk på «Gå til innhold».\n"))
    assert not check(markdown_prose("Trykk på **Gå til innhold**.\n"))


def test_each_answer_names_the_regulation_in_full_the_first_time():
    explained = "hjemmekontorforskriften (Forskrift om arbeid som utføres i arbeidstakers hjem)"
    page = f"## Første? {{ #a }}\n\nIkke omfattet av {explained}.\n\n## Andre? {{ #b }}\n\nIkke omfattet av hjemmekontorforskriften.\n"
    found = check(markdown_prose(page))
    assert len(found) == 1 and page.count("\n", 0, found[0][0]) + 1 == 7  # the second answer, not the first


def test_toml_reads_only_text_keys_and_reports_the_line():
    tree = ('# Kommentar: din leder\nid = "leder"\n\n[[outcome]]\nid = "x"\ntitle = "Tittel"\ntext = """\n'
            'Første linje.\nSnakk med din leder.\n"""\n\n[[outcome.citation]]\nanchor = "punkt-3"\n'
            'quote = "Leder avgjør"\n')
    found = check(toml_prose(tree))
    assert [tree.count("\n", 0, offset) + 1 for offset, _ in found] == [9]


def test_toml_guillemets_must_be_the_guidelines_words():
    assert check(toml_prose('text = "Den sier «noen få dager»."\n'))
    assert not check(toml_prose('text = "Den gjelder «på hjemmekontor»."\n'))
