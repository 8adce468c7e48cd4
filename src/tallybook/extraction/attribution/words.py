"""The attribution vocabulary of one language, read from its lexicon (`[attribution]`)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ...lexicons import Lexicon
from ..sources import is_outlet

KEYS = (
    "verbs",
    "attitude_verbs",
    "data_nouns",
    "documents",
    "bodies",
    "generic",
    "staff",
    "outlet_words",
    "state_words",
    "persons",
    "possessives",
    "bodies_pronouns",
    "roles",
    "heads",
    "final_forms",
    "according_preps",
    "pointers",
    "relay_verbs",
    "relay_nouns",
    "document_preps",
    "impersonal_preps",
    "contrast_marks",
    "indefinites",
    "complementisers",
)


class Words:
    """Word lists of the `[attribution]` table; a list the code names and the file lacks is an error."""

    verbs: frozenset[str]
    attitude_verbs: frozenset[str]
    data_nouns: frozenset[str]
    documents: frozenset[str]
    bodies: frozenset[str]
    generic: frozenset[str]
    staff: frozenset[str]
    outlet_words: frozenset[str]
    state_words: frozenset[str]
    persons: frozenset[str]
    possessives: frozenset[str]
    bodies_pronouns: frozenset[str]
    roles: frozenset[str]
    heads: frozenset[str]
    final_forms: frozenset[str]
    according_preps: frozenset[str]
    pointers: frozenset[str]
    relay_verbs: frozenset[str]
    relay_nouns: frozenset[str]
    document_preps: frozenset[str]
    impersonal_preps: frozenset[str]
    contrast_marks: frozenset[str]
    indefinites: frozenset[str]
    complementisers: frozenset[str]

    def __init__(self, lex: Lexicon):
        table = lex.data.get("attribution", {})
        missing = [k for k in KEYS if k not in table]
        if missing:
            raise KeyError(f"lexicon {lex.lang}: [attribution] lacks {', '.join(missing)}")
        for key in KEYS:
            setattr(self, key, frozenset(w.lower() for w in table[key]))

    def outlet(self, tok: Token) -> bool | None:
        """Does a description mean a news outlet ("the newspaper", «журналисты»: True), a state
        body ("the ministry", «следователи»: False), or either (None)?"""
        if self.has(tok, "outlet_words"):
            return True
        return False if self.has(tok, "state_words") else None

    def may_mean(self, tok: Token, name: str) -> bool:
        """May description `tok` mean the body called `name`? Not when one is a news outlet and
        the other a state body, as far as the sources registry knows ("Mediazona", «ГУ МВД»)."""
        wanted, known = self.outlet(tok), is_outlet(name)
        return wanted is None or known is None or known == wanted

    def has(self, tok: Token, key: str) -> bool:
        """Is the token's lemma or form in list `key`?"""
        words = getattr(self, key)
        return tok.lemma_.lower() in words or tok.lower_ in words

    def is_cue(self, tok: Token) -> bool:
        """A reporting verb, or any verb whose subject is a document ("the poll has Trump at 44%",
        "a CNN poll giving Clinton 30 points")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        return (
            self.has(tok, "verbs")
            or any(c.dep_ in ("nsubj", "nsubj:pass") and self.has(c, "documents") for c in tok.children)
            or (tok.dep_ == "acl" and self.has(tok.head, "documents") and not passive(tok))
        )

    def is_attitude(self, tok: Token) -> bool:
        """A verb of proposing, wanting or promising: its complement is the subject's figure."""
        return tok.pos_ in ("VERB", "AUX") and self.has(tok, "attitude_verbs")

    def misread_verb(self, tok: Token) -> bool:
        """A reporting or attitude verb's third-person form tagged as a plural noun ("Trump claims …")."""
        plural = tok.tag_ == "NNS" or (tok.pos_ == "NOUN" and "Plur" in tok.morph.get("Number", []))
        stem = tok.lower_[:-1]
        return plural and tok.lower_.endswith("s") and (stem in self.verbs or stem in self.attitude_verbs)

    def is_data(self, tok: Token) -> bool:
        return self.has(tok, "data_nouns")

    def is_possessive(self, tok: Token) -> bool:
        return tok.lower_ in self.possessives


def passive(verb: Token) -> bool:
    """A passive participle ("figures released", «опубликованные данные»)."""
    return verb.tag_ == "VBN" or "Pass" in verb.morph.get("Voice", [])


@cache
def words_of(lex: Lexicon) -> Words:
    """The attribution vocabulary of a lexicon, built once per process (lexicons are cached too)."""
    return Words(lex)
