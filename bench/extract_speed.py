"""Characters per second of tallybook.extract, of a bare spaCy parse with the same model, and of
quantulum3's parser, on the same English texts (the bundled samples, repeated), in one run.

    .venv/bin/python bench/extract_speed.py [--repeat N]
"""
from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import tallybook
from tallybook.nlp.en import pipeline
from tallybook.reports import read_report

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def english_texts(repeat: int) -> list[str]:
    texts = []
    for path in sorted(SAMPLES.glob("en-*.txt")):
        report = read_report(path)
        texts.append(report.text[report.body_start:])
    return texts * repeat


def rate(fn, texts: list[str]) -> float:
    chars = sum(len(t) for t in texts)
    start = time.perf_counter()
    for t in texts:
        fn(t)
    return chars / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    texts = english_texts(args.repeat)
    nlp = pipeline()
    tallybook.extract(texts[0], lang="en")  # load models and lexicons once, outside the timing
    nlp(texts[0])
    warnings.filterwarnings("ignore")
    from quantulum3 import parser as q3

    q3.parse(texts[0])
    print(f"texts: {len(texts)}, characters: {sum(map(len, texts)):,}")
    bare = rate(nlp, texts)
    ours = rate(lambda t: tallybook.extract(t, lang="en"), texts)
    numbers = rate(lambda t: tallybook.read_numbers(t, "en"), texts)
    quant = rate(q3.parse, texts)
    print(f"{'bare spaCy parse (en_core_web_sm)':<36} {bare:>12,.0f} chars/s   1.00x")
    print(f"{'tallybook.extract':<36} {ours:>12,.0f} chars/s   {ours / bare:.2f}x")
    print(f"{'tallybook.read_numbers':<36} {numbers:>12,.0f} chars/s   {numbers / bare:.2f}x")
    print(f"{'quantulum3 parser.parse':<36} {quant:>12,.0f} chars/s   {quant / bare:.2f}x")


if __name__ == "__main__":
    main()
