// The search engine: MiniSearch (BM25, prefix and typo-tolerant matching) over the site's
// sections, with Snowball's Norwegian stemmer. Built in the browser from search/sok.json (the
// sections' text is needed for the teasers anyway, and the built index would be larger).

import MiniSearch from "./vendor/minisearch.js";
import { stemmer } from "./vendor/stemmer-no.js";
import { Analyzer, commonness, documentFrequency, isStopword, memo, PREFIX_MIN, tokenize } from "./query.js";

const FIELDS = ["title", "text", "quote", "topics"];
// A section's own words say what it is about; the guideline sentences it quotes are evidence.
const BOOST = { title: 2, text: 1, quote: 0.5, topics: 2 };

export function open(data) {
  const stem = memo(stemmer);
  const index = new MiniSearch({
    fields: FIELDS,
    idField: "id",
    tokenize,
    processTerm: (term) => (isStopword(term) ? null : stem(term)),
  });
  const docs = data.docs.map((doc, id) => ({ id, title: doc.title, text: doc.text, quote: doc.quote,
                                             topics: (doc.topics || []).join(" ") }));
  index.addAll(docs);
  const df = documentFrequency(docs, FIELDS, stem);
  const analyzer = new Analyzer({ stem, df, words: data.words });
  const isCommon = (stem) => commonness(df.get(stem) || 0, docs.length) < 1;
  return { analyzer, isCommon, search: (analysis, loose) => search(index, analysis, df, docs.length, loose) };
}

// Every section that matches any term, best first: [{id, score, matched: Set of query stems}].
// `loose`: for the reader who found nothing, the closest sections by a much looser match.
function search(index, { terms }, df, total, loose = false) {
  if (!terms.length) return [];
  const byStem = new Map(terms.map((t) => [t.stem, t]));
  const hits = index.search(terms.map((t) => t.stem).join(" "), {
    tokenize: (q) => q.split(" "),
    processTerm: (t) => t,
    boost: BOOST,
    combineWith: "OR",
    // A word the index lacks may be a typo: match it within a fifth of its letters.
    fuzzy: (term) => (loose ? 0.4 : !byStem.get(term)?.exact && term.length >= PREFIX_MIN ? 0.2 : false),
    prefix: (term) => term.length >= (loose ? 3 : byStem.get(term)?.last ? 2 : PREFIX_MIN),
    weights: { fuzzy: 0.5, prefix: 0.4 },
    boostTerm: (term) => (byStem.get(term)?.weight ?? 1) * commonness(df.get(term) || 0, total),
  });
  return hits.map((h) => ({ id: h.id, score: h.score, matched: new Set(h.queryTerms) }));
}
