// The HTML report in a real browser: headless Chromium, driven over the DevTools protocol
// on a pipe (no packages, no network). Loads the report of corpus/ and checks the DOM (one
// element per finding), the filters, the review marks (kept across a reload), the baseline
// export (which `claimcheck check --baseline` must accept), the links into the documents,
// that no request leaves the page, and saves a screenshot.
//
//   node tests/browser/report.mjs CHROMIUM CLAIMCHECK CORPUS OUT_DIR
//
// Exits 0 when every check holds, 1 (naming the check) when one fails.

import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [chromium, claimcheck, corpus, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node report.mjs CHROMIUM CLAIMCHECK CORPUS OUT_DIR");
  process.exit(2);
}

function check(condition, what) {
  if (!condition) {
    throw new Error(`browser test: ${what}`);
  }
  console.log(`ok - ${what}`);
}

function run(args) {
  const result = spawnSync(claimcheck, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  if (result.error) throw result.error;
  return result;
}

// The report and the findings it must show, from the same corpus.
const page = resolve(outDir, "report.html");
const html = run(["check", corpus, "--format", "html", "--output", page]);
check(html.status === 1 && existsSync(page), "claimcheck writes the HTML report (exit 1: the corpus has conflicts)");
const expected = JSON.parse(run(["check", corpus, "--format", "json"]).stdout).findings;

/** A DevTools protocol client over Chromium's --remote-debugging-pipe (fds 3 and 4). */
class Browser {
  constructor(executable, profile) {
    this.child = spawn(
      executable,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--disable-default-apps", "--mute-audio",
        `--user-data-dir=${profile}`, "--remote-debugging-pipe", "about:blank",
      ],
      { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] },
    );
    this.stderr = "";
    this.child.stderr.on("data", (chunk) => { this.stderr += chunk; });
    this.next = 0;
    this.pending = new Map();
    this.listeners = [];
    let buffer = Buffer.alloc(0);
    this.child.stdio[4].on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      let end;
      while ((end = buffer.indexOf(0)) >= 0) {
        const message = JSON.parse(buffer.subarray(0, end).toString("utf8"));
        buffer = buffer.subarray(end + 1);
        this.dispatch(message);
      }
    });
    this.exited = new Promise((done) => this.child.on("exit", done));
  }

  dispatch(message) {
    if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!waiting) return;
      if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
      else waiting.resolve(message.result);
      return;
    }
    for (const listener of this.listeners) listener(message);
  }

  send(method, params = {}, sessionId = undefined) {
    const id = ++this.next;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    this.child.stdio[3].write(JSON.stringify(message) + "\0");
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      setTimeout(() => reject(new Error(`${method}: no answer in 30 s\n${this.stderr}`)), 30000).unref();
    });
  }

  /** The next event `method` (of `sessionId`) that `accept` takes. */
  event(method, sessionId, accept = () => true) {
    return new Promise((resolve, reject) => {
      const listener = (message) => {
        if (message.method === method && message.sessionId === sessionId && accept(message.params)) {
          this.listeners = this.listeners.filter((l) => l !== listener);
          resolve(message.params);
        }
      };
      this.listeners.push(listener);
      setTimeout(() => reject(new Error(`no ${method} in 30 s`)), 30000).unref();
    });
  }

  async close() {
    try { await this.send("Browser.close"); } catch { this.child.kill(); }
    await this.exited;
  }
}

const profile = mkdtempSync(join(tmpdir(), "claimcheck-chromium-"));
const downloads = mkdtempSync(join(tmpdir(), "claimcheck-downloads-"));
const browser = new Browser(chromium, profile);
let failed = false;
try {
  const { targetId } = await browser.send("Target.createTarget", { url: "about:blank" });
  const { sessionId } = await browser.send("Target.attachToTarget", { targetId, flatten: true });
  const tab = (method, params) => browser.send(method, params, sessionId);
  const requests = [];
  const failures = new Map();
  const exceptions = [];
  browser.listeners.push((message) => {
    if (message.sessionId !== sessionId) return;
    if (message.method === "Network.requestWillBeSent") requests.push(message.params.request.url);
    if (message.method === "Network.loadingFailed") failures.set(message.params.requestId, message.params);
    if (message.method === "Runtime.exceptionThrown") exceptions.push(message.params.exceptionDetails);
  });
  await tab("Network.enable");
  await tab("Page.enable");
  await tab("Runtime.enable");
  await browser.send("Browser.setDownloadBehavior", {
    behavior: "allow", downloadPath: downloads, eventsEnabled: true,
  });
  await tab("Emulation.setDeviceMetricsOverride", {
    width: 1280, height: 1800, deviceScaleFactor: 1, mobile: false,
  });
  const url = pathToFileURL(page).href;
  const load = async () => {
    const loaded = browser.event("Page.loadEventFired", sessionId);
    await tab("Page.navigate", { url });
    await loaded;
  };
  const evaluate = async (expression) => {
    const { result, exceptionDetails } = await tab("Runtime.evaluate", {
      expression, returnByValue: true, awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`${expression}: ${exceptionDetails.text} ${exceptionDetails.exception?.description ?? ""}`);
    return result.value;
  };
  const visible = () => evaluate(`Array.from(document.querySelectorAll("article.finding:not([hidden])")).map(a => ({
      verdict: a.dataset.verdict, rule: a.dataset.rule, sources: a.dataset.sources.split(" ") }))`);
  const shownText = () => evaluate(`document.getElementById("shown").textContent`);

  await load();
  await evaluate("localStorage.clear()");
  await load();

  // One element per finding, in the report's order and with its verdict.
  const articles = await visible();
  check(articles.length === expected.length, `one article per finding (${articles.length} of ${expected.length})`);
  // The page groups findings by subject; the verdicts are the same findings'.
  check(
    articles.map((a) => a.verdict).sort().join() === expected.map((f) => f.verdict).sort().join(),
    "the articles carry the findings' verdicts",
  );
  check(await shownText() === `${expected.length} of ${expected.length} findings shown`, "the counter shows every finding");
  check(await evaluate(`document.querySelectorAll("article.finding .claim mark").length`) >= expected.length,
    "each finding's quotes mark the value");

  // Filters: by verdict, by rule, by source, together with the counter.
  const conflicts = expected.filter((f) => f.verdict === "conflict").length;
  await evaluate(`document.querySelectorAll("input[name=verdict]").forEach(b => { if (b.value !== "conflict") b.click(); })`);
  let now = await visible();
  check(now.length === conflicts && now.every((a) => a.verdict === "conflict"), `the verdict filter keeps the ${conflicts} conflicts`);
  check(await shownText() === `${conflicts} of ${expected.length} findings shown`, "the counter follows the filter");
  check(await evaluate(`Array.from(document.querySelectorAll("section.topic")).every(t =>
      t.hidden === !t.querySelector("article.finding:not([hidden])"))`), "a subject with no finding shown is hidden");
  await evaluate(`document.querySelectorAll("input[name=verdict]").forEach(b => { if (!b.checked) b.click(); })`);
  const select = (name, value) => evaluate(`(() => { const s = document.querySelector("select[name=${name}]");
      s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event("change", { bubbles: true })); })()`);
  await select("rule", "event-troops");
  now = await visible();
  const troops = expected.filter((f) => f.rule === "event-troops").length;
  check(now.length === troops && now.every((a) => a.rule === "event-troops"), `the rule filter keeps the ${troops} event-troops findings`);
  await select("rule", "");
  const nis = await evaluate(`Array.from(document.querySelectorAll("select[name=source] option")).find(o => o.textContent.includes("nis-herald")).value`);
  await select("source", nis);
  now = await visible();
  const fromNis = expected.filter((f) => f.claims.some((c) => c.path.endsWith("nis-herald.md"))).length;
  check(now.length === fromNis && now.every((a) => a.sources.includes(nis)), `the source filter keeps the ${fromNis} findings citing the Nis Herald`);
  await select("source", "");
  check((await visible()).length === expected.length, "clearing the filters shows every finding again");

  // Review marks, kept in local storage across a reload.
  const mark = (index, state) => evaluate(`document.querySelectorAll("article.finding")[${index}]
      .querySelector('.review button[data-review="${state}"]').click()`);
  await mark(0, "dismissed");
  await mark(1, "confirmed");
  await mark(2, "needs-checking");
  await load();
  const states = await evaluate(`Array.from(document.querySelectorAll("article.finding")).slice(0, 4).map(a => a.dataset.review || "")`);
  check(states.join() === "dismissed,confirmed,needs-checking,", `review marks survive a reload (${states.join()})`);
  await select("review", "unreviewed");
  check((await visible()).length === expected.length - 3, "the review filter hides the reviewed findings");
  await select("review", "all");

  // The baseline export: downloaded, shown, and accepted by --baseline, hiding the
  // confirmed and the dismissed finding.
  const downloaded = browser.event("Browser.downloadProgress", undefined, (p) => p.state === "completed");
  await evaluate(`document.getElementById("export").click()`);
  const exported = await evaluate(`document.getElementById("baseline").value`);
  const baseline = JSON.parse(exported);
  check(baseline.version === 1 && baseline.findings.length === 2, "the export holds the two reviewed findings");
  const progress = await Promise.race([downloaded, new Promise((r) => setTimeout(() => r(null), 5000))]);
  const file = join(downloads, "claimcheck-baseline.json");
  check(progress !== null && existsSync(file) && readFileSync(file, "utf8") === exported, "the export is downloaded as claimcheck-baseline.json");
  writeFileSync(join(outDir, "baseline.json"), exported);
  const rerun = run(["check", corpus, "--format", "json", "--baseline", join(outDir, "baseline.json")]);
  check(rerun.status !== 2, `--baseline accepts the exported file ${rerun.stderr.trim()}`);
  check(JSON.parse(rerun.stdout).findings.length === expected.length - 2, "--baseline hides the two exported findings");

  // A claim's link opens its document at the claim.
  await evaluate(`document.querySelector("article.finding a.place").click()`);
  const target = await evaluate(`(() => { const a = document.getElementById(location.hash.slice(1));
      return { open: !!a && a.closest("details").open, marked: !!a && !!a.closest("mark.current") }; })()`);
  check(target.open && target.marked, "a claim's link opens its document with the claim marked");
  const documentShot = await tab("Page.captureScreenshot", { format: "png" });
  writeFileSync(join(outDir, "report-document.png"), Buffer.from(documentShot.data, "base64"));

  // Nothing leaves the page: the page's own file is its only request, and what a page
  // might try (a fetch, an image) is refused by its policy.
  const foreign = requests.filter((u) => !u.startsWith("file:") && !u.startsWith("blob:") && !u.startsWith("data:"));
  check(foreign.length === 0 && requests.every((u) => !u.startsWith("file:") || u.split("#")[0] === url),
    `no request but the page itself (${[...new Set(requests.map((u) => u.split("#")[0]))].join(", ")})`);
  check(exceptions.length === 0, `no script error (${exceptions.map((e) => e.text).join("; ")})`);
  const before = requests.length;
  const refused = await evaluate(`(async () => {
      let violations = 0;
      document.addEventListener("securitypolicyviolation", () => { violations += 1; });
      let fetched = "refused";
      try { await fetch("http://127.0.0.1:9/probe"); fetched = "fetched"; } catch (e) {}
      await new Promise(done => { const img = new Image(); img.onload = img.onerror = done; img.src = "http://127.0.0.1:9/probe.png"; });
      return { fetched, violations };
    })()`);
  const probes = requests.slice(before);
  check(refused.fetched === "refused" && refused.violations >= 2, `the policy refuses a fetch and an image (${refused.violations} violations)`);
  check(probes.length === 0 || probes.every(() => [...failures.values()].some((f) => f.blockedReason === "csp")),
    `a refused request never reaches the network (${probes.length} refused before sending)`);

  // The screenshot: the top of the page with the review marks set.
  await evaluate(`location.hash = ""; window.scrollTo(0, 0)`);
  const shot = await tab("Page.captureScreenshot", { format: "png" });
  const png = join(outDir, "report.png");
  writeFileSync(png, Buffer.from(shot.data, "base64"));
  check(existsSync(png), `screenshot saved to ${png}`);
} catch (error) {
  failed = true;
  console.error(error.message);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
