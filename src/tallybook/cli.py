"""The command line: thin commands over the Python API."""
from __future__ import annotations

import csv
import json
import sys
from dataclasses import replace

import click

from .extraction.measures import PackError, load_pack
from .model import Claim
from .reports import InputError, expand_paths, read_report

FIELDS = ["doc", "start", "end", "text", "value", "value_max", "hedge", "unit", "counted", "speaker",
          "speaker_role", "speaker_org", "cue", "period", "time_ref", "measure", "sentence",
          "confidence", "lang", "vague"]


@click.group()
@click.version_option(package_name="tallybook")
def main() -> None:
    """tallybook: every number in conflict reporting, with who said it, where, and how it changed."""


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--lang", type=click.Choice(["auto", "en", "ru"]), default="auto", show_default=True)
@click.option("--pack", type=click.Path(dir_okay=False), default=None, help="A domain pack (TOML) of your own.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.argument("paths", nargs=-1, required=True)
def extract(fmt: str, lang: str, pack: str | None, debug: bool, paths: tuple[str, ...]) -> None:
    """Extract the claims of report files (UTF-8 text) or directories of them."""
    from . import extract as extract_claims

    if pack:
        try:
            load_pack(pack)
        except PackError as e:
            raise click.ClickException(str(e)) from None
    failures = 0
    write, finish = _writer(fmt)
    for path in expand_paths(list(paths)):
        try:
            report = read_report(path)
            body = report.text[report.body_start:]
            claims = extract_claims(body, lang=None if lang == "auto" else lang,
                                    published=report.meta.get("published"), pack=pack)
        except InputError as e:
            click.echo(f"tallybook: {e}", err=True)
            failures += 1
            continue
        except Exception as e:  # one bad file never stops the batch
            if debug:
                raise
            click.echo(f"tallybook: {path}: extraction failed ({type(e).__name__}: {e})", err=True)
            failures += 1
            continue
        for c in claims:
            write(path, _shift(c, report.body_start))
    finish()
    if failures:
        click.echo(f"tallybook: {failures} file(s) failed", err=True)
        sys.exit(1)


def _shift(c: Claim, offset: int) -> Claim:
    if not offset:
        return c
    return replace(c, start=c.start + offset, end=c.end + offset,
                   sentence=(c.sentence[0] + offset, c.sentence[1] + offset))


def _writer(fmt: str):
    """(write, finish) for a format: lines go out as claims come; a table waits for its widths."""
    if fmt == "jsonl":
        def write(path: str, c: Claim) -> None:
            click.echo(json.dumps({"doc": path, **c.as_record()}, ensure_ascii=False))
        return write, lambda: None
    if fmt == "csv":
        out = csv.DictWriter(sys.stdout, fieldnames=FIELDS, extrasaction="ignore")
        out.writeheader()

        def write(path: str, c: Claim) -> None:
            rec = {"doc": path, **c.as_record()}
            rec["sentence"] = f"{c.sentence[0]}-{c.sentence[1]}"
            out.writerow(rec)
        return write, lambda: None

    rows = [["doc", "text", "value", "hedge", "speaker", "counted", "measure"]]

    def write(path: str, c: Claim) -> None:
        value = f"{c.value:g}" + (f"–{c.value_max:g}" if c.value_max is not None else "")
        rows.append([path.rsplit("/", 1)[-1], c.text, value, c.hedge, c.speaker or "—",
                     (c.counted or "")[:40], c.measure or ""])

    def finish() -> None:
        widths = [min(max(len(r[i]) for r in rows), 40) for i in range(len(rows[0]))]
        for r in rows:
            click.echo("  ".join(cell[:w].ljust(w) for cell, w in zip(r, widths)).rstrip())
    return write, finish


if __name__ == "__main__":
    main()
