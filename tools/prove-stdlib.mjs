// Proves a standard-library zip holds everything the browser's engine needs: boots Pyodide with that
// zip and nothing else, installs the engine wheel as the worker does, and drives the engine through
// everything the browser can ask (drive-engine.mjs). A missing module is a ModuleNotFoundError here.
//
//   node tools/prove-stdlib.mjs <pyodide-dir> <stdlib.zip> '<options-json>'   exit 0 when it holds
//
// options: {"wheel": engine wheel path, "bundle": trees.json path, "legacy": legacy-v1.json path}
// compile-stdlib.mjs runs it on every zip it writes; the tests run it on a zip with a module taken out.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { drive } from "./drive-engine.mjs";

// Nothing may come from the network: in Node, Pyodide falls back to a CDN for a missing file.
globalThis.fetch = async (url) => {
  throw new Error(`network access refused: ${url}`);
};

// A Pyodide from the npm package, offline, with the given stdlib (its own full one when none is given).
export async function boot(pyodideDir, stdLibURL) {
  const indexURL = path.resolve(pyodideDir) + path.sep;
  const { loadPyodide } = await import(pathToFileURL(`${indexURL}pyodide.mjs`).href);
  return loadPyodide({ indexURL, stdLibURL, stdout: () => {}, stderr: (s) => console.error(s) });
}

// A Pyodide with the given stdlib, the engine installed and driven.
export async function driven(pyodideDir, stdLibURL, options) {
  const pyodide = await boot(pyodideDir, stdLibURL);
  await pyodide.loadPackage(path.resolve(options.wheel), { messageCallback: () => {} });
  const bundle = readFileSync(options.bundle, "utf8");
  const legacy = JSON.parse(readFileSync(options.legacy, "utf8"));
  const calls = drive(pyodide.pyimport("decision_tree.api").dispatch, bundle, legacy);
  return { pyodide, calls };
}

export async function prove(pyodideDir, zip, options) {
  return driven(pyodideDir, pathToFileURL(path.resolve(zip)).href, options);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [pyodideDir, zip, optionsJson] = process.argv.slice(2);
  try {
    const { calls } = await prove(pyodideDir, zip, JSON.parse(optionsJson));
    console.log(JSON.stringify({ calls }));
  } catch (error) {
    console.error(`Standardbiblioteket mangler noe motoren trenger:\n${error?.message ?? error}`);
    process.exit(1);
  }
}
