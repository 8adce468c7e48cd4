"""The work a worker process does on one document: picklable callables, models loaded once."""

from __future__ import annotations

from dataclasses import dataclass

from ..extraction.analysis import Analysis, analyse
from ..model import Claim, Document

WARM_UP = {  # a short text in each language the front-ends read
    "en": "Police detained 12 migrants in Kazan on Monday, the ministry said.",
    "ru": "В понедельник полиция задержала в Казани 12 мигрантов, сообщили в МВД.",
}


def preload() -> None:
    """Read a short text in each language in this process before workers are forked from it, so
    that the models, lexicons, packs and gazetteer are loaded once and shared by every worker
    (they start at once)."""
    for lang, text in WARM_UP.items():
        analyse(text, lang=lang)


def analyse_document(doc: Document) -> Analysis:
    """What `ingest` stores of a document: its claims, names and incidents (one parse)."""
    return analyse(doc.text, lang=doc.lang, published=doc.published)


@dataclass(frozen=True)
class Extract:
    """What `extract` prints of a document: its claims, read with the command's options."""

    lang: str | None = None
    pack: str | None = None

    def __call__(self, doc: Document) -> list[Claim]:
        from .. import extract

        return extract(doc.text, lang=self.lang, published=doc.published, pack=self.pack)
