"""Language front-ends: each turns text into a spaCy `Doc` with the same annotations
(sentences, lemmas, parts of speech, dependency relations, named entities)."""

from __future__ import annotations

from spacy.tokens import Doc

from .. import languages


def parse(text: str, lang: str) -> Doc:
    """Parse `text` with the front-end of `lang` (languages.LANGUAGES)."""
    return languages.language(lang).parse(text)  # (nlp.language is the detection module)
