// The side panel: one event with its highlighted source sentence, or one story with the
// sources that reported it.
import { QUAD, clear, codes, el, fmtNumber, highlightedSentence, typeBadge, who } from "./dom.js";

function fact(label, ...value) {
  return el("div", { class: "fact" }, el("dt", {}, label), el("dd", {}, ...value));
}

function legend() {
  return el("div", { class: "legend" },
    el("span", {}, el("mark", { class: "hl hl-actor" }, "actor")),
    el("span", {}, el("mark", { class: "hl hl-recipient" }, "recipient")),
    el("span", {}, el("mark", { class: "hl hl-trigger" }, "trigger")));
}

function sourceLine(article) {
  const parts = [el("strong", {}, article.source || "Unknown source")];
  if (article.published) parts.push(` · ${article.published}`);
  return el("div", { class: "source-line" }, ...parts);
}

function participant(mention) {
  const code = [mention.country, mention.sector].filter(Boolean).join(" ");
  return el("li", {},
    el("span", { class: `role-dot ${mention.role}` }),
    el("span", { class: "mention-text" }, `“${mention.text}”`),
    mention.name && mention.name !== mention.text ? ` → ${mention.name}` : "",
    code ? el("code", {}, code) : "");
}

export function renderEvent(host, detail, { onStory }) {
  const e = detail.event;
  const quad = QUAD[e.quad_class] || { name: "" };
  const location = e.location ? `${e.location.name}${e.location.country
    ? ` (${e.location.country})` : ""}` : "–";
  const story = detail.story;
  clear(host,
    el("div", { class: "panel-head" },
      typeBadge(e.event_type, e.quad_class),
      el("span", { class: "muted" }, `CAMEO ${e.cameo}${e.mode ? ` · ${e.mode}` : ""}`),
      el("span", { class: `status status-${e.status}` }, e.status)),
    el("h3", { class: "panel-title" }, `${who(e.actor)} → ${who(e.recipient)}`),
    el("div", { class: "panel-codes" }, `${codes(e.actor) || "?"} → ${codes(e.recipient) || "–"}`),
    el("div", { id: "event-sentence", class: "quote" }, highlightedSentence(detail.sentence)),
    legend(),
    el("dl", { class: "facts" },
      fact("When", e.date || "undated", e.date_precision ? el("span", { class: "muted" },
        ` (${e.date_precision})`) : ""),
      fact("Where", location),
      fact("QuadClass", el("i", { class: `swatch q${e.quad_class}` }), ` ${quad.name}`),
      fact("Goldstein", el("span", { class: e.goldstein >= 0 ? "pos" : "neg" },
        fmtNumber(e.goldstein))),
      fact("Confidence", `${Math.round(e.confidence * 100)}%`)),
    el("h4", {}, "Participants"),
    el("ul", { class: "mentions" }, detail.mentions.map(participant)),
    el("h4", {}, "Source"),
    sourceLine(detail.article),
    el("div", { class: "article-title" }, detail.article.title || ""),
    detail.article.url ? el("a", { href: detail.article.url, class: "url", rel: "noreferrer",
                                   target: "_blank" }, detail.article.url) : "",
    el("details", { class: "why" }, el("summary", {}, "Why this coding"),
       el("code", {}, e.why)),
    story ? el("button", { class: "story-link", type: "button", id: "open-story",
                           onclick: () => onStory(story.story_id) },
      `Story: ${story.events} event${story.events === 1 ? "" : "s"} from ` +
      `${story.documents} source${story.documents === 1 ? "" : "s"} →`) : "");
}

export function renderStory(host, data, { onEvent, onBack }) {
  const s = data.story;
  clear(host,
    onBack ? el("button", { class: "back", type: "button", onclick: onBack }, "← Back to event")
      : "",
    el("div", { class: "panel-head" },
      ...s.event_types.map((t) => el("span", { class: "badge" }, t)),
      el("span", { class: "muted" }, s.story_id)),
    el("h3", { class: "panel-title" }, s.title || s.example),
    el("div", { class: "story-stats" },
      el("span", {}, el("b", {}, String(s.documents)), ` source${s.documents === 1 ? "" : "s"}`),
      el("span", {}, el("b", {}, String(s.events)), ` event${s.events === 1 ? "" : "s"}`),
      el("span", {}, s.first_date === s.last_date ? s.first_date || "undated"
        : `${s.first_date} – ${s.last_date}`),
      el("span", {}, s.dyads.join(", "))),
    el("h4", {}, "Sources"),
    el("ol", { class: "sources", id: "story-sources" }, data.sources.map((source) =>
      el("li", { class: "source" },
        sourceLine(source),
        el("div", { class: "article-title" }, source.title || ""),
        ...source.sentences.map((sentence) => el("div", {
          class: "source-sentence", role: "button", tabindex: 0, title: "Open this event",
          onclick: () => onEvent(sentence.event_id),
          onkeydown: (event) => { if (event.key === "Enter") onEvent(sentence.event_id); } },
          el("span", { class: "badge small" }, sentence.event_type),
          highlightedSentence(sentence)))))));
}
