"""Amounts: money, percentages and counts, normalised, with what they count and the
direction of change.

"21 billion 100 million dollars" -> 21.1e9 USD; "$27B" -> 27e9 USD; "10.5 percent" -> 10.5
percent; "900 businessmen" -> 900 of "businessmen". Spans come from the model's MONEY,
PERCENT, CARDINAL and QUANTITY entities; the values from our own parser.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

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
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+|[$€£¥₽₹₸₴₺₩₪%]", re.IGNORECASE)
_AMOUNT_LABELS = {"MONEY", "PERCENT", "CARDINAL", "QUANTITY"}


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
            current = float(piece.replace(",", "")) if piece.count(",") != 1 or \
                len(piece.split(",")[1]) == 3 else float(piece.replace(",", "."))
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
    """Every money, percentage and count expression of ``doc`` with its value."""
    amounts = []
    for ent in doc.ents:
        if ent.label_ not in _AMOUNT_LABELS:
            continue
        value = parse_number(ent.text)
        if value is None:
            continue
        counted = _counted_noun(ent)
        change = _change(ent)
        if ent.label_ == "MONEY" or currency_of(ent.text):
            amounts.append(Amount(ent.text, ent.start_char, ent.end_char, value,
                                  currency=currency_of(ent.text), quantity_of=counted,
                                  change=change))
        elif ent.label_ == "PERCENT" or "%" in ent.text or "percent" in ent.text.lower():
            amounts.append(Amount(ent.text, ent.start_char, ent.end_char, value,
                                  unit="percent", quantity_of=counted, change=change))
        elif counted is not None:
            amounts.append(Amount(ent.text, ent.start_char, ent.end_char, value,
                                  unit=counted, quantity_of=counted, change=change))
    return amounts


def _counted_noun(ent: Span) -> str | None:
    """What the number counts: its head noun ("40 bilateral agreements"), the noun a sum is
    the worth of ("agreements worth $27 billion"), or the object of a changed verb."""
    root = ent.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(head)
    if head.lower_ == "worth" and head.head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(head.head)
    if root.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB":
        objects = [c for c in head.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        if objects:
            return _noun_phrase(objects[0])
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return _noun_phrase(head.head)
    return None


def _noun_phrase(token: Token) -> str:
    left = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod")]
    start = min([token.i, *(c.left_edge.i for c in left)])
    return token.doc[start:token.i + 1].text


def _change(ent: Span) -> str | None:
    node = ent.root
    for _ in range(3):
        lemma = node.lemma_.lower()
        if lemma in _DECREASE:
            return "decrease"
        if lemma in _INCREASE:
            return "increase"
        if node.head is node:
            break
        node = node.head
    return None
