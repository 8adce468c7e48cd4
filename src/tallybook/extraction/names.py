"""The people, organisations and places a parsed text names, from its named-entity tags."""

from __future__ import annotations

from spacy.tokens import Doc

from ..languages import language
from ..model import Name


def names_of(doc: Doc, lang: str) -> list[Name]:
    """Every tagged person, organisation and place of `doc`, in text order, by the entity labels
    of its language's front-end (languages.Language.entity_kinds). The Russian front-end gives
    each name's nominative form; an English name is its own dictionary form."""
    kinds = language(lang).entity_kinds
    normal = doc.user_data.get("normal", {})
    names = []
    for ent in doc.ents:
        kind = kinds.get(ent.label_)
        text = ent.text.strip()
        if kind is None or len(text) < 2 or not any(ch.isalpha() for ch in text):
            continue
        start = ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
        norm = normal.get((ent.start_char, ent.end_char)) or text
        names.append(Name(start=start, end=start + len(text), text=text, kind=kind, norm=norm))
    return names
