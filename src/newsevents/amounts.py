"""Amounts: money, percentages and counts, normalised, with what they count and the
direction of change.

"21 billion 100 million dollars" -> 21.1e9 USD; "$27B" -> 27e9 USD; "10.5 percent" -> 10.5
percent; "900 businessmen" -> 900 of "businessmen". Spans come from the model's MONEY,
PERCENT, CARDINAL and QUANTITY entities; the values from our own parser.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsevents.language_model import document_text
from newsevents.records import Amount

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
          "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a": 1}
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR",
                    "₸": "KZT", "₴": "UAH", "₺": "TRY", "₩": "KRW", "₪": "ILS"}
CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP",
                  "ruble": "RUB", "rouble": "RUB", "yuan": "CNY", "renminbi": "CNY",
                  "yen": "JPY", "tenge": "KZT", "rupee": "INR", "hryvnia": "UAH",
                  "lira": "TRY", "riyal": "SAR", "rial": "IRR", "won": "KRW",
                  "shekel": "ILS", "franc": "CHF", "real": "BRL", "rand": "ZAR",
                  "naira": "NGN", "peso": "MXN", "som": "KGS", "manat": "AZN"}
_DECREASE = {"reduce", "decrease", "fall", "drop", "decline", "cut", "shrink", "slump",
             "plunge", "lower", "lose", "slash", "tumble", "contract"}
_INCREASE = {"increase", "rise", "grow", "raise", "climb", "jump", "surge", "boost", "gain",
             "expand", "soar", "double", "add"}
MEASURES = {"km", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "m",
            "metres", "meters", "metre", "meter", "ft", "feet", "foot", "square miles",
            "square kilometers", "square kilometres", "sq km", "acres", "hectares", "kg",
            "kilograms", "tonnes", "tons", "tonne", "ton", "pounds", "lbs", "barrels",
            "liters", "litres", "gallons", "degrees", "mph", "cm", "mm", "inches", "yards",
            "hours", "days", "weeks", "months", "years", "minutes", "seconds", "bpd"}
_HEDGES = {"about", "around", "some", "nearly", "almost", "over", "more", "less", "than",
           "at", "least", "most", "up", "to", "roughly", "approximately", "under", "fewer"}
_SCALE_SUFFIX = re.compile(r"(?:bn|mn|m|k|tn|trn|b)\b", re.IGNORECASE)
_TOTAL_VERBS = {"total", "reach", "amount", "stand", "top", "exceed", "hit"}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+|[$€£¥₽₹₸₴₺₩₪%]", re.IGNORECASE)
_AMOUNT_LABELS = {"MONEY", "PERCENT", "CARDINAL", "QUANTITY"}


def _numeral_value(piece: str) -> float | None:
    """The value of digits with separators, in English or continental style:
    "1,250,000", "3.5", "1.234.567", "10.385,48", "3,5". With both separators the later one
    is the decimal point; a lone comma is a decimal comma unless three digits follow it.
    None for what is no number in either style ("1.2.3,4,5", a version or a list)."""
    if "," in piece and "." in piece:
        decimal = "," if piece.rfind(",") > piece.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        digits = piece.replace(thousands, "")
        return float(digits.replace(decimal, ".")) if digits.count(decimal) == 1 else None
    if piece.count(",") == 1 and len(piece.split(",")[1]) != 3:
        return float(piece.replace(",", "."))
    if piece.count(".") > 1:
        return float(piece.replace(".", ""))
    return float(piece.replace(",", ""))


def parse_number(text: str) -> float | None:
    """Sum of number x scale groups: "21 billion 100 million" -> 21.1e9, "$27B" -> 27e9."""
    total = 0.0
    current: float | None = None
    seen = False
    for piece in _TOKEN.findall(text.replace("-", " ")):
        lower = piece.lower()
        if piece[0].isdigit():
            if current is not None:
                total += current
            current = _numeral_value(piece)
            if current is None:
                return None
            seen = True
        elif lower in NUMBER_WORDS and not (lower == "a" and seen):
            value = NUMBER_WORDS[lower]
            if value == 100 and current is not None:
                current *= 100
            else:
                current = (current or 0) + value
            seen = True
        elif lower in SCALES and seen:
            total += (current if current is not None else 1) * SCALES[lower]
            current = None
    if not seen:
        return None
    return total + (current or 0)


def currency_of(text: str) -> str | None:
    for symbol, code in CURRENCY_SYMBOLS.items():
        if symbol in text:
            return code
    for word in re.findall(r"[a-z]+", text.lower()):
        singular = word[:-1] if word.endswith("s") and word[:-1] in CURRENCY_WORDS else word
        if singular in CURRENCY_WORDS:
            return CURRENCY_WORDS[singular]
    return None


def find_amounts(doc: Doc) -> list[Amount]:
    """Every money, percentage, measure and count expression of ``doc`` with its value:
    the model's MONEY/PERCENT/QUANTITY/CARDINAL entities, plus numbers it left unlabelled
    that count a noun ("900 businessmen")."""
    spans = [ent for ent in doc.ents if ent.label_ in _AMOUNT_LABELS]
    taken = {t.i for ent in doc.ents for t in ent}
    spans += [doc[t.i:t.i + 1] for t in doc if t.i not in taken and t.like_num
              and t.dep_ == "nummod" and t.head.pos_ == "NOUN" and not t.text.isalpha()]
    amounts = []
    text = document_text(doc)
    for span in sorted(spans, key=lambda s: s.start_char):
        amount = _amount(span, text)
        if amount is not None:
            amounts.append(amount)
    return amounts


def _amount(span: Span, document_text: str) -> Amount | None:
    text, start, end = span.text, span.start_char, span.end_char
    before = document_text[max(0, start - 1):start]
    if before in CURRENCY_SYMBOLS:  # "$27B" where the model left the "$" out
        text, start = before + text, start - 1
    if document_text[end:end + 1] == "-" and span.label_ != "MONEY":
        return None  # part of a compound ("two-way", "14-year-old")
    if text[:1] in CURRENCY_SYMBOLS and (suffix := _SCALE_SUFFIX.match(document_text, end)):
        text, end = text + suffix[0], suffix.end()  # "$100m" tokenised as "$100" + "m"
    value = parse_number(text)
    if value is None:
        return None
    counted, change = _counted_noun(span), _change(span)
    currency = currency_of(text)
    if span.label_ == "MONEY" or currency:
        return Amount(text, start, end, value, currency=currency, quantity_of=counted,
                      change=change)
    if span.label_ == "PERCENT" or "%" in text or "percent" in text.lower():
        return Amount(text, start, end, value, unit="percent", quantity_of=counted,
                      change=change)
    unit = _unit(text) if span.label_ == "QUANTITY" else None
    if unit is not None and counted is None and unit.lower() not in MEASURES:
        counted = unit  # "12 accords" labelled as one quantity: a count of accords
    if unit is not None or counted is not None:
        return Amount(text, start, end, value, unit=unit or counted, quantity_of=counted,
                      change=change)
    return None


def _unit(text: str) -> str | None:
    """The measure of a quantity: what is left of "300 square miles" without the number."""
    words = [w for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in SCALES
             and w.lower() not in NUMBER_WORDS and w.lower() not in _HEDGES]
    return " ".join(words) or None


def _counted_noun(ent: Span) -> str | None:
    """What the number counts: its head noun ("40 bilateral agreements"), the noun a sum is
    the worth or the total of ("agreements worth $27 billion", "turnover ..., totaling
    $21 billion"), or the object of a changed verb ("reduced trade by 10.5 percent")."""
    root = ent.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN") \
            and head.i >= ent.end:
        if head.lemma_.lower() in _DECREASE | _INCREASE:  # "a 10% increase in trade"
            inside = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of")]
            objects = [c for p in inside for c in p.children if c.dep_ == "pobj"]
            return _noun_phrase(objects[0]) if objects else None
        return _noun_phrase(head, after=ent.end)
    if head.lower_ == "worth" and head.head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(head.head)
    if root.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB":
        return _changed_thing(head.head)
    if root.dep_ in ("dobj", "npadvmod") and head.lemma_.lower() in _DECREASE | _INCREASE:
        return _changed_thing(head)  # "prices rose 3%"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(head.head)
    if root.dep_ in ("dobj", "attr") and head.lemma_.lower() in _TOTAL_VERBS:
        if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
            return _noun_phrase(head.head)
        return _changed_thing(head.head) if head.dep_ in ("advcl", "xcomp", "conj") \
            else _changed_thing(head)
    return None


def _changed_thing(verb: Token) -> str | None:
    """The object of a verb of change; else the noun just before its "by" phrase (the
    parser often misses the object of "reduced in 2014 trade turnover by 10 percent");
    else its subject ("trade fell by 5%")."""
    nouns = ("NOUN", "PROPN")
    for dep in ("dobj", "nsubjpass"):
        found = [c for c in verb.children if c.dep_ == dep and c.pos_ in nouns]
        if found:
            return _noun_phrase(found[0])
    by = next((c for c in verb.rights if c.lower_ == "by"), None)
    if by is not None:
        between = [t for t in verb.doc[verb.i + 1:by.i] if t.pos_ in nouns
                   and t.dep_ != "compound"]
        if between:
            return _noun_phrase(between[-1])
    found = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in nouns]
    return _noun_phrase(found[0]) if found else None


def _noun_phrase(token: Token, after: int = 0) -> str:
    """The noun with its modifiers ("bilateral trade"), never reaching back into the
    amount itself (``after``: first token past it)."""
    left = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")]
    start = max(after, min([token.i, *(c.left_edge.i for c in left)]))
    return token.doc[start:token.i + 1].text


def _change(ent: Span) -> str | None:
    """Direction of change when the amount is the change itself: "by 10.5 percent" after
    a verb of change, its object ("cut 5,000 jobs", "rose 3%"), or a change noun it
    modifies ("a 10 percent increase"). A total or a share is not a change."""
    root = ent.root
    node = root.head
    if node.dep_ == "prep" or node.pos_ == "ADP":
        if node.lower_ not in ("by", "to", "from"):
            return None
        node = node.head
    elif root.dep_ not in ("dobj", "npadvmod", "nummod", "compound", "amod", "quantmod"):
        return None
    if root.dep_ == "nummod" and node.dep_ == "dobj":  # "cut 5,000 jobs"
        node = node.head
    lemma = node.lemma_.lower()
    if lemma in _DECREASE:
        return "decrease"
    if lemma in _INCREASE:
        return "increase"
    return None
