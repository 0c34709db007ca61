// One walk through a decision tree in Firefox ESR (Debian's firefox-esr), driven by puppeteer-core over
// WebDriver BiDi: the first question from the page, choice steps from the build, a number answer from
// the engine in Pyodide, and the outcome with its address. Run by tests/browser/test_widget_firefox.py.
//
//   node tests/browser/firefox-smoke.mjs '<json: {url, firefox, steps, outcome, state}>'
//   steps: [{question, kind, option, values}] along one path; outcome: its title as text; state: ?svar=
// Prints what it saw as JSON; exits 1 on a failed step (with the reason on stderr).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import puppeteer from "puppeteer-core";

const { url, firefox, steps, outcome, state } = JSON.parse(process.argv[2]);
const origin = new URL(url).origin;
const profile = mkdtempSync(path.join(tmpdir(), "firefox-smoke-"));
const ENGINE_MS = 90_000; // a cold Pyodide in Firefox on a busy 2-core machine

const browser = await puppeteer.launch({
  browser: "firefox",
  protocol: "webDriverBiDi",
  executablePath: firefox,
  headless: true,
  userDataDir: profile,
  extraPrefsFirefox: {
    // Firefox's own background traffic: none (puppeteer's defaults turn off updates and safe browsing).
    "network.captive-portal-service.enabled": false,
    "network.connectivity-service.enabled": false,
    "datareporting.policy.dataSubmissionEnabled": false,
    "toolkit.telemetry.enabled": false,
    "browser.newtabpage.enabled": false,
  },
});
const seen = { requests: 0, foreign: [], steps: [] };
try {
  const page = await browser.newPage();
  page.on("request", (request) => {
    seen.requests += 1;
    const target = new URL(request.url());
    if (!["data:", "blob:", "about:"].includes(target.protocol) && target.origin !== origin) seen.foreign.push(request.url());
  });
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(url);
  seen.userAgent = await page.evaluate(() => navigator.userAgent);
  for (const step of steps) {
    await page.waitForSelector(`.hk-widget .hk-body form.hk-question[data-question="${step.question}"]`, { timeout: 30_000 });
    const form = ".hk-widget .hk-body form.hk-question";
    if (step.kind === "choice") {
      await page.click(`${form} input[value="${step.option}"]`);
    } else {
      // Numbers go to the engine: wait for it, as a reader would wait for the loading box.
      await page.waitForSelector(".hk-widget[data-engine=ready]", { timeout: ENGINE_MS });
      for (const [field, text] of Object.entries(step.values)) await page.type(`${form} input[name="${field}"]`, text);
    }
    const engine = await page.$eval(".hk-widget", (w) => w.dataset.engine);
    await page.click(`${form} button[type=submit]`);
    seen.steps.push({ question: step.question, engine });
  }
  await page.waitForSelector(".hk-widget .hk-body .hk-outcome h2", { timeout: ENGINE_MS });
  seen.outcome = await page.$eval(".hk-widget .hk-body .hk-outcome h2", (h) => h.textContent.trim());
  seen.focused = await page.evaluate(() => document.activeElement.matches(".hk-outcome h2"));
  seen.state = new URL(page.url()).searchParams.get("svar");
  seen.errors = errors;
  console.log(JSON.stringify(seen));
  const wrong = [
    seen.outcome !== outcome && `resultat «${seen.outcome}», ventet «${outcome}»`,
    seen.state !== state && `adressen har svar=${seen.state}, ventet ${state}`,
    !seen.focused && "fokus er ikke på resultatets overskrift",
    seen.foreign.length && `forespørsler til andre: ${seen.foreign}`,
    errors.length && `feil i siden: ${errors}`,
  ].filter(Boolean);
  if (wrong.length) {
    console.error(wrong.join("\n"));
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`Firefox-røyktesten stoppet: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
