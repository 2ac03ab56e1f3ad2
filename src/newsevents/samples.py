"""The bundled sample articles: a dozen original wire-style stories written for this
project, with the debris real pages carry, used by ``newsevents demo`` and the tests."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from newsevents.errors import InputError
from newsevents.ingest.jsonl_reader import read_jsonl_file
from newsevents.records import Article


def sample_path() -> Path:
    return Path(str(resources.files("newsevents") / "samples" / "wire_samples.jsonl"))


def sample_articles() -> Iterator[Article | InputError]:
    """The bundled samples, as the JSON lines reader yields them."""
    return read_jsonl_file(sample_path())
