"""The pipeline: an article in, a :class:`Document` with coded events out.

``ingest -> clean -> nlp -> actors -> events -> places/times/amounts -> stories``; the store
and the interfaces sit outside. Heavy resources (spaCy model, knowledge base, gazetteer,
lexicon) are loaded lazily, once per process, and can be passed in for tests.
"""

from __future__ import annotations

import concurrent.futures
import datetime
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.actors.document_context import namesakes_from
from newsevents.actors.knowledge import KnowledgeBase
from newsevents.actors.mentions import find_actor_mentions
from newsevents.actors.resolver import ActorResolver
from newsevents.amounts import find_amounts
from newsevents.clean import CleanText, clean_text
from newsevents.errors import ConfigurationError, InputError, NewsEventsError
from newsevents.events.coder import code_events
from newsevents.events.lexicon import Lexicon, load_lexicon
from newsevents.events.relevance import is_non_political, keep_political
from newsevents.heap import release_free_memory
from newsevents.ingest.limits import check_document_size
from newsevents.language_check import english_problem
from newsevents.language_model import load_language_model
from newsevents.places import Gazetteer, attach_locations, find_places, load_gazetteer
from newsevents.places.geoparse import country_of_place, resolve_name
from newsevents.records import Article, Document, ErrorRecord
from newsevents.sentence_filter import LemmaTables, SentenceFilter
from newsevents.settings import Settings
from newsevents.stories import assign_story_ids
from newsevents.stories import similarity as text_similarity
from newsevents.stories.semantic_similarity import semantic_similarity
from newsevents.times import attach_dates, find_times, parse_published, reference_date

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


# Words handed to the model in one call (see _parse_groups).
PARSE_GROUP_WORDS = 2_000


class Pipeline:
    """The public entry point. ``Pipeline()`` uses the embedded defaults, no network."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None,
                 knowledge: KnowledgeBase | None = None, gazetteer: Gazetteer | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.settings = settings or Settings()
        self._nlp = nlp
        self._knowledge = knowledge
        self._gazetteer = gazetteer
        self._lexicon = lexicon
        self._sentence_filter: SentenceFilter | None = None
        self._resolvers: dict[bool, ActorResolver] = {}

    # -- resources, loaded on first use -------------------------------------------------
    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_language_model(self.settings.model)
        return self._nlp

    @property
    def knowledge(self) -> KnowledgeBase:
        if self._knowledge is None:
            self._knowledge = _load_knowledge(self.settings.knowledge_dir,
                                              self.settings.actor_dictionary)
        return self._knowledge

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = load_lexicon()
        return self._lexicon

    @property
    def sentence_filter(self) -> SentenceFilter | None:
        """The prefilter of the fast path, or None on the careful path (every sentence)."""
        scope = self.settings.sentence_scope
        if scope == "all":
            return None
        if scope != "events":
            raise ConfigurationError(f"unknown sentence_scope {scope!r}",
                                     hint="use 'all' (careful) or 'events' (fast)")
        if self._sentence_filter is None:
            self._sentence_filter = SentenceFilter(
                {key: frozenset(r.particle for r in rules)
                 for key, rules in self.lexicon.rules.items()},
                LemmaTables.from_language(self.nlp), self.knowledge)
        return self._sentence_filter

    @property
    def resolver(self) -> ActorResolver:
        return self._resolver(surnames=True)

    def _resolver(self, surnames: bool) -> ActorResolver:
        """One resolver per surname policy, kept for the pipeline's life: it caches
        resolutions, and the same phrases recur from document to document."""
        if surnames not in self._resolvers:
            self._resolvers[surnames] = ActorResolver(self.knowledge, surnames=surnames)
        return self._resolvers[surnames]

    # -- documents ---------------------------------------------------------------------
    def process(self, article: Article) -> Document:
        """Process one article. Failures are recorded in ``Document.errors``, not raised."""
        return self.process_batch([article])[0]

    def process_batch(self, articles: Sequence[Article]) -> list[Document]:
        """Process articles together (one ``nlp.pipe`` call), results in input order."""
        documents = [Document(article=a) for a in articles]
        # Load shared resources first: a broken table is the run's problem, not a document's.
        _ = (self.knowledge, self.lexicon, self.gazetteer)
        sentence_filter = self.sentence_filter
        prepared: list[tuple[str, int]] = []
        cleaned: dict[int, CleanText] = {}
        for index, document in enumerate(documents):
            try:
                cleaned[index] = self._prepare(document)
                text = cleaned[index].text
                if sentence_filter is not None:
                    text = sentence_filter.mask_unneeded(text)
                prepared.append((text, index))
            except NewsEventsError as error:
                document.errors.append(_error_record(document.article, error, "clean"))
            except Exception as exc:  # a cleaning bug on one document must not stop the run
                document.errors.append(ErrorRecord(
                    document.article.label, "clean", f"{type(exc).__name__}: {exc}",
                    document.doc_id))
        for doc, index in self._parse(prepared, documents):
            document = documents[index]
            try:
                self._extract(document, doc, cleaned[index])
            except Exception as exc:  # one bad document must not stop the run
                document.events.clear()
                document.errors.append(ErrorRecord(
                    document.article.label, "extract", f"{type(exc).__name__}: {exc}",
                    document.doc_id))
        release_free_memory()
        return documents

    def process_many(self, articles: Iterable[Article], n_process: int | None = None,
                     batch_size: int | None = None) -> Iterator[Document]:
        """Stream documents in input order; with ``n_process > 1`` batches are processed in
        worker processes (one model load each) with a bounded number in flight."""
        workers = n_process or self.settings.n_process
        size = batch_size or self.settings.batch_size
        batches = _batched(articles, size)
        if workers <= 1:
            for batch in batches:
                yield from self.process_batch(batch)
            return
        context = multiprocessing.get_context("spawn")
        with concurrent.futures.ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init_worker,
            initargs=(self.settings,),
        ) as pool:
            pending: deque[concurrent.futures.Future[list[Document]]] = deque()
            for batch in batches:
                pending.append(pool.submit(_process_in_worker, batch))
                if len(pending) >= workers * 2:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()

    # -- single-purpose APIs -----------------------------------------------------------
    def resolve_actor(self, text: str, date: str | datetime.date | None = None,
                      context: str | None = None) -> dict[str, str | None] | None:
        """``{"country","sector","name","id"}`` for a mention, or None if unknown.
        ``date``: a date, "YYYY-MM-DD", "YYYY-MM" or "YYYY" (see
        :func:`~newsevents.times.reference_date`; an unreadable one raises ConfigurationError);
        ``context``: the ISO3 code or name of the country the document is about."""
        resolution = self.resolver.resolve(text, reference_date(date),
                                           self._country_code(context))
        return resolution.to_dict() if resolution else None

    def _country_code(self, country: str | None) -> str | None:
        """The ISO3 code of the context country, given by code or name."""
        if not country:
            return None
        code = self.knowledge.country_code(country)
        if code is None:
            raise ConfigurationError(
                f"context {country!r} is no known country",
                hint="give an ISO 3166 alpha-3 code such as KAZ, or a country name")
        return code

    def geoparse(self, text: str) -> list[dict[str, Any]]:
        """Toponyms in ``text`` resolved to places."""
        doc = self.nlp(text)
        return [p.to_dict() for p in find_places(doc, self.gazetteer)]

    def times(self, text: str, published: str | None = None) -> list[dict[str, Any]]:
        """Date expressions in ``text`` normalised against ``published``."""
        doc = self.nlp(text)
        return [t.to_dict() for t in find_times(doc, parse_published(published))]

    def amounts(self, text: str) -> list[dict[str, Any]]:
        """Money, percentages and counts in ``text`` with their normalised values."""
        return [a.to_dict() for a in find_amounts(self.nlp(text))]

    def similarity(self, text_a: str, text_b: str) -> float:
        """Same happening? A score in [0, 1]; 0.5 and above: the same (setting
        ``similarity``: ``lexical`` by default, ``semantic`` with the extra)."""
        if self.settings.similarity == "semantic":
            return semantic_similarity(text_a, text_b)
        return text_similarity(text_a, text_b)

    # -- stages ------------------------------------------------------------------------
    def _prepare(self, document: Document) -> CleanText:
        article = document.article
        if not article.text or not article.text.strip():
            raise InputError("empty document", document=article.label, stage="clean")
        check_document_size(article.text, document=article.label)
        if article.lang and not article.lang.lower().startswith("en"):
            raise InputError(f"language {article.lang!r} is not supported (English only)",
                             document=article.label, stage="clean")
        problem = english_problem(article.text)
        if problem:
            raise InputError(problem, document=article.label, stage="clean")
        if article.published and parse_published(article.published) is None:
            document.errors.append(ErrorRecord(
                article.label, "times",
                f"publication date {article.published!r} not understood; relative dates "
                "left unresolved", article.doc_id, fatal=False))
        cleaned = clean_text(article.text)
        document.boilerplate = cleaned.boilerplate
        document.dateline = cleaned.dateline
        return cleaned

    def _parse(self, prepared: list[tuple[str, int]],
               documents: list[Document]) -> Iterator[tuple[Doc, int]]:
        """Parse the batch in word-bounded groups (:func:`_parse_groups`)."""
        for group in _parse_groups(prepared, PARSE_GROUP_WORDS):
            yield from self._parse_group(group, documents)

    def _parse_group(self, group: list[tuple[str, int]],
                     documents: list[Document]) -> Iterator[tuple[Doc, int]]:
        """``nlp.pipe`` over one group; if it fails, parse one by one to find the culprit."""
        try:
            yield from list(self.nlp.pipe(group, as_tuples=True))
        except Exception:
            for text, index in group:
                try:
                    yield self.nlp(text), index
                except Exception as exc:
                    documents[index].errors.append(ErrorRecord(
                        documents[index].article.label, "nlp", f"{type(exc).__name__}: {exc}",
                        documents[index].doc_id))

    def _extract(self, document: Document, doc: Doc, cleaned: CleanText) -> None:
        published = parse_published(document.article.published)
        dateline_place = None
        if cleaned.dateline and cleaned.dateline.place:
            dateline_place = resolve_name(cleaned.dateline.place, self.gazetteer, set())
        context = dateline_place.country if dateline_place else None
        non_political = is_non_political(cleaned.text)
        resolver = self._resolver(surnames=not non_political)
        nearby = [context] if context else []
        actors = find_actor_mentions(
            doc, resolver, published, context,
            locate=lambda name: country_of_place(name, self.gazetteer, nearby),
            namesakes=namesakes_from(self.gazetteer.candidates))
        document.actors = actors.mentions
        events = code_events(doc, actors, self.lexicon, document.doc_id)
        document.events = keep_political(events) if non_political else events
        countries = {m.country for m in actors.mentions if m.country and len(m.country) == 3}
        document.places = find_places(doc, self.gazetteer, cleaned.dateline, countries)
        document.times = find_times(doc, published)
        document.amounts = find_amounts(doc)
        attach_locations(document.events, document.places)
        attach_dates(document.events, document.times, published)
        assign_story_ids(document.events)


def _load_knowledge(directory: str | None, dictionary: str | None) -> KnowledgeBase:
    knowledge = KnowledgeBase.load(Path(directory) if directory else None)
    if dictionary:
        knowledge.merge_dictionary(Path(dictionary))
    return knowledge


def _error_record(article: Article, error: NewsEventsError, stage: str) -> ErrorRecord:
    reason = getattr(error, "reason", None) or error.message
    return ErrorRecord(article.label, getattr(error, "stage", stage), reason, article.doc_id)


def _parse_groups(prepared: list[tuple[str, int]],
                  max_words: int) -> Iterator[list[tuple[str, int]]]:
    """Consecutive groups of about ``max_words`` words (a longer document alone).

    Why: the parser and the entity recogniser hold per-token arrays for everything passed
    in one call (about 5 KB a token), so a batch of long articles briefly costs hundreds
    of megabytes; bounding the words per call bounds that, at no measurable speed cost
    above about 2,000 words (bare spaCy runs equally fast on 4 or 32 documents a call).
    """
    group: list[tuple[str, int]] = []
    words = 0
    for item in prepared:
        size = len(item[0].split())
        if group and words + size > max_words:
            yield group
            group, words = [], 0
        group.append(item)
        words += size
    if group:
        yield group


def _batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(settings)


def _process_in_worker(batch: list[Article]) -> list[Document]:
    assert _WORKER_PIPELINE is not None, "worker initialiser did not run"
    return _WORKER_PIPELINE.process_batch(batch)
