"""The people, organisations and places a parsed text names, from its named-entity tags."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Name

# spaCy's English labels and natasha's Russian ones, as the ledger's entity kinds.
KIND_OF_LABEL = {"PERSON": "person", "PER": "person", "ORG": "org", "GPE": "place", "LOC": "place"}


def names_of(doc: Doc) -> list[Name]:
    """Every tagged person, organisation and place of `doc`, in text order. The Russian front-end
    gives each name's nominative form; an English name is its own dictionary form."""
    normal = doc.user_data.get("normal", {})
    names = []
    for ent in doc.ents:
        kind = KIND_OF_LABEL.get(ent.label_)
        text = ent.text.strip()
        if kind is None or len(text) < 2 or not any(ch.isalpha() for ch in text):
            continue
        start = ent.start_char + (len(ent.text) - len(ent.text.lstrip()))
        norm = normal.get((ent.start_char, ent.end_char)) or text
        names.append(Name(start=start, end=start + len(text), text=text, kind=kind, norm=norm))
    return names
