"""The trigger lexicon: which verb or noun lemma signals which PLOVER event.

Rows live in ``data/triggers.tsv`` (written by the project from the PLOVER manual and CAMEO
codebook). A row may require a particle or preposition child ("call" + "for" -> REQUEST) or
a fixed object ("open" + "fire"); rows with a requirement win over the bare lemma.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import KnowledgeBaseError
from newsevents.events.ontology import PLOVER_TYPES, cameo_code
from newsevents.tables import packaged_table, read_table

TRIGGER_COLUMNS = ("lemma", "pos", "particle", "event_type", "mode", "cameo", "context",
                   "note")


@dataclass(frozen=True, slots=True)
class TriggerRule:
    lemma: str
    pos: str  # VERB | NOUN | ADJ ("willing to")
    particle: str | None
    event_type: str
    mode: str | None
    cameo: str
    context: str | None
    ambiguous: bool

    @property
    def description(self) -> str:
        base = f"{self.pos.lower()} '{self.lemma}'"
        return f"{base} + '{self.particle}'" if self.particle else base


@dataclass(frozen=True)
class Lexicon:
    rules: dict[tuple[str, str], tuple[TriggerRule, ...]]

    def candidates(self, lemma: str, pos: str) -> tuple[TriggerRule, ...]:
        return self.rules.get((lemma, pos), ())

    def __len__(self) -> int:
        return sum(len(r) for r in self.rules.values())


@functools.cache
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load and validate the trigger table once per process."""
    source = path or packaged_table("triggers.tsv")
    rules: dict[tuple[str, str], list[TriggerRule]] = {}
    for row in read_table(source, TRIGGER_COLUMNS):
        if row["event_type"] not in PLOVER_TYPES:
            raise KnowledgeBaseError(f"{source}: unknown event type {row['event_type']!r}")
        if row["pos"] not in ("VERB", "NOUN", "ADJ"):
            raise KnowledgeBaseError(
                f"{source}: pos must be VERB, NOUN or ADJ, got {row['pos']!r}")
        cameo_code(row["cameo"])  # raises on unknown codes
        rule = TriggerRule(
            lemma=row["lemma"].lower(), pos=row["pos"], particle=row["particle"] or None,
            event_type=row["event_type"], mode=row["mode"] or None, cameo=row["cameo"],
            context=row["context"] or None,
            ambiguous=row["note"].lower().startswith("ambiguous"),
        )
        rules.setdefault((rule.lemma, rule.pos), []).append(rule)
    # Rules with a particle requirement are tried first.
    ordered = {key: tuple(sorted(value, key=lambda r: r.particle is None))
               for key, value in rules.items()}
    return Lexicon(ordered)
