"""Importing a user's CAMEO/Phoenix-format actor dictionary over the built-in knowledge base.

Many groups maintain their own actor lists in the format TABARI and PETRARCH read: an actor
name line (words joined by underscores, often with a trailing underscore), optional synonym
lines starting with ``+``, and code lines in brackets with optional date restrictions::

    KASSYM-JOMART_TOKAYEV_
    +TOKAEV_
    [KAZGOV 190320-]
    [KAZLEG 131011-190319]

A code is a country (ISO3 or CAMEO spelling) followed by a sector; dates are ``YYMMDD``
ranges (``A-B``, ``A-`` open-ended, ``>A`` after, ``<B`` before). Rows become office terms
of people in the knowledge base, so resolution stays time-aware.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsevents.errors import KnowledgeBaseError

_CODE_LINE = re.compile(r"^\[\s*([A-Z]{3})([A-Z]{3})?[A-Z]*\s*([^\]]*)\]\s*(?:#.*)?$")
_RANGE = re.compile(r"^(\d{6})?\s*-\s*(\d{6})?$")
_OPEN_START = date(1900, 1, 1)
# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_COUNTRIES = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM", "GMY": "DEU", "UKG": "GBR",
                   "SWZ": "SWZ", "ROM": "ROU", "YUG": "SRB", "ZAI": "COD", "BNG": "BGD"}


@dataclass(frozen=True, slots=True)
class DictionaryTerm:
    """One dated code of one actor from an imported dictionary."""

    name: str
    variants: tuple[str, ...]
    country: str
    sector: str
    start: date
    end: date | None


def _two_digit_year(text: str) -> date:
    year, month, day = int(text[:2]), int(text[2:4]), int(text[4:6])
    return date(1900 + year if year >= 50 else 2000 + year, month, day)


def _dates(spec: str, where: str) -> tuple[date, date | None]:
    spec = spec.strip()
    if not spec:
        return _OPEN_START, None
    try:
        if spec.startswith(">"):
            return _two_digit_year(spec[1:].strip()), None
        if spec.startswith("<"):
            return _OPEN_START, _two_digit_year(spec[1:].strip())
        match = _RANGE.match(spec)
        if match:
            start = _two_digit_year(match[1]) if match[1] else _OPEN_START
            return start, _two_digit_year(match[2]) if match[2] else None
    except ValueError as exc:
        raise KnowledgeBaseError(f"{where}: bad date in [{spec}]: {exc}") from exc
    raise KnowledgeBaseError(f"{where}: cannot read date restriction {spec!r}",
                             hint="use YYMMDD-YYMMDD, YYMMDD-, >YYMMDD or <YYMMDD")


def _name(line: str) -> str:
    return " ".join(line.strip().lstrip("+").replace("_", " ").split()).title()


def read_actor_dictionary(path: Path) -> list[DictionaryTerm]:
    """Parse ``path``; raises :class:`KnowledgeBaseError` naming the line on bad input."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read actor dictionary {path}: {exc}") from exc
    terms: list[DictionaryTerm] = []
    name: str | None = None
    variants: list[str] = []
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("[") else raw.strip()
        where = f"{path}:{number}"
        if not line:
            continue
        if line.startswith("["):
            if name is None:
                raise KnowledgeBaseError(f"{where}: code line before any actor name")
            match = _CODE_LINE.match(line)
            if match is None:
                raise KnowledgeBaseError(f"{where}: cannot read code line {line!r}")
            country = CAMEO_COUNTRIES.get(match[1], match[1])
            start, end = _dates(match[3], where)
            terms.append(DictionaryTerm(name, tuple(variants), country, match[2] or "",
                                        start, end))
        elif line.startswith("+"):
            if name is None:
                raise KnowledgeBaseError(f"{where}: synonym before any actor name")
            variants.append(_name(line))
        else:
            name, variants = _name(line), []
    return terms
