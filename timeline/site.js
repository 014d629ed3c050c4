// The static site's own script (see timeline/site.py): the filters, the selection, the address.
//
// Everything the reader reads was rendered by the Python core: the chart's payload (drawn by the
// same chart code as the Streamlit page, window.__tlDraw), each event's panel and each article
// (HTML escaped by timeline/details.py). This script sets data-derived text only as textContent,
// and inserts only those core fragments as HTML. Data files are classic scripts that call
// window.__tlSite.put(kind, key, value), so the site works from file:// as from any host.
(function () {
  "use strict";

  const LANGS = Object.keys(window.__tlLanguages || { en: "English" });
  const store = { data: {}, details: {}, article: {}, search: {}, downloads: {}, timelinejs: {} };
  const waiting = {};
  const site = { put };
  window.__tlSite = site;

  function put(kind, key, value) {
    store[kind][key] = value;
    const done = waiting[kind + ":" + key];
    if (done) done.forEach((fn) => fn(value));
    delete waiting[kind + ":" + key];
  }

  // Load one data file (once) and resolve with its value.
  function load(kind, key, src) {
    if (key in store[kind]) return Promise.resolve(store[kind][key]);
    return new Promise((resolve, reject) => {
      const id = kind + ":" + key;
      const first = !waiting[id];
      (waiting[id] = waiting[id] || []).push(resolve);
      if (!first) return;
      const script = document.createElement("script");
      script.src = src;
      script.onerror = () => reject(new Error("could not load " + src));
      document.head.appendChild(script);
    });
  }

  // --- the view in the address: #event=…&us=…&mx=…&category=…&from=…&to=…&q=…&lang=…&embed=1

  function readHash() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    return {
      event: params.get("event"),
      us: params.getAll("us"),
      mx: params.getAll("mx"),
      category: params.getAll("category"),
      from: params.get("from"),
      to: params.get("to"),
      q: (params.get("q") || "").slice(0, 200),
      lang: params.get("lang"),
      embed: params.get("embed") === "1",
    };
  }

  function writeHash(push) {
    const params = new URLSearchParams();
    if (state.event) params.set("event", state.event);
    for (const key of ["us", "mx", "category"]) state[key].forEach((v) => params.append(key, v));
    if (state.from !== null && state.from !== data.years[0]) params.set("from", state.from);
    if (state.to !== null && state.to !== data.years[1]) params.set("to", state.to);
    if (state.q) params.set("q", state.q);
    if (state.langChosen) params.set("lang", state.lang);
    if (state.embed) params.set("embed", "1");
    const hash = "#" + params.toString();
    if (hash === location.hash || (hash === "#" && !location.hash)) return;
    if (push) history.pushState(null, "", hash);
    else history.replaceState(null, "", hash);
  }

  function pickLanguage(asked) {
    if (asked && LANGS.includes(asked)) return asked;
    for (const tag of navigator.languages || [navigator.language]) {
      const primary = (tag || "").toLowerCase().split(/[-_]/)[0];
      if (LANGS.includes(primary)) return primary;
    }
    return LANGS[0];
  }

  // --- state, data and the page's frame

  let data = null;
  const state = { event: null, us: [], mx: [], category: [], from: null, to: null, q: "" };
  const ui = {};
  let chartSent = false;

  function el(tag, attrs, parent, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
  }

  function build() {
    const s = data.strings;
    const root = document.getElementById("tl-site");
    root.textContent = "";
    root.className = state.embed ? "tl-embed" : "";
    document.documentElement.lang = data.lang;
    document.title = s.title;
    const header = el("header", { class: "tl-head" }, root);
    el("h1", {}, header, s.title);
    el("p", { class: "tl-intro" }, header, s.intro);
    const switcher = el("nav", { class: "tl-langs", "aria-label": s.language }, root);
    for (const lang of LANGS) {
      const b = el("button", { type: "button", lang, "aria-pressed": String(lang === data.lang) }, switcher,
        window.__tlLanguages[lang]);
      b.addEventListener("click", () => switchLanguage(lang));
    }
    const body = el("div", { class: "tl-body" }, root);
    const aside = el("aside", { class: "tl-filters", "aria-label": s.filters }, body);
    // On a phone the filters fold away, so the chart is the first thing under the title.
    const fold = el("details", { class: "tl-fold" }, aside);
    fold.open = window.innerWidth >= 1000 || Boolean(state.us.length + state.mx.length + state.category.length);
    el("h2", {}, el("summary", {}, fold), s.filters);
    const side = el("div", {}, fold);
    ui.us = checkList(side, s.us, data.admins.filter((a) => a.country === "US"), "us");
    ui.mx = checkList(side, s.mx, data.admins.filter((a) => a.country === "MX"), "mx");
    ui.category = checkList(side, s.category, data.categories, "category");
    const years = el("fieldset", { class: "tl-years" }, side);
    el("legend", {}, years, s.years);
    ui.from = yearInput(years, "from");
    ui.to = yearInput(years, "to");
    const search = el("label", { class: "tl-search" }, side);
    el("span", {}, search, s.search);
    ui.q = el("input", { type: "search", maxlength: "200", autocomplete: "off" }, search);
    ui.q.value = state.q;
    ui.q.addEventListener("input", () => {
      state.q = ui.q.value.trim();
      refresh(false);
    });
    ui.count = el("p", { class: "tl-count", "aria-live": "polite" }, aside);
    ui.clear = el("button", { type: "button", class: "tl-clear" }, aside, s.clear);
    ui.clear.addEventListener("click", () => {
      Object.assign(state, { us: [], mx: [], category: [], from: null, to: null, q: "" });
      syncInputs();
      refresh(false);
    });
    // The shown events, as the page's own downloads give them (the core wrote each event's part).
    const downloads = el("nav", { class: "tl-downloads" }, side);
    for (const [label, format, file] of [
      [s.downloads, "csv", "border-timeline.csv"],
      [s.download_json, "json", "border-timeline.json"],
      [s.download_timelinejs, "timelinejs", "border-timeline.timelinejs.json"],
    ]) {
      const b = el("button", { type: "button", "data-format": format }, downloads, label);
      b.addEventListener("click", () => download(format, file));
    }
    const main = el("main", { class: "tl-main" }, body);
    ui.chartBox = el("div", { class: "tl-chart-box" }, main);
    ui.empty = el("p", { class: "tl-empty", hidden: "" }, main, s.none);
    el("p", { class: "tl-legend" }, main, s.legend);
    ui.panel = el("section", { class: "tl-panel", "aria-live": "polite" }, body);
    chartSent = false;
    ui.chartBox.__timeline = undefined;
    syncInputs();
  }

  function checkList(parent, legend, items, key) {
    const box = el("fieldset", { class: "tl-check" }, parent);
    el("legend", {}, box, legend);
    const inputs = [];
    for (const item of items) {
      const label = el("label", {}, box);
      const input = el("input", { type: "checkbox", value: item.id }, label);
      label.append(" " + item.name);
      input.addEventListener("change", () => {
        state[key] = inputs.filter((i) => i.checked).map((i) => i.value);
        refresh(false);
      });
      inputs.push(input);
    }
    return inputs;
  }

  function yearInput(parent, key) {
    const label = el("label", {}, parent);
    label.append(key === "from" ? "≥ " : "≤ ");
    const input = el("input", { type: "number", min: data.years[0], max: data.years[1], step: "1" }, label);
    input.addEventListener("change", () => {
      const n = parseInt(input.value, 10);
      state[key] = Number.isFinite(n) ? Math.min(Math.max(n, data.years[0]), data.years[1]) : null;
      refresh(false);
    });
    return input;
  }

  function syncInputs() {
    for (const key of ["us", "mx", "category"]) ui[key].forEach((i) => (i.checked = state[key].includes(i.value)));
    ui.from.value = state.from ?? data.years[0];
    ui.to.value = state.to ?? data.years[1];
    ui.q.value = state.q;
  }

  // --- filtering (the same rules as timeline/view.py's filter_rows)

  function shownRows() {
    const ev = data.events;
    const bits = (ids) => data.admins.filter((a) => ids.includes(a.id)).reduce((m, a) => m | a.bit, 0);
    const us = bits(state.us);
    const mx = bits(state.mx);
    const cats = state.category.map((c) => data.categories.findIndex((x) => x.id === c));
    const words = state.q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    const search = words.length ? store.search.all : null;
    const rows = [];
    for (let i = 0; i < ev.category.length; i++) {
      if (us && !(ev.us[i] & us)) continue;
      if (mx && !(ev.mx[i] & mx)) continue;
      if (cats.length && !cats.includes(ev.category[i])) continue;
      if (state.from !== null && yearOf(ev.last[i]) < state.from) continue;
      if (state.to !== null && yearOf(ev.first[i]) > state.to) continue;
      if (search && !words.every((w) => search[i].includes(w))) continue;
      rows.push(i);
    }
    return rows;
  }

  function yearOf(day) {
    return new Date(day * 864e5).getUTCFullYear();
  }

  // The x range that shows the rows with a margin (timeline/chart.py's default_x_range).
  function rangeOf(rows) {
    if (!rows.length) return null;
    let first = Infinity;
    let last = -Infinity;
    for (const i of rows) {
      first = Math.min(first, data.events.first[i]);
      last = Math.max(last, data.events.last[i]);
    }
    const pad = Math.max(60, (last - first) * 0.03);
    const iso = (day) => new Date(day * 864e5).toISOString().slice(0, 10);
    return [iso(first - pad), iso(last + pad)];
  }

  // --- refresh: count, chart, panel, address

  let drawn = Promise.resolve();

  function refresh(push) {
    if (state.q && !("all" in store.search)) {
      load("search", "all", "search.js").then(() => refresh(push));
      return;
    }
    const rows = shownRows();
    const total = data.chart.events.id.length;
    ui.count.textContent = fill(data.strings.count, { shown: rows.length, total });
    const isDefault = !state.us.length && !state.mx.length && !state.category.length && state.from === null
      && state.to === null && !state.q;
    ui.clear.disabled = isDefault;
    ui.empty.hidden = rows.length > 0;
    ui.chartBox.hidden = rows.length === 0;
    if (rows.length) drawChart(rows);
    showPanel(rows);
    writeHash(push);
  }

  function drawChart(rows) {
    const every = rows.length === data.chart.events.id.length;
    const selected = state.event ? data.chart.events.id.indexOf(state.event) : -1;
    const payload = {
      rev: data.lang,
      selected: selected >= 0 ? selected : null,
      view: { rows: every ? null : rows, range: rangeOf(rows), webgl: rows.length > 1000, key: rows.join(",") },
    };
    if (!chartSent) payload.fig = data.chart;
    chartSent = true;
    window.__tlDraw({
      data: JSON.stringify(payload),
      parentElement: ui.chartBox,
      setTriggerValue: (name, value) => {
        if (name === "select" && Number.isInteger(value)) select(data.chart.events.id[value], true);
        if (name === "missing") {
          chartSent = false;
          drawChart(rows);
        }
      },
    });
  }

  function select(id, reveal) {
    state.event = id;
    refresh(true);
    if (reveal) ui.reveal = id;
  }

  function showPanel(rows) {
    const s = data.strings;
    const panel = ui.panel;
    const id = state.event;
    const index = id ? data.chart.events.id.indexOf(id) : -1;
    if (index < 0) {
      panel.textContent = "";
      el("p", { class: "tl-info" }, panel, s.choose);
      const heads = data.events.headline.filter((i) => rows.includes(i)).slice(0, 8);
      if (heads.length) {
        el("p", { class: "tl-start" }, panel, s.start);
        const list = el("ul", { class: "tl-keys" }, panel);
        for (const i of heads) {
          const b = el("button", { type: "button" }, el("li", {}, list),
            `${data.chart.events.date[i]} · ${data.chart.events.label[i] || data.chart.events.id[i]}`);
          b.addEventListener("click", () => select(data.chart.events.id[i], true));
        }
      }
      return;
    }
    let order = rows;
    let pos = rows.indexOf(index);
    const hidden = pos < 0;
    if (hidden) {
      order = data.chart.events.id.map((_, i) => i);
      pos = index;
    }
    const chunk = Math.floor(index / data.chunk);
    const key = `${data.lang}/${chunk}`;
    load("details", key, `details/${key}.js`).then((html) => {
      if (state.event !== id) return;
      panel.textContent = "";
      const nav = el("div", { class: "tl-steps" }, panel);
      const steps = [[s.prev, pos - 1], [s.next, pos + 1]];
      for (const [label, p] of steps) {
        const b = el("button", { type: "button" }, nav, label);
        b.disabled = p < 0 || p >= order.length;
        b.addEventListener("click", () => select(data.chart.events.id[order[p]], false));
      }
      el("p", { class: "tl-position" }, panel, fill(hidden ? s.hidden : s.position, { n: pos + 1, total: order.length }));
      const box = el("div", { class: "tl-event-box" }, panel);
      box.innerHTML = html[id]; // the core's HTML: every text in it is escaped (timeline/details.py)
      for (const s_ of data.event_sources[index]) {
        const meta = data.sources[s_];
        const source = meta.id;
        const details = el("details", { class: "tl-whole" }, panel);
        // Our words around the article's title, which stays in the article's language (marked).
        const summary = el("summary", {}, details);
        const [before, after] = s.article.split("{title}");
        summary.append(fill(before, { outlet: meta.outlet }));
        el("span", { lang: meta.language }, summary, meta.title);
        summary.append(fill(after || "", { outlet: meta.outlet }));
        const holder = el("div", {}, details);
        details.addEventListener("toggle", () => {
          if (!details.open || holder.childElementCount) return;
          const akey = `${data.lang}/${source}`;
          load("article", akey, `articles/${akey}.js`).then((article) => {
            holder.innerHTML = article; // the core's HTML, escaped there
          });
        });
      }
      if (ui.reveal === id) {
        ui.reveal = null;
        const heading = box.querySelector("h2");
        if (heading) {
          heading.tabIndex = -1;
          heading.focus({ preventScroll: true });
          if (window.innerWidth < 900) panel.scrollIntoView({ block: "start" });
        }
      }
    });
  }

  function download(format, file) {
    const needed = format === "timelinejs"
      ? load("timelinejs", data.lang, `timelinejs-${data.lang}.js`).then((t) => ({ timelinejs: t }))
      : load("downloads", "all", "downloads.js");
    needed.then((d) => {
      const rows = shownRows();
      let text;
      if (format === "csv") text = [d.csv_header + "\n", ...rows.map((i) => d.csv[i])].join("");
      else if (format === "json") text = JSON.stringify({ events: rows.map((i) => d.json[i]) }, null, 2) + "\n";
      else {
        const ids = new Set(rows.map((i) => data.chart.events.id[i]));
        const doc = { ...d.timelinejs, events: d.timelinejs.events.filter((e) => ids.has(e.unique_id)) };
        text = JSON.stringify(doc, null, 2) + "\n";
      }
      const type = format === "csv" ? "text/csv" : "application/json";
      const url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
      const a = el("a", { href: url, download: file }, document.body);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    });
  }

  // --- language and start

  function applyHash() {
    const h = readHash();
    Object.assign(state, {
      event: h.event && data.chart.events.id.includes(h.event) ? h.event : null,
      us: h.us.filter((id) => data.admins.some((a) => a.id === id && a.country === "US")),
      mx: h.mx.filter((id) => data.admins.some((a) => a.id === id && a.country === "MX")),
      category: h.category.filter((c) => data.categories.some((x) => x.id === c)),
      from: /^\d{4}$/.test(h.from || "") ? Math.min(Math.max(+h.from, data.years[0]), data.years[1]) : null,
      to: /^\d{4}$/.test(h.to || "") ? Math.min(Math.max(+h.to, data.years[0]), data.years[1]) : null,
      q: h.q,
    });
    syncInputs();
  }

  function switchLanguage(lang) {
    state.langChosen = true;
    start(lang, true);
  }

  function start(lang, push) {
    state.lang = lang;
    load("data", lang, `data-${lang}.js`).then((d) => {
      data = d;
      build();
      applyHash();
      refresh(push);
    });
  }

  window.addEventListener("popstate", () => {
    const h = readHash();
    const lang = pickLanguage(h.lang);
    if (lang !== state.lang) {
      start(lang, false);
      return;
    }
    applyHash();
    refresh(false);
  });

  const first = readHash();
  state.embed = first.embed;
  state.langChosen = Boolean(first.lang && LANGS.includes(first.lang));
  start(pickLanguage(first.lang), false);
})();
