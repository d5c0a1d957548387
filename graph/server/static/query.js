// The query editor: YASGUI on our own /sparql, the queries/ catalogue as a menu, our prefixes for
// autocompletion (no call to outside services), a table, a bar chart and downloads of results.
"use strict";

const PREFIXES = {
  pg: "https://w3id.org/parlgraph/ontology#", eli: "http://data.europa.eu/eli/ontology#",
  "eli-dl": "http://data.europa.eu/eli/eli-draft-legislation-ontology#", epvoc: "https://data.europarl.europa.eu/def/epvoc#",
  org: "http://www.w3.org/ns/org#", foaf: "http://xmlns.com/foaf/0.1/", skos: "http://www.w3.org/2004/02/skos/core#",
  dcterms: "http://purl.org/dc/terms/", prov: "http://www.w3.org/ns/prov#", time: "http://www.w3.org/2006/time#",
  schema: "http://schema.org/", owl: "http://www.w3.org/2002/07/owl#", rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#", xsd: "http://www.w3.org/2001/XMLSchema#",
  role: "http://publications.europa.eu/resource/authority/role/", country: "http://publications.europa.eu/resource/authority/country/",
};

Yasgui.Yasqe.forkAutocompleter("prefixes", {
  name: "parlgraphPrefixes",
  persistenceId: null,
  get: () => Promise.resolve(Object.entries(PREFIXES).map(([p, iri]) => `${p}: <${iri}>`).sort()),
}, false);

// A bar chart of the first text column against the first numeric column (inline SVG, no outside library).
class BarChart {
  constructor(yasr) { this.yasr = yasr; this.priority = 5; this.label = "Chart"; this.hideFromSelection = false; }
  columns() {
    const results = this.yasr.results;
    if (!results || !results.getVariables) return null;
    const vars = results.getVariables(), rows = results.getBindings() || [];
    const numeric = vars.find((v) => rows.length && rows.every((r) => r[v] && !isNaN(parseFloat(r[v].value))));
    const label = vars.find((v) => v !== numeric);
    return numeric && label ? { label, numeric, rows } : null;
  }
  canHandleResults() { return !!this.columns(); }
  getIcon() { const icon = document.createElement("span"); icon.textContent = "▮▮"; return icon; }
  draw() {
    const { label, numeric, rows } = this.columns();
    const data = rows.slice(0, 60).map((r) => [r[label] ? r[label].value : "", parseFloat(r[numeric].value)]);
    const max = Math.max(...data.map((d) => d[1]), 1), barHeight = 22, width = 640;
    const svgNS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("width", width + 260); svg.setAttribute("height", data.length * barHeight + 10);
    svg.setAttribute("class", "parlgraph-chart");
    data.forEach(([text, value], i) => {
      const name = document.createElementNS(svgNS, "text");
      name.setAttribute("x", 0); name.setAttribute("y", i * barHeight + 15); name.textContent = text.slice(0, 40);
      const bar = document.createElementNS(svgNS, "rect");
      bar.setAttribute("x", 250); bar.setAttribute("y", i * barHeight + 3);
      bar.setAttribute("width", Math.max(1, (value / max) * width)); bar.setAttribute("height", barHeight - 6);
      bar.setAttribute("fill", "#3b6ea5");
      const figure = document.createElementNS(svgNS, "text");
      figure.setAttribute("x", 255 + (value / max) * width); figure.setAttribute("y", i * barHeight + 15);
      figure.textContent = String(value);
      svg.append(name, bar, figure);
    });
    this.yasr.resultsEl.appendChild(svg);
  }
}
Yasgui.Yasr.registerPlugin("chart", BarChart);

const yasgui = new Yasgui(document.getElementById("yasgui"), {
  requestConfig: { endpoint: location.origin + "/sparql", method: "POST" },
  copyEndpointOnNewTab: false,
  persistenceId: null,
  endpointCatalogueOptions: { getData: () => [{ endpoint: location.origin + "/sparql" }] },
  yasqe: { autocompleters: ["parlgraphPrefixes", "variables"] },
  yasr: { pluginOrder: ["table", "chart", "response"], defaultPlugin: "table" },
});

function load(entry, run) {
  const tab = yasgui.getTab();
  tab.setQuery(entry.query);
  document.getElementById("catalogue-help").textContent = entry.description;
  if (run) tab.query();
}

fetch("/api/queries").then((r) => r.json()).then((entries) => {
  const list = document.getElementById("catalogue-list");
  for (const entry of entries) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button"; button.textContent = entry.title; button.title = entry.description;
    button.dataset.file = entry.file;
    button.addEventListener("click", () => load(entry, true));
    item.appendChild(button);
    list.appendChild(item);
  }
  const wanted = new URLSearchParams(location.search).get("q");
  const chosen = entries.find((e) => e.file === wanted);
  if (chosen) load(chosen, true);
});
window.parlgraphYasgui = yasgui;
