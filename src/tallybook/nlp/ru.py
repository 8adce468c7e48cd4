"""Russian front-end, interim: sentences and tokens only.

The natasha front-end (morphology, syntax, NER) is issue 3; until it lands, Russian claims
carry values, hedges, units, periods, times and measures, but no parse-based speaker or
counted phrase. natasha's morphology needs pymorphy2, which does not import on Python 3.11
(inspect.getargspec is gone): that is the first thing the natasha front-end must solve.
"""
from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc


@cache
def pipeline() -> Language:
    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def parse(text: str) -> Doc:
    return pipeline()(text)
