// The site's search, in Material's search box. Material keeps its part: opening with "/" or "s",
// the arrow keys, Enter for the best result, Escape, closing on a click. Its own engine never
// starts (overrides/partials/search.html names the form so that Material never fetches an index).
// This module answers instead: it loads the engine and the index when the reader shows intent
// (focus in the box, pointing at the search button), and draws the results into Material's list.
// Every word it shows comes from the partial's data-text-* attributes.

const ROOT = new URL("../../../", import.meta.url); // the site's root: this file is assets/javascripts/search/
const INDEX = new URL("search/sok.json", ROOT);
// The engine's modules, fetched side by side rather than one import after another.
const ENGINE = ["engine.js", "results.js", "render.js", "query.js", "stopwords.js", "vendor/minisearch.js",
  "vendor/stemmer-no.js"];
const ANNOUNCE_AFTER_MS = 600; // the count is announced once the reader pauses typing

const box = document.querySelector('[data-md-component="search"]');
if (box) mount(box);

function mount(box) {
  const input = box.querySelector("input.md-search__input");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const status = box.querySelector("[data-search-status]");
  const help = box.querySelector("[data-search-help] > li");
  const text = box.dataset;
  let engine = null;
  let docs = [];
  let answer = null; // results.js and render.js: loaded with the engine, on intent
  let item = null;
  let _loading = null;
  let announce = 0;

  const start = () => {
    _loading ??= load().then(
      (loaded) => {
        ({ engine, docs, answer, item } = loaded);
        run();
      },
      (error) => {
        console.error(error);
        show(text.textFailed, []);
      },
    );
  };

  async function run() {
    if (!engine) return;
    const query = input.value.trim();
    if (!query) return show(text.textPlaceholder, [], false);
    const { results, fallback, analysis } = await answer(engine, docs, query);
    if (query !== input.value.trim()) return; // the reader typed on: a newer answer is coming
    const stemOf = (w) => engine.analyzer.stem(w);
    const items = results.map(({ doc, score }) => item(doc, score, ROOT, stemOf, analysis.stems));
    const count = results.length;
    const line = fallback ? text.textFallback.replace("#", query)
      : count === 1 ? text.textOne : text.textOther.replace("#", String(count));
    show(line, items, true);
  }

  function show(line, items, withHelp = false) {
    meta.textContent = line;
    list.replaceChildren(...items);
    if (withHelp && help) list.append(help.cloneNode(true));
    clearTimeout(announce);
    announce = setTimeout(() => (status.textContent = line), ANNOUNCE_AFTER_MS);
  }

  input.addEventListener("focus", start);
  input.addEventListener("input", () => (engine ? run() : start()));
  document.getElementById("__search")?.addEventListener("change", start);
  for (const label of document.querySelectorAll('label[for="__search"]')) label.addEventListener("pointerover", start, { once: true });
  if (document.activeElement === input) start(); // Material opens search at once for a ?q= link
}

async function load() {
  for (const name of ENGINE) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = new URL(name, import.meta.url).href;
    document.head.append(link);
  }
  const [module, results, render, data] = await Promise.all([
    import("./engine.js"),
    import("./results.js"),
    import("./render.js"),
    fetch(INDEX).then((response) => {
      if (!response.ok) throw new Error(`${INDEX}: ${response.status}`);
      return response.json();
    }),
  ]);
  return { engine: await module.open(data), docs: data.docs, answer: results.answer, item: render.item };
}
