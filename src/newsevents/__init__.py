"""newsevents: English news in, political event data (PLOVER/CAMEO) out, with provenance.

    from newsevents import Pipeline, Article
    doc = Pipeline().process(Article(text=..., published="2015-10-15"))
    doc.to_dict()["events"]
"""

from __future__ import annotations

__version__ = "0.1.0"

from newsevents.errors import (
    ConfigurationError,
    EvaluationError,
    InputError,
    KnowledgeBaseError,
    ModelError,
    NewsEventsError,
    StageError,
    StoreError,
)
from newsevents.pipeline import Pipeline
from newsevents.records import (
    ActorMention,
    Amount,
    Article,
    Boilerplate,
    Document,
    ErrorRecord,
    Event,
    Place,
    TimeExpression,
)
from newsevents.settings import Settings
from newsevents.store import EventFilter, Store

__all__ = [
    "ActorMention",
    "Amount",
    "Article",
    "Boilerplate",
    "ConfigurationError",
    "Document",
    "ErrorRecord",
    "EvaluationError",
    "Event",
    "EventFilter",
    "InputError",
    "KnowledgeBaseError",
    "ModelError",
    "NewsEventsError",
    "Pipeline",
    "Place",
    "Settings",
    "StageError",
    "Store",
    "StoreError",
    "TimeExpression",
    "__version__",
]
