// A result as Material draws one (its classes, its keyboard handling reads data-md-score), with
// the page it comes from above the title and the sentence that matches best below it. Text is set
// as text, never as HTML.

import { PREFIX_MIN, WORD } from "./query.js";

const TEASER = 180;
const MIN_SENTENCE = 40;

// doc: an index document; score: a number; stemOf: word -> stem; stems: the query's stems.
export function item(doc, score, root, stemOf, stems) {
  const li = el("li", "md-search-result__item");
  const a = el("a", "md-search-result__link");
  a.href = new URL(doc.location, root).href;
  a.tabIndex = -1; // as Material's: the arrow keys move between results, Tab leaves search
  const article = el("article", "md-search-result__article md-typeset");
  article.dataset.mdScore = score.toFixed(2);
  const source = el("p", "hk-search-source");
  source.textContent = doc.source;
  const title = el("h2");
  marked(title, doc.title, stemOf, stems);
  article.append(source, title);
  const teaser = sentence(doc.text || doc.quote, stemOf, stems);
  if (teaser && teaser !== doc.title) {
    const p = el("p");
    marked(p, teaser, stemOf, stems);
    article.append(p);
  }
  a.append(article);
  li.append(a);
  return li;
}

function el(tag, className) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  return e;
}

function matches(word, stemOf, stems) {
  const s = stemOf(word.toLowerCase().normalize("NFC"));
  if (stems.has(s)) return true;
  for (const q of stems) if (q.length >= PREFIX_MIN && s.startsWith(q)) return true;
  return false;
}

// The sentence with the most of the query's words, cut to a teaser around the first of them. A
// fragment shorter than a sentence (a label such as «Forsikring:») joins the one after it.
function sentence(text, stemOf, stems) {
  if (!text) return "";
  const sentences = [];
  // Not at "?": an answer's text names other questions ("Se Er jeg forsikret …?").
  for (const s of text.split(/(?<=[.!»])\s+(?=[\p{Lu}«])/u)) {
    if (sentences.length && sentences.at(-1).length < MIN_SENTENCE) sentences[sentences.length - 1] += ` ${s}`;
    else sentences.push(s);
  }
  let best = sentences[0];
  let bestCount = 0;
  for (const s of sentences) {
    const count = new Set((s.match(WORD) || []).filter((w) => matches(w, stemOf, stems)).map((w) => stemOf(w.toLowerCase()))).size;
    if (count > bestCount) [best, bestCount] = [s, count];
  }
  if (best.length <= TEASER) return best;
  const first = [...best.matchAll(WORD)].find((m) => matches(m[0], stemOf, stems));
  const start = first && first.index > TEASER / 2 ? best.lastIndexOf(" ", first.index - TEASER / 3) + 1 : 0;
  const end = best.lastIndexOf(" ", start + TEASER);
  return `${(start ? "… " : "") + best.slice(start, end > start ? end : start + TEASER)} …`;
}

// Put `text` into `parent`, each word of the query in a <mark>.
function marked(parent, text, stemOf, stems) {
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (!matches(m[0], stemOf, stems)) continue;
    parent.append(text.slice(at, m.index));
    const mark = document.createElement("mark");
    mark.textContent = m[0];
    parent.append(mark);
    at = m.index + m[0].length;
  }
  parent.append(text.slice(at));
}
