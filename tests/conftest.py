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
