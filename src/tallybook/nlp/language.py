"""Language detection with lingua, limited to the languages tallybook reads."""
from __future__ import annotations

import re
from functools import cache

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
LATIN = re.compile(r"[A-Za-z]")


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.RUSSIAN).build()


def detect(text: str) -> str:
    """"en" or "ru" for a text; the script decides when one alphabet clearly dominates."""
    cyr, lat = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
    if cyr + lat == 0:
        return "en"
    if cyr > 4 * lat:
        return "ru"
    if lat > 4 * cyr:
        return "en"
    found = _detector().detect_language_of(text)
    return "ru" if found is not None and found.name == "RUSSIAN" else "en"
