// The network explorer: the graph of /api/network drawn with sigma.js; filters, a time slider, search,
// node details and exports work on the graph in the browser, so they redraw without a round trip.
"use strict";

const TYPES = ["person", "party", "post", "organisation", "concept", "place", "question"];
const DEFAULT_TYPES = ["person", "party", "organisation", "concept", "place"];
const TYPE_COLOURS = { party: "#444", post: "#8e6c8a", organisation: "#d9822b", concept: "#3a9a5b", place: "#b0413e", question: "#999" };
const CATEGORY_COLOURS = { company: "#e0561b", "security service": "#7a4a1e", "public body": "#c79a2e", media: "#e3a86b", product: "#f0c04a" };
const BASE = "https://w3id.org/parlgraph/";
const params = new URLSearchParams(location.search);
const state = { types: new Set(params.get("types") ? params.get("types").split(",") : DEFAULT_TYPES), party: params.get("party") || "",
                legislature: "", yearFrom: null, yearTo: null, search: "", selected: params.get("focus") };
window.parlgraphTimings = {};
let graph = null, renderer = null, partyColours = {};

function hue(text) { let h = 0; for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 360; return h; }
function hslHex(h, s, l) {  // sigma's WebGL colours take hex, not hsl()
  const k = (n) => (n + h / 30) % 12, a = s * Math.min(l, 1 - l);
  const f = (n) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1)))).toString(16).padStart(2, "0");
  return "#" + f(0) + f(8) + f(4);
}
function colour(attrs) {
  if (attrs.kind === "person") return attrs.party ? (partyColours[attrs.party] ||= hslHex(hue(attrs.party), 0.65, 0.45)) : "#5577aa";
  if (attrs.kind === "organisation" && CATEGORY_COLOURS[attrs.category]) return CATEGORY_COLOURS[attrs.category];
  return TYPE_COLOURS[attrs.kind] || "#777";
}
function localPath(uri) { return uri.startsWith(BASE) ? "/" + uri.slice(BASE.length) : uri; }

async function load() {
  const started = performance.now();
  const source = params.get("src");
  const url = source && source.startsWith("/") ? source
    : "/api/network?types=" + TYPES.filter((t) => t !== "question" || state.types.has("question")).join(",")
      + (state.legislature ? "&legislature=" + encodeURIComponent(state.legislature) : "");
  const data = await (await fetch(url)).json();
  window.parlgraphTimings.fetched = performance.now() - started;
  graph = new graphology.Graph({ multi: false, type: "undirected" });
  const communities = new Map();
  data.nodes.forEach((n) => { if (!communities.has(n.community)) communities.set(n.community, communities.size); });
  const groups = Math.max(communities.size, 1);
  data.nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * (communities.get(n.community) || 0)) / groups;
    const spread = 1 + (i % 97) / 40;
    const { type: kind, ...rest } = n;  // sigma reads "type" as its drawing program: ours is "kind"
    graph.addNode(n.id, { ...rest, kind, x: Math.cos(angle) * 10 + Math.cos(i) * spread, y: Math.sin(angle) * 10 + Math.sin(i) * spread,
      size: 3 + Math.sqrt(n.degree || 1) * 2, color: colour({ kind, party: n.party, category: n.category }), label: n.label });
  });
  data.edges.forEach(({ type: kind, ...e }) => { if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target, { ...e, kind, size: Math.min(1 + Math.log(e.weight || 1), 4), color: "#ccc" }); });
  if (graph.order <= 3000 && graphologyLibrary.layoutForceAtlas2) {
    graphologyLibrary.layoutForceAtlas2.assign(graph, { iterations: graph.order > 1000 ? 30 : 100,
      settings: graphologyLibrary.layoutForceAtlas2.inferSettings(graph) });
  }
  setUpControls();
  if (renderer) renderer.kill();
  renderer = new Sigma(graph, document.getElementById("graph"), {
    nodeReducer, edgeReducer, labelRenderedSizeThreshold: 8, allowInvalidContainer: true,
  });
  renderer.on("clickNode", ({ node }) => select(node));
  renderer.on("clickStage", () => select(null));
  applyFilters();
  if (state.selected && graph.hasNode(state.selected)) select(state.selected);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  window.parlgraphTimings.firstRender = performance.now() - started;
  document.body.dataset.ready = "true";
}

function visible(node, attrs) {
  if (!state.types.has(attrs.kind)) return false;
  if (state.party && attrs.kind === "person" && attrs.party && attrs.party !== state.party) return false;
  return !hiddenByTime.has(node);
}
let hiddenByTime = new Set();
function edgeInPeriod(attrs) {
  if (!attrs.first || state.yearFrom === null) return true;
  return Number(attrs.last.slice(0, 4)) >= state.yearFrom && Number(attrs.first.slice(0, 4)) <= state.yearTo;
}
function nodeReducer(node, attrs) {
  const shown = visible(node, attrs);
  const result = { ...attrs, hidden: !shown };
  if (state.search && shown && attrs.label.toLowerCase().includes(state.search)) { result.highlighted = true; result.forceLabel = true; }
  if (state.selected) {
    if (node === state.selected) { result.highlighted = true; result.forceLabel = true; }
    else if (!graph.areNeighbors(node, state.selected)) result.color = "#e4e4e4";
  }
  return result;
}
function edgeReducer(edge, attrs) {
  const [a, b] = graph.extremities(edge);
  const shown = edgeInPeriod(attrs) && visible(a, graph.getNodeAttributes(a)) && visible(b, graph.getNodeAttributes(b));
  return { ...attrs, hidden: !shown };
}

function applyFilters() {
  const started = performance.now();
  // A node is kept by the time slider when one of its edges lies in the period (or it has none).
  hiddenByTime = new Set();
  if (state.yearFrom !== null) {
    graph.forEachNode((node) => {
      let any = false, inPeriod = false;
      graph.forEachEdge(node, (edge, attrs) => { any = true; if (edgeInPeriod(attrs)) inPeriod = true; });
      if (any && !inPeriod) hiddenByTime.add(node);
    });
  }
  if (state.party) {  // with a party chosen, show what its people are linked to
    const members = new Set(graph.filterNodes((n, a) => a.kind === "person" && a.party === state.party));
    graph.forEachNode((node, attrs) => {
      if (attrs.kind === "person" && members.has(node)) return;
      if (attrs.kind === "party" && attrs.label === state.party) return;
      if (!graph.neighbors(node).some((m) => members.has(m))) hiddenByTime.add(node);
    });
  }
  renderer.refresh();
  let nodes = 0, edges = 0;
  graph.forEachNode((n, a) => { if (visible(n, a)) nodes += 1; });
  graph.forEachEdge((e, a) => { const [s, t] = graph.extremities(e); if (edgeInPeriod(a) && visible(s, graph.getNodeAttributes(s)) && visible(t, graph.getNodeAttributes(t))) edges += 1; });
  document.getElementById("counts").textContent = `${nodes} nodes, ${edges} links shown`;
  document.body.dataset.visibleNodes = nodes;
  window.parlgraphTimings.lastFilter = performance.now() - started;
}

function setUpControls() {
  const types = document.getElementById("types");
  types.querySelectorAll("label").forEach((l) => l.remove());
  for (const type of TYPES) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox"; box.value = type; box.checked = state.types.has(type); box.name = "type";
    box.addEventListener("change", () => {
      box.checked ? state.types.add(type) : state.types.delete(type);
      if (type === "question") load(); else applyFilters();
    });
    label.append(box, " " + type);
    types.appendChild(label);
  }
  const parties = [...new Set(graph.filterNodes((n, a) => a.kind === "person" && a.party).map((n) => graph.getNodeAttribute(n, "party")))].sort();
  const party = document.getElementById("party");
  party.querySelectorAll("option:not([value=''])").forEach((o) => o.remove());
  parties.forEach((p) => { const o = document.createElement("option"); o.value = p; o.textContent = p; party.appendChild(o); });
  party.value = state.party;
  party.onchange = () => { state.party = party.value; applyFilters(); };
  const legislature = document.getElementById("legislature");
  if (legislature.options.length === 1) {
    for (const n of [4, 5, 6, 7, 8]) { const o = document.createElement("option"); o.value = n; o.textContent = n; legislature.appendChild(o); }
  }
  legislature.value = state.legislature;
  legislature.onchange = () => { state.legislature = legislature.value; load(); };
  const years = [];
  graph.forEachEdge((e, a) => { if (a.first) years.push(Number(a.first.slice(0, 4)), Number(a.last.slice(0, 4))); });
  const min = Math.min(...years, 2000), max = Math.max(...years, 2000);
  for (const [id, value] of [["year-from", min], ["year-to", max]]) {
    const input = document.getElementById(id);
    input.min = min; input.max = max; input.step = 1; input.value = value;
    document.getElementById(id + "-out").textContent = value;
    input.oninput = () => {
      document.getElementById(id + "-out").textContent = input.value;
      state.yearFrom = Number(document.getElementById("year-from").value);
      state.yearTo = Number(document.getElementById("year-to").value);
      applyFilters();
    };
  }
  document.getElementById("search").oninput = (event) => {
    state.search = event.target.value.trim().toLowerCase();
    renderer.refresh();
    const hit = state.search && graph.findNode((n, a) => a.label.toLowerCase().includes(state.search));
    if (hit) { const p = renderer.getNodeDisplayData(hit); renderer.getCamera().animate({ x: p.x, y: p.y, ratio: 0.5 }, { duration: 300 }); }
  };
  const legend = document.getElementById("legend");
  legend.innerHTML = "";
  [...Object.entries(TYPE_COLOURS), ...Object.entries(CATEGORY_COLOURS), ...parties.map((p) => [p, colour({ kind: "person", party: p })])].forEach(([name, c]) => {
    const row = document.createElement("div");
    const swatch = document.createElement("span"); swatch.className = "swatch"; swatch.style.background = c;
    row.append(swatch, " " + name);
    legend.appendChild(row);
  });
}

function select(node) {
  state.selected = node;
  const panel = document.getElementById("details");
  if (!node) { panel.hidden = true; renderer.refresh(); return; }
  const a = graph.getNodeAttributes(node);
  panel.hidden = false;
  document.getElementById("details-title").textContent = a.label;
  document.getElementById("details-meta").textContent =
    `${a.category || a.kind}${a.party ? " · " + a.party : ""} · degree ${a.degree} · community ${a.community}`;
  const link = document.getElementById("details-link");
  link.href = localPath(node);
  const list = document.getElementById("neighbours");
  list.innerHTML = "";
  graph.forEachNeighbor(node, (m, b) => {
    const item = document.createElement("li");
    const anchor = document.createElement("a");
    anchor.href = "#"; anchor.textContent = `${b.label} (${b.category || b.kind})`;
    anchor.onclick = (event) => { event.preventDefault(); select(m); };
    item.appendChild(anchor);
    list.appendChild(item);
  });
  renderer.refresh();
}

function download(name, blob) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob); a.download = name; document.body.appendChild(a); a.click(); a.remove();
}
function shownEdges() {
  const rows = [];
  graph.forEachEdge((e, a, s, t, sa, ta) => { if (edgeInPeriod(a) && visible(s, sa) && visible(t, ta)) rows.push([s, sa, t, ta, a]); });
  return rows;
}
function csvCell(value) { const text = String(value ?? ""); return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text; }
document.getElementById("export-csv").onclick = () => {
  const lines = [["source", "source_label", "source_type", "type", "target", "target_label", "target_type", "weight", "first", "last"].join(",")];
  shownEdges().forEach(([s, sa, t, ta, a]) => lines.push([s, sa.label, sa.kind, a.kind, t, ta.label, ta.kind, a.weight, a.first, a.last].map(csvCell).join(",")));
  download("parlgraph-shown.csv", new Blob([lines.join("\n") + "\n"], { type: "text/csv" }));
};
function xml(text) { return String(text ?? "").replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]); }
document.getElementById("export-gexf").onclick = () => {
  const nodes = [];
  graph.forEachNode((n, a) => { if (visible(n, a)) nodes.push(`<node id="${xml(n)}" label="${xml(a.label)}"><attvalues><attvalue for="type" value="${xml(a.kind)}"/></attvalues></node>`); });
  const edges = shownEdges().map(([s, , t, , a], i) => `<edge id="${i}" source="${xml(s)}" target="${xml(t)}" weight="${a.weight || 1}" label="${xml(a.kind)}"/>`);
  const gexf = `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">` +
    `<attributes class="node"><attribute id="type" title="type" type="string"/></attributes>` +
    `<nodes>${nodes.join("")}</nodes><edges>${edges.join("")}</edges></graph></gexf>\n`;
  download("parlgraph-shown.gexf", new Blob([gexf], { type: "application/gexf+xml" }));
};
document.getElementById("export-png").onclick = () => {
  const layers = [...document.querySelectorAll("#graph canvas")];
  const out = document.createElement("canvas");
  out.width = layers[0].width; out.height = layers[0].height;
  const context = out.getContext("2d");
  context.fillStyle = "#fff"; context.fillRect(0, 0, out.width, out.height);
  layers.forEach((layer) => context.drawImage(layer, 0, 0));
  out.toBlob((blob) => download("parlgraph.png", blob), "image/png");
};

load();
