// The dashboard: filters (dyad picker and the rest) drive the chart, the map and the
// list; rows open the event panel, which links to its story. State lives in the URL hash
// so that a view can be bookmarked or shared.
import { getJSON, query } from "./api.js";
import { renderTimeseries, summarize } from "./chart.js";
import { clear, codes, el, fmtNumber, typeBadge, who } from "./dom.js";
import { renderMap, renderTopPlaces } from "./map.js";
import { renderEvent, renderStory } from "./panels.js";

const PAGE_SIZE = 15;
const FILTERS = {
  actor_country: "actor-country", recipient_country: "recipient-country",
  both_directions: "both-directions", event_type: "event-type", status: "status",
  date_from: "date-from", date_to: "date-to", q: "search", place: null,
};
const LABELS = { place: "Place", date_from: "From", date_to: "To", q: "Text" };

const state = { filters: {}, interval: "month", measure: "events", tab: "events", page: 1,
                sort: "-date", event: null, lastSeries: null };
const $ = (id) => document.getElementById(id);
const latest = {};

// Run `load` but drop its result when a newer call for the same key started meanwhile.
async function fresh(key, load, render) {
  const ticket = (latest[key] = (latest[key] || 0) + 1);
  const card = $(key);
  if (card) card.classList.add("loading");
  try {
    const data = await load();
    if (ticket === latest[key]) render(data);
  } catch (error) {
    if (ticket === latest[key]) showError(error.message);
  } finally {
    if (card && ticket === latest[key]) card.classList.remove("loading");
  }
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { box.hidden = true; }, 6000);
}

// --- filters and the URL ------------------------------------------------------------
// Every form-backed filter, "" when empty, so that clearing a control clears its filter.
function formValues() {
  const values = {};
  for (const [key, id] of Object.entries(FILTERS)) {
    if (!id) continue;
    const input = $(id);
    values[key] = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
  }
  return values;
}

function writeForm() {
  for (const [key, id] of Object.entries(FILTERS)) {
    if (!id) continue;
    const input = $(id);
    if (input.type === "checkbox") input.checked = Boolean(state.filters[key]);
    else input.value = state.filters[key] || "";
  }
  for (const group of ["measure", "interval"]) {
    for (const button of $(group).querySelectorAll("button")) {
      button.classList.toggle("on", button.dataset.value === state[group]);
    }
  }
}

function saveHash() {
  const params = { ...state.filters, interval: state.interval === "month" ? "" : state.interval,
                   measure: state.measure === "events" ? "" : state.measure };
  history.replaceState(null, "", query(params) ? `#${query(params).slice(1)}` : "#");
}

function loadHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  for (const key of Object.keys(FILTERS)) {
    if (params.get(key)) state.filters[key] = params.get(key);
  }
  if (["day", "week", "month"].includes(params.get("interval"))) state.interval = params.get("interval");
  if (params.get("measure") === "goldstein") state.measure = "goldstein";
}

function setFilters(changes) {
  state.filters = { ...state.filters, ...changes };
  for (const [key, value] of Object.entries(state.filters)) if (!value) delete state.filters[key];
  state.page = 1;
  writeForm();
  refresh();
}

function renderActiveFilters() {
  const chips = Object.entries(state.filters).filter(([key]) => LABELS[key]).map(([key, value]) =>
    el("button", { class: "chip active", type: "button", title: "Remove this filter",
                   onclick: () => setFilters({ [key]: "" }) }, `${LABELS[key]}: ${value} ×`));
  clear($("active-filters"), chips);
}

// --- facets -------------------------------------------------------------------------
function option(value, label) {
  return el("option", { value }, label);
}

async function loadFacets() {
  const [facets, health] = await Promise.all([getJSON("/api/facets"), getJSON("/api/health")]);
  const countries = facets.countries.map((c) =>
    option(c.code, `${c.name} (${c.code}) · ${c.events}`));
  clear($("actor-country"), option("", "Any actor"), countries);
  clear($("recipient-country"), option("", "Any recipient"), countries.map((o) => o.cloneNode(true)));
  clear($("event-type"), option("", "All types"),
    facets.event_types.map((t) => option(t.value, `${t.value} · ${t.events}`)));
  clear($("status"), option("", "Any status"),
    facets.statuses.map((s) => option(s.value, `${s.value} · ${s.events}`)));
  clear($("dyads"), facets.dyads.filter((d) => d.actor !== d.recipient).slice(0, 8).map((d) =>
    el("button", { class: "chip", type: "button", dataset: { actor: d.actor, recipient: d.recipient },
                   onclick: () => setFilters({ actor_country: d.actor, recipient_country: d.recipient }) },
       `${d.actor} → ${d.recipient}`, el("span", { class: "count" }, String(d.events)))));
  const c = health.counts;
  const span = facets.dates.first ? ` · ${facets.dates.first.slice(0, 4)}–${facets.dates.last.slice(0, 4)}` : "";
  $("store-stats").textContent = `${c.articles} articles · ${c.events} events${span}`;
  $("store-stats").title = health.store;
}

// --- chart and map ------------------------------------------------------------------
function drawChart() {
  if (!state.lastSeries) return;
  renderTimeseries($("chart"), state.lastSeries, {
    measure: state.measure,
    onPick: (from, to) => setFilters({ date_from: from, date_to: to }),
  });
  const s = summarize(state.lastSeries);
  const skipped = s.excluded.coarser_than_interval + s.excluded.undated;
  clear($("chart-summary"),
    el("span", { class: "pos" }, el("b", {}, String(s.coop)), " cooperation"),
    el("span", { class: "neg" }, el("b", {}, String(s.conflict)), " conflict"),
    el("span", {}, "net Goldstein ", el("b", {}, fmtNumber(s.goldstein))),
    skipped ? el("span", { class: "muted", title: "Events dated less precisely than the interval, or undated" },
                 `${skipped} not placed`) : "");
}

function loadChart() {
  return fresh("chart-card", () => getJSON("/api/timeseries", { ...state.filters, interval: state.interval }),
    (data) => { state.lastSeries = data; drawChart(); });
}

function loadMap() {
  return fresh("map-card", () => getJSON("/api/places", state.filters), (geo) => {
    const pick = (place) => setFilters({ place });
    renderMap($("map"), geo, { selected: state.filters.place, onPick: pick });
    renderTopPlaces($("top-places"), geo, pick);
    const located = geo.features.reduce((n, f) => n + f.properties.events, 0);
    const places = geo.features.length;
    $("map-summary").textContent = `${places} place${places === 1 ? "" : "s"} · ${located} events`;
  });
}

// --- the list: events, stories, actors ------------------------------------------------
function sortHeader(label, key) {
  const active = state.sort.replace("-", "") === key;
  const arrow = active ? (state.sort.startsWith("-") ? " ↓" : " ↑") : "";
  return el("th", { class: "sortable", onclick: () => {
    state.sort = active && state.sort.startsWith("-") ? key : `-${key}`;
    state.page = 1;
    loadList();
  } }, label + arrow);
}

// First participant by name, "+N" for the others (all of them in the tooltip).
function person(people) {
  if (!people.length) return el("td", { class: "muted" }, "–");
  const [first, ...others] = people;
  return el("td", { title: others.length ? who(people) : null },
    el("div", { class: "who" }, first.name || first.text,
       others.length ? el("span", { class: "more" }, ` +${others.length}`) : ""),
    el("div", { class: "code" }, codes(people)));
}

function eventsTable(page) {
  const rows = page.items.map((e) => el("tr", {
    class: e.id === state.event ? "row selected" : "row", tabindex: 0,
    dataset: { eventId: e.id }, onclick: () => openEvent(e.id),
    onkeydown: (event) => { if (event.key === "Enter") openEvent(e.id); } },
    el("td", { class: "nowrap" }, e.date || "–"),
    el("td", {}, typeBadge(e.event_type, e.quad_class),
       e.status !== "asserted" ? el("div", { class: `status status-${e.status}` }, e.status) : ""),
    person(e.actor), person(e.recipient),
    el("td", {}, e.location ? e.location.name : "–"),
    el("td", { class: "text" }, el("div", { class: "clamp" }, e.text)),
    el("td", { class: `num ${e.goldstein >= 0 ? "pos" : "neg"}` }, fmtNumber(e.goldstein))));
  return el("table", { class: "table", id: "events-table" },
    el("thead", {}, el("tr", {}, sortHeader("Date", "date"), sortHeader("Event", "type"),
      el("th", {}, "Actor"), el("th", {}, "Recipient"), el("th", {}, "Place"),
      el("th", {}, "Sentence"), sortHeader("Goldstein", "goldstein"))),
    el("tbody", {}, rows));
}

function storiesTable(page) {
  return el("table", { class: "table", id: "stories-table" },
    el("thead", {}, el("tr", {}, ...["Story", "Sources", "Events", "Types", "Dates"]
      .map((h) => el("th", {}, h)))),
    el("tbody", {}, page.items.map((s) => el("tr", {
      class: "row", tabindex: 0, dataset: { storyId: s.story_id },
      onclick: () => openStory(s.story_id, false),
      onkeydown: (event) => { if (event.key === "Enter") openStory(s.story_id, false); } },
      el("td", { class: "text" }, el("div", { class: "clamp" }, s.example),
         el("div", { class: "code" }, s.title || "")),
      el("td", {}, s.sources.join(", ") || "–"), el("td", { class: "num" }, String(s.events)),
      el("td", {}, s.event_types.join(", ")),
      el("td", { class: "nowrap" }, s.first_date === s.last_date ? s.first_date || "–"
        : `${s.first_date} – ${s.last_date}`)))));
}

function actorsTable(page) {
  return el("table", { class: "table", id: "actors-table" },
    el("thead", {}, el("tr", {}, ...["Actor", "Code", "Mentions", "Documents", "As actor",
      "As recipient"].map((h) => el("th", {}, h)))),
    el("tbody", {}, page.items.map((a) => el("tr", {
      class: a.country ? "row" : "", title: a.country ? `Show events with ${a.country} as actor` : "",
      onclick: () => a.country && setFilters({ actor_country: a.country }) },
      el("td", {}, el("div", { class: "who" }, a.name), el("div", { class: "code" }, a.kinds.join(", "))),
      el("td", {}, [a.country, a.sector].filter(Boolean).join(" ") || "–"),
      ...[a.mentions, a.documents, a.as_actor, a.as_recipient].map((n) => el("td", { class: "num" }, String(n)))))));
}

function pager(page) {
  const first = page.total ? (page.page - 1) * page.page_size + 1 : 0;
  const last = Math.min(page.total, page.page * page.page_size);
  const go = (n) => { state.page = n; loadList(); };
  clear($("pager"),
    el("span", { class: "muted" }, `${first}–${last} of ${page.total}`),
    el("button", { type: "button", class: "ghost", disabled: page.page <= 1,
                   onclick: () => go(page.page - 1) }, "‹ Prev"),
    el("button", { type: "button", class: "ghost", disabled: page.page >= page.pages,
                   onclick: () => go(page.page + 1) }, "Next ›"));
}

function loadList() {
  const base = { page: state.page, page_size: PAGE_SIZE };
  const sources = {
    events: () => getJSON("/api/events", { ...state.filters, ...base, sort: state.sort }),
    stories: () => getJSON("/api/stories", { ...state.filters, ...base }),
    actors: () => getJSON("/api/actors", { ...base, country: state.filters.actor_country,
                                           q: state.filters.q }),
  };
  const tables = { events: eventsTable, stories: storiesTable, actors: actorsTable };
  const tab = state.tab;
  return fresh("list-card", sources[tab], (page) => {
    const empty = el("div", { class: "empty" }, "Nothing matches these filters.");
    clear($("list"), page.items.length ? tables[tab](page) : empty);
    pager(page);
  });
}

// --- the side panel -----------------------------------------------------------------
function openEvent(id) {
  state.event = id;
  for (const row of document.querySelectorAll("#events-table tr.row")) {
    row.classList.toggle("selected", row.dataset.eventId === id);
  }
  return fresh("panel", () => getJSON(`/api/events/${encodeURIComponent(id)}`), (detail) =>
    renderEvent($("panel"), detail, { onStory: (storyId) => openStory(storyId, true) }));
}

function openStory(id, fromEvent) {
  const back = fromEvent && state.event ? () => openEvent(state.event) : null;
  return fresh("panel", () => getJSON(`/api/stories/${encodeURIComponent(id)}`), (data) =>
    renderStory($("panel"), data, { onEvent: openEvent, onBack: back }));
}

// --- wiring -------------------------------------------------------------------------
function refresh() {
  saveHash();
  renderActiveFilters();
  return Promise.all([loadChart(), loadMap(), loadList()]);
}

function wire() {
  for (const [key, id] of Object.entries(FILTERS)) {
    if (!id) continue;
    const input = $(id);
    if (key === "q") {
      let timer;
      input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => setFilters(formValues()), 300);
      });
    } else {
      input.addEventListener("change", () => setFilters(formValues()));
    }
  }
  $("swap").addEventListener("click", () => setFilters({
    actor_country: state.filters.recipient_country || "",
    recipient_country: state.filters.actor_country || "" }));
  $("reset").addEventListener("click", () => {
    state.filters = {};
    setFilters({});
  });
  for (const group of ["measure", "interval"]) {
    $(group).addEventListener("click", (event) => {
      const value = event.target.dataset.value;
      if (!value || value === state[group]) return;
      state[group] = value;
      writeForm();
      saveHash();
      if (group === "measure") drawChart();
      else loadChart();
    });
  }
  $("tabs").addEventListener("click", (event) => {
    const tab = event.target.dataset.tab;
    if (!tab || tab === state.tab) return;
    state.tab = tab;
    state.page = 1;
    for (const button of $("tabs").querySelectorAll("button")) {
      button.classList.toggle("on", button.dataset.tab === tab);
      button.setAttribute("aria-selected", String(button.dataset.tab === tab));
    }
    loadList();
  });
  // The chart fills its card, whose height follows the map card: redraw when it changes.
  let resize;
  new ResizeObserver(() => {
    clearTimeout(resize);
    resize = setTimeout(drawChart, 60);
  }).observe($("chart"));
}

async function start() {
  wire();
  loadHash();
  try {
    await loadFacets();
  } catch (error) {
    showError(`Cannot reach the store: ${error.message}`);
  }
  writeForm();
  await refresh();
  document.body.dataset.ready = "true";
}

start();
