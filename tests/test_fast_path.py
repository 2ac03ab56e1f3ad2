"""The fast path (``sentence_scope = "events"``) finds the same events as the careful path.

The fast path masks, before the model runs, every stretch of text that can neither hold an
event nor feed coreference. These tests pin the filter's decisions on hand-written text
and compare both paths, event id by event id, on the bundled samples and on fixtures
written to stress what masking could break: coreference across masked sentences, "it"
and "they" looking one sentence back, obligations, irregular verb forms and misspelled
names.
"""

from __future__ import annotations

import pytest

from newsevents.actors.knowledge import KnowledgeBase
from newsevents.errors import ConfigurationError
from newsevents.records import Article
from newsevents.samples import sample_articles
from newsevents.sentence_filter import LemmaTables, SentenceFilter, sentence_spans
from newsevents.settings import Settings

# A small stand-in for the model's lemmatizer tables: enough suffix rules and exceptions
# for the words below.
_TABLES = LemmaTables(
    rules={"verb": (("ed", ""), ("ed", "e"), ("ing", ""), ("s", "")),
           "noun": (("s", ""), ("es", ""))},
    exceptions={"verb": {"met": ["meet"], "fought": ["fight"]}},
)


@pytest.fixture(scope="module")
def word_filter() -> SentenceFilter:
    bare = {"meet", "fight", "sign", "visit", "talk"}
    particles = {(lemma, "VERB"): frozenset({None}) for lemma in bare}
    particles[("talk", "NOUN")] = particles[("accord", "NOUN")] = frozenset({None})
    particles[("open", "VERB")] = frozenset({"fire"})
    return SentenceFilter(particles, _TABLES, KnowledgeBase.load())


def _stretches(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_stretches_are_cut_only_where_a_sentence_surely_ends():
    text = ("Mr. Smith arrived in the U.S. on Monday. Talks began.\n"
            "Headline without stop\nGen. Lee spoke. \"We agree,\" he said.")
    assert _stretches(text) == [
        "Mr. Smith arrived in the U.S. on Monday. ", "Talks began.",
        "Headline without stop", "Gen. Lee spoke. ", "\"We agree,\" he said."]


def test_masking_keeps_length_lines_and_needed_sentences(word_filter):
    text = ("Oil rose 5% on Monday. Ministers met in Paris.\n"
            "The weather was mild. Analysts expect growth.\nTroops fought rebels.")
    masked = word_filter.mask_unneeded(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert "Ministers met in Paris." in masked and "Troops fought rebels." in masked
    assert "Oil rose" not in masked and "weather" not in masked and "Analysts" not in masked


def test_coreference_sources_are_kept(word_filter):
    text = ("Vladimir Putin arrived on Monday. The weather was mild. Putin smiled. "
            "He waved. The president looked tired. Crowds waited. He later signed a deal.")
    masked = word_filter.mask_unneeded(text)
    assert "Vladimir Putin arrived" in masked and "Putin smiled." in masked
    assert "The president looked tired." in masked and "He later signed a deal." in masked
    # "he" alone links to the latest person and changes nothing later
    assert "waved" not in masked and "weather" not in masked and "Crowds" not in masked


def test_a_misspelled_surname_counts_only_after_its_given_name(word_filter):
    """The resolver corrects a slip in a surname only in a full name ("Laurent Gbagpo"),
    unless the surname is also a one-word name of its own, so a lone word one letter from
    such a surname feeds nothing and can go."""
    text = "Laurent Gbagpo arrived. The weather was mild. Gbagpo smiled."
    masked = word_filter.mask_unneeded(text)
    assert "Laurent Gbagpo arrived." in masked
    assert "smiled" not in masked and "weather" not in masked


def test_the_sentence_before_it_or_they_is_kept(word_filter):
    text = "Analysts expect growth. The bank raised rates. It then signed a deal."
    masked = word_filter.mask_unneeded(text)
    assert "Analysts" not in masked and "The bank raised rates." in masked


def test_it_or_they_without_an_event_keeps_nothing(word_filter):
    text = "Analysts expect growth. The bank raised rates. They were high."
    masked = word_filter.mask_unneeded(text)
    assert masked.strip() == ""


def test_a_lemma_counts_only_for_the_part_of_speech_of_its_rule(word_filter):
    # "accord" is a trigger only as a noun; "according" can only be a verb form
    masked = word_filter.mask_unneeded("Oil was cheap, according to traders. The accord held.")
    assert "according" not in masked and "The accord held." in masked


def test_particle_rules_need_their_particle_in_the_stretch(word_filter):
    masked = word_filter.mask_unneeded("Shops opened late. Soldiers opened fire on a crowd.")
    assert "Shops" not in masked and "Soldiers opened fire" in masked


def test_obligations_are_kept(word_filter):
    masked = word_filter.mask_unneeded("Oil was cheap. Officials said Sudan must pay.")
    assert "must pay" in masked and "Oil" not in masked


def test_unknown_sentence_scope_is_refused():
    with pytest.raises(ConfigurationError):
        Settings.resolve({"sentence_scope": "some"}, environ={})
    assert Settings.resolve({"sentence_scope": "events"}, environ={}).sentence_scope == "events"


# Hand-written fixtures: each pairs event sentences with sentences the filter masks.
_FIXTURES = [
    ("fx-1", "2015-10-15",
     "Putin visits Astana\n\nASTANA - Russian President Vladimir Putin arrived in Astana "
     "on Thursday. The weather was cold and windy. Thousands of residents lined the "
     "streets. The Russian leader met Kazakh President Nursultan Nazarbayev for talks. "
     "Snow fell overnight. He also signed an agreement on oil transit with his host."),
    ("fx-2", "2014-07-30",
     "Sanctions tightened\n\nThe European Union agreed new sanctions against Russia on "
     "Tuesday. Markets were calm. Oil prices were little changed. It also banned arms "
     "sales. Brussels officials said Moscow must withdraw its troops from Ukraine."),
    ("fx-3", "2021-03-02",
     "Clashes in the north\n\nGovernment troops fought rebels near the border on Monday, "
     "the army said. Prices of bread rose sharply. Shops closed early. They attacked a "
     "convoy the next day. Kenya condemned the violence and called for talks."),
    ("fx-4", "2019-05-20",
     "Leaders meet\n\nThe Prime Minister of India, Narendra Modi, met President Xi "
     "Jinping in Wuhan. The city is known for its lakes. Analysts expect little change. "
     "The Chinese president later hosted a dinner for his guest. Mr. Modi thanked him."),
]


def _fixture_articles() -> list[Article]:
    articles = [Article(text=text, published=published, source="fixture", raw_id=raw_id)
                for raw_id, published, text in _FIXTURES]
    articles += [a for a in sample_articles() if isinstance(a, Article)]
    return articles


@pytest.mark.model
def test_fast_path_finds_the_same_events_as_the_careful_path(pipeline):
    fast = type(pipeline)(Settings(sentence_scope="events"), nlp=pipeline.nlp,
                          knowledge=pipeline.knowledge, gazetteer=pipeline.gazetteer,
                          lexicon=pipeline.lexicon)
    articles = _fixture_articles()
    careful_docs = pipeline.process_batch(articles)
    fast_docs = fast.process_batch(articles)
    masked_any = False
    for article, careful, quick in zip(articles, careful_docs, fast_docs, strict=True):
        masked_any |= fast.sentence_filter.mask_unneeded(article.text) != article.text
        assert [e.id for e in quick.events] == [e.id for e in careful.events], article.label
        assert ([(e.event_type, e.cameo, e.status) for e in quick.events]
                == [(e.event_type, e.cameo, e.status) for e in careful.events])
    assert masked_any, "the fixtures must give the filter something to mask"
    assert sum(len(d.events) for d in careful_docs) >= 10
