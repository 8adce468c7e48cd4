"""Russian front-end: natasha (razdel segmenter, slovnet morphology, syntax and NER, pymorphy
lemmas) turned into a spaCy `Doc` of the same shape as the English one.

Each line is parsed on its own, so a headline never runs into the paragraph below it (a
hard-wrapped line that runs on into the next is one line with it: nlp.wrap). The
tokens keep their exact offsets; runs of whitespace other than one space become whitespace
tokens, as spaCy makes them, so `doc.text == text`. Entities are labelled PER, ORG, LOC; the
nominative form of each name ("Александра Бастрыкина" → "Александр Бастрыкин") is kept in
`doc.user_data["normal"]`, keyed by the entity's character span.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from types import SimpleNamespace
from typing import Any

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..lexicons import lexicon
from .wrap import wraps_on

if not hasattr(inspect, "getargspec"):  # pymorphy2, under natasha, still calls it (gone in 3.11)
    inspect.getargspec = lambda f: inspect.getfullargspec(f)[:4]  # type: ignore[attr-defined]


@dataclass
class Natasha:
    """natasha's models, loaded once per process."""

    segmenter: Any
    morph_vocab: Any
    morph: Any
    syntax: Any
    ner: Any
    vocab: Vocab  # spaCy's Russian vocabulary: lower_, like_num, is_punct… read Russian right
    blas: Any  # threadpoolctl's controller of the BLAS library natasha's models multiply with


@cache
def pipeline() -> Natasha:
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
    from threadpoolctl import ThreadpoolController

    emb = NewsEmbedding()
    vocab = spacy.blank("ru").vocab
    models = NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)
    return Natasha(Segmenter(), MorphVocab(), *models, vocab, ThreadpoolController())


@dataclass
class _Tokens:
    """The arguments of `spacy.tokens.Doc`, gathered token by token."""

    words: list[str] = field(default_factory=list)
    spaces: list[bool] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    pos: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    morphs: list[str] = field(default_factory=list)
    sent_starts: list[bool | int | None] = field(default_factory=list)
    ents: list[str] = field(default_factory=list)
    end: int = 0  # character offset reached

    def gap(self, text: str, upto: int) -> None:
        """Account for the text between the last token and `upto`: a space, or a whitespace token."""
        between = text[self.end : upto]
        if not between:
            return
        if between == " " and self.words:
            self.spaces[-1] = True
        else:
            if between.startswith(" ") and self.words and not self.spaces[-1]:
                self.spaces[-1] = True
                between = between[1:]
            head = len(self.words) - 1 if self.words else 0
            self.add(between, head=head, dep="dep", pos="SPACE", lemma=between, sent_start=not self.words)
        self.end = upto

    def add(
        self,
        word: str,
        head: int,
        dep: str,
        pos: str,
        lemma: str,
        morph: str = "",
        sent_start: bool = False,
        ent: str = "O",
    ) -> None:
        self.words.append(word)
        self.spaces.append(False)
        self.heads.append(head)
        self.deps.append(dep)
        self.pos.append(pos)
        self.lemmas.append(lemma)
        self.morphs.append(morph)
        self.sent_starts.append(sent_start)
        self.ents.append(ent)
        self.end += len(word)


def parse(text: str) -> Doc:
    """Parse Russian text into a spaCy `Doc` with sentences, lemmas, UD relations and entities."""
    nat = pipeline()
    out = _Tokens()
    normal: dict[tuple[int, int], str] = {}
    lines = _lines(text)
    with nat.blas.limit(limits=1, user_api="blas"):  # its matrices are small: a second thread only waits
        analysed = _analysed([body for _, body in lines], nat)
    for (offset, _), ndoc in zip(lines, analysed):
        _add_line(out, text, ndoc, offset, nat, normal)
    out.gap(text, len(text))
    if not out.words:
        return Doc(nat.vocab, words=[])
    doc = Doc(
        nat.vocab,
        words=out.words,
        spaces=out.spaces,
        heads=out.heads,
        deps=out.deps,
        pos=out.pos,
        lemmas=out.lemmas,
        morphs=out.morphs,
        sent_starts=out.sent_starts,
        ents=out.ents,
    )
    doc.user_data["normal"] = normal
    return doc


def _join_abbreviations(ndoc, abbreviations: frozenset[str]) -> None:
    """Put an abbreviation's period back on its word («тыс» «.» → «тыс.»): split off, the period
    reads as a sentence's end inside «244 тыс. мобилизованных», and the parse goes astray."""
    for sent in ndoc.sents:
        kept: list = []
        for tok in sent.tokens:
            prev = kept[-1] if kept else None
            if prev and tok.text == "." and prev.stop == tok.start and f"{prev.text.lower()}." in abbreviations:
                prev.text, prev.stop = prev.text + ".", tok.stop
            else:
                kept.append(tok)
        sent.tokens = kept
    ndoc.tokens = [tok for sent in ndoc.sents for tok in sent.tokens]


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each line of `text` that holds more than whitespace, line break left out;
    a hard-wrapped line that runs on into the next (nlp.wrap) is one line with it."""
    found: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            start, last = found[-1] if found else (0, "")
            if found and wraps_on(last, text[start + len(last) : offset], body.lstrip()):
                found[-1] = (start, text[start : offset + len(body)])
            else:
                found.append((offset, body))
        offset += len(line)
    return found


def _analysed(lines: list[str], nat: Natasha) -> list:
    """natasha's analysis of each line on its own (segments, morphology, syntax, entities), the
    models run once over the sentences of all the lines, in natasha's batches, as over one text."""
    from natasha import Doc as NatashaDoc
    from natasha.doc import DocSpan, inject_morph, inject_syntax, offset_syntax, sent_words

    docs = [NatashaDoc(line) for line in lines]
    abbreviations = lexicon("ru").words("parse", "abbreviations")
    for ndoc in docs:
        ndoc.segment(nat.segmenter)
        _join_abbreviations(ndoc, abbreviations)
    sents = [sent for ndoc in docs for sent in ndoc.sents]
    words = [sent_words(sent) for sent in sents]
    for sent, markup in zip(sents, _by_length(nat.morph.map, words)):
        inject_morph(sent.tokens, markup.tokens)
    parsed = iter(_by_length(nat.syntax.map, words))
    for ndoc in docs:
        for sent_id, sent in enumerate(ndoc.sents, 1):
            inject_syntax(sent.tokens, next(parsed).tokens)
            offset_syntax(sent_id, sent.tokens)
    for ndoc, markup in zip(docs, _by_length(nat.ner.map, lines)):
        ndoc.spans = [DocSpan(start, stop, kind, ndoc.text[start:stop]) for start, stop, kind in markup.spans]
        ndoc.envelop_span_tokens()
        ndoc.envelop_sent_spans()
    return docs


def _by_length(analyse: Callable[[list], Iterable], items: list) -> list:
    """`analyse(items)` with the items fed shortest first, answers back in the items' order.
    natasha pads each batch to its longest item; items of like length waste no padding. An item's
    answer is its own whatever its batch (the padding is masked), so only the work changes."""
    order = sorted(range(len(items)), key=lambda k: len(items[k]))
    answers: list = [None] * len(items)
    for k, answer in zip(order, analyse([items[k] for k in order])):
        answers[k] = answer
    return answers


@lru_cache(maxsize=200_000)
def _lemma(word: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str | None:
    """natasha's lemma of a word with its part of speech and features (pymorphy's choice among
    the word's forms), kept: the same words come back in every text."""
    return pipeline().morph_vocab.lemmatize(word, pos, dict(feats))


def _name_words(span) -> tuple:
    """What natasha's normalisation reads of a name's tokens: each one's text, part of speech,
    features, head (by its index in the name; None outside it) and offset in the name."""
    index = {tok.id: k for k, tok in enumerate(span.tokens)}
    return tuple(
        (tok.text, tok.pos, tuple((tok.feats or {}).items()), index.get(tok.head_id), tok.start - span.start)
        for tok in span.tokens
    )


@lru_cache(maxsize=100_000)
def _nominative(kind: str, words: tuple) -> str:
    """natasha's nominative form of a name (`DocSpan.normalize`), kept: names come back often."""
    from natasha.norm import normalize, syntax_normalize

    tokens = [
        SimpleNamespace(id=k, head_id=head, text=text, pos=pos, feats=dict(feats), start=at, stop=at + len(text))
        for k, (text, pos, feats, head, at) in enumerate(words)
    ]
    return (syntax_normalize if kind == "ORG" else normalize)(pipeline().morph_vocab, tokens)


def _add_line(out: _Tokens, text: str, ndoc, offset: int, nat: Natasha, normal: dict) -> None:
    """Append the tokens of one parsed line, with heads made absolute and entities in IOB."""
    ent_of: dict[int, str] = {}
    for span in ndoc.spans:
        normal[(offset + span.start, offset + span.stop)] = _nominative(span.type, _name_words(span))
        for tok in span.tokens:
            ent_of[tok.start] = ("B-" if tok.start == span.start else "I-") + span.type
    for sent in ndoc.sents:
        index = {}
        for tok in sent.tokens:
            out.gap(text, offset + tok.start)
            index[tok.id] = len(out.words)
            out.words.append("")  # placeholder, filled below once every index is known
            out.spaces.append(False)
            for column in (out.heads, out.deps, out.pos, out.lemmas, out.morphs, out.ents):
                column.append(None)  # type: ignore[arg-type]  # every placeholder is set below
            out.sent_starts.append(len(index) == 1)
            out.end = offset + tok.stop
        for tok in sent.tokens:
            i = index[tok.id]
            out.words[i] = tok.text
            out.heads[i] = index.get(tok.head_id, i)
            out.deps[i] = "ROOT" if tok.rel == "root" else tok.rel
            out.pos[i] = tok.pos or "X"
            out.lemmas[i] = _lemma(tok.text, tok.pos, tuple((tok.feats or {}).items())) or tok.text.lower()
            out.morphs[i] = "|".join(f"{k}={v}" for k, v in (tok.feats or {}).items())
            out.ents[i] = ent_of.get(tok.start, "O")
        _make_tree(out.heads, out.deps, sorted(index.values()))


def _make_tree(heads: list[int], deps: list[str], sentence: list[int]) -> None:
    """Make a sentence's heads one tree. The parser can return a loop (a → b → a), which
    would send every walk up or down the tree round forever, or a second root, which spaCy
    would take as the start of another sentence. Each is hung on the sentence's root."""
    roots = [i for i in sentence if heads[i] == i]
    root = roots[0] if roots else None
    for i in sentence:
        seen = set()
        j = i
        while heads[j] != j and j not in seen:
            seen.add(j)
            j = heads[j]
        if heads[j] != j:  # came back to a token already walked: a loop
            if root is None:
                root = j
                heads[j], deps[j] = j, "ROOT"
            else:
                heads[j], deps[j] = root, "dep"
    for extra in roots[1:]:  # a second root: so the first one is there
        heads[extra], deps[extra] = roots[0], "parataxis"
