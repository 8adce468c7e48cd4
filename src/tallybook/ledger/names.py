"""The person key of `tallybook.extraction.translit`, where the extractor's sources use it too."""

from __future__ import annotations

from ..extraction.translit import person_key

__all__ = ["person_key"]
