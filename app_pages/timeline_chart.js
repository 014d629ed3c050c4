// The timeline chart, drawn with Plotly.js in the reader's browser (a Streamlit v2 component).
//
// Python sends the events as columns and the layout (timeline/chart.py). Here, in pixels the
// server cannot know, each lane's markers are laid out so none hides another (same-day events
// stack in rows; a crowd too big for the lane becomes one cluster marker that lists its events),
// labels are placed where they overlap no other label and no marker, and the selected event is
// ringed. Selecting an event changes only the ring and the labels, never the reader's zoom.
// Every text from the data reaches the page as textContent or through Plotly's escaping.

const PLOTLY_SRC = "app/static/plotly.min.js";
const MARKER = 12; // px: an event's marker
const CLUSTER = 22; // px: a cluster's marker
const ROW_GAP = 14; // px between the centres of two markers in one lane (more than MARKER)
const GROUP_GAP = (CLUSTER + MARKER) / 2 + 2; // px: a gap this wide ends a crowd
const RING = 24; // px: the ring around the selected event
const LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const LINE_H = 16; // px: one line of a label
const LABEL_PAD = 2 + 10; // px: a label's border and padding, vertical and horizontal
const SYMBOLS = ["circle", "square", "diamond"]; // day, month, year precision
const NARROW = 640; // px: below this the page is a phone's, the chart does not capture drags

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__tlPlotly) {
    window.__tlPlotly = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = PLOTLY_SRC;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => reject(new Error("Plotly.js could not be loaded from " + PLOTLY_SRC));
      document.head.appendChild(script);
    });
  }
  return window.__tlPlotly;
}

function decode(data) {
  const text = typeof data === "string" ? data : new TextDecoder().decode(data);
  return JSON.parse(text);
}

function make(tag, className, parent) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (parent) parent.appendChild(el);
  return el;
}

function setup(root) {
  const wrap = make("div", "tl-chart", root);
  wrap.id = "tl-chart";
  const plot = make("div", "tl-plot", wrap);
  const labels = make("div", "tl-labels", wrap);
  labels.setAttribute("role", "group");
  const list = make("div", "tl-cluster-list", wrap);
  list.hidden = true;
  list.setAttribute("role", "dialog");
  const status = make("div", "tl-sr", wrap);
  status.setAttribute("aria-live", "polite");
  const state = { wrap, plot, labels, list, status, rev: null, fig: null, sel: null };
  const measure = document.createElement("canvas").getContext("2d");
  state.measure = (text, bold) => {
    measure.font = (bold ? "600 " : "") + LABEL_FONT;
    return Math.ceil(measure.measureText(text).width);
  };
  const lines = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  lines.setAttribute("class", "tl-leaders");
  lines.setAttribute("aria-hidden", "true");
  wrap.insertBefore(lines, labels);
  state.leaders = lines;
  return state;
}

// ---------------------------------------------------------------------------------------------
// Layout in pixels

function axes(state) {
  const full = state.plot._fullLayout;
  return { xa: full.xaxis, ya: full.yaxis, size: full._size };
}

// Each lane's events, left to right, are cut into crowds wherever a gap is wider than
// GROUP_GAP. A crowd's events take rows (centre, above, below) so that two markers in one
// row are at least ROW_GAP apart; a crowd that needs more rows than the lane has becomes one
// cluster marker at its mean position. Markers of different crowds are GROUP_GAP apart.
function layoutEvents(state) {
  const ev = state.fig.events;
  const { xa, ya } = axes(state);
  const n = ev.idx.length;
  const px = new Float64Array(n);
  for (let i = 0; i < n; i++) px[i] = xa.l2p(ev.x[i]);
  const pxPerY = Math.abs(ya.l2p(1) - ya.l2p(0));
  const rowStep = ROW_GAP / pxPerY;
  const maxRows = Math.max(1, Math.min(3, Math.floor((pxPerY - 4) / ROW_GAP)));
  const rowOffsets = [0, 1, -1].slice(0, maxRows);
  const y = new Float64Array(n);
  const cluster = new Int32Array(n).fill(-1);
  const clusters = [];
  const byLane = new Map();
  for (let i = 0; i < n; i++) {
    if (!byLane.has(ev.lane[i])) byLane.set(ev.lane[i], []);
    byLane.get(ev.lane[i]).push(i);
  }
  for (const [lane, members] of byLane) {
    const base = state.fig.lanes[lane];
    members.sort((a, b) => px[a] - px[b] || a - b);
    let start = 0;
    for (let k = 1; k <= members.length; k++) {
      if (k < members.length && px[members[k]] - px[members[k - 1]] < GROUP_GAP) continue;
      const crowd = members.slice(start, k);
      start = k;
      const last = rowOffsets.map(() => -Infinity);
      let fits = true;
      const rows = [];
      for (const i of crowd) {
        const r = last.findIndex((p) => px[i] - p >= ROW_GAP);
        if (r < 0) {
          fits = false;
          break;
        }
        last[r] = px[i];
        rows.push(r);
      }
      if (fits) {
        crowd.forEach((i, j) => (y[i] = base + rowOffsets[rows[j]] * rowStep));
        continue;
      }
      const id = clusters.length;
      let sum = 0;
      for (const i of crowd) {
        cluster[i] = id;
        y[i] = base;
        sum += ev.x[i];
      }
      clusters.push({ members: crowd, x: sum / crowd.length, y: base, lane });
    }
  }
  return { y, cluster, clusters };
}

function traces(state, placed) {
  const { fig } = state;
  const ev = fig.events;
  const type = fig.webgl ? "scattergl" : "scatter";
  const out = [];
  fig.categories.forEach((category, lane) => {
    const rows = [];
    for (let i = 0; i < ev.idx.length; i++) if (ev.lane[i] === lane && placed.cluster[i] < 0) rows.push(i);
    const marker = { size: MARKER, color: category.colour, line: { width: 1, color: "white" } };
    if (!fig.webgl) marker.symbol = rows.map((i) => SYMBOLS[ev.precision[i]]);
    out.push({
      type,
      mode: "markers",
      name: category.name,
      x: rows.map((i) => ev.x[i]),
      y: rows.map((i) => placed.y[i]),
      customdata: rows.map((i) => ev.idx[i]),
      hovertext: rows.map((i) => hoverOf(state, i)),
      hovertemplate: "%{hovertext}<extra></extra>",
      marker,
      meta: "events",
    });
  });
  const spanRows = [];
  for (let i = 0; i < ev.idx.length; i++) if (ev.end[i] !== null && placed.cluster[i] < 0) spanRows.push(i);
  if (spanRows.length) {
    out.push({
      type: "scatter",
      mode: "lines",
      x: spanRows.flatMap((i) => [ev.x[i], ev.end[i], null]),
      y: spanRows.flatMap((i) => [placed.y[i], placed.y[i], null]),
      line: { width: 3, color: "rgba(0,0,0,0.25)" },
      hoverinfo: "skip",
      meta: "spans",
    });
  }
  out.push({
    type: "scatter",
    mode: "markers+text",
    x: placed.clusters.map((c) => c.x),
    y: placed.clusters.map((c) => c.y),
    text: placed.clusters.map((c) => String(c.members.length)),
    textfont: { color: "white", size: 11 },
    customdata: placed.clusters.map((c, k) => -1 - k),
    hovertext: placed.clusters.map((c) => clusterTitle(state, c)),
    hovertemplate: "%{hovertext}<extra></extra>",
    marker: {
      size: CLUSTER,
      color: placed.clusters.map((c) => fig.categories[c.lane].colour),
      line: { width: 2, color: "white" },
    },
    meta: "clusters",
  });
  const ring = ringPosition(state, placed);
  out.push({
    type: "scatter",
    mode: "markers",
    x: ring ? [ring.x] : [],
    y: ring ? [ring.y] : [],
    customdata: ring ? [ring.idx] : [],
    hoverinfo: "skip",
    marker: { size: ring && ring.cluster ? RING + 8 : RING, color: "rgba(0,0,0,0)", line: { width: 3, color: "#111" } },
    meta: "selected",
  });
  return out;
}

// The hover label of an event: its title (escaped by the server for Plotly's HTML), date and
// lane, and whether it was only planned when reported.
function hoverOf(state, i) {
  const ev = state.fig.events;
  const planned = ev.planned[i] ? ` · ${state.fig.strings.planned}` : "";
  return `${ev.title[i]}<br>${ev.date[i]} · ${state.fig.categories[ev.lane[i]].name}${planned}`;
}

// Text escaped for Plotly (&, <, >) back to plain text, for a DOM text node.
function plain(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function clusterTitle(state, c) {
  const ev = state.fig.events;
  const dates = c.members.map((i) => ev.date[i]);
  const first = dates[0];
  const last = dates[dates.length - 1];
  const when = first === last ? first : `${first} – ${last}`;
  return state.fig.strings.cluster.replace("{n}", c.members.length).replace("{when}", when);
}

function ringPosition(state, placed) {
  if (state.sel === null || state.sel === undefined) return null;
  const i = state.pos.get(state.sel);
  if (i === undefined) return null;
  const c = placed.cluster[i];
  if (c >= 0) return { x: placed.clusters[c].x, y: placed.clusters[c].y, idx: state.sel, cluster: true };
  return { x: state.fig.events.x[i], y: placed.y[i], idx: state.sel, cluster: false };
}

// ---------------------------------------------------------------------------------------------
// Labels: headline events first, then the selected one, then the rest left to right; each takes
// the first of six places around its marker that stays inside the lanes and overlaps no label,
// no marker and no lane name. A headline event in a cluster labels the cluster.

function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// Boxes in a grid of CELL-px buckets, so a label asks only about the boxes near it.
const CELL = 64;
class Boxes {
  constructor() {
    this.cells = new Map();
  }
  *keys(b) {
    for (let i = Math.floor(b.x / CELL); i <= Math.floor((b.x + b.w) / CELL); i++)
      for (let j = Math.floor(b.y / CELL); j <= Math.floor((b.y + b.h) / CELL); j++) yield i * 100003 + j;
  }
  add(b) {
    for (const k of this.keys(b)) {
      if (!this.cells.has(k)) this.cells.set(k, []);
      this.cells.get(k).push(b);
    }
  }
  hits(b) {
    for (const k of this.keys(b)) for (const o of this.cells.get(k) || []) if (overlaps(b, o)) return true;
    return false;
  }
}

function placeLabels(state, placed) {
  const { labels, fig } = state;
  const ev = fig.events;
  labels.replaceChildren();
  state.leaders.replaceChildren();
  const { xa, ya, size } = axes(state);
  const left = size.l;
  const right = size.l + size.w;
  const top = size.t;
  const bottom = ya.l2p(0.55) + size.t; // just above the band rows
  const boxes = new Boxes(); // markers, the ring and labels: never covered
  const names = new Boxes(); // lane and band names: a headline label may cover one if it must
  const markerBox = (x, y, d) => ({ x: x - d / 2 - 1, y: y - d / 2 - 1, w: d + 2, h: d + 2 });
  const centre = (x, y) => [xa.l2p(x) + size.l, ya.l2p(y) + size.t];
  const visible = (cx) => cx >= left && cx <= right;
  for (let i = 0; i < ev.idx.length; i++) {
    if (placed.cluster[i] >= 0) continue;
    const [cx, cy] = centre(ev.x[i], placed.y[i]);
    if (visible(cx)) boxes.add(markerBox(cx, cy, MARKER));
  }
  for (const c of placed.clusters) {
    const [cx, cy] = centre(c.x, c.y);
    if (visible(cx)) boxes.add(markerBox(cx, cy, CLUSTER));
  }
  const ring = ringPosition(state, placed);
  if (ring) boxes.add(markerBox(...centre(ring.x, ring.y), RING + 4));
  for (const ann of state.plot.querySelectorAll(".annotation")) {
    const r = ann.getBoundingClientRect();
    const o = state.plot.getBoundingClientRect();
    names.add({ x: r.left - o.left, y: r.top - o.top, w: r.width, h: r.height });
  }
  const candidates = [];
  for (let i = 0; i < ev.idx.length; i++) {
    if (!ev.label[i]) continue;
    const c = placed.cluster[i];
    const [cx, cy] = c >= 0 ? centre(placed.clusters[c].x, placed.clusters[c].y) : centre(ev.x[i], placed.y[i]);
    if (!visible(cx)) continue;
    const selected = ev.idx[i] === state.sel;
    if (c >= 0 && !ev.headline[i] && !selected) continue;
    const rank = ev.headline[i] ? 0 : selected ? 1 : 2;
    candidates.push({ i, cx, cy, rank, r: (c >= 0 ? CLUSTER : MARKER) / 2, cluster: c });
  }
  candidates.sort((a, b) => a.rank - b.rank || a.cx - b.cx);
  const taken = new Set();
  const maxWidth = Math.max(120, Math.min(260, size.w * 0.48));
  state.leaders.setAttribute("width", String(state.wrap.clientWidth));
  state.leaders.setAttribute("height", String(state.plot.clientHeight));
  for (const cand of candidates) {
    if (cand.cluster >= 0 && taken.has(cand.cluster)) continue;
    const text = ev.label[cand.i];
    const bold = !!ev.headline[cand.i];
    // Every label may sit next to its marker; only a headline or the selected event's label
    // may sit further away, with a leader line, anywhere in the lanes if it must.
    const important = cand.rank < 2;
    const inside = (b) => b.x >= left && b.x + b.w <= right && b.y >= top && b.y + b.h <= bottom;
    const shapes = shapesOf(state, text, bold, maxWidth, important);
    let spots = shapes
      .flatMap((shape) => spotsAround(cand, shape))
      .filter((b) => (important || !b.far) && inside(b) && !boxes.hits(b))
      .sort((a, b) => a.cost - b.cost);
    if (!spots.length && important) {
      spots = shapes
        .flatMap((shape) => spotsAnywhere(cand, shape, { left, right, top, bottom }))
        .filter((b) => !boxes.hits(b))
        .sort((a, b) => a.cost - b.cost);
    }
    const spot = spots.find((b) => !names.hits(b)) || (important ? spots[0] : undefined);
    if (!spot) continue;
    boxes.add(spot);
    if (cand.cluster >= 0) taken.add(cand.cluster);
    drawLabel(state, cand, spot, text);
  }
}

// A label on one line, or on two or three cut between words, as narrow as each can be; only the
// shapes no wider than maxWidth (a headline's may be wider: it must be shown).
function shapesOf(state, text, bold, maxWidth, important) {
  const words = text.split(" ");
  const width = (lines) => Math.max(...lines.map((line) => state.measure(line, bold)));
  const options = [[text]];
  let two = null;
  for (let k = 1; k < words.length; k++) {
    const lines = [words.slice(0, k).join(" "), words.slice(k).join(" ")];
    if (!two || width(lines) < width(two)) two = lines;
  }
  if (two) options.push(two);
  let three = null;
  for (let a = 1; a < words.length - 1; a++) {
    for (let b = a + 1; b < words.length; b++) {
      const lines = [words.slice(0, a), words.slice(a, b), words.slice(b)].map((w) => w.join(" "));
      if (!three || width(lines) < width(three)) three = lines;
    }
  }
  if (three && important) options.push(three);
  const limit = important ? Math.max(maxWidth, maxWidth * 1.6) : maxWidth;
  const shapes = options.map((lines) => ({ lines, w: width(lines) + LABEL_PAD, h: lines.length * LINE_H + 2 }));
  const fitting = shapes.filter((shape) => shape.w - LABEL_PAD <= limit);
  // A headline too long for any width still gets its narrowest shape.
  return fitting.length || !important ? fitting : [shapes[shapes.length - 1]];
}

// Where a label may go around its marker: beside it or just above or below it first, then
// further away (a leader line leads back to the marker), nearest first.
function spotsAround(cand, shape) {
  const { cx, cy, r } = cand;
  const { w, h } = shape;
  const g = r + 3;
  const spots = [
    { x: cx + g, y: cy - h / 2, cost: 0 },
    { x: cx - g - w, y: cy - h / 2, cost: 0.5 },
  ];
  const step = LINE_H + 6;
  for (let k = 0; k < 5; k++) {
    const up = cy - g - h - k * step;
    const down = cy + g + k * step;
    const shifts = [cx - 6, cx - w + 6, cx - w / 2, cx + g + 24, cx - g - w - 24, cx + g + 72, cx - g - w - 72];
    shifts.forEach((x, j) => {
      const cost = 1 + k * 2 + (j > 2 ? j - 1 : j * 0.2);
      spots.push({ x, y: up, cost }, { x, y: down, cost: cost + 0.1 });
    });
  }
  for (const dx of [24, 72]) {
    spots.push({ x: cx + g + dx, y: cy - h / 2, cost: 3 + dx / 24 }, { x: cx - g - w - dx, y: cy - h / 2, cost: 3.5 + dx / 24 });
  }
  // A label on more lines costs more: one line near its marker reads best.
  const extra = (shape.lines.length - 1) * 0.75;
  return spots.map((s) => {
    const near = s.cost < 1 || (Math.abs(s.x - cx) <= w && Math.abs(s.y + h / 2 - cy) <= g + h);
    return { ...s, cost: s.cost + extra, w, h, lines: shape.lines, far: !near || s.cost >= 3 };
  });
}

// Every place in the lanes on an 8 px grid, nearest to the marker first.
function spotsAnywhere(cand, shape, area) {
  const spots = [];
  for (let y = area.top; y + shape.h <= area.bottom; y += 8) {
    for (let x = area.left; x + shape.w <= area.right; x += 8) {
      const nx = Math.min(Math.max(cand.cx, x), x + shape.w);
      const ny = Math.min(Math.max(cand.cy, y), y + shape.h);
      const cost = 10 + Math.hypot(nx - cand.cx, ny - cand.cy);
      spots.push({ x, y, w: shape.w, h: shape.h, lines: shape.lines, far: true, cost });
    }
  }
  return spots;
}

function drawLabel(state, cand, spot, text) {
  const ev = state.fig.events;
  const button = make("button", "tl-label", state.labels);
  button.type = "button";
  spot.lines.forEach((line, k) => {
    if (k) button.appendChild(document.createElement("br"));
    button.appendChild(document.createTextNode(line));
  });
  button.dataset.eventId = ev.id[cand.i];
  if (ev.headline[cand.i]) button.dataset.headline = "1";
  if (ev.idx[cand.i] === state.sel) button.setAttribute("aria-current", "true");
  button.setAttribute("aria-label", `${text}, ${ev.date[cand.i]}`);
  button.title = `${ev.date[cand.i]}: ${text}`;
  Object.assign(button.style, {
    left: `${spot.x}px`,
    top: `${spot.y}px`,
    width: `${spot.w}px`,
    height: `${spot.h}px`,
    borderLeftColor: state.fig.categories[ev.lane[cand.i]].colour,
  });
  const idx = ev.idx[cand.i];
  button.onclick = () => select(state, idx);
  if (spot.far) {
    // A leader line from the marker's edge to the nearest point of the label.
    const x = Math.min(Math.max(cand.cx, spot.x), spot.x + spot.w);
    const y = Math.min(Math.max(cand.cy, spot.y), spot.y + spot.h);
    const d = Math.hypot(x - cand.cx, y - cand.cy) || 1;
    const line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    line.setAttribute("x1", String(cand.cx + ((x - cand.cx) / d) * cand.r));
    line.setAttribute("y1", String(cand.cy + ((y - cand.cy) / d) * cand.r));
    line.setAttribute("x2", String(x));
    line.setAttribute("y2", String(y));
    state.leaders.appendChild(line);
  }
}

// ---------------------------------------------------------------------------------------------
// Selection

function select(state, idx) {
  closeList(state);
  state.setTrigger("select", idx);
}

function closeList(state) {
  state.list.hidden = true;
  state.list.replaceChildren();
}

function openList(state, clusterIndex, clientX, clientY) {
  const c = state.placed.clusters[clusterIndex];
  if (!c) return;
  const ev = state.fig.events;
  const { list, wrap } = state;
  list.replaceChildren();
  const head = make("div", "tl-cluster-head", list);
  head.textContent = clusterTitle(state, c);
  const close = make("button", "tl-cluster-close", head);
  close.type = "button";
  close.textContent = "×";
  close.setAttribute("aria-label", state.fig.strings.close);
  close.onclick = () => closeList(state);
  list.setAttribute("aria-label", clusterTitle(state, c));
  const ul = make("ul", null, list);
  for (const i of c.members) {
    const li = make("li", null, ul);
    const b = make("button", "tl-cluster-item", li);
    b.type = "button";
    const date = make("span", "tl-cluster-date", b);
    date.textContent = ev.date[i];
    b.append(" " + (ev.label[i] || plain(ev.title[i])));
    b.dataset.eventId = ev.id[i];
    b.onclick = () => select(state, ev.idx[i]);
  }
  const box = wrap.getBoundingClientRect();
  const width = Math.min(320, box.width - 16);
  list.style.width = `${width}px`;
  list.style.left = `${Math.max(8, Math.min(clientX - box.left - width / 2, box.width - width - 8))}px`;
  list.style.top = `${Math.max(8, clientY - box.top + 14)}px`;
  list.hidden = false;
  list.querySelector(".tl-cluster-item")?.focus({ preventScroll: true });
}

// ---------------------------------------------------------------------------------------------
// Drawing

// Each term's name sits in the middle of the part of its band in view. Plotly centres a
// shape's label on the whole shape, so a term that began before the axis does (Obama's, on an
// axis from 2013) had its name cut at the edge. Where the whole name does not fit, the short
// one ("López Obrador") does; where neither fits, the band is left unnamed.
function termNames(state) {
  const { xa } = axes(state);
  const [lo, hi] = xa.range.map((v) => xa.r2l(v));
  const shortNames = state.fig.short_names;
  const names = [];
  for (const term of state.terms) {
    const x0 = Math.max(xa.r2l(term.x0), lo);
    const x1 = Math.min(xa.r2l(term.x1), hi);
    const room = xa.l2p(x1) - xa.l2p(x0) - 8;
    const text = [term.label.text, shortNames[term.name]].find((t) => t && state.measure(plain(t)) <= room);
    if (!text) continue;
    names.push({
      xref: "x",
      yref: "y",
      x: xa.l2r((x0 + x1) / 2),
      y: (term.y0 + term.y1) / 2,
      text,
      showarrow: false,
      font: term.label.font,
      name: `term:${term.name}`,
    });
  }
  return names;
}

// The names follow the axis as it is once Plotly has drawn it (a new view may move it).
function placeTermNames(state) {
  const names = termNames(state);
  const key = JSON.stringify(names);
  if (key === state.termKey) return Promise.resolve();
  state.termKey = key;
  state.layout.annotations = [...state.fig.layout.annotations, ...names];
  return window.Plotly.relayout(state.plot, { annotations: state.layout.annotations });
}

function render(state) {
  const Plotly = window.Plotly;
  state.layout.width = state.wrap.clientWidth || undefined;
  state.placed = layoutEvents(state);
  const data = traces(state, state.placed);
  return Plotly.react(state.plot, data, state.layout, state.config).then(() => placeTermNames(state)).then(() => {
    placeLabels(state, state.placed);
    state.plot.dataset.selected = state.sel === null ? "" : String(state.sel);
    state.plot.dataset.ready = state.rev;
  });
}

function relayoutLater(state) {
  cancelAnimationFrame(state.frame);
  state.frame = requestAnimationFrame(() => render(state));
}

function firstDraw(state) {
  const Plotly = window.Plotly;
  // An empty plot first: the axes' pixel scale is known only once Plotly has laid them out.
  state.layout.width = state.wrap.clientWidth || undefined;
  return Plotly.newPlot(state.plot, [], state.layout, state.config).then(() => {
    state.plot.on("plotly_click", (event) => {
      const point = event.points && event.points[0];
      if (!point || typeof point.customdata !== "number") return;
      if (point.customdata < 0) {
        const e = event.event || {};
        openList(state, -1 - point.customdata, e.clientX || 0, e.clientY || 0);
      } else {
        select(state, point.customdata);
      }
    });
    state.plot.on("plotly_relayout", (change) => {
      if (Object.keys(change).some((k) => k.startsWith("xaxis"))) {
        closeList(state);
        relayoutLater(state);
      }
    });
    // Only the width follows the page; the height is the layout's. (Plotly's own responsive
    // mode recomputes the height from the container, which has none of its own here.)
    new ResizeObserver(() => {
      const width = state.wrap.clientWidth;
      if (width && width !== state.layout.width) relayoutLater(state);
    }).observe(state.wrap);
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !state.list.hidden) closeList(state);
    });
    return render(state);
  });
}

// The rare columns arrive as the positions that have a value: spread them over every event.
function withSparse(base) {
  const n = base.events.idx.length;
  const end = new Array(n).fill(null);
  base.sparse.end.at.forEach((at, k) => (end[at] = base.sparse.end.value[k]));
  const flags = (positions) => {
    const out = new Uint8Array(n);
    for (const at of positions) out[at] = 1;
    return Array.from(out);
  };
  const events = { ...base.events, end, headline: flags(base.sparse.headline), planned: flags(base.sparse.planned) };
  return { ...base, events };
}

// The events the filters let through: the dataset's columns (sent once) at the view's positions
// (sent with every change of the filters: a few bytes an event).
function viewOf(base, view) {
  const all = base.events;
  const rows = view.rows === null ? null : view.rows;
  const pick = (column) => (rows === null ? column : rows.map((i) => column[i]));
  const events = {};
  for (const name of Object.keys(all)) events[name] = pick(all[name]);
  const layout = { ...base.layout, xaxis: { ...base.layout.xaxis, range: view.range } };
  return { ...base, events, layout, webgl: view.webgl };
}

export default function (component) {
  performance.mark("tl-data");
  const { data, setTriggerValue, parentElement } = component;
  const payload = decode(data);
  performance.mark("tl-decoded");
  let state = parentElement.__timeline;
  if (!state) {
    state = setup(parentElement);
    parentElement.__timeline = state;
  }
  state.setTrigger = setTriggerValue;
  if (payload.fig) {
    state.base = withSparse(payload.fig);
    state.rev = payload.rev;
  } else if (payload.rev !== state.rev) {
    // The server sends the dataset's events once per version; this chart has not got them (it
    // was mounted anew): ask for them.
    setTriggerValue("missing", payload.rev);
    return;
  }
  const viewKey = `${payload.rev}:${payload.view.key}`;
  if (viewKey !== state.viewKey) {
    state.viewKey = viewKey;
    state.fig = viewOf(state.base, payload.view);
    state.labels.setAttribute("aria-label", state.fig.strings.labels);
    state.wrap.lang = state.fig.lang;
    state.pos = new Map(state.fig.events.idx.map((idx, i) => [idx, i]));
    const narrow = window.innerWidth < NARROW;
    // The terms' names are drawn as annotations where the reader can see them (termNames).
    state.terms = state.fig.layout.shapes.filter((shape) => shape.label);
    const shapes = state.fig.layout.shapes.map(({ label, ...shape }) => shape);
    state.layout = { ...state.fig.layout, shapes, dragmode: narrow ? false : "pan" };
    state.termKey = null;
    state.config = { displaylogo: false, scrollZoom: !narrow, responsive: false, modeBarButtonsToRemove: ["select2d", "lasso2d"] };
  }
  state.sel = payload.selected;
  loadPlotly()
    .then(() => {
      performance.mark("tl-plotly");
      if (!state.plot._fullLayout) return firstDraw(state);
      return render(state);
    })
    .then(() => performance.mark("tl-drawn"))
    .catch((err) => {
      state.status.textContent = (state.fig?.strings?.failed || "{error}").replace("{error}", err.message || err);
      state.status.className = "tl-error";
      state.wrap.dataset.error = String(err.message || err);
    });
}
