/* claimcheck HTML report: filters, review marks kept in local storage, the baseline export
   and links into the documents. Nothing here sends or fetches anything. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("claimcheck-data").textContent);
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var topics = Array.prototype.slice.call(document.querySelectorAll("section.topic"));
  var form = document.getElementById("controls");
  var shown = document.getElementById("shown");
  var KEY = "claimcheck:review:";

  // Local storage may be refused (a private window, a file: page in some browsers): the
  // marks then last as long as the page.
  var memory = {};
  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return memory[key] || null; }
  }
  function save(key, value) {
    try {
      if (value) { window.localStorage.setItem(key, value); } else { window.localStorage.removeItem(key); }
    } catch (e) { memory[key] = value; }
  }

  function showReview(article, state) {
    if (state) { article.dataset.review = state; } else { delete article.dataset.review; }
    article.querySelectorAll(".review button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.review === state));
    });
  }

  function filter() {
    var verdicts = {};
    form.querySelectorAll("input[name=verdict]").forEach(function (box) { verdicts[box.value] = box.checked; });
    var rule = form.elements.rule.value;
    var source = form.elements.source.value;
    var review = form.elements.review.value;
    var count = 0;
    findings.forEach(function (article) {
      var state = article.dataset.review || "";
      var visible = verdicts[article.dataset.verdict] !== false &&
        (!rule || article.dataset.rule === rule) &&
        (!source || article.dataset.sources.split(" ").indexOf(source) >= 0) &&
        (review === "all" || (review === "unreviewed" ? state === "" : state === review));
      article.hidden = !visible;
      if (visible) { count += 1; }
    });
    topics.forEach(function (topic) {
      topic.hidden = !topic.querySelector("article.finding:not([hidden])");
    });
    shown.textContent = count + " of " + findings.length + " findings shown";
  }

  findings.forEach(function (article) {
    showReview(article, load(KEY + article.dataset.fingerprint));
    article.querySelector(".review").addEventListener("click", function (event) {
      var button = event.target.closest("button[data-review]");
      if (!button) { return; }
      var state = article.dataset.review === button.dataset.review ? "" : button.dataset.review;
      save(KEY + article.dataset.fingerprint, state);
      showReview(article, state);
      filter();
    });
  });
  form.addEventListener("change", filter);
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  // The baseline of the reviewed findings, in the order and form `--write-baseline` writes.
  function baseline() {
    var dismissedOnly = document.getElementById("export-which").value === "dismissed";
    var seen = {};
    var entries = [];
    findings.forEach(function (article) {
      var state = article.dataset.review;
      if (state === "dismissed" || (!dismissedOnly && state === "confirmed")) {
        var e = data.findings[Number(article.dataset.index)];
        // The fields in the order a baseline file writes them.
        var entry = {
          fingerprint: e.fingerprint, rule: e.rule, verdict: e.verdict,
          subject: e.subject, attribute: e.attribute, values: e.values
        };
        var key = JSON.stringify(entry);
        if (!seen[key]) { seen[key] = true; entries.push(entry); }
      }
    });
    function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
    entries.sort(function (a, b) {
      return cmp(a.fingerprint, b.fingerprint) || cmp(a.rule, b.rule) || cmp(a.verdict, b.verdict) ||
        cmp(a.subject, b.subject) || cmp(a.attribute, b.attribute) || cmp(a.values.join("\u001e"), b.values.join("\u001e"));
    });
    return JSON.stringify({ version: data.version, findings: entries }, null, 2) + "\n";
  }
  document.getElementById("export").addEventListener("click", function () {
    var text = baseline();
    var area = document.getElementById("baseline");
    area.value = text;
    area.hidden = false;
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = "claimcheck-baseline.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  });

  // A link to a claim opens its document and marks the claim.
  function reveal(hash) {
    if (!hash || hash.indexOf("#claim-") !== 0) { return; }
    var anchor = document.getElementById(hash.slice(1));
    if (!anchor) { return; }
    var details = anchor.closest("details");
    if (details) { details.open = true; }
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    var mark = anchor.closest("mark");
    if (mark) { mark.classList.add("current"); }
    anchor.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", function () { reveal(window.location.hash); });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.place");
    if (link && link.getAttribute("href") === window.location.hash) { reveal(window.location.hash); }
  });
  reveal(window.location.hash);
  filter();
})();
