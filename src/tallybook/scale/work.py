"""The work a worker process does on one document: picklable callables, models loaded once."""

from __future__ import annotations

from dataclasses import dataclass

from ..extraction.analysis import Analysis, analyse
from ..model import Claim, Document


def preload() -> None:
    """Load the default language's models in this process, before workers are forked from it
    (they share the loaded model, and start at once); another language loads in each worker."""
    from ..languages import DEFAULT, language

    language(DEFAULT).parse("")


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
