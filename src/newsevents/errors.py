"""The one exception hierarchy of newsevents.

Every failure the library raises derives from :class:`NewsEventsError`, so callers can
catch one type. Each error says what failed and, where it helps, what to do about it; the
CLI turns them into clean messages and exit codes instead of tracebacks.
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Root of every error newsevents raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigurationError(NewsEventsError):
    """A setting, flag, environment variable or API argument has a value we cannot use."""


class InputError(NewsEventsError):
    """A document could not be read or is not something we can process.

    Carries the document it concerns and the pipeline stage, so that it can be stored as
    an error record and the run can go on with the next document.
    """

    def __init__(
        self,
        message: str,
        *,
        document: str,
        stage: str = "ingest",
        hint: str | None = None,
    ) -> None:
        super().__init__(f"{document}: {message}", hint=hint)
        self.reason = message
        self.document = document
        self.stage = stage


class StageError(NewsEventsError):
    """A processing stage failed on one document (a bug or an input it cannot handle)."""

    def __init__(self, message: str, *, document: str, stage: str) -> None:
        super().__init__(f"{document}: {stage} failed: {message}")
        self.reason = message
        self.document = document
        self.stage = stage


class ModelError(NewsEventsError):
    """The spaCy model could not be loaded."""


class KnowledgeBaseError(NewsEventsError):
    """A packaged or user-supplied knowledge file is malformed."""


class StoreError(NewsEventsError):
    """The DuckDB store could not be opened, migrated or written."""


class EvaluationError(NewsEventsError):
    """Evaluation data is missing or not in the expected format."""
