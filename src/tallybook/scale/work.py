"""The work a worker process does on one document: picklable callables, models loaded once."""

from __future__ import annotations

from dataclasses import dataclass

from ..extraction.analysis import Analysis, analyse
from ..languages import DEFAULT
from ..model import Claim, Document

WARM_UP = "Police detained 12 migrants in Kazan on Monday, the ministry said."


def preload() -> None:
    """Read a short English text in this process before workers are forked from it, so that the
    English model, lexicons, packs and gazetteer are loaded once and shared by every worker (they
    start at once); another language's model loads once in each worker that meets it."""
    analyse(WARM_UP, lang=DEFAULT)


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
