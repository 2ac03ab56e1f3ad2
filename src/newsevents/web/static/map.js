// Event locations on an equirectangular map (x = longitude, y = latitude) over the
// hand-drawn outline in world.js. Marker area follows the event count; colour the share
// of conflict (QuadClass 3-4) among the place's events.
import { clear, el, hideTip, showTip, svg } from "./dom.js";
import { LAND, WATER } from "./world.js";

const NORTH = 85;
const SOUTH = -60;
const project = ([lon, lat]) => [lon + 180, NORTH - lat];

function pathOf(polygons) {
  return polygons.map((ring) => "M" + ring.map((p) => project(p).map((n) => n.toFixed(1))
    .join(",")).join("L") + "Z").join("");
}

const LAND_PATH = pathOf(LAND);
const WATER_PATH = pathOf(WATER);

function mix(a, b, share) {
  const pa = a.match(/\w\w/g).map((h) => parseInt(h, 16));
  const pb = b.match(/\w\w/g).map((h) => parseInt(h, 16));
  return "#" + pa.map((v, i) => Math.round(v + (pb[i] - v) * share).toString(16)
    .padStart(2, "0")).join("");
}

// Green (all cooperation) through amber (mixed) to red (all conflict).
export function markerColor(byQuad, events) {
  const conflict = (byQuad["3"] + byQuad["4"]) / Math.max(1, events);
  return conflict < 0.5 ? mix("2a7f62", "e0a040", conflict * 2)
    : mix("e0a040", "c8413b", (conflict - 0.5) * 2);
}

export function renderMap(host, geo, { selected, onPick }) {
  const height = NORTH - SOUTH;
  const map = svg("svg", { class: "map", viewBox: `0 0 360 ${height}`, role: "img",
                           "aria-label": "Map of event locations",
                           preserveAspectRatio: "xMidYMid meet" });
  map.append(svg("rect", { width: 360, height, class: "ocean" }));
  for (let lon = -150; lon <= 150; lon += 30) {
    map.append(svg("line", { x1: lon + 180, x2: lon + 180, y1: 0, y2: height, class: "graticule" }));
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    map.append(svg("line", { x1: 0, x2: 360, y1: NORTH - lat, y2: NORTH - lat,
                             class: lat === 0 ? "graticule equator" : "graticule" }));
  }
  map.append(svg("path", { d: LAND_PATH, class: "land" }));
  map.append(svg("path", { d: WATER_PATH, class: "ocean" }));

  const features = [...geo.features].sort((a, b) => b.properties.events - a.properties.events);
  for (const feature of features) {
    const p = feature.properties;
    const [cx, cy] = project(feature.geometry.coordinates);
    const r = Math.min(9, 1.6 + 1.3 * Math.sqrt(p.events));
    const marker = svg("circle", {
      cx, cy, r, fill: markerColor(p.by_quad_class, p.events),
      class: selected && selected.toLowerCase() === (p.name || "").toLowerCase()
        ? "marker selected" : "marker",
      tabindex: 0, dataset: { place: p.name || "" } });
    marker.addEventListener("mousemove", (event) => showTip(event,
      el("strong", {}, `${p.name}${p.country ? ` (${p.country})` : ""}`),
      el("div", {}, `${p.events} event${p.events === 1 ? "" : "s"} · Goldstein sum ${p.goldstein}`),
      el("div", { class: "tip-muted" }, p.event_types.join(", ")),
      el("div", { class: "tip-hint" }, "Click to filter by this place")));
    marker.addEventListener("mouseleave", hideTip);
    marker.addEventListener("click", () => onPick(p.name));
    marker.addEventListener("keydown", (event) => { if (event.key === "Enter") onPick(p.name); });
    map.append(marker);
  }
  clear(host, map);
  if (!features.length) host.append(el("div", { class: "map-empty" }, "No located events"));
}

// The busiest places as a ranked list under the map, each a filter button.
export function renderTopPlaces(host, geo, onPick) {
  const top = geo.features.slice(0, 5);
  const most = Math.max(1, ...top.map((f) => f.properties.events));
  clear(host, top.map((feature) => {
    const p = feature.properties;
    const bar = el("span", { class: "bar-track" }, el("span", { class: "bar-fill" }));
    bar.firstChild.style.width = `${(100 * p.events) / most}%`;
    bar.firstChild.style.background = markerColor(p.by_quad_class, p.events);
    return el("button", { type: "button", class: "place-row", dataset: { place: p.name || "" },
                          onclick: () => onPick(p.name) },
      el("span", { class: "place-name" }, p.name, el("span", { class: "muted" }, ` ${p.country || ""}`)),
      bar, el("span", { class: "place-count" }, String(p.events)));
  }));
}
