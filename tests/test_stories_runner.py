"""Stories end to end: a run links copies without re-running the language stages, merges
reports across outlets, and keeps different happenings of one dyad apart."""

from __future__ import annotations

import pytest

from conftest import SEED_PUBLISHED, shared_path
from newsevents.records import Article
from newsevents.runner import process_into_store
from newsevents.store import Store

pytestmark = pytest.mark.model

REPORT = ("LIMA (Andes Wire) - Chilean Foreign Minister Alberto van Klaveren met Peruvian "
          "Foreign Minister Javier Gonzalez-Olaechea in Lima on Tuesday to discuss fishing "
          "rights off their shared coast.\n\nThe two ministers agreed to set up a joint "
          "commission that will report within six months, officials said.\n")
OTHER_OUTLET = ("Peru and Chile discussed fishing rights on Tuesday when Chilean Foreign "
                "Minister Alberto van Klaveren met Peruvian Foreign Minister Javier "
                "Gonzalez-Olaechea in Lima, the Peruvian foreign ministry said.\n")


class CountingPipeline:
    """The real pipeline, counting the articles that reach the language stages."""

    def __init__(self, pipeline):
        self.pipeline, self.seen = pipeline, []
        self.settings = pipeline.settings

    def process_many(self, articles, n_process=None, batch_size=None):
        def counted():
            for article in articles:
                self.seen.append(article.source)
                yield article
        return self.pipeline.process_many(counted(), n_process=n_process,
                                          batch_size=batch_size)


def test_a_syndicated_copy_is_linked_without_reprocessing_and_outlets_merge(pipeline,
                                                                             tmp_path):
    articles = [
        Article(text=REPORT, published="2024-05-08", source="Andes Wire"),
        Article(text=OTHER_OUTLET, published="2024-05-08", source="Pacific Daily"),
        Article(text="Chile and Peru set up fishing commission\n\n" + REPORT,
                published="2024-05-08", source="Coastal Times"),
    ]
    counting = CountingPipeline(pipeline)
    with Store(tmp_path / "s.duckdb") as store:
        run = process_into_store(articles, counting, store)  # type: ignore[arg-type]
        again = process_into_store(articles, counting, store)  # type: ignore[arg-type]
        consult = store.query("SELECT * FROM stories WHERE event_type = 'CONSULT'")
        copies = store.query("SELECT count(*) n FROM mentions WHERE duplicate")[0]["n"]
    assert counting.seen == ["Andes Wire", "Pacific Daily"]
    assert (run.processed, run.near_duplicates, again.skipped) == (3, 1, 3)
    [story] = consult
    assert (story["actor_country"], story["recipient_country"]) in {("CHL", "PER"),
                                                                     ("PER", "CHL")}
    assert story["date"] == "2024-05-07"
    assert story["n_articles"] == 3 and story["n_independent_sources"] == 2
    assert copies >= 1


def test_the_seed_articles_stay_separate_stories(pipeline, tmp_path):
    folder = shared_path("seeds")
    articles = [Article(text=p.read_text(encoding="utf-8"), published=SEED_PUBLISHED[p.name[:3]],
                        raw_id=p.name) for p in sorted(folder.glob("*.txt"))]
    with Store(tmp_path / "seeds.duckdb") as store:
        process_into_store(articles, pipeline, store)
        rows = store.query("SELECT e.doc_id, e.story_id FROM events e "
                           "WHERE e.event_type = 'CONSULT'")
        duplicates = store.query("SELECT count(*) n FROM article_duplicates")[0]["n"]
    stories_per_doc = {}
    for row in rows:
        stories_per_doc.setdefault(row["doc_id"], set()).add(row["story_id"])
    assert len(stories_per_doc) == 2 and duplicates == 0
    first, second = stories_per_doc.values()
    assert not first & second
