"""Who a figure is put on, read from the dependency parse: a registry of named constructions
(`rules.py`), the naming of what they point at (`naming.py`) and what the document named before
(`memory.py`). The parse may be spaCy's English labels or the Universal Dependencies labels of
the Russian front-end; both are read here."""

from .attributor import Attribution, Attributor
from .explain import explanation, rule_summary
from .rules import ORDER, RULES

__all__ = ["Attribution", "Attributor", "ORDER", "RULES", "explanation", "rule_summary"]
