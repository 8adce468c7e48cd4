"""Language front-ends: each turns text into a spaCy `Doc` with the same annotations
(sentences, lemmas, parts of speech, dependency relations, named entities)."""
from __future__ import annotations

from spacy.tokens import Doc


def parse(text: str, lang: str) -> Doc:
    """Parse `text` with the front-end of `lang`."""
    if lang == "ru":
        from .ru import parse as parse_ru

        return parse_ru(text)
    from .en import parse as parse_en

    return parse_en(text)
