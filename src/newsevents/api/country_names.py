"""Display names for country codes, from the project's own countries table.

Pickers show "Russia (RUS)", not a bare code; the names are the short common ones the
knowledge base already holds, and PLOVER's non-state codes get a plain description.
"""

from __future__ import annotations

import functools

from newsevents.actors.knowledge import COUNTRY_COLUMNS
from newsevents.tables import packaged_table, read_table

NON_STATE = {"IGO": "International organisations", "NGO": "Non-governmental organisations",
             "MNC": "Multinational companies"}


@functools.cache
def _names() -> dict[str, str]:
    table = {row["iso3"]: row["name"] for row in
             read_table(packaged_table("countries.tsv"), COUNTRY_COLUMNS)}
    return {**table, **NON_STATE}


def country_name(code: str) -> str:
    """The name for ``code``; the code itself when the table does not know it."""
    return _names().get(code, code)
