"""One registry of the languages tallybook reads: for each, its front-end (text → spaCy Doc),
lexicon, number reader, alphabet and named-entity labels. Code asks the registry rather than
testing `lang == "ru"`; a new language is one entry here, a front-end and a lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .lexicons import Lexicon
    from .model import Number


@dataclass(frozen=True, eq=False)
class Language:
    """A language tallybook reads."""

    code: str  # ISO 639-1, as in Claim.lang
    name: str  # lingua's name of it, for detection
    frontend: str  # the module whose parse(text) gives the Doc
    alphabet: re.Pattern  # its letters: a text mostly in them is in this language
    entity_kinds: dict[str, str] = field(default_factory=dict)  # NER label → person | org | place

    def parse(self, text: str) -> Doc:
        """`text` parsed by this language's front-end."""
        return import_module(self.frontend).parse(text)

    @cached_property
    def lexicon(self) -> Lexicon:
        from .lexicons import lexicon

        return lexicon(self.code)

    def read_numbers(self, text: str) -> list[Number]:
        from .numbers.reader import reader

        return reader(self.code).read(text)


LANGUAGES: dict[str, Language] = {
    "en": Language(
        "en",
        "ENGLISH",
        "tallybook.nlp.en",
        re.compile(r"[A-Za-z]"),
        {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place"},
    ),
    "ru": Language(
        "ru", "RUSSIAN", "tallybook.nlp.ru", re.compile(r"[А-Яа-яЁё]"), {"PER": "person", "ORG": "org", "LOC": "place"}
    ),
}
CODES: tuple[str, ...] = tuple(LANGUAGES)
DEFAULT = "en"  # for a text with no letters of any language


def language(code: str | None) -> Language:
    """The registered language of `code`; the default one for None or an unknown code."""
    return LANGUAGES.get(code or DEFAULT) or LANGUAGES[DEFAULT]
