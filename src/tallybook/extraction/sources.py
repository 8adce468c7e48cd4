"""Which real source a speaker is: one stable `speaker_id` for one person or body, however the
text writes it ("UK Ministry of Defence", "British intelligence", «Минобороны Великобритании»,
«британского ведомства» are one id).

The registry (`packs/sources.toml`) is read first; names it lacks get ids by rule:
- a person: a transliteration key of first name (its first consonant, so an initial or another
  spelling agrees) and surname, the same in both scripts (`person:s-shg`); a surname alone takes
  the full name the document gives, or the registry's person of that surname;
- a country, its adjective or its seat of power alone ("Nepal", "the Kremlin", "Ukrainian
  officials") is that country's government (`np-government`);
- a kind of body with a country ("Indian foreign ministry", «МИД Индии») is the registry's body
  of that kind there, else `in-foreign-ministry`; with a region («МВД по Тульской области») it is
  that region's unit (`ru-interior-ministry/тульский-область`);
- a bare kind or description ("the ministry", «ведомство», "officials") takes the body of its
  kind that the document names (nearest before, else first after), else the language's default
  country for the kind; failing that it is a description, and gets no id (`None`): it is never
  an entity of its own;
- a description that names no one ("the media", «российские СМИ», "several outlets", «источники»:
  the pack's `[unnamed]` words) has no id whatever the context;
- any other body: `org:` and its words' dictionary forms (Russian in the nominative).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from pathlib import Path

from ..model import Claim, Speaker
from .translit import word_key

REGISTRY = Path(__file__).resolve().parent.parent / "packs" / "sources.toml"

_WORD = re.compile(r"[^\W_]+(?:[-.’'][^\W_]+)*")
_CYR = re.compile(r"[а-яё]")
_DROP = frozenset({"the", "of", "for", "in", "and", "по", "при", "s", "a", "an"})
_REGION_WORDS = frozenset(
    {
        "область",
        "край",
        "республика",
        "округ",
        "region",
        "oblast",
        "krai",
        "republic",
        "город",
        "city",
        "районный",
        "район",
    }
)
_EN_SPELLING = {"defense": "defence", "ministry’s": "ministry", "organization": "organisation"}


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    """The dictionary form of one lower-cased word: Russian by pymorphy2, English by a few folds."""
    if _CYR.search(word):
        from ..nlp.ru import pipeline  # loaded already when Russian text was parsed

        parses = pipeline().morph_vocab.parse(word)
        return parses[0].normal_form if parses else word
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = _EN_SPELLING.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words_of(name: str) -> list[str]:
    """The words of a name as compared: lower-cased, abbreviations without dots ("U.K." → "uk")."""
    out = []
    for w in _WORD.findall(name.casefold()):
        bare = w.replace(".", "")
        out.append(bare if len(bare) <= 4 else w)
    return out


@lru_cache(maxsize=65536)
def _word_form(word: str) -> str:
    """One word of a text as `words_of` compares it (a word comes back in every text)."""
    return words_of(word)[0]


def lemmas(name: str) -> tuple[str, ...]:
    """The dictionary forms of a name's words, "the", "of" and the like left out."""
    return tuple(lem for lem in (_lemma(w) for w in words_of(name)) if lem not in _DROP)


def key(name: str) -> frozenset[str]:
    """A name as a set of dictionary forms: word order and case do not matter."""
    return frozenset(lemmas(name))


@dataclass(frozen=True)
class Source:
    """One entity of the registry."""

    id: str
    kind: str  # person | org | outlet | government
    name: str
    names: tuple[str, ...] = ()
    country: str | None = None
    types: tuple[str, ...] = ()
    parent: str | None = None
    role: str | None = None
    org: str | None = None


@dataclass
class Registry:
    """The sources of a pack and the indexes that find them by name, kind and country."""

    sources: dict[str, Source]
    countries: dict[str, Source]  # code -> its government
    by_key: dict[frozenset[str], str] = field(default_factory=dict)
    by_person: dict[tuple[str, str], str] = field(default_factory=dict)  # (first, surname) keys
    by_surname: dict[str, set[str]] = field(default_factory=dict)
    country_of: dict[frozenset[str], str] = field(default_factory=dict)  # a country's name → code
    seat_of: dict[frozenset[str], str] = field(default_factory=dict)
    types: list[tuple[frozenset[str], str]] = field(default_factory=list)  # longest first
    type_of: dict[frozenset[str], str] = field(default_factory=dict)  # a phrase of `types` → its kind
    by_type: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind of body, country) → id
    defaults: dict[str, dict[str, str]] = field(default_factory=dict)
    describing: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()
    unnamed: frozenset[str] = frozenset()
    quantifying: frozenset[str] = frozenset()

    def government(self, code: str) -> str:
        return self.countries[code].id

    @cached_property
    def name_words(self) -> frozenset[str]:
        """Every dictionary form in a name, kind or country the registry knows (read once the
        registry is built): a word outside them starts no mention (`_scan`)."""
        keys = (*self.by_key, *self.type_of, *self.country_of, *self.seat_of)
        return frozenset(lem for k in keys for lem in k)

    @cached_property
    def countries_longest_first(self) -> list[tuple[frozenset[str], str]]:
        """The countries' names (as keys) with their codes, longest name first (read once the
        registry is built)."""
        return sorted(self.country_of.items(), key=lambda nc: len(nc[0]), reverse=True)


def government_id(code: str) -> str:
    return f"{code}-government"


@cache
def registry(path: str | None = None) -> Registry:
    """The registry of `path` (default: the bundled `packs/sources.toml`), loaded once."""
    with open(path or REGISTRY, "rb") as f:
        data = tomllib.load(f)
    countries = {
        code: Source(government_id(code), "government", c["name"], tuple(c["names"]), code)
        for code, c in data["countries"].items()
    }
    sources = {s.id: s for s in countries.values()}
    for row in data["source"]:
        names = tuple(row.get("names", ())) + tuple(row.get("aliases", ()))
        sources[row["id"]] = Source(
            row["id"],
            row["kind"],
            row["name"],
            names,
            row.get("country"),
            tuple(row.get("types", ())),
            row.get("parent"),
            row.get("role"),
            row.get("org"),
        )
    reg = Registry(
        sources,
        countries,
        defaults=data.get("defaults", {}),
        describing=frozenset(_lemma(w) for w in data["describing"]["words"]),
        generic=frozenset(lem for w in data["generic"]["words"] for lem in lemmas(w)),
        unnamed=frozenset(lem for w in data["unnamed"]["words"] for lem in lemmas(w)),
        quantifying=frozenset(lem for w in data["unnamed"]["quantifying"] for lem in lemmas(w)),
    )
    for code, c in data["countries"].items():
        for n in c["names"]:
            reg.country_of[key(n)] = code
        for n in c.get("seats", ()):
            reg.seat_of[key(n)] = code
    reg.types = sorted(
        ((key(p), t) for t, phrases in data["types"].items() for p in phrases), key=lambda pt: len(pt[0]), reverse=True
    )
    for phrase, kind in reg.types:
        reg.type_of.setdefault(phrase, kind)
    for s in sources.values():
        if s.kind == "person":
            _index_person(reg, s)
        elif s.id not in {c.id for c in countries.values()}:
            for n in (s.name, *s.names):
                reg.by_key.setdefault(key(n), s.id)
            for t in s.types:
                reg.by_type.setdefault((t, s.country or ""), s.id)
    return reg


@lru_cache(maxsize=4096)
def is_outlet(name: str) -> bool | None:
    """Is the body of this name a news outlet (True), a state body (False: one of the registry,
    or a name holding one of its kinds of body: «ГУ МВД», "Defence Ministry"), or unknown (None)?"""
    reg = registry()
    sid = reg.by_key.get(key(name))
    source = reg.sources.get(sid) if sid else None
    if source is not None:
        return None if source.kind == "person" else source.kind == "outlet"
    return False if _take_type(reg, set(lemmas(name)))[0] else None


def is_known_surname(word: str) -> bool:
    """Is `word` the surname, as one of its names spells it, of exactly one person of the
    registry ("Bastrykin", «Бастрыкин»; not "MOD", whose skeleton is Modi's)?"""
    reg = registry()
    ids = reg.by_surname.get(word_key(word), set())
    if len(ids) != 1:
        return False
    s = reg.sources[next(iter(ids))]
    return word.lower() in {words_of(n)[-1].lower() for n in (s.name, *s.names) if words_of(n)}


def _index_person(reg: Registry, s: Source) -> None:
    for n in (s.name, *s.names):
        ws = words_of(n)
        reg.by_key.setdefault(key(n), s.id)
        reg.by_person[_first(ws[0]), word_key(ws[-1])] = s.id
        reg.by_surname.setdefault(word_key(ws[-1]), set()).add(s.id)


def _first(word: str) -> str:
    """A first name as compared: the first consonant of its skeleton, so "S." meets "Sergei"."""
    skeleton = word_key(word) or word[:1]
    return skeleton[:1]


# --- names as found in a document --------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A body of a kind named in the document at a word position (for bare kinds to take)."""

    pos: int
    type: str
    id: str
    country: str | None
    bare: bool = False  # a country's name alone ("Nepal suspended…"), weaker than "the Nepalese government"


class Resolver:
    """speaker_id for the speakers of one document, with what the document names for context."""

    def __init__(self, text: str, lang: str | None = None, reg: Registry | None = None):
        self.reg = reg or registry()
        self.lang = lang or ("ru" if _CYR.search(text[:2000].lower()) else "en")
        self.text = text
        self.offsets, self.mentions = _scan(text, self.reg)
        self.people: dict[str, str] = {}  # surname key → person id, from the document's full names

    def learn(self, speaker: Speaker) -> None:
        """Note a person named in full, so that a surname alone elsewhere finds them."""
        ws = words_of(speaker.name)
        if speaker.kind == "person" and len(ws) >= 2:
            pid = self._person(ws)
            self.people.setdefault(word_key(ws[-1]), pid)

    def speaker_id(self, speaker: Speaker, at: int = 0, lang: str | None = None) -> str | None:
        """The id of `speaker`, found at character offset `at` of the text (for context)."""
        self.lang = lang or self.lang
        ws = words_of(speaker.name)
        if not ws:
            return None
        k = key(speaker.name)
        if k in self.reg.by_key:
            return self.reg.by_key[k]
        if speaker.kind == "person" and not (k in self.reg.country_of or k in self.reg.seat_of):
            return self._person(ws)
        if self._names_no_one(lemmas(speaker.name)):
            return None
        person = self._person_within(ws, speaker.name)
        if person:
            return person
        return self._body(lemmas(speaker.name), at)

    def _names_no_one(self, lems: tuple[str, ...]) -> bool:
        """ "the media", «российские СМИ», «источники»: a description that names no one."""
        rest = set(lems) - self.reg.describing
        return (
            bool(rest & self.reg.unnamed)
            and not _take_country(self.reg, rest - self.reg.unnamed - self.reg.quantifying)[1]
        )

    def _person(self, ws: list[str]) -> str:
        surname = word_key(ws[-1])
        if len(ws) >= 2:
            pid = self.reg.by_person.get((_first(ws[0]), surname))
            return pid or f"person:{_first(ws[0])}-{surname}"
        if surname in self.people:
            return self.people[surname]
        known = self.reg.by_surname.get(surname, set())
        return next(iter(known)) if len(known) == 1 else f"person:{surname}"

    def _person_within(self, ws: list[str], name: str) -> str | None:
        """A person inside a body's name: "Foreign Ministry spokesperson Randhir Jaiswal",
        "Investigative Committee Bastrykin": capitalised words after a role, or a known surname last."""
        roles = _roles(self.lang) | _roles("en")
        for i, w in enumerate(ws[:-1]):
            if w in roles:
                rest = name.split()[-(len(ws) - i - 1) :]
                body_words = {lem for phrase, _ in self.reg.types for lem in phrase} | self.reg.generic
                if all(r[:1].isupper() for r in rest) and not set(lemmas(" ".join(rest))) & body_words:
                    return self._person(ws[i + 1 :])
        last = word_key(ws[-1])
        if len(ws) >= 2 and (last in self.people or len(self.reg.by_surname.get(last, ())) == 1):
            return self._person(ws[-1:])
        return None

    def _body(self, lems: tuple[str, ...], at: int) -> str | None:
        """A body: its kind, country and region read from its words, then the document's context."""
        whole = frozenset(lems)
        if whole in self.reg.country_of or whole in self.reg.seat_of:  # "Nepal", "the Kremlin"
            return self.reg.government(self.reg.country_of.get(whole) or self.reg.seat_of[whole])
        rest = set(lems) - self.reg.describing
        kind, rest = _take_type(self.reg, rest)
        country, rest = _take_country(self.reg, rest)
        if rest and frozenset(rest) in self.reg.by_key:  # «Пентагон США», "Russia's FSB"
            return self.reg.by_key[frozenset(rest)]
        if rest - self.reg.generic:
            region = [w for w in lems if w in rest]
            if kind and any(w in _REGION_WORDS for w in region):
                return f"{country or _home(self.reg, self.lang, kind) or 'xx'}-{kind}/{'-'.join(region)}"
            return f"org:{'-'.join(lems)}"
        if country and not kind and rest:  # «британское ведомство»: the British body named
            return self._from_context(None, at, country) or self.reg.government(country)
        if country:
            return _typed_id(self.reg, kind or "government", country)
        return self._from_context(kind, at)

    def _from_context(self, kind: str | None, at: int, country: str | None = None) -> str | None:
        """A bare kind or a description: the body of that kind (of `country`) the document names,
        nearest before `at`, else first after; else the language's default country for the kind.
        A description of no kind ("the ministry") takes a body before a government."""
        pos = _word_at(self.offsets, at)
        near = [
            m
            for m in self.mentions
            if (kind is None and m.type or m.type == kind) and (country is None or m.country == country)
        ]
        if kind is None:
            near = [m for m in near if m.type != "government"] or near
        near = [m for m in near if not m.bare] or near
        before = [m for m in near if m.pos <= pos]
        if before:
            return before[-1].id
        if near:
            return near[0].id
        if kind and country is None:  # the body of that kind of the country the document speaks of
            placed = [m for m in self.mentions if m.country]
            spoken = [m for m in placed if m.pos <= pos][-1:]
            default = self.reg.defaults.get(self.lang, {}).get(kind)
            code = spoken[0].country if spoken else default or (placed[0].country if placed else None)
            return _typed_id(self.reg, kind, code) if code else None
        return None


def _typed_id(reg: Registry, kind: str, country: str) -> str:
    """The body of a kind in a country: the registry's, the government, or a made-up id."""
    if (kind, country) in reg.by_type:
        return reg.by_type[kind, country]
    return reg.government(country) if kind == "government" else f"{country}-{kind}"


def _take_type(reg: Registry, words: set[str]) -> tuple[str | None, set[str]]:
    for phrase, kind in reg.types:
        if phrase and phrase <= words:
            return kind, words - phrase
    return None, words


def _take_country(reg: Registry, words: set[str]) -> tuple[str | None, set[str]]:
    for name, code in reg.countries_longest_first:
        if name <= words:
            return code, words - name
    return None, words


def _home(reg: Registry, lang: str, kind: str) -> str | None:
    return reg.defaults.get(lang, {}).get(kind)


@cache
def _roles(lang: str) -> frozenset[str]:
    from ..lexicons import lexicon

    return lexicon(lang).words("attribution", "roles")


def _word_at(offsets: list[int], at: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(offsets, at) - 1)


def _scan(text: str, reg: Registry) -> tuple[list[int], list[Mention]]:
    """The word offsets of `text` and the bodies it names, for bare kinds to take: a registry
    source's name (a body of its kinds, or with its country only), a kind of body with a country
    beside it (within three words), and a country or its seat acting ("Nepal suspended…",
    «Непал приостановил…»: not after a preposition, in the nominative) as its government."""
    words = [(m.start(), _word_form(m.group()), text[m.end() : m.end() + 3]) for m in _WORD.finditer(text.casefold())]
    offsets = [w[0] for w in words]
    lems = [_lemma(w[1]) for w in words]
    mentions: list[Mention] = []
    for i in range(len(lems)):
        if lems[i] not in reg.name_words:
            continue  # a window holding a word no name has finds nothing
        for n in (4, 3, 2, 1):
            found = _named_at(reg, lems, i, n, words)
            if found:
                mentions.extend(found)
                break
    return offsets, mentions


def _named_at(reg: Registry, lems: list[str], i: int, n: int, words: list) -> list[Mention]:
    """The mentions that the `n` words from word `i` make (see _scan)."""
    window = frozenset(lem for lem in lems[i : i + n] if lem not in _DROP)
    if not window or len(lems[i : i + n]) < n or lems[i] in _DROP or lems[i + n - 1] in _DROP:
        return []
    sid = reg.by_key.get(window)
    if sid:
        s = reg.sources[sid]
        country = s.country or (s.org if s.org in reg.countries else None)
        if country is None and s.org in reg.sources:
            country = reg.sources[s.org].country
        return [Mention(i, t, sid, country) for t in (s.types or ("",))]
    kind = reg.type_of.get(window)  # (the words are a kind of body, and nothing else)
    if kind:
        country = _qualifier(reg, words, lems, i, n)
        if country and i and words[i - 1][1] in _prepositions():  # «на стороне России»: a place
            return []
        return [Mention(i, kind, _typed_id(reg, kind, country), country)] if country else []
    code = reg.country_of.get(window) or reg.seat_of.get(window)
    if code and _acting(words, i, lems):
        return [Mention(i, "government", reg.government(code), code, bare=True)]
    return []


def _qualifier(reg: Registry, words: list, lems: list[str], i: int, n: int) -> str | None:
    """The country that qualifies the kind of body at words i..i+n: an adjective or possessive
    just before ("Indian", "Russia's", «британское»), or "of X" / a Russian genitive just after
    («МИД Индии»), in the same sentence."""
    before = [
        frozenset(lems[j:i])
        for j in (i - 1, i - 2)
        if j >= 0 and not any(_ends_sentence(words, k) for k in range(j + 1, i + 1))
    ]
    after = i + n + (1 if i + n < len(lems) and lems[i + n] == "of" else 0)
    following = []
    if after < len(lems) and not _ends_sentence(words, after) and (after > i + n or _genitive(words[after][1])):
        following = [frozenset(lems[after : after + 1]), frozenset(lems[after : after + 2])]
    for name in before + following:
        if name in reg.country_of:
            return reg.country_of[name]
    return None


def _genitive(word: str) -> bool:
    if not _CYR.search(word):
        return False
    from ..nlp.ru import pipeline

    parses = pipeline().morph_vocab.parse(word)
    return bool(parses) and "gent" in parses[0].tag and "NOUN" in parses[0].tag


def _ends_sentence(words: list, j: int) -> bool:
    """Does a sentence end between word j - 1 and word j?"""
    return any(ch in words[j - 1][2] for ch in ".!?")


def _acting(words: list, i: int, lems: list[str]) -> bool:
    """Is the country named at word `i` a subject, not a place ("in Russia", «в России»)?"""
    j = i - 1  # "in Russia and Ukraine": the preposition holds the whole list
    while j >= 0 and (words[j][1] in ("and", "or", "и", "или") or frozenset([lems[j]]) in reg_countries()):
        j -= 1
    if j >= 0 and words[j][1] in _prepositions():
        return False
    word = words[i][1]
    if _CYR.search(word):
        from ..nlp.ru import pipeline

        parses = pipeline().morph_vocab.parse(word)
        return bool(parses) and "nomn" in parses[0].tag
    return not word.endswith("ian") and not word.endswith("ese")  # "Russian soldiers" names no actor


def reg_countries() -> dict[frozenset[str], str]:
    return registry().country_of


@cache
def _prepositions() -> frozenset[str]:
    return frozenset(
        "in into to from for of at on with against by across inside within near than about "
        "в во на из с со к ко по для от до о об обо у при за против через без между".split()
    )


def with_speaker_ids(claims: list[Claim], text: str) -> list[Claim]:
    """`claims` of `text` with their `speaker_id` set (a post-pass over one document)."""
    if not any(c.speaker for c in claims):
        return claims
    resolver = Resolver(text, claims[0].lang)
    speakers = [
        (c, Speaker(c.speaker, c.speaker_kind or "person", c.speaker_role, c.speaker_org)) for c in claims if c.speaker
    ]
    for _, sp in speakers:
        resolver.learn(sp)
    ids = {id(c): resolver.speaker_id(sp, c.start, c.lang) for c, sp in speakers}
    return [replace(c, speaker_id=ids.get(id(c))) if c.speaker else c for c in claims]
