// Candidate for the comparison (issue 19): lunr 2.3.9, the engine inside Material, with
// lunr-languages' Norwegian stemmer, and the same vocabulary and query rewrite as the others
// (query.js). lunr and lunr-languages are classic scripts that set a global, so they are added as
// <script> elements (script-src 'self').

import { Analyzer, commonness, documentFrequency, isStopword, memo } from "./query.js";

const FIELDS = { title: 2, text: 1, quote: 0.5, topics: 2 };
const VENDOR = ["vendor/lunr.min.js", "vendor/lunr.stemmer.support.min.js", "vendor/lunr.no.min.js"];

function script(name) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = new URL(name, import.meta.url).href;
    s.onload = resolve;
    s.onerror = () => reject(new Error(`${s.src} lastet ikke`));
    document.head.append(s);
  });
}

export async function open(data) {
  for (const name of VENDOR) await script(name);
  const lunr = window.lunr;
  const stem = memo((word) => lunr.no.stemmer(new lunr.Token(word, {})).toString());
  const process = (token) => (isStopword(token.toString()) ? undefined : token.update(stem));
  lunr.Pipeline.registerFunction(process, "siteNorwegian");
  lunr.tokenizer.separator = /[^\p{L}\p{N}]+/u;
  const docs = data.docs.map((doc, id) => ({ id: String(id), title: doc.title, text: doc.text, quote: doc.quote,
                                             topics: (doc.topics || []).join(" ") }));
  const index = lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.pipeline.add(process);
    this.ref("id");
    for (const [field, boost] of Object.entries(FIELDS)) this.field(field, { boost });
    for (const doc of docs) this.add(doc);
  });
  const df = documentFrequency(docs, Object.keys(FIELDS), stem);
  const analyzer = new Analyzer({ stem, known: new Set(df.keys()), words: data.words });
  const search = ({ terms }, loose = false) => {
    if (!terms.length) return [];
    const { TRAILING } = lunr.Query.wildcard;
    const hits = index.query((q) => {
      for (const t of terms) {
        const boost = t.weight * commonness(df.get(t.stem) || 0, docs.length);
        q.term(t.stem, { usePipeline: false, boost });
        if (t.stem.length >= (loose ? 3 : 4)) q.term(t.stem, { usePipeline: false, wildcard: TRAILING, boost: boost * 0.4 });
        if ((loose || !t.exact) && t.stem.length >= 4) {
          q.term(t.stem, { usePipeline: false, editDistance: loose || t.stem.length >= 9 ? 2 : 1, boost: boost * 0.5 });
        }
      }
    });
    return hits.map((h) => ({ id: Number(h.ref), score: h.score }));
  };
  return { analyzer, search };
}
