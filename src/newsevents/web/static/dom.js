// Small DOM helpers. Text always goes in through textContent, never innerHTML, so that
// sentences and names from the store can never inject markup.
const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const el = (tag, attrs, ...children) => fill(document.createElement(tag), attrs, children);
export const svg = (tag, attrs, ...children) =>
  fill(document.createElementNS(SVG_NS, tag), attrs, children);

export function clear(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

export const QUAD = {
  1: { name: "Verbal cooperation", color: "#7fc8a9" },
  2: { name: "Material cooperation", color: "#2a7f62" },
  3: { name: "Verbal conflict", color: "#f2a65a" },
  4: { name: "Material conflict", color: "#c8413b" },
};

export function fmtNumber(value, digits = 1) {
  if (value === null || value === undefined) return "–";
  const fixed = Number(value).toFixed(digits);
  return value > 0 ? `+${fixed}` : fixed;
}

export function who(people) {
  if (!people || !people.length) return "–";
  return people.map((p) => p.name || p.text).join(", ");
}

export function codes(people) {
  if (!people || !people.length) return "";
  const seen = [...new Set(people.map((p) => [p.country, p.sector].filter(Boolean).join(" ")))];
  return seen.filter(Boolean).join(", ");
}

export function typeBadge(eventType, quadClass) {
  return el("span", { class: `badge q${quadClass || 0}` }, eventType);
}

// A sentence from the API's segments, with actor, recipient and trigger marked.
export function highlightedSentence(sentence) {
  const block = el("p", { class: "sentence" });
  for (const segment of sentence.segments) {
    if (!segment.roles.length) {
      block.append(segment.text);
      continue;
    }
    const role = segment.roles[0];
    const classes = segment.roles.map((r) => `hl-${r}`).join(" ");
    block.append(el("mark", { class: `hl ${classes}`, title: segment.labels.join(" · "),
                              dataset: { role } }, segment.text));
  }
  return block;
}

// One floating tooltip for the chart and the map.
let tip = null;
export function showTip(event, ...lines) {
  if (!tip) {
    tip = el("div", { class: "tooltip", role: "tooltip" });
    document.body.append(tip);
  }
  clear(tip, lines);
  tip.hidden = false;
  const x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
  const y = Math.max(8, event.clientY - tip.offsetHeight - 10);
  tip.style.left = `${x}px`;
  tip.style.top = `${y}px`;
}
export function hideTip() {
  if (tip) tip.hidden = true;
}
