"""The lookup component gives exactly the stock attribute ruler's and lemmatizer's
annotations, token by token; a model whose rules it cannot reproduce keeps its own."""

from __future__ import annotations

import pytest

from newsevents.language_model import DEFAULT_MODEL
from newsevents.records import Article
from newsevents.samples import sample_articles
from newsevents.token_attributes import COMPONENT, install_token_attributes

# Written for this test: contractions and colloquial forms the multi-token rules target,
# expletive "there is", pronoun case by dependency, masked stretches (runs of spaces and
# line breaks), a lone space token and words the lemmatizer has exceptions for.
EDGE_CASES = [
    "We're gonna win this, y'all. There is a quorum and there were doubts. It's gotta be "
    "done, let's go! C'mon, ain't nothin' wrong. Doin' fine, goin' home, somethin' old.",
    "I told you and you told me; it gave it to them. 'Em? They'll see 'nuff of ol' times.",
    "The ministers   were        meeting.\n\n      \n  Geese flew; the mice ran; "
    "she had better-known wives.  ",
    "But the Kremlin denied it, but only briefly. Did they? They did have doubts.",
    " ",
]


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i,
             t.ent_iob_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def models():
    import importlib

    package = importlib.import_module(DEFAULT_MODEL)
    stock, ours = package.load(), package.load()
    assert install_token_attributes(ours)
    return stock, ours


def _texts() -> list[str]:
    samples = [item.text for item in sample_articles() if isinstance(item, Article)]
    assert samples
    return EDGE_CASES + samples


def test_same_annotations_as_the_stock_components(models):
    stock, ours = models
    assert COMPONENT in ours.pipe_names
    assert "attribute_ruler" not in ours.pipe_names and "lemmatizer" not in ours.pipe_names
    texts = _texts()
    # twice: the second pass answers from the lookup tables filled by the first
    for _ in range(2):
        for expected, actual in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
            assert _annotations(actual) == _annotations(expected)


def test_same_annotations_when_the_tables_are_cleared(models, monkeypatch):
    import importlib

    import newsevents.token_attributes as module

    stock, _ = models
    ours = importlib.import_module(DEFAULT_MODEL).load()
    assert install_token_attributes(ours)
    monkeypatch.setattr(module, "CACHE_LIMIT", 5)
    texts = _texts()[:4]
    for expected, actual in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
        assert _annotations(actual) == _annotations(expected)
    assert len(ours.get_pipe(COMPONENT)._by_token) <= 5


def test_rules_it_cannot_reproduce_leave_the_model_alone():
    import importlib

    nlp = importlib.import_module(DEFAULT_MODEL).load()
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "so", "OP": "+"}]], {"POS": "ADV"})
    names = list(nlp.pipe_names)
    assert not install_token_attributes(nlp)
    assert nlp.pipe_names == names
