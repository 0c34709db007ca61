// Proves that the steps the build stored in each tree page (data-hk-views, hooks/tree_pages.py) are
// the engine's own replies: boots Pyodide under Node, offline, with exactly the stdlib zip and engine
// wheel the site ships, and asks decision_tree.api for every stored state's view and every stored
// reply, decoded by the widget's own prebuilt.js. Also checks that the store is closed under clicks:
// from every stored state, each click a reader can make without a number has its reply stored.
//
//   node tests/pyodide/check-prebuilt.mjs [site-dir]    prints {slug: {states, replies, complete}}; exit 1 on a difference
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { boot } from "../../tools/prove-stdlib.mjs"; // refuses the network: nothing may come from a CDN

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const site = path.resolve(process.argv[2] || process.env.SITE_DIR || path.join(root, "site"));
const one = (dir, test) => {
  const found = readdirSync(dir, { recursive: true }).filter((name) => test.test(name));
  if (found.length !== 1) throw new Error(`${dir}: expected one ${test}, found ${found}`);
  return path.join(dir, found[0]);
};
const stdlib = one(path.join(site, "assets", "pyodide"), /python_stdlib-[0-9a-f]+\.zip$/);
const wheel = one(path.join(site, "assets", "beslutningstre"), /-py3-none-any\.whl$/);
const bundle = readFileSync(one(path.join(site, "assets", "beslutningstre"), /trees\.json$/), "utf8");

// The widget's own decoder, as the browser runs it.
const source = readFileSync(path.join(root, "overrides/assets/javascripts/site/prebuilt.js"), "utf8");
const { PrebuiltViews } = await import(`data:text/javascript,${encodeURIComponent(source)}`);

const pyodide = await boot(path.join(root, "node_modules", "pyodide"), pathToFileURL(stdlib).href);
await pyodide.loadPackage(wheel, { messageCallback: () => {} });
const dispatch = pyodide.pyimport("decision_tree.api").dispatch;
const engine = (method, ...args) => JSON.parse(dispatch(method, JSON.stringify(args)));
engine("load", bundle);

// JSON with sorted keys: two views are the same when these are.
const canonical = (value) => JSON.stringify(value, (_, v) =>
  v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v);

function storedViews(slug) {
  const page = path.join(site, "beslutningstre", slug, "index.html");
  if (!existsSync(page)) throw new Error(`${page} mangler`);
  const match = readFileSync(page, "utf8").match(/ data-hk-views='([^']*)'/);
  if (!match) throw new Error(`${page}: data-hk-views mangler`);
  const attribute = match[1].replace(/&(quot|#39|lt|gt|amp);/g, (_, e) => ({ quot: '"', "#39": "'", lt: "<", gt: ">", amp: "&" })[e]);
  return new PrebuiltViews(attribute);
}

// Every stored call under next[view]: [method, arguments after the state].
function* storedCalls(table, method = null, args = []) {
  for (const [key, value] of Object.entries(table)) {
    const [m, a] = method === null ? [key, []] : [method, [...args, key]];
    if (value && typeof value === "object" && !Array.isArray(value)) yield* storedCalls(value, m, a);
    else yield [m, a];
  }
}

const problems = [];
const summary = {};
for (const tree of JSON.parse(bundle).trees) {
  const slug = tree.slug;
  const stored = storedViews(slug);
  const data = stored.load();
  const stateAt = data.fields.indexOf("state");
  let replies = 0;
  const compare = (method, args) => {
    const mine = stored.reply(method, args);
    const theirs = engine(method, slug, ...args);
    if (mine === null) problems.push(`${slug}: ${method}(${JSON.stringify(args)}) er ikke lagret`);
    else if (canonical(mine) !== canonical(theirs)) {
      problems.push(`${slug}: ${method}(${JSON.stringify(args)}):\n  lagret ${canonical(mine)}\n  motoren ${canonical(theirs)}`);
    }
    replies += 1;
  };
  data.views.forEach((row, n) => {
    const state = row[stateAt];
    compare("view", [state]);
    for (const [method, args] of storedCalls(data.next[n])) compare(method, [state, ...args]);
    // Closed under clicks: whatever a reader can click here without a number is stored (unless the
    // build left out states of a very large tree, and says so).
    if (!data.complete) return;
    const view = stored.reply("view", [state]);
    const wanted = [["back", [state]], ...view.answers.map((a) => ["change", [state, a.question]])];
    const question = view.status === "question" ? tree.questions[view.node] : null;
    if (question && question.kind !== "number") {
      for (const value of [...question.options.map((o) => o.id), ""]) wanted.push(["answer", [state, question.id, value]]);
    }
    for (const [method, args] of wanted) {
      if (stored.reply(method, args) === null) problems.push(`${slug}: ${method}(${JSON.stringify(args)}) mangler`);
    }
  });
  summary[slug] = { states: data.views.length, replies, complete: data.complete };
}
console.log(JSON.stringify(summary));
if (problems.length) {
  console.error(`${problems.length} lagrede svar er ikke motorens:\n${problems.slice(0, 20).join("\n")}`);
  process.exit(1);
}
