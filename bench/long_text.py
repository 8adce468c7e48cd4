"""Peak memory and speed of tallybook.read on one long English text, at several lengths, each in a
fresh process: read in pieces (extraction/chunks.py), memory should stay flat as the text grows,
and time grow in proportion. The text: the English samples joined, repeated to the length.

    .venv/bin/python bench/long_text.py [--sizes 200000,800000,2000000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def long_text(chars: int) -> str:
    """The English samples' bodies, joined by blank lines and repeated to `chars` characters."""
    from tallybook.reports import read_report

    bodies = []
    for path in sorted(SAMPLES.glob("en-*.txt")):
        report = read_report(path)
        bodies.append(report.text[report.body_start :].strip())
    block = "\n\n".join(bodies) + "\n\n"
    return (block * (chars // len(block) + 1))[:chars]


def measure(chars: int) -> dict:
    """Run one reading in this process; its figures."""
    import tallybook

    text = long_text(chars)
    tallybook.read(text[:2000], lang="en")  # load the model first: its memory is the baseline
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    reading = tallybook.read(text, lang="en")
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"chars": chars, "seconds": seconds, "claims": len(reading.claims), "base_mb": base, "peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200000,800000,2000000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    rows = []
    for size in map(int, args.sizes.split(",")):
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first = rows[0]
    print(
        f"{'characters':>12} {'seconds':>8} {'chars/s':>8} {'claims':>7} {'peak MB':>8} {'over model':>10} {'ratio':>6}"
    )
    for r in rows:
        over = r["peak_mb"] - r["base_mb"]
        ratio = over / max(first["peak_mb"] - first["base_mb"], 1)
        print(
            f"{r['chars']:>12,} {r['seconds']:>8.1f} {r['chars'] / r['seconds']:>8,.0f} {r['claims']:>7} "
            f"{r['peak_mb']:>8.0f} {over:>10.0f} {ratio:>5.2f}×"
        )


if __name__ == "__main__":
    main()
