"""From text to claims: numbers, parse, counted thing, speaker, time, measure."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

import dateparser
from spacy.tokens import Doc

from ..languages import LANGUAGES
from ..lexicons import Lexicon, lexicon
from ..model import Claim, Name, Number, Reading
from ..nlp import parse
from ..nlp.language import language_runs
from ..numbers import read_numbers
from .attribution import Attributor
from .chunks import CHUNK, chunks
from .counted import Cues, anchor_of, counted_of, counted_phrase
from .measures import load_pack
from .names import names_of
from .quotes import Quotes
from .scope import scope_measures
from .sources import with_speaker_ids
from .when import period_of, time_ref_of


def extract(
    text: str, lang: str | None = None, published: str | date | None = None, pack: str | None = None
) -> list[Claim]:
    """The claims in `text`, in text order. With no `lang`, the language is detected sentence
    by sentence, and each run of one language is read by its own front-end."""
    return with_speaker_ids(_read(text, lang, published, pack, with_names=False).claims, text)


def read(text: str, lang: str | None = None, published: str | date | None = None, pack: str | None = None) -> Reading:
    """extract, with the people, organisations and places the text names (one parse for both)."""
    reading = _read(text, lang, published, pack, with_names=True)
    return Reading(with_speaker_ids(reading.claims, text), reading.names)


def _read(text: str, lang: str | None, published: str | date | None, pack: str | None, with_names: bool) -> Reading:
    if len(text) > CHUNK:
        return _read_chunks(text, lang, published, pack, with_names)
    when = _as_date(published)
    if lang in LANGUAGES:
        return _read_run(text, lang, when, pack, with_names)
    claims: list[Claim] = []
    names: list[Name] = []
    for run in language_runs(text):
        found = _read_run(text[run.start : run.end], run.lang, when, pack, with_names)
        claims.extend(c.shifted(run.start) for c in found.claims)
        names.extend(n.shifted(run.start) for n in found.names)
    return Reading(claims, names)


def _read_chunks(
    text: str, lang: str | None, published: str | date | None, pack: str | None, with_names: bool
) -> Reading:
    """A long text read piece by piece (extraction.chunks), offsets kept into the whole text."""
    claims: list[Claim] = []
    names: list[Name] = []
    for start, end in chunks(text):
        found = _read(text[start:end], lang, published, pack, with_names)
        claims.extend(c.shifted(start) for c in found.claims)
        names.extend(n.shifted(start) for n in found.names)
    return Reading(claims, names)


def _read_run(
    text: str, lang: str, when: date | None, pack: str | None, with_names: bool, doc: Doc | None = None
) -> Reading:
    """The claims (and, when asked, the names) of a text in one language; `doc` is its parse,
    when the caller has it (extraction.analysis), else the text is parsed only if needed."""
    numbers = read_numbers(_without_links(text), lang)
    if not any(n.is_claim for n in numbers):
        if not (with_names and text.strip()):
            return Reading([], [])
        return Reading([], names_of(parse(text, lang) if doc is None else doc, lang))
    doc = parse(text, lang) if doc is None else doc
    claims = scope_measures(_claims(text, lang, doc, numbers, when, pack), text, doc, lang, pack, when)
    return Reading(claims, names_of(doc, lang) if with_names else [])


def _claims(text: str, lang: str, doc, numbers: list[Number], when: date | None, pack: str | None) -> list[Claim]:
    """The claims among `numbers`, read with the parse `doc` of `text`."""
    lex = lexicon(lang)
    measures = load_pack(pack)
    attributor = Attributor(lex, doc)
    quotes = Quotes(text)
    spans_of_time = SpansOfTime.of(lex)
    cues = Cues.of(lex)
    claims: list[Claim] = []
    antecedent: str | None = None  # what the last figure counted, for a later "of them"
    by_sentence: dict[int, list[Number]] = {}
    sentences = list(doc.sents)
    starts = [s.start_char for s in sentences]
    for n in numbers:
        k = _last_le(starts, n.start)
        by_sentence.setdefault(k, []).append(n)
    for k, sent in enumerate(sentences):
        sent_numbers = by_sentence.get(k, [])
        spans = {
            n: [t for t in sent if t.idx < n.end and t.idx + len(t.text) > n.start]
            for n in sent_numbers
            if n.is_claim and not _is_article_one(n, lex)
        }
        # a duration is no claim, so it is no other figure either: "arrived in the four months of 2024"
        spans = {
            n: tokens for n, tokens in spans.items() if tokens and not spans_of_time.no_figure(n, text)
        }  # dropped before the antecedent: "in four months" is no figure "of them" refers to
        if spans:  # what the sentence says of all its figures, read once
            sentence_text = sent.text
            period = period_of(sentence_text, lex)
            time_ref = time_ref_of(sentence_text, sent_numbers, when, lex)
        for n, tokens in spans.items():
            others = frozenset(t.i for m, ts in spans.items() if m is not n for t in ts)
            counted = counted_of(tokens, cues=cues, figures=others)
            if _is_anaphoric(n, counted, text, lex) and antecedent:
                counted = counted_of(tokens, antecedent, cues, others)
            else:
                antecedent = counted_phrase(tokens, others) or antecedent
            found = attributor.speaker_of(anchor_of(tokens), quotes.chain(n.start))
            sp = found.speaker
            hedge = n.hedge
            if hedge == "exact" and _says_average(sentence_text, lex):
                hedge = "average"
            claims.append(
                Claim(
                    start=n.start,
                    end=n.end,
                    text=n.text,
                    value=n.value,
                    value_max=n.value_max,
                    hedge=hedge,
                    unit=n.unit,
                    counted=counted,
                    speaker=sp.name if sp else None,
                    speaker_role=sp.role if sp else None,
                    speaker_org=sp.org if sp else None,
                    cue=found.cue,
                    period=period,
                    time_ref=time_ref,
                    measure=measures.match(counted, sentence_text, lang, period),
                    sentence=(sent.start_char, sent.end_char),
                    confidence=_confidence(n, counted, sp is not None),
                    lang=lang,
                    vague=n.vague,
                    speaker_kind=sp.kind if sp else None,
                    via=found.via.name if found.via else None,
                    rule=found.rule,
                )
            )
        attributor.remember(sent)
    return claims


CLOSING = ",.;:!?\"'’”»)]"
LINK = re.compile(r"(?:[a-z][a-z0-9+.-]*://|data:|www\.)[^\s\"'<>()\]]+", re.I)


def _without_links(text: str) -> str:
    """The text with web addresses and data URIs blanked (same length, so offsets hold): the
    digits of "https://…/61a216a68d5c…" are no figures."""
    return LINK.sub(lambda m: " " * len(m.group()), text)


def _last_le(starts: list[int], pos: int) -> int:
    """Index of the last sentence starting at or before `pos`."""
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _is_article_one(n: Number, lex: Lexicon) -> bool:
    """ "One Siberian journalist told...": "one" as an article, not a figure."""
    return n.value == 1 and n.text.lower() in lex.words("pronoun", "article_one")


@dataclass(frozen=True)
class SpansOfTime:
    """The lexicon's words of spans of time and repeats ([durations]), and the tests that tell
    a number that is no figure by them: "in four months", "five years ago", "said it twice"."""

    units: frozenset[str]
    ago: frozenset[str]
    periods: frozenset[str]
    rate_before: frozenset[str]
    repeats: frozenset[str]
    multiplier_before: frozenset[str]
    multiplier_after: frozenset[str]

    @classmethod
    def of(cls, lex: Lexicon) -> SpansOfTime:
        words = ("words", "ago", "rate_before", "repeats", "multiplier_before", "multiplier_after")
        units, ago, rate_before, repeats, before, after = (lex.words("durations", w) for w in words)
        return cls(units, ago, lex.words("periods", "phrases"), rate_before, repeats, before, after)

    def no_figure(self, n: Number, text: str) -> bool:
        return self.bare_duration(n, text) or self.time_ago(n, text) or self.repeat_count(n, text)

    def bare_duration(self, n: Number, text: str) -> bool:
        """ "four months of 2024" is a time span, not a claim; "up to 10 years" is an estimate, and
        "50 minutes a day", «4 часа в сутки», "every 15 minutes" a rate (periods.phrases, rate_before)."""
        following = _words_after(n, text, 40)
        if n.hedge != "exact" or n.kind != "cardinal" or not following or following[0] not in self.units:
            return False
        if _word_before(n, text) in self.rate_before:
            return False  # "every 15 minutes", «каждые 3 часа»
        rest = " ".join(following[1:])
        return not any(re.match(re.escape(p) + r"(?!\w)", rest) for p in self.periods)

    def time_ago(self, n: Number, text: str) -> bool:
        """ "about four years ago", «около четырёх лет назад»: a point in time, hedged or not."""
        following = _words_after(n, text, 30)[:2]
        return len(following) == 2 and following[0] in self.units and following[1] in self.ago

    def repeat_count(self, n: Number, text: str) -> bool:
        """ "mentioned it five times", «называли 2 раза»: how often something was done is no claim;
        a multiplier is a ratio of another figure ("five times more", "three times the rate",
        «выросло в 3 раза»), and "at least 10 times" an estimate."""
        following = _words_after(n, text, 40)
        if n.hedge != "exact" or n.kind != "cardinal" or not following or following[0] not in self.repeats:
            return False
        if n.value != int(n.value):
            return False  # "four out of 11 times", "2.5 times": a share or a multiplier, no count
        after = following[1] if len(following) > 1 else ""
        return not (_word_before(n, text) in self.multiplier_before or after in self.multiplier_after)


def _word_before(n: Number, text: str) -> str:
    """The lower-cased word right before `n` ("" at the start of the text)."""
    words = text[max(0, n.start - 30) : n.start].lower().split()
    return words[-1].strip(CLOSING + "“‘«([") if words else ""


def _words_after(n: Number, text: str, width: int) -> list[str]:
    """The lower-cased words of the `width` characters after `n`, without the punctuation and
    quotes that close them ("14 hours,”", "13 Hours:")."""
    return [w.rstrip(CLOSING) for w in text[n.end : n.end + width].lower().split()]


def _is_anaphoric(n: Number, counted: str | None, text: str, lex) -> bool:
    """ "10,000 of them", «10 000 из них»: the figure counts what the figure before it counted."""
    after = " ".join(text[n.end : n.end + 30].lower().split())
    if any(after.startswith(p) for p in lex.words("counted", "partitive")):
        return True
    return counted is not None and counted.lower() in lex.words("counted", "pronouns")


def _says_average(sentence: str, lex) -> bool:
    """Does the sentence carry an "on average" cue of the lexicon ("в среднем")?"""
    low = sentence.lower()
    return any(" ".join(phrase) in low for phrase, cls in lex.phrase_classes("hedges", "after") if cls == "average")


def _confidence(n: Number, counted: str | None, attributed: bool) -> float:
    score = 0.6 + (0.2 if counted else 0.0) + (0.1 if attributed else 0.0) + (0.1 if n.unit else 0.0)
    return round(min(score, 1.0) - (0.3 if n.vague else 0.0), 2)


def _as_date(published: str | date | None) -> date | None:
    if published is None or isinstance(published, date):
        return published
    parsed = dateparser.parse(published, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None
