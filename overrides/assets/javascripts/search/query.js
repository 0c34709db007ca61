// What a query means: its words, weighed, with the everyday words HR keeps
// (content/search-words.toml) and the compounds people write split into the site's own words.
// Engine-agnostic: the engine passes its stemmer and the words its index holds.

import { STOPWORDS } from "./stopwords.js";

// Words are letters and digits; everything else (spaces, hyphens, apostrophes, punctuation)
// separates them, in the index and in the query alike: "PC-en" is "pc" and "en".
export const WORD = /[\p{L}\p{N}]+/gu;
export function tokenize(text) {
  return text.toLowerCase().normalize("NFC").match(WORD) ?? [];
}

// A query word this long or longer also finds the words it begins (the engine and the highlighting).
export const PREFIX_MIN = 4;

export const isStopword = (word) => STOPWORDS.has(word);

// stem -> in how many documents it stands (any of `fields`).
export function documentFrequency(docs, fields, stem) {
  const df = new Map();
  for (const doc of docs) {
    const seen = new Set(fields.flatMap((f) => tokenize(doc[f] || "").filter((t) => !isStopword(t)).map(stem)));
    for (const s of seen) df.set(s, (df.get(s) || 0) + 1);
  }
  return df;
}

// Rare words decide, common words break ties: a word in more than a fifth of the sections
// («hjemmekontor», «jobbe», «leder») counts a fraction of a rare one, on top of the engine's own
// weight for rarity.
export function commonness(count, total) {
  return count / total > 0.2 ? 0.3 : 1;
}

// A memoised stemmer: the same words come again and again.
export function memo(stemmer) {
  const cache = new Map();
  return (word) => {
    let s = cache.get(word);
    if (s === undefined) {
      s = stemmer(word);
      cache.set(word, s);
    }
    return s;
  };
}

// How much each kind of term counts. A word the reader typed counts fully; a word the vocabulary
// adds for it nearly so (it is what the reader meant); a part of a compound less.
const WEIGHT = { query: 1, vocabulary: 0.9, part: 0.7 };
// Definite and plural endings people glue onto short words and abbreviations ("pcen", "pc'en").
const ENDINGS = ["ene", "en", "et", "a", "er", "ar", "e"];
const MIN_PART = 3;
const RARE = 5; // sections

export class Analyzer {
  // stem: word -> stem; df: stem -> in how many sections it stands; words: [{skriver, betyr}].
  constructor({ stem, df, words }) {
    this.stem = stem;
    this.df = df;
    this.known = new Set(df.keys());
    this.single = new Map(); // a word, or its stem -> the stems it means
    this.phrases = []; // [[stem, ...], the stems it means], longest first
    for (const entry of words) {
      const meaning = entry.betyr.flatMap((w) => this.terms(w));
      for (const written of entry.skriver) {
        const tokens = tokenize(written);
        if (tokens.length === 1) {
          for (const key of [tokens[0], stem(tokens[0])]) this.single.set(key, meaning);
        } else if (tokens.length > 1) {
          this.phrases.push([tokens.map((t) => stem(t)), meaning]);
        }
      }
    }
    this.phrases.sort((a, b) => b[0].length - a[0].length);
  }

  // The stems of a text's content words.
  terms(text) {
    return tokenize(text).filter((t) => !isStopword(t)).map((t) => this.stem(t));
  }

  isKnown(word) {
    return this.known.has(this.stem(word)) || this.single.has(word) || this.single.has(this.stem(word));
  }

  // A query -> {terms: [{stem, weight, kind, exact, explained, last}], stems: Set of every stem it
  // stands for}. `exact` is false for a typed word the index does not hold and nothing explained: the
  // engine may match it loosely (typos). `explained`: a typed word whose meaning other terms carry
  // (the vocabulary's, or a compound's parts).
  analyse(query) {
    const tokens = tokenize(query);
    const stems = tokens.map((t) => this.stem(t));
    const out = new Map();
    const add = (stem, kind, exact = true, explained = false) => {
      const weight = WEIGHT[kind];
      const had = out.get(stem);
      if (!had || had.weight < weight) {
        out.set(stem, { stem, weight, kind, exact: exact || had?.exact || false, explained: explained || had?.explained || false });
      }
    };
    const covered = new Set();
    for (let i = 0; i < tokens.length; i++) {
      for (const [phrase, meaning] of this.phrases) {
        if (phrase.every((p, k) => stems[i + k] === p)) {
          for (const m of meaning) add(m, "vocabulary");
          for (let k = 0; k < phrase.length; k++) covered.add(i + k);
          break;
        }
      }
    }
    tokens.forEach((token, i) => {
      if (isStopword(token)) return;
      const stem = stems[i];
      const meaning = covered.has(i) ? null : this.single.get(token) || this.single.get(stem);
      for (const m of meaning || []) add(m, "vocabulary");
      const known = this.known.has(stem);
      if (meaning || covered.has(i)) {
        add(stem, "query", true, true);
        return;
      }
      // A typo of a word the index holds is matched loosely by the engine, not split.
      const typo = !known && this.nearKnown(stem);
      const parts = typo ? null : (!known && this.unending(token)) || this.split(token);
      add(stem, "query", known || (parts?.length === 2), !known && Boolean(parts));
      // A rare compound's parts count too: «hjemmekontoravtale» is also about «avtale». A common
      // one («hjemmekontor») is a word of its own; its parts would only add noise.
      if (parts && (!known || (parts.length === 2 && this.df.get(stem) <= RARE))) {
        for (const p of parts) for (const m of this.single.get(p) || [this.stem(p)]) add(m, "part");
      }
    });
    // The word being typed is most likely not finished: the engine may take it as a beginning.
    const last = tokens.length && !isStopword(tokens.at(-1)) ? out.get(stems.at(-1)) : null;
    if (last) last.last = true;
    const terms = [...out.values()];
    return { terms, stems: new Set(terms.map((t) => t.stem)) };
  }

  // Whether the index holds a word within one letter of `stem` (two for long words): a typo.
  nearKnown(stem) {
    const limit = stem.length >= 9 ? 2 : stem.length >= 5 ? 1 : 0;
    if (!limit) return false;
    for (const k of this.known) {
      if (Math.abs(k.length - stem.length) <= limit && distance(k, stem, limit) <= limit) return true;
    }
    return false;
  }

  // A short word with an ending glued on ("pcen", "pc'en" -> "pc"), or a feminine form the index
  // writes with -en or -e ("uka" -> "uken"), as the word the index holds.
  unending(word) {
    for (const ending of ENDINGS) {
      const rest = word.slice(0, -ending.length);
      if (!word.endsWith(ending) || rest.length < 2) continue;
      const forms = ending === "a" ? [rest, `${rest}en`, `${rest}e`] : [rest];
      const form = forms.find((f) => this.known.has(this.stem(f)));
      if (form) return [form];
    }
    return null;
  }

  // A compound split in two ("hjemmekontorgodtgjørelse" -> "hjemmekontor" + "godtgjørelse", with
  // the linking s or e of "kveldsarbeid" dropped). The last part of a Norwegian compound names
  // what it is, so a split that keeps it known is preferred. null when nothing fits.
  split(word) {
    if (word.length < 2 * MIN_PART) return null;
    let best = null;
    for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
      const head = word.slice(i);
      if (!this.isKnown(head)) continue;
      let left = word.slice(0, i);
      if (!this.isKnown(left) && /[se]$/.test(left) && this.isKnown(left.slice(0, -1))) left = left.slice(0, -1);
      const parts = this.isKnown(left) ? [left, head] : head.length >= 5 ? [head] : null;
      if (parts && (!best || parts.length > best.length || (parts.length === best.length && head.length > best.at(-1).length))) {
        best = parts;
      }
    }
    return best;
  }
}

// Levenshtein distance, given up once it is past `limit`.
function distance(a, b, limit) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > limit) return best;
    prev = row;
  }
  return prev[b.length];
}
