"""One key for a person's name in either script: "Alexander Bastrykin" and «Александр Бастрыкин»,
"Sergei Shoigu" and «Сергей Шойгу» are the same person in the speakers lists.

The key is the consonant skeleton of the name's Latin form: Cyrillic is transliterated, spelling
variants of transliteration are folded (x/ks, j/dzh), and vowels, y, h and the soft and hard
signs are dropped, since transliterations disagree mostly on those ("Sergei"/"Sergey",
"Alexander"/"Aleksandr"). Only names of two words or more get a key: a surname alone is too
likely to stand for two people.
"""

from __future__ import annotations

import re

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
    )
)
_FOLDS = [("dzh", "j"), ("kh", "h"), ("x", "ks"), ("ck", "k"), ("w", "v"), ("q", "k")]
_DROP = re.compile(r"[aeiouyh'’`\-.]")


def person_key(name: str) -> str | None:
    """The key of a person's name (two words or more), or None."""
    words = re.findall(r"[^\W\d_]+", name.lower())
    if len(words) < 2:
        return None
    latin = " ".join("".join(_CYRILLIC.get(ch, ch) for ch in w) for w in words)
    for a, b in _FOLDS:
        latin = latin.replace(a, b)
    latin = re.sub(r"(.)\1+", r"\1", latin)  # doubled letters: «Алла», "Radakinn"
    skeleton = _DROP.sub("", latin)
    return skeleton if all(len(w) >= 2 for w in skeleton.split()) else None


def word_key(word: str) -> str:
    """The consonant skeleton of one word in either script ("Shoigu", «Шойгу» → "shg")."""
    latin = "".join(_CYRILLIC.get(ch, ch) for ch in word.lower())
    for a, b in _FOLDS:
        latin = latin.replace(a, b)
    latin = re.sub(r"(.)\1+", r"\1", latin)
    return _DROP.sub("", latin)
