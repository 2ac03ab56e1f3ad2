"""Reading the project's tab-separated knowledge tables, with header checks.

The knowledge base and lexicons are plain TSV so that people can read, diff and extend them;
a malformed table must fail loudly with the file and line, not half-load.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from newsevents.errors import KnowledgeBaseError


def packaged_table(name: str) -> Path:
    """Path of a table shipped in ``newsevents/data``."""
    return Path(str(resources.files("newsevents") / "data" / name))


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """Yield rows of ``path`` as dicts; the header must equal ``columns``.

    Lines starting with ``#`` and blank lines are skipped. Missing trailing cells are empty.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeBaseError(f"cannot read table {path}: {exc}") from exc
    rows = ((n, line) for n, line in enumerate(lines, 1) if line.strip()
            and not line.startswith("#"))
    try:
        _, header = next(rows)
    except StopIteration:
        raise KnowledgeBaseError(f"{path} is empty") from None
    found = tuple(cell.strip() for cell in header.split("\t"))
    if found != columns:
        raise KnowledgeBaseError(f"{path}: header {found} != expected {columns}")
    for number, line in rows:
        cells = line.split("\t")
        if len(cells) > len(columns):
            raise KnowledgeBaseError(
                f"{path}:{number}: {len(cells)} cells, expected {len(columns)}")
        cells += [""] * (len(columns) - len(cells))
        yield dict(zip(columns, (c.strip() for c in cells), strict=True))


def split_list(cell: str) -> list[str]:
    """Cells holding several values separate them with ``|``."""
    return [part.strip() for part in cell.split("|") if part.strip()]
