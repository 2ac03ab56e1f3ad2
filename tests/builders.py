"""Hand-built records for tests that must not depend on the model."""

from __future__ import annotations

from newsevents.records import (
    ActorMention,
    Amount,
    Article,
    Document,
    ErrorRecord,
    Event,
    TimeExpression,
    Trigger,
)

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


LEDE = ("Chilean Foreign Minister Ana Rojas met her Peruvian counterpart Luis Vera in Lima on "
        "Tuesday, and 40 fishermen were detained at sea, officials said.")
BODY = (" The ministers agreed to set up a joint commission on fishing rights that will report"
        " within six months. Peru's minister said the talks had been frank but friendly, and"
        " that a previous round in Santiago in March had ended without agreement.")


def story_report(text: str, source: str, published: str, *, day: str = "2024-05-07",
                 detained: int = 40, key: str = "sty_chl_per") -> Document:
    """One outlet's report of a Chile-Peru ministers' meeting, with a date, a count of
    detained fishermen and a CONSULT event: the material of story tests."""
    article = Article(text=text, published=published, source=source, raw_id=source)
    doc = Document(article=article)
    end = text.index(" said.") + len(" said.")
    chl = ActorMention("Ana Rojas", 0, 9, "Ana Rojas", "CHL", "GOV", "chl-fm")
    per = ActorMention("Luis Vera", 10, 19, "Luis Vera", "PER", "GOV", "per-fm")
    doc.actors = [chl, per]
    tuesday = text.index("Tuesday")
    doc.times = [TimeExpression("Tuesday", tuesday, tuesday + 7, day, "DATE")]
    forty = text.index("fishermen") - 3
    doc.amounts = [Amount(f"{detained} fishermen", forty, forty + 12, detained,
                          unit="fishermen", quantity_of="fishermen detained")]
    doc.events = [Event(
        doc_id=article.doc_id, event_type="CONSULT", mode="meet", context=["diplomatic"],
        cameo="040", quad_class=1, goldstein=1.0, status="asserted", actor=[chl],
        recipient=[per], text=text[:end], sentence_index=0, start=0, end=end,
        trigger=Trigger("met", 45, 48, "meet"), confidence=0.8, why="test", date=day,
        date_precision="day", story_id=key)]
    return doc
