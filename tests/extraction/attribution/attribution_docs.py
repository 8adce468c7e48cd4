"""Hand-built parsed `Doc`s, so a rule's test does not move when a model is updated."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

VOCABS = {}


def build(lang: str, rows: list[tuple], ents: list[tuple[int, int, str]] = ()) -> Doc:
    """A Doc from rows of (word, head index, dep, pos[, lemma[, morph]]); `ents` as (start, end, label).
    A row's head is its own index for a root."""
    vocab = VOCABS.setdefault(lang, spacy.blank(lang).vocab)
    words = [r[0] for r in rows]
    spaces = [not (k + 1 < len(rows) and rows[k + 1][0] in ",.:;»)") and r[0] not in "«(\n" for k, r in enumerate(rows)]
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[4] if len(r) > 4 and r[4] else r[0].lower() for r in rows],
        morphs=[r[5] if len(r) > 5 else "" for r in rows],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc
