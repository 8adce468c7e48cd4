"""Word stems for full-text search in both languages: «мигрантов» → «мигрант», "migrants" → "migrant".

Snowball's stemmers (the `snowballstemmer` package, the same algorithms as PostgreSQL's `english`
and `russian` configurations): a word in Cyrillic takes the Russian stemmer, any other the
English one. SQLite indexes the stems of each row (a column SQLite fills through the function
`tallybook_stems`, registered on every connection); PostgreSQL stems with its own `russian`
configuration, which sends words in Latin letters to its English stemmer.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import snowballstemmer

WORD = re.compile(r"\w+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
PREFIX_FROM = 4  # a query stem this long also finds longer words ("india" finds "indian")


@cache
def _stemmer(lang: str):
    return snowballstemmer.stemmer({"ru": "russian", "en": "english"}[lang])


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one word, lower-cased."""
    low = word.lower().replace("ё", "е")
    return _stemmer("ru" if CYRILLIC.search(low) else "en").stemWord(low)


def stems_of(text: str | None) -> str:
    """The stems of every word of `text`, space-separated (what SQLite's stem index holds)."""
    return " ".join(stem(w) for w in WORD.findall(text or ""))


def query_terms(text: str) -> list[tuple[str, bool]]:
    """(stem, as a prefix?) for each word of a search: every word must match."""
    return [(s, len(s) >= PREFIX_FROM) for s in (stem(w) for w in WORD.findall(text)) if s]


def register(sender, connection, **kwargs) -> None:
    """connection_created: give a SQLite connection the function `tallybook_stems(text)`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("tallybook_stems", 1, stems_of, deterministic=True)
