// From an engine's hits to what the reader is shown: best first, a silent FAQ answer first when
// the query names what it is silent on, and never nothing.

const MAX = 10;
// Hits far below the best are noise from a common word: leave them out.
const CUTOFF = 0.15;
// How much a section counts by where it is: the answers (FAQ, guideline, trees) fully, the
// site's other pages (front page, about) less.
const KIND = { faq: 1, guideline: 1, tree: 1, page: 0.4 };
const OVERVIEW = 4;

// engine: {analyzer, search(analysis, loose?)}; docs: the index's documents.
// -> {results: [{doc, score}], fallback: bool, analysis}
export async function answer(engine, docs, query) {
  const analysis = engine.analyzer.analyse(query);
  const found = await engine.search(analysis);
  if (onlyCommon(engine, analysis, found)) return { results: await fallback(engine, docs, analysis, found), fallback: true, analysis };
  let hits = rank(found, docs, generic(engine, found));
  const silent = silentFirst(docs, analysis, engine.analyzer);
  if (silent.length) {
    const top = hits.length ? hits[0].score : 1;
    hits = [...silent.map((id, n) => ({ id, score: top * (1.1 + 0.01 * (silent.length - n)) })),
            ...hits.filter((h) => !silent.includes(h.id))];
  }
  if (hits.length) {
    const floor = hits[0].score * CUTOFF;
    const results = hits.filter((h) => h.score >= floor).slice(0, MAX).map((h) => ({ doc: docs[h.id], score: h.score }));
    return { results, fallback: false, analysis };
  }
  return { results: await fallback(engine, docs, analysis), fallback: true, analysis };
}

// The query has a word of its own that nothing matched («sommerferie»), and every section found
// matched only common words («hjemmekontor»): that is nothing found, said honestly, with those
// sections as the closest.
function onlyCommon(engine, analysis, hits) {
  const own = analysis.terms.filter((t) => t.kind === "query" && !t.explained && !engine.isCommon(t.stem));
  const matched = new Set(hits.flatMap((h) => [...h.matched]));
  return hits.length > 0 && own.some((t) => !matched.has(t.stem)) && ![...matched].some((s) => !engine.isCommon(s));
}

// Only common words matched («hjemmekontor», «jobbe hjemmefra»): a question that general is best
// answered by an overview (a tree's start, the guideline, the FAQ), not by the section that happens
// to say the word most.
function generic(engine, hits) {
  return hits.length > 0 && !hits.some((h) => [...h.matched].some((s) => !engine.isCommon(s)));
}

function rank(hits, docs, overview = false) {
  return hits
    .map((h) => {
      const doc = docs[h.id];
      const top = overview && doc.top && doc.kind !== "page" ? OVERVIEW : 1;
      return { id: h.id, score: h.score * top * (KIND[doc.kind] ?? 1) * Math.sqrt(doc.boost || 1) };
    })
    .sort((a, b) => b.score - a.score);
}

// FAQ answers that say the guideline is silent on a topic the query names (<!-- topics: … -->
// under the question in docs/faq.md): every word of the topic is in the query, or in what the
// everyday words make of it.
function silentFirst(docs, analysis, analyzer) {
  const ids = [];
  docs.forEach((doc, id) => {
    if (doc.kind !== "faq" || !doc.topics) return;
    const named = doc.topics.some((topic) => {
      const stems = analyzer.terms(topic);
      return stems.length && stems.every((s) => analysis.stems.has(s));
    });
    if (named) ids.push(id);
  });
  return ids;
}

// Nothing matched: the closest sections (those found, or else by a looser match), then the four
// decision trees and the FAQ, each once, in that order. Scores fall in that order too, so the best comes first.
async function fallback(engine, docs, analysis, found = []) {
  const close = rank(found.length ? found : await engine.search(analysis, true), docs).slice(0, 3).map((h) => docs[h.id]);
  const entry = docs.filter((d) => d.top && (d.kind === "tree" || d.kind === "faq"));
  const trees = entry.filter((d) => d.kind === "tree");
  const faq = entry.filter((d) => d.kind === "faq");
  const shown = [...new Set([...close, ...trees, ...faq])];
  return shown.map((doc, n) => ({ doc, score: shown.length - n }));
}
