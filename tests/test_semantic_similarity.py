"""The optional [semantic] extra: embeddings see paraphrases that share few words."""

from __future__ import annotations

import pytest

from newsevents.errors import ConfigurationError
from newsevents.stories import semantic_similarity as semantic

REPORT = ("Russian President Vladimir Putin and Kazakh President Nursultan Nazarbayev signed "
          "a treaty on good-neighbourly relations during talks in Astana on Thursday.")
PARAPHRASE = ("Moscow and Astana sealed a friendship pact as the two heads of state met in "
              "the Kazakh capital.")
UNRELATED = "Heavy rain flooded dozens of homes in northern Portugal overnight."


@pytest.mark.skipif(not semantic.semantic_available(),
                    reason="the [semantic] extra is not installed")
def test_a_paraphrase_scores_above_an_unrelated_story():
    same, other = semantic.semantic_similarity_many([(REPORT, PARAPHRASE),
                                                     (REPORT, UNRELATED)])
    assert same > 0.4 > other >= 0.0
    assert semantic.semantic_similarity(REPORT, REPORT) == pytest.approx(1.0, abs=1e-3)


def test_without_the_extra_the_error_says_what_to_install(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_sentence_transformers(name, *args, **kwargs):
        if name == "sentence_transformers":
            raise ImportError("no module", name=name)
        return real_import(name, *args, **kwargs)

    semantic._model.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_sentence_transformers)
    with pytest.raises(ConfigurationError, match=r"newsevents\[semantic\]"):
        semantic.semantic_similarity(REPORT, UNRELATED)
    semantic._model.cache_clear()


def test_the_pipeline_uses_the_configured_similarity(monkeypatch):
    from newsevents import Pipeline
    from newsevents.settings import Settings

    calls = []
    monkeypatch.setattr("newsevents.pipeline.semantic_similarity",
                        lambda a, b: calls.append((a, b)) or 0.9)
    assert Pipeline(Settings(similarity="semantic")).similarity(REPORT, PARAPHRASE) == 0.9
    assert calls == [(REPORT, PARAPHRASE)]
    assert Pipeline().similarity(REPORT, REPORT) == 1.0  # lexical by default, no model
    with pytest.raises(ConfigurationError):
        Settings.resolve({"similarity": "psychic"})
