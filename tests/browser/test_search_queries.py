"""People search with everyday words ("strøm", "kontorstol", "kjøregodtgjørelse"): each query below, typed into
the real search box in Chromium, shows a right answer among the first three results a reader sees. One page
load for all of them: the box is emptied and the next query entered.

The queries are short, in the words employees use, at least one per topic of the FAQ (also those the guideline
is silent on). Several answers may be right: a FAQ answer, the guideline point it quotes, and the decision tree
that answers the same question (by the tree's address, which stays; its sections are the tree's own). When a query
fails, put the everyday word where it belongs, visible: in the heading or the answer (SKRIVEVEILEDNING.md, "Søkeord").
Search prefix-matches every word, so a query's rarest word decides: short words such as "til" also match
"tilbake", "tilleggsavtale" and so on.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import new_context
from tests.browser.search_box import enter, open_search, shown
from tests.site.test_faq import SILENT  # the FAQ topics the guideline is silent on

pytestmark = pytest.mark.browser

F = "faq/#"
R = "retningslinje/#"
T = "beslutningstre/"  # a decision tree that answers it: any result on the tree's page
# query -> the sections that answer it
QUERIES = {
    # Costs
    "strøm": {F + "strom-internett-mobil"},
    "internett": {F + "strom-internett-mobil"},
    "bredbånd": {F + "strom-internett-mobil"},
    "mobilregning": {F + "strom-internett-mobil"},
    "telefon": {F + "strom-internett-mobil"},
    "dekke utgifter": {F + "strom-internett-mobil"},
    "kjøregodtgjørelse": {F + "reise", T + "reise/"},
    "reiseutgifter": {F + "reise", T + "reise/"},
    "reise til kontoret": {F + "reise", R + "reise", T + "reise/"},
    "kompensasjon": {F + "reise", F + "strom-internett-mobil", R + "reise", R + "punkt-8",
                     F + "innkalling-hjemmekontordag", T + "reise/"},
    # Furniture, equipment
    "kontorstol": {F + "kontorstol-og-pult"},
    "hev senk pult": {F + "kontorstol-og-pult"},
    "skrivebord": {F + "kontorstol-og-pult"},
    "ergonomi": {F + "kontorstol-og-pult"},
    "tastatur og mus": {F + "kontorstol-og-pult"},
    "skriver": {F + "kontorstol-og-pult"},
    "headset": {F + "utstyr", R + "punkt-9", T + "utstyr/"},
    "laptop": {F + "utstyr", R + "punkt-9", T + "utstyr/"},
    "låne pc": {F + "utstyr", R + "punkt-9", T + "utstyr/"},
    "skjerm": {F + "utstyr", R + "punkt-9", T + "utstyr/"},
    "privat pc": {F + "egen-pc", T + "utstyr/"},
    "egen pc": {F + "egen-pc", R + "punkt-9", T + "utstyr/"},
    "sikkerhetsoppdatering": {F + "egen-pc", R + "punkt-9"},
    "mistet pc": {F + "mistet-eller-odelagt-utstyr"},
    "stjålet pc": {F + "mistet-eller-odelagt-utstyr"},
    "knust skjerm": {F + "mistet-eller-odelagt-utstyr"},
    "ødelagt headset": {F + "mistet-eller-odelagt-utstyr"},
    "tyveri": {F + "mistet-eller-odelagt-utstyr"},
    # Safety and security
    "brannvarsler": {F + "brannsikkerhet-og-hms"},
    "brannslukker": {F + "brannsikkerhet-og-hms"},
    "hms hjemme": {F + "brannsikkerhet-og-hms"},
    "brannsikkerhet": {F + "brannsikkerhet-og-hms"},
    "arbeidsmiljø": {F + "brannsikkerhet-og-hms", F + "hvem-bestemmer-omfang", F + "avtale-trekkes-tilbake",
                     R + "punkt-4", R + "punkt-7"},
    "taushetsplikt": {F + "taushetsplikt-og-personopplysninger"},
    "personopplysninger": {F + "taushetsplikt-og-personopplysninger"},
    "personvern": {F + "taushetsplikt-og-personopplysninger"},
    "gdpr": {F + "taushetsplikt-og-personopplysninger"},
    "wifi": {F + "taushetsplikt-og-personopplysninger"},
    "papirer hjemme": {F + "taushetsplikt-og-personopplysninger"},
    # The agreement
    "si opp avtalen": {F + "si-opp-avtalen"},
    "avslutte hjemmekontor": {F + "si-opp-avtalen", F + "avtale-trekkes-tilbake"},
    "tilbake til kontoret": {F + "si-opp-avtalen", F + "avtale-trekkes-tilbake"},
    "trekke tilbake avtalen": {F + "avtale-trekkes-tilbake", R + "punkt-4"},
    "hvor lenge gjelder avtalen": {F + "avtale-trekkes-tilbake"},
    "skriftlig avtale": {F + "skriftlig-avtale", R + "punkt-2"},
    "skjema hjemmekontor": {F + "skriftlig-avtale", R + "avtale", R + "punkt-2"},
    "tilleggsavtale": {F + "skriftlig-avtale", R + "punkt-2"},
    "rett til hjemmekontor": {F + "rett-til-hjemmekontor", R + "punkt-3"},
    "plikt": {F + "rett-til-hjemmekontor", R + "punkt-3"},
    "hvem bestemmer": {F + "hvem-bestemmer-omfang", R + "punkt-7"},
    "hvor mange dager hjemmekontor": {F + "hvem-bestemmer-omfang", R + "punkt-7"},
    "styringsrett": {F + "hvem-bestemmer-omfang", R + "punkt-8"},
    "klage": {F + "leder-sier-nei"},
    "fått nei": {F + "leder-sier-nei"},
    "avtale på papir": {F + "eldre-avtale", T + "hjemmearbeid/"},
    "utløpt avtale": {F + "avtale-utlopt", T + "hjemmearbeid/"},
    "fornye avtalen": {F + "avtale-utlopt", T + "hjemmearbeid/"},
    "ekstra dager": {F + "ekstra-dager-med-avtale", T + "hjemmearbeid/"},
    "levere tilbake utstyr": {F + "levere-tilbake-utstyr", T + "utstyr/"},
    # Sickness, weather, time
    "sykt barn": {F + "sykt-barn-og-sykemelding"},
    "syk": {F + "sykt-barn-og-sykemelding"},
    "sykmeldt": {F + "sykt-barn-og-sykemelding"},
    "sykmelding": {F + "sykt-barn-og-sykemelding", F + "brukket-fot"},
    "skoleferie": {F + "barn-hjemme-i-ferien"},
    "barnepass": {F + "barn-hjemme-i-ferien"},
    "egenmelding": {F + "sykt-barn-og-sykemelding"},
    "sykefravær": {F + "sykt-barn-og-sykemelding"},
    "brukket fot": {F + "brukket-fot", R + "kortvarig"},
    "tilrettelegging": {F + "brukket-fot", F + "sykt-barn-og-sykemelding", R + "kortvarig"},
    "uvær": {F + "uvaer-og-stengt-vei"},
    "stengt vei": {F + "uvaer-og-stengt-vei"},
    "ferje innstilt": {F + "uvaer-og-stengt-vei"},
    "snøstorm": {F + "uvaer-og-stengt-vei"},
    "overtid": {F + "kveldsarbeid-og-overtid"},
    "kveldsarbeid": {F + "kveldsarbeid-og-overtid"},
    "jobbe i helgen": {F + "kveldsarbeid-og-overtid"},
    "jobbe kveld og helg": {F + "kveldsarbeid-og-overtid"},
    "fleksitid": {F + "fleksitid", R + "punkt-6"},
    "arbeidstid": {F + "fleksitid", F + "kveldsarbeid-og-overtid", R + "punkt-6"},
    # Where and how much
    "hytte": {F + "hytte", R + "punkt-1", T + "hjemmearbeid/"},
    "jobbe fra hytta": {F + "hytte", R + "punkt-1", T + "hjemmearbeid/"},
    "utlandet": {F + "utlandet", R + "punkt-5", T + "hjemmearbeid/"},
    "jobbe fra utlandet": {F + "utlandet", R + "punkt-5", T + "hjemmearbeid/"},
    "kortvarig": {F + "kortvarig-eller-sporadisk", R + "kortvarig", T + "hjemmearbeid/"},
    "sporadisk": {F + "kortvarig-eller-sporadisk", R + "sporadisk", T + "hjemmearbeid/"},
    "noen dager hjemmefra": {F + "kortvarig-eller-sporadisk", R + "kortvarig", T + "hjemmearbeid/"},
    "hjemmekontorforskriften": {F + "kortvarig-eller-sporadisk", F + "skriftlig-avtale", R + "punkt-10"},
    "avklare med lederen": {F + "avklare-med-leder"},
    "halv dag": {F + "fast-halv-dag", T + "hjemmearbeid/"},
    "annenhver fredag": {F + "fast-halv-dag", T + "hjemmearbeid/"},
    "bor i sverige": {F + "utlandet", T + "hjemmearbeid/"},
    "reisetid": {F + "innkalling-hjemmekontordag", T + "reise/"},
    "kalt inn på hjemmekontordag": {F + "innkalling-hjemmekontordag", R + "punkt-8", T + "reise/"},
    "fysisk møte": {F + "innkalling-hjemmekontordag", R + "punkt-8", T + "reise/"},
    # Insurance and injuries
    "forsikring": {F + "forsikring", R + "forsikring"},
    "forsikret hjemme": {F + "forsikring", R + "forsikring"},
    "yrkesskade": {F + "skade-i-lunsjpausen", F + "forsikring", R + "forsikring", T + "yrkesskade/"},
    "skade i lunsjpausen": {F + "skade-i-lunsjpausen", R + "forsikring", T + "yrkesskade/"},
    "fritidsulykke": {F + "forsikring", R + "forsikring"},
    "folketrygden": {F + "skade-i-lunsjpausen", F + "skade-utenfor-hjemmet", R + "forsikring"},
    "skade på hytta": {F + "skade-utenfor-hjemmet", T + "yrkesskade/"},
    "skadet på vei til jobb": {F + "skade-utenfor-hjemmet", T + "yrkesskade/"},
    "arbeidsvei": {F + "skade-utenfor-hjemmet"},
    "skade utenfor hjemmet": {F + "skade-utenfor-hjemmet"},
    "vondt i ryggen": {F + "belastningsskade", T + "yrkesskade/"},
    "arbeidsstillingen": {F + "belastningsskade", F + "kontorstol-og-pult", T + "yrkesskade/"},
    "skadet på fridag": {F + "skade-pa-fridag", T + "yrkesskade/"},
    "melde skade": {F + "melde-skade", T + "yrkesskade/"},
}


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    """One page with the search box open, shared by every query."""
    context = new_context(browser, base_url)
    page = context.new_page()
    page.goto("")
    open_search(page)
    yield page
    context.close()
    assert not context.guard.foreign, f"forespørsler til tredjepart: {context.guard.foreign}"


def test_the_set_is_large_and_covers_every_silent_topic():
    assert len(QUERIES) >= 60
    answered = set().union(*QUERIES.values())
    for anchor in SILENT:
        assert sum(F + anchor in sections for sections in QUERIES.values()) >= 3, anchor
    assert all(a.startswith((F, R)) or (a.startswith(T) and a.endswith("/")) for a in answered)


@pytest.mark.parametrize("query", QUERIES)
def test_query_shows_a_right_answer_among_the_first_three(search_page, query):
    enter(search_page, query)
    top = shown(search_page)[:3]
    right = [r for r in top for answer in QUERIES[query]
             if r == answer or (answer.endswith("/") and r.startswith(answer))]
    assert right, f"«{query}» viste {top}, ventet en av {sorted(QUERIES[query])}"
