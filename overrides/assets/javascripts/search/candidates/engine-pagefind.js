// Candidate for the comparison (issue 19): Pagefind 1.5.2 (Snowball stemming, a static index in
// chunks, WebAssembly), with the same vocabulary and query rewrite as the others (query.js).
// The build gives Pagefind one small page per section (hooks/search_index.py), so that a Pagefind
// "page" is a section and its ranking is the section's. Pagefind matches every word it is given,
// so each term is searched alone and the scores are added up, weighed as in the other candidates.

import { Analyzer, commonness, documentFrequency, memo } from "./query.js";
import { stemmer } from "./vendor/stemmer-no.js";

const FIELDS = ["title", "text", "quote", "topics"];
const SHOWN = 12;

export async function open(data) {
  const pagefind = await import(new URL("../../../pagefind/pagefind.js", import.meta.url).href);
  await pagefind.options({ excerptLength: 0 });
  await pagefind.init();
  const stem = memo(stemmer);
  const docs = data.docs.map((doc) => ({ ...doc, topics: (doc.topics || []).join(" ") }));
  const df = documentFrequency(docs, FIELDS, stem);
  const analyzer = new Analyzer({ stem, known: new Set(df.keys()), words: data.words });
  const search = async ({ terms }) => {
    const scores = new Map();
    await Promise.all(terms.map(async (t) => {
      const found = await pagefind.search(t.stem);
      const weight = t.weight * commonness(df.get(t.stem) || 0, docs.length);
      for (const r of found.results) {
        const had = scores.get(r.id);
        scores.set(r.id, { result: r, score: (had?.score || 0) + r.score * weight });
      }
    }));
    const best = [...scores.values()].sort((a, b) => b.score - a.score).slice(0, SHOWN);
    const loaded = await Promise.all(best.map((b) => b.result.data()));
    return loaded.map((d, n) => ({ id: Number(d.url.match(/(\d+)\/?$/)[1]), score: best[n].score }));
  };
  return { analyzer, search };
}
