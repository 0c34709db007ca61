"""MkDocs hook: the site's search index, built from the pages as readers see them.

Material's search plugin stays on for its search box and keyboard handling; its own index and
engine are not used (overrides/partials/search.html names the form so Material never fetches
them). This hook writes what the site's search (assets/javascripts/search/) loads instead:

- one document per section: a heading with an id starts one, and only that heading's own text is
  its title (Material's parser ran a tree outcome's title into the headings that follow it);
  what a reader never sees is left out (<template>, [hidden], [data-search-exclude]), and so are
  the tree pages' overview furniture (the diagram and the table of all paths repeat the outcomes);
- for each document: where it is, which page it is on in words a reader knows (Retningslinjen,
  Spørsmål og svar, the tree's name), its text, the guideline quotes it holds (kept apart, so an
  answer's own words weigh more than what it quotes), and for an answer that says the guideline is
  silent, the topics it is silent on;
- the everyday words HR keeps in content/search-words.toml, checked here with file:line messages.

The FAQ's metadata comes from tooling/faq.py and the everyday words from tooling/search_words.py,
as the checks read them.
"""

from __future__ import annotations

import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from tooling import faq, search_words
from tooling.project import Project

TARGET = "search/sok.json"
# Material's search plugin writes its own index; nothing fetches it (the form is not named
# "search"), so it goes.
MATERIAL_INDEX = "search/search_index.json"
SCRIPTS = "assets/javascripts/search/"
# Files the browser imports, copied from node_modules (licences beside them there) without their
# source-map comment: the maps are not shipped, so DevTools would ask for a file that is not there.
VENDOR = {
    "vendor/minisearch.js": "minisearch/dist/es/index.js",
    "vendor/stemmer-no.js": "@orama/stemmers/dist/no.js",
}
# Where each kind of answer lives, named as a reader knows it. A tree's sections name the tree (its
# title), and the tree page itself is "Beslutningstre"; other pages are searchable too, below these.
SOURCES = {"retningslinje/": "Retningslinjen", "faq/": "Spørsmål og svar"}
TREE = "Beslutningstre"
# A tree page's overview furniture (overrides/partials/tree/page.md): the outline's
# questions and outcomes are indexed, the sections that repeat them are not.
TREE_FURNITURE = {"hele-treet", "diagram", "alle-veier"}

_HEADING = {f"h{n}" for n in range(1, 7)}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_BLOCK = _HEADING | {"p", "li", "dt", "dd", "div", "section", "blockquote", "figure", "figcaption", "tr", "td",
                     "th", "ul", "ol", "table", "details", "summary", "pre", "br"}
_SOURCE_MAP = re.compile(r"\n//# sourceMappingURL=[^\n]*\s*$")


# --- Sections of a page -----------------------------------------------------------------------------


class _Sections(HTMLParser):
    """A page's article split at every heading with an id. Collects, per section, the heading's own
    text (title), the prose (text) and what stands in blockquotes (quote)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.sections: list[dict] = []
        self.heading: str | None = None  # the tag of the heading whose text is a title
        self.heading_depth = 0
        self.quote_depth = 0
        self._new(None)

    def _new(self, anchor):
        self.current = {"id": anchor, "title": [], "text": [], "quote": [], "link": False}
        self.sections.append(self.current)

    def _skipping(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            if tag == "br":
                self._put(" ")
            return
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        skipped = (tag in ("template", "script", "style") or "hidden" in a or "data-search-exclude" in a
                   or "headerlink" in classes)
        self.stack.append((tag, skipped))
        if self._skipping():
            return
        if tag in ("blockquote", "figcaption"):
            self.quote_depth += 1
        if tag == "a" and self.heading:
            self.current["link"] = True
        if tag in _HEADING and a.get("id"):
            self._new(a["id"])
            self.heading, self.heading_depth = tag, len(self.stack)
        elif tag in _BLOCK:
            self._put(" ")

    def handle_endtag(self, tag):
        while self.stack:
            t, skipped = self.stack.pop()
            if not skipped and not self._skipping() and t in ("blockquote", "figcaption"):
                self.quote_depth -= 1
            if t == self.heading and len(self.stack) < self.heading_depth:
                self.heading = None
            if t == tag:
                break
        if tag in _BLOCK:
            self._put(" ")

    def handle_data(self, data):
        if not self._skipping():
            self._put(data)

    def _put(self, data: str):
        part = ("title" if self.heading else "quote" if self.quote_depth else "text")
        self.current[part].append(data)


def _clean(parts: list[str]) -> str:
    return " ".join("".join(parts).split())  # HTMLParser has unescaped the text already


def sections(html: str) -> list[dict]:
    """The sections of an article's HTML: id (None before the first heading), title, text, quote."""
    parser = _Sections()
    parser.feed(html)
    parser.close()
    out = []
    first = next((s for s in parser.sections if s["id"]), None)  # the page's own heading (h1)
    for s in parser.sections:
        section = {k: _clean(s[k]) for k in ("title", "text", "quote")}
        # A heading with nothing under it says nothing (a section title before its points), unless
        # it is the page's own, or itself a link (the guideline's «Avtale om hjemmekontor» leads to
        # the form).
        if not (section["text"] or section["quote"] or s["link"] or s is first):
            continue
        out.append({"id": s["id"], **section})
    return out


def page_documents(page, faq: dict[str, dict]) -> list[dict]:
    """The search documents of one page. The first heading (the page's h1) stands for the page."""
    tree = page.meta.get("tree")
    url = page.url
    source = SOURCES.get(url) or page.title
    kind = "tree" if tree else {"retningslinje/": "guideline", "faq/": "faq"}.get(url, "page")
    boost = float((page.meta.get("search") or {}).get("boost", 1))
    docs = []
    for n, s in enumerate(sections(page.content or "")):
        if tree and s["id"] in TREE_FURNITURE:
            continue
        top = n == 0
        doc = {"location": url if top else f"{url}#{s['id']}", "source": TREE if tree and top else source,
               "kind": kind, "top": top,
               "title": s["title"] or page.title, "text": s["text"], "quote": s["quote"]}
        meta = faq.get(s["id"]) if kind == "faq" and not top else None
        if meta and meta["topics"]:
            doc["topics"] = meta["topics"]
        if boost != 1:
            doc["boost"] = boost
        docs.append(doc)
    return docs


# --- Material's search worker ------------------------------------------------------------------------

# Material starts its lunr worker on every page load, though its search never gets an index here. The
# theme's config (overrides/main.html, block config) points it at this file instead: a worker that
# does nothing, under a name that carries its hash, so browsers keep it like Material's own files.
IDLE_WORKER = "// Material starts a search worker on every page; the site's own search (search.js) answers instead.\n"
IDLE_NAME = f"{SCRIPTS}idle.{hashlib.sha256(IDLE_WORKER.encode()).hexdigest()[:8]}.min.js"
_MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js")


def idle_search_worker(config_html: str) -> str:
    """Material's config script with its search worker swapped for the idle one."""
    out, count = _MATERIAL_WORKER.subn(IDLE_NAME, str(config_html))
    if count != 1:
        raise PluginError("Fant ikke Materials søke-worker i konfigurasjonen (overrides/main.html); "
                          "er Material oppgradert?")
    return Markup(out)


# --- MkDocs events ----------------------------------------------------------------------------------

_state: dict = {}


def on_config(config):
    _state.clear()
    try:
        words = search_words.load(Project.of_config(config).content / search_words.FILE_NAME)
    except search_words.SearchWordsError as exc:
        raise PluginError(str(exc)) from None
    _state.update(words=words, docs={}, faq={})
    return config


def on_files(files, config):
    """The search's scripts from overrides/ are published as they are; the vendored libraries are
    copied from node_modules."""
    node_modules = Project.of_config(config).node_modules
    for target, source in VENDOR.items():
        path = node_modules / source
        if not path.exists():
            raise PluginError(f"Fant ikke node_modules/{source}; kjør «npm ci» (make setup)")
        text = _SOURCE_MAP.sub("\n", path.read_text(encoding="utf-8"))
        files.append(File.generated(config, SCRIPTS + target, content=text))
    files.append(File.generated(config, IDLE_NAME, content=IDLE_WORKER))
    return files


def on_env(env, config, files):
    env.filters["idle_search_worker"] = idle_search_worker
    return env


def on_page_markdown(markdown: str, page, config, files) -> str:
    if page.url == "faq/":  # the metadata as written (hooks/faq_entries.py turns it into the page's label)
        _state["faq"] = {e.id: {"topics": list(e.topics)}
                         for e in faq.entries(Path(page.file.abs_src_path))}
    return markdown


def on_page_context(context, page, config, nav):
    search = page.meta.get("search") or {}
    if not search.get("exclude"):
        _state["docs"][page.url] = page_documents(page, _state["faq"])
    return context


def on_post_build(config) -> None:
    docs = [d for url in sorted(_state["docs"], key=_page_order) for d in _state["docs"][url]]
    locations = {d["location"] for d in docs}
    missing = [f"content/search-words.toml:{w['line']}: «{t}» finnes ikke på nettstedet"
               for w in _state["words"] for t in w["svar"] if t not in locations]
    if missing:
        raise PluginError("Søkeordene viser til deler som ikke finnes:\n" + "\n".join(missing))
    words = [{"skriver": w["skriver"], "betyr": w["betyr"]} for w in _state["words"]]
    (Path(config.site_dir) / MATERIAL_INDEX).unlink(missing_ok=True)
    out = Path(config.site_dir) / TARGET
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"docs": docs, "words": words}, ensure_ascii=False, separators=(",", ":")),
                   encoding="utf-8")


def _page_order(url: str) -> tuple[int, str]:
    """The answers first (FAQ, guideline, trees), then the other pages: ties keep this order."""
    return ({"faq/": 0, "retningslinje/": 1}.get(url, 2 if url.startswith("beslutningstre/") else 3), url)
