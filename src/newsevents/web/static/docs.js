// Renders the API's own OpenAPI document as a reference page, so the docs work offline.
import { getJSON } from "./api.js";
import { clear, el } from "./dom.js";

function typeOf(schema) {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(typeOf).filter((t) => t !== "null").join(" | ");
  if (schema.type === "array") return `list of ${typeOf(schema.items)}`;
  if (schema.$ref) return schema.$ref.split("/").pop();
  return schema.format ? `${schema.type} (${schema.format})` : schema.type || "";
}

function enumOf(schema, spec) {
  const target = schema && (schema.items || (schema.anyOf || []).find((s) => s.items || s.$ref) || schema);
  const inner = target && target.items ? target.items : target;
  const ref = inner && inner.$ref ? spec.components.schemas[inner.$ref.split("/").pop()] : inner;
  return ref && ref.enum ? ref.enum.join(", ") : "";
}

// `code` spans of the descriptions as <code>, the rest as text.
function prose(text) {
  return (text || "").split("`").map((part, i) => (i % 2 ? el("code", {}, part) : part));
}

function parameterRow(p, spec) {
  const outer = p.schema || {};
  const branch = (outer.anyOf || []).find((s) => s.type && s.type !== "null") || {};
  const schema = { ...branch, ...outer };
  const rules = [schema.pattern && `pattern ${schema.pattern}`,
    schema.maximum !== undefined && `≤ ${schema.maximum}`,
    schema.minimum !== undefined && `≥ ${schema.minimum}`,
    schema.maxLength !== undefined && `at most ${schema.maxLength} characters`].filter(Boolean);
  const choices = enumOf(schema, spec);
  return el("tr", {},
    el("td", {}, el("code", {}, p.name), p.required ? " *" : ""),
    el("td", {}, p.in),
    el("td", {}, typeOf(schema) || typeOf(schema.items)),
    el("td", {}, schema.default !== undefined ? el("code", {}, JSON.stringify(schema.default)) : ""),
    el("td", {}, p.description || schema.description || "",
       choices ? el("div", { class: "enum" }, `one of: ${choices}`) : "",
       rules.length ? el("div", { class: "enum" }, rules.join(", ")) : ""));
}

function endpoint(path, method, op, spec) {
  const params = op.parameters || [];
  return el("section", { class: "card endpoint" },
    el("header", {},
      el("span", { class: "method" }, method.toUpperCase()),
      el("span", { class: "path" }, path),
      el("span", { class: "summary-text" }, op.summary || ""),
      path.includes("{") ? "" : el("a", { class: "try", href: path }, "Open →")),
    op.description ? el("p", { class: "description" }, prose(op.description)) : "",
    params.length ? el("table", { class: "params" },
      el("thead", {}, el("tr", {}, ...["Parameter", "In", "Type", "Default", "Description"]
        .map((h) => el("th", {}, h)))),
      el("tbody", {}, params.map((p) => parameterRow(p, spec)))) : "");
}

async function start() {
  const spec = await getJSON("/openapi.json");
  clear(document.getElementById("intro"),
    el("h2", {}, `${spec.info.title} ${spec.info.version}`),
    el("p", {}, prose(spec.info.description)));
  const sections = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) sections.push(endpoint(path, method, op, spec));
  }
  clear(document.getElementById("endpoints"), sections);
}

start();
