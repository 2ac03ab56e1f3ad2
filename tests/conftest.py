"""Shared fixtures. Model-loading fixtures are session-scoped: the model loads once."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"development data {path} is not present on this machine")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from newsevents import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def knowledge(pipeline):
    return pipeline.knowledge


SEED_PUBLISHED = {"000": "2015-10-15", "001": "2016-10-03"}


@pytest.fixture(scope="session")
def seed_documents(pipeline):
    """The two seed wire stories processed with their publication dates, by file prefix."""
    from newsevents import Article

    folder = shared_path("seeds")
    documents = {}
    for path in sorted(folder.glob("*.txt")):
        key = path.name[:3]
        article = Article(text=path.read_text(encoding="utf-8"),
                          published=SEED_PUBLISHED[key], raw_id=str(path))
        documents[key] = pipeline.process(article).to_dict()
    assert set(documents) == set(SEED_PUBLISHED)
    return documents
