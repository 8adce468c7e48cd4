"""Characters per second of tallybook.extract against a bare parse by the same front-end, in one
run: English against spaCy (en_core_web_sm) and quantulum3's parser; Russian against a bare
natasha analysis (segmenter, morphology, syntax, NER). Texts: the bundled samples, repeated.
Characters per CPU-second of this process, every part with one BLAS thread: one core, whatever
else the machine runs (as bench/throughput.py --one-core).

"figure sentences only" is the bare parse of just the sentences that hold a figure, at the
characters per second of the whole text: the most that parsing only where a figure is could
gain, before any context the attribution reaches back or forward to.

    .venv/bin/python bench/extract_speed.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import tallybook
from tallybook.nlp import ru
from tallybook.nlp.en import pipeline
from tallybook.nlp.language import sentence_pieces
from tallybook.reports import read_report

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def sample_texts(lang: str, repeat: int) -> list[str]:
    texts = []
    for path in sorted(SAMPLES.glob(f"{lang}-*.txt")):
        report = read_report(path)
        texts.append(report.text[report.body_start :])
    return texts * repeat


def rate(fn: Callable[[str], object], texts: list[str]) -> float:
    """Characters per CPU-second of this process."""
    chars = sum(len(t) for t in texts)
    start = time.process_time()
    for t in texts:
        fn(t)
    return chars / (time.process_time() - start)


def figure_sentences(text: str, lang: str) -> list[str]:
    """The sentences of `text` (as language detection cuts them) that hold a figure."""
    figures = [n.start for n in tallybook.read_numbers(text, lang) if n.is_claim]
    return [text[a:b] for a, b in sentence_pieces(text) if any(a <= f < b for f in figures)]


def bare_natasha(text: str) -> None:
    """natasha's own analysis of a text, as its README runs it, with nothing of ours."""
    from natasha import Doc

    nat = ru.pipeline()
    doc = Doc(text)
    doc.segment(nat.segmenter)
    doc.tag_morph(nat.morph)
    doc.parse_syntax(nat.syntax)
    doc.tag_ner(nat.ner)


def report(rows: list[tuple[str, float]]) -> None:
    base = rows[0][1]
    for name, value in rows:
        print(f"  {name:<40} {value:>12,.0f} chars/CPU-s {value / base:.2f}x")


def english(repeat: int) -> None:
    texts = sample_texts("en", repeat)
    nlp = pipeline()
    for t in dict.fromkeys(texts):  # models and lexicons loaded, each text read once: warm caches
        tallybook.extract(t, lang="en")
    nlp(texts[0])
    warnings.filterwarnings("ignore")
    from quantulum3 import parser as q3

    q3.parse(texts[0])
    print(f"English: {len(texts)} texts, {sum(map(len, texts)):,} characters")
    report(
        [
            ("bare spaCy parse (en_core_web_sm)", rate(nlp, texts)),
            (
                "bare spaCy parse, figure sentences only",
                rate(lambda t: list(nlp.pipe(figure_sentences(t, "en"))), texts),
            ),
            ("tallybook.extract", rate(lambda t: tallybook.extract(t, lang="en"), texts)),
            ("tallybook.read_numbers", rate(lambda t: tallybook.read_numbers(t, "en"), texts)),
            ("quantulum3 parser.parse", rate(q3.parse, texts)),
        ]
    )


def russian(repeat: int) -> None:
    texts = sample_texts("ru", repeat)
    for t in dict.fromkeys(texts):
        tallybook.extract(t, lang="ru")
    bare_natasha(texts[0])
    print(f"Russian: {len(texts)} texts, {sum(map(len, texts)):,} characters")
    report(
        [
            ("bare natasha analysis", rate(bare_natasha, texts)),
            (
                "bare natasha, figure sentences only",
                rate(lambda t: bare_natasha("\n".join(figure_sentences(t, "ru"))), texts),
            ),
            ("tallybook.extract", rate(lambda t: tallybook.extract(t, lang="ru"), texts)),
            ("tallybook.extract, language detected", rate(tallybook.extract, texts)),
            ("tallybook.read_numbers", rate(lambda t: tallybook.read_numbers(t, "ru"), texts)),
        ]
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1):
        english(args.repeat)
        russian(args.repeat)


if __name__ == "__main__":
    main()
