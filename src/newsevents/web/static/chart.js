// The cooperation-versus-conflict chart: one diverging stacked bar per period, cooperation
// (QuadClass 1-2) above the axis and conflict (3-4) below, as event counts or as Goldstein
// sums. Time runs on a true time axis so that gaps between events stay visible.
import { QUAD, clear, el, fmtNumber, hideTip, showTip, svg } from "./dom.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const time = (period) => Date.parse(`${period}T00:00:00Z`);

function nextPeriod(t, interval) {
  const d = new Date(t);
  if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (interval === "week" ? 7 : 1));
  return d.getTime();
}

const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

function niceStep(range) {
  const raw = range / 4 || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].find((s) => s * power >= raw) * power;
  return unit;
}

function periodLabel(t, interval) {
  const d = new Date(t);
  if (interval === "month") return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return interval === "week" ? `Week of ${day}` : day;
}

function values(bucket, measure) {
  const out = {};
  for (const q of [1, 2, 3, 4]) {
    const part = bucket.by_quad_class[String(q)];
    out[q] = measure === "events" ? (q <= 2 ? part.events : -part.events) : part.goldstein;
  }
  return out;
}

const DAY = 86400000;

function dayTicks(t0, t1) {
  const step = Math.max(1, Math.ceil((t1 - t0) / DAY / 8));
  const ticks = [];
  for (let t = Math.ceil(t0 / DAY) * DAY; t <= t1; t += step * DAY) {
    const d = new Date(t);
    ticks.push([t, `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`]);
  }
  return ticks;
}

function timeTicks(t0, t1) {
  if (t1 - t0 <= 62 * DAY) return dayTicks(t0, t1);
  const y0 = new Date(t0).getUTCFullYear();
  const y1 = new Date(t1).getUTCFullYear();
  if (y1 - y0 >= 2) {
    const step = Math.max(1, Math.ceil((y1 - y0) / 8));
    const ticks = [];
    for (let y = y0; y <= y1; y += step) ticks.push([Date.UTC(y, 0, 1), String(y)]);
    return ticks.filter(([t]) => t >= t0 && t <= t1);
  }
  const ticks = [];
  const d = new Date(Date.UTC(y0, new Date(t0).getUTCMonth(), 1));
  const months = (y1 - y0) * 12 + new Date(t1).getUTCMonth() - d.getUTCMonth();
  const step = Math.max(1, Math.ceil(months / 8));
  while (d.getTime() <= t1) {
    if (d.getTime() >= t0) {
      ticks.push([d.getTime(), `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`]);
    }
    d.setUTCMonth(d.getUTCMonth() + step);
  }
  return ticks;
}

export function renderTimeseries(host, data, { measure, onPick }) {
  const buckets = data.buckets;
  if (!buckets.length) {
    clear(host, el("div", { class: "empty" }, "No dated events for this selection."));
    return;
  }
  // The host is sized by the layout (the chart fills its card); the SVG follows it.
  const width = Math.max(host.clientWidth, 360);
  const height = Math.max(host.clientHeight, 240);
  const m = { top: 12, right: 12, bottom: 26, left: 48 };
  const innerW = width - m.left - m.right;
  const innerH = height - m.top - m.bottom;

  let t0 = time(buckets[0].period);
  let t1 = nextPeriod(time(buckets[buckets.length - 1].period), data.interval);
  const minSpan = 8 * (nextPeriod(t0, data.interval) - t0);
  if (t1 - t0 < minSpan) {
    const pad = (minSpan - (t1 - t0)) / 2;
    t0 -= pad;
    t1 += pad;
  }
  const margin = (t1 - t0) * 0.02;  // keep the first and last bars off the card's edges
  t0 -= margin;
  t1 += margin;
  const x = (t) => m.left + ((t - t0) / (t1 - t0)) * innerW;

  const stacks = buckets.map((b) => {
    const v = values(b, measure);
    const up = Object.values(v).filter((n) => n > 0).reduce((a, n) => a + n, 0);
    const down = Object.values(v).filter((n) => n < 0).reduce((a, n) => a + n, 0);
    return { bucket: b, v, up, down };
  });
  let top = Math.max(1, ...stacks.map((s) => s.up));
  let bottom = Math.min(-1, ...stacks.map((s) => s.down));
  const step = niceStep(top - bottom);
  top = Math.ceil(top / step) * step;
  bottom = Math.floor(bottom / step) * step;
  const y = (value) => m.top + ((top - value) / (top - bottom)) * innerH;

  const chart = svg("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`,
                             width, height, role: "img",
                             "aria-label": "Cooperation and conflict over time" });
  for (let tick = bottom; tick <= top + 1e-9; tick += step) {
    chart.append(svg("line", { x1: m.left, x2: width - m.right, y1: y(tick), y2: y(tick),
                               class: tick === 0 ? "axis-zero" : "grid" }));
    chart.append(svg("text", { x: m.left - 6, y: y(tick) + 4, class: "tick", "text-anchor": "end" },
                     measure === "events" ? String(Math.abs(tick)) : fmtNumber(tick, 0)));
  }
  for (const [t, label] of timeTicks(t0, t1)) {
    chart.append(svg("line", { x1: x(t), x2: x(t), y1: height - m.bottom, y2: height - m.bottom + 4,
                               class: "axis" }));
    chart.append(svg("text", { x: x(t), y: height - 8, class: "tick", "text-anchor": "middle" },
                     label));
  }
  chart.append(svg("text", { x: m.left + 4, y: m.top + 10, class: "zone" }, "▲ cooperation"));
  chart.append(svg("text", { x: m.left + 4, y: height - m.bottom - 6, class: "zone" },
                   "▼ conflict"));

  for (const { bucket, v } of stacks) {
    const start = time(bucket.period);
    const end = nextPeriod(start, data.interval);
    const slot = x(end) - x(start);
    const barW = Math.min(36, Math.max(5, slot * 0.8));
    const left = x(start) + (slot - barW) / 2;
    let above = 0;
    let below = 0;
    for (const q of [1, 2, 3, 4]) {
      const value = v[q];
      if (!value) continue;
      const from = value > 0 ? above : below;
      const to = from + value;
      if (value > 0) above = to;
      else below = to;
      chart.append(svg("rect", { x: left, width: barW, y: y(Math.max(from, to)),
                                 height: Math.max(1, Math.abs(y(from) - y(to))),
                                 fill: QUAD[q].color, class: "bar" }));
    }
    const hit = svg("rect", { x: Math.min(left, x(start)), width: Math.max(barW, slot, 10),
                              y: m.top, height: innerH, class: "hit",
                              dataset: { period: bucket.period } });
    hit.addEventListener("mousemove", (event) => showTip(event,
      el("strong", {}, periodLabel(start, data.interval)),
      ...[1, 2, 3, 4].map((q) => el("div", { class: "tip-row" },
        el("i", { class: `swatch q${q}` }), `${QUAD[q].name}: `,
        el("b", {}, `${bucket.by_quad_class[q].events} events`),
        ` (Goldstein ${fmtNumber(bucket.by_quad_class[q].goldstein)})`)),
      el("div", { class: "tip-hint" }, "Click to show these events")));
    hit.addEventListener("mouseleave", hideTip);
    hit.addEventListener("click", () => onPick(isoDay(start), isoDay(end - DAY)));
    chart.append(hit);
  }
  clear(host, chart);
}

// Totals shown above the chart: cooperation and conflict events and the net Goldstein.
export function summarize(data) {
  let coop = 0;
  let conflict = 0;
  for (const b of data.buckets) {
    coop += b.by_quad_class["1"].events + b.by_quad_class["2"].events;
    conflict += b.by_quad_class["3"].events + b.by_quad_class["4"].events;
  }
  return { coop, conflict, goldstein: data.total.goldstein, excluded: data.excluded };
}
