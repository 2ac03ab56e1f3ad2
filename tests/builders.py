"""Hand-built records for tests that must not depend on the model."""

from __future__ import annotations

from newsevents.records import ActorMention, Article, Document, ErrorRecord, Event, Trigger

TEXT = ("Vietnamese Prime Minister Pham Minh Chinh met Lao Prime Minister Sonexay Siphandone "
        "in Vientiane on Monday.")


def actor(name: str, country: str, start: int = 0) -> ActorMention:
    return ActorMention(name, start, start + len(name), name, country, "GOV",
                        f"{country.lower()}-leader")


def document(text: str = TEXT, published: str = "2024-01-08", event_type: str = "CONSULT",
             failed: bool = False) -> Document:
    article = Article(text=text, published=published, source="Test Wire", raw_id="t1")
    doc = Document(article=article)
    if failed:
        doc.errors.append(ErrorRecord("t1", "clean", "empty document", article.doc_id))
        return doc
    vnm, lao = actor("Pham Minh Chinh", "VNM", 26), actor("Sonexay Siphandone", "LAO", 65)
    doc.actors = [vnm, lao]
    doc.events = [Event(
        doc_id=article.doc_id, event_type=event_type, mode="meet", context=["diplomatic"],
        cameo="040", quad_class=1, goldstein=1.0, status="asserted", actor=[vnm],
        recipient=[lao], text=text, sentence_index=0, start=0, end=len(text),
        trigger=Trigger("met", 42, 45, "meet"), confidence=0.85, why="test",
        date=published, date_precision="day", story_id="sty_test")]
    return doc
