"""What a document has named so far: people, bodies, who was quoted, and how they were described.

Pronouns ("he", «она»), short names ("Bastrykin") and definite descriptions ("the Ohio
governor", «глава государства», "the ministry") are resolved against it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ...model import Speaker


@dataclass
class Memory:
    """The people and bodies named so far in a document, most recent last."""

    persons: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # persons quoted
    org_speakers: list[str] = field(default_factory=list)  # bodies quoted
    affiliations: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # person -> role, org
    titles: dict[str, set[str]] = field(default_factory=dict)  # person -> words of their titles ("ohio", "gov")
    genders: dict[str, str] = field(default_factory=dict)  # person -> Masc | Fem, where the morphology says

    def full_name(self, name: str) -> str:
        """The longest earlier name that ends with (or shares the stem of) this short name."""
        last = name.split()[-1]
        for full in reversed(self.persons):
            if len(full.split()) > len(name.split()) and full.split()[-1][:5] == last[:5]:
                return full
        return name

    def named_before(self, word: str) -> bool:
        """Is `word` the surname of a person or a word of a body's name named before ("Sanders",
        "Forbes")? A capitalised word the tagger took for a common noun is that name again."""
        return self.full_name(word) != word or any(word in name.split() for name in self.orgs)

    def see(self, speaker: Speaker) -> None:
        """Note a speaker just found: the likeliest antecedent of the next pronoun or description."""
        if speaker.kind == "person":
            self.persons.append(speaker.name)
            self.speakers.append(speaker.name)
            if speaker.org or speaker.role:
                self.affiliations[speaker.name] = (speaker.role, speaker.org)
                self.describe(speaker.name, " ".join(w for w in (speaker.role, speaker.org) if w))
        else:
            self.orgs.append(speaker.name)
            self.org_speakers.append(speaker.name)

    def describe(self, person: str, words: str) -> None:
        """Note the words a person's titles or appositions gave ("Ohio Gov." → ohio, gov)."""
        self.titles.setdefault(person, set()).update(_stems(words))

    def is_someone_else(
        self, name: str, role: str | None, org: str | None, heads: frozenset[str] = frozenset()
    ) -> bool:
        """Is `name` known to hold another office or belong to another body than the one a
        description gives? ("a NATO official" after a Russian general was quoted, «прокурор»
        after a foreign minister, are not them.)"""
        known_role, known_org = self.affiliations.get(name, (None, None))
        general = any(w.lower() in heads for r in (role, known_role) if r for w in r.split())
        return _differ(org, known_org) or (not general and _differ(role, known_role))

    def described(self, words: str) -> str | None:
        """The last person whose titles share a word with a description ("the Ohio governor")."""
        wanted = _stems(words)
        for name in reversed(self.persons):
            if _share(wanted, self.titles.get(name, set())):
                return name
        return None

    def last_person(self, gender: str | None = None) -> str | None:
        """The person a pronoun most likely means: the last one quoted, else the last named, of
        the pronoun's `gender` when both are known («она» is not Alexander Bastrykin)."""
        for names in (self.speakers, self.persons):
            for name in reversed(names):
                if self.may_be(name, gender):
                    return name
        return None

    def last_org(
        self, head: str | None = None, fits: Callable[[str], bool] | None = None, quoted: bool = False
    ) -> str | None:
        """The body a description means: the last quoted or named one whose name holds the
        description's head word ("the ministry" → "UK Ministry of Defence"), else the last
        quoted, else the last named (only quoted ones if `quoted`); only bodies that `fits`."""
        lists = (self.org_speakers,) if quoted else (self.org_speakers, self.orgs)
        kept = [[n for n in names if fits is None or fits(n)] for names in lists]
        if head:
            stem = head.lower()[:5]
            for names in kept:
                for name in reversed(names):
                    if any(w.lower().startswith(stem) for w in name.split()):
                        return name
        for names in kept:
            if names:
                return names[-1]
        return None

    def may_be(self, name: str, gender: str | None) -> bool:
        known = self.genders.get(name)
        return gender is None or known is None or known == gender


def _stems(words: str) -> set[str]:
    """Word stems of a description: four letters, so «главы» meets «глава» and «президента»
    does not meet «представитель»; an abbreviation is its letters ("Gov." → "gov")."""
    return {w.strip(".,()").lower()[:4] for w in words.split() if len(w.strip(".,()")) > 2}


def _share(a: set[str], b: set[str]) -> bool:
    """Do two descriptions share a stem, an abbreviation counting as the start of a word
    ("gov" meets "gove" of "governor")?"""
    return any(x == y or (len(x) < 4 and y.startswith(x)) or (len(y) < 4 and x.startswith(y)) for x in a for y in b)


def _acronym(words: str) -> str:
    return "".join(w[0] for w in words.split() if w[:1].isalpha()).lower()


def _differ(a: str | None, b: str | None) -> bool:
    """Two known descriptions that share no word stem and are not one the other's acronym
    ("NATO" and "General Staff" differ; «СК России» and «Следственный комитет» do not)."""
    if not a or not b:
        return False
    stems = [{w[:4].lower() for w in s.split()} for s in (a, b)]
    if stems[0] & stems[1]:
        return False
    words = [{w.lower() for w in s.split()} for s in (a, b)]
    return not (
        _acronym(a) in words[1]
        or _acronym(b) in words[0]
        or any(len(w) > 1 and w == _acronym(b)[: len(w)] for w in words[0])
        or any(len(w) > 1 and w == _acronym(a)[: len(w)] for w in words[1])
    )
