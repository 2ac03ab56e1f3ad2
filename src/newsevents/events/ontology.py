"""PLOVER event types and the CAMEO codes beside them (QuadClass, Goldstein value).

Facts from the public PLOVER manual and CAMEO codebook, written by the project into
``data/cameo_codes.tsv``. QuadClass follows GDELT's rule by CAMEO root.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import KnowledgeBaseError
from newsevents.tables import packaged_table, read_table

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",        # verbal cooperation
    "COOPERATE", "AID", "RETREAT",                   # material cooperation
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",       # verbal conflict
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",  # material conflict
)

# PLOVER 0.5 names still found in older data, mapped to today's types.
LEGACY_PLOVER_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
                       "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

# Actor codes that stand in the country slot for actors that are no state.
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})


def is_state_code(code: str | None) -> bool:
    """Whether ``code`` is a country's ISO3 code rather than a non-state code."""
    return code is not None and len(code) == 3 and code not in NON_STATE_CODES


CAMEO_COLUMNS = ("cameo", "name", "plover", "quad_class", "goldstein")


def quad_class_of(cameo: str) -> int:
    """GDELT's QuadClass: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    root = int(cameo[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO code: {cameo!r}")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def canonical_plover_type(label: str) -> str:
    """Today's PLOVER type for a current or legacy (0.5) label."""
    upper = label.strip().upper()
    return LEGACY_PLOVER_TYPES.get(upper, upper)


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    plover: str | None
    quad_class: int
    goldstein: float


@functools.cache
def cameo_codes(path: Path | None = None) -> dict[str, CameoCode]:
    """All CAMEO codes by code string ("042"), loaded once."""
    codes: dict[str, CameoCode] = {}
    source = path or packaged_table("cameo_codes.tsv")
    for row in read_table(source, CAMEO_COLUMNS):
        try:
            code = CameoCode(row["cameo"], row["name"], row["plover"] or None,
                             int(row["quad_class"]), float(row["goldstein"]))
        except ValueError as exc:
            raise KnowledgeBaseError(f"{source}: bad row for {row['cameo']}: {exc}") from exc
        if code.plover is not None and code.plover not in PLOVER_TYPES:
            raise KnowledgeBaseError(f"{source}: unknown PLOVER type {code.plover!r}")
        codes[code.code] = code
    return codes


def cameo_code(code: str) -> CameoCode:
    """The CAMEO code ``code``, falling back to its 3-digit parent and root."""
    table = cameo_codes()
    for candidate in (code, code[:3], code[:2]):
        if candidate in table:
            return table[candidate]
    raise KnowledgeBaseError(f"unknown CAMEO code {code!r}")
