"""The command line: thin commands over the Python API."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager

import click

from .display import figure, plain
from .extraction.measures import PackError, load_pack
from .languages import CODES
from .model import Claim
from .reports import InputError, expand_paths, read_report, shown
from .schema import RECORD_FIELDS

FIELDS = ["doc", *RECORD_FIELDS]  # the extract CSV: every field of model.Claim


@click.group()
@click.version_option(package_name="tallybook")
def main() -> None:
    """tallybook: every number in conflict reporting, with who said it, where, and how it changed."""


def _workers_option(default: str):
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help=f"Worker processes reading the documents, each loading the models once [default: {default}].",
    )


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--lang", type=click.Choice(["auto", *CODES]), default="auto", show_default=True)
@click.option("--pack", type=click.Path(dir_okay=False), default=None, help="A domain pack (TOML) of your own.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option(
    "--explain",
    is_flag=True,
    help="After each claim, say which attribution rule put it on its speaker, through which words.",
)
@_workers_option("every core")
@click.option(
    "--dask",
    "scheduler",
    default=None,
    metavar="ADDRESS",
    help="Read on a Dask cluster (tcp://HOST:8786, or 'local' for one of --workers processes on this "
    "machine); the output is the same.",
)
@click.argument("paths", nargs=-1, required=True)
def extract(
    fmt: str,
    lang: str,
    pack: str | None,
    debug: bool,
    explain: bool,
    workers: int | None,
    scheduler: str | None,
    paths: tuple[str, ...],
) -> None:
    """Extract the claims of files, directories, URLs or standard input ("-").

    Every format `ingest` reads, by the same readers (the main text of an HTML page, a PDF's
    text, each entry of a feed). A text report's offsets count from the start of its file.
    Documents are read in --workers processes, or on a Dask cluster (--dask), and printed in
    input order, as one process prints them.
    """
    from .ingest.files import sources_of
    from .scale.pool import default_workers, in_order
    from .scale.work import Extract, preload

    if pack:
        try:
            load_pack(pack)
        except PackError as e:
            raise click.ClickException(str(e)) from None
    work = Extract(lang=None if lang == "auto" else lang, pack=pack)
    docs = sources_of(paths)

    def is_doc(item) -> bool:
        return hasattr(item, "text")

    if scheduler:
        from .scale import cluster

        with _dask_client(scheduler, workers) as client:
            failures = _print_claims(cluster.in_order(client, work, docs, wanted=is_doc), fmt, explain, debug)
    else:
        done = in_order(work, docs, workers or default_workers(), wanted=is_doc, prepare=preload)
        failures = _print_claims(done, fmt, explain, debug)
    if failures:
        click.echo(f"tallybook: {failures} file(s) failed", err=True)
        sys.exit(1)


def _print_claims(results, fmt: str, explain: bool, debug: bool) -> int:
    """Print the claims of each Done value of `extract` in `fmt`, a line on stderr for each
    failure; the number of failures. A progress bar on stderr when it is a terminal and the
    output goes elsewhere (`> claims.jsonl`)."""
    from tqdm import tqdm

    from .ingest.files import offset_in_file

    failures = 0
    write, finish = _writer(fmt)
    if explain:
        write, finish = _explaining(write, finish, fmt)
    quiet = not sys.stderr.isatty() or sys.stdout.isatty()
    with tqdm(results, desc="extract", unit="doc", file=sys.stderr, disable=quiet) as bar:
        for done in bar:
            doc = done.item
            if not hasattr(doc, "text"):  # a Failure: one line, and the batch goes on
                bar.write(f"tallybook: {doc}", file=sys.stderr)
                failures += 1
                continue
            try:
                if done.error is not None:
                    raise done.error
                claims = done.result
            except Exception as e:  # one bad file never stops the batch
                if debug:
                    raise
                why = f"extraction failed ({type(e).__name__}: {_first_line(e)})"
                bar.write(f"tallybook: {shown(doc.source)}: {why}", file=sys.stderr)
                failures += 1
                continue
            offset, name = offset_in_file(doc), doc.source + (f"#{doc.locator}" if doc.locator else "")
            for c in claims:
                write(name, c.shifted(offset))
    finish()
    return failures


def _first_line(e: Exception) -> str:
    lines = str(e).strip().splitlines()
    return lines[0][:200] if lines else "no message"


INCIDENT_FIELDS = [
    "doc",
    "type",
    "start",
    "end",
    "text",
    "place",
    "place_name",
    "country",
    "region",
    "precision",
    "lat",
    "lon",
    "date",
    "date_precision",
    "actor",
    "affected",
    "claims",
    "figures",
    "plover",
    "acled_sub_event",
    "sentence",
    "lang",
]


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--lang", type=click.Choice(["auto", "en", "ru"]), default="auto", show_default=True)
@click.option(
    "--pack",
    type=click.Path(dir_okay=False),
    default=None,
    help="An incident pack (TOML with [types.*]) or a measures pack of your own.",
)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.argument("paths", nargs=-1, required=True)
def incidents(fmt: str, lang: str, pack: str | None, debug: bool, paths: tuple[str, ...]) -> None:
    """List the incidents of report files (raids, detentions, call-up papers, deaths...): type,
    words, place (geocoded offline), date, actor, affected group and the claims that count them."""
    from . import incidents as find_incidents
    from .extraction.triggers import load_incident_pack

    if pack:
        try:
            load_incident_pack(pack)
        except PackError as e:
            raise click.ClickException(str(e)) from None
    failures = 0
    rows: list[list[str]] = [["doc", "type", "text", "place", "country", "date", "actor", "affected"]]
    out = csv.DictWriter(sys.stdout, fieldnames=INCIDENT_FIELDS, extrasaction="ignore") if fmt == "csv" else None
    if out:
        out.writeheader()
    for path in expand_paths(list(paths)):
        try:
            report = read_report(path)
            found = find_incidents(
                report.text[report.body_start :],
                lang=None if lang == "auto" else lang,
                published=report.meta.get("published"),
                pack=pack,
            )
        except InputError as e:
            click.echo(f"tallybook: {e}", err=True)
            failures += 1
            continue
        except Exception as e:  # one bad file never stops the batch
            if debug:
                raise
            click.echo(
                f"tallybook: {shown(path)}: incident extraction failed ({type(e).__name__}: {_first_line(e)})", err=True
            )
            failures += 1
            continue
        for inc in found:
            rec = {"doc": path, **inc.shifted(report.body_start).as_record()}
            if fmt == "jsonl":
                click.echo(json.dumps(rec, ensure_ascii=False))
            elif out:
                out.writerow(
                    {
                        **rec,
                        "claims": " ".join(map(str, rec["claims"])),
                        "figures": " | ".join(rec["figures"]),
                        "sentence": f"{rec['sentence'][0]}-{rec['sentence'][1]}",
                    }
                )
            else:
                rows.append(
                    [
                        path.rsplit("/", 1)[-1],
                        rec["type"],
                        rec["text"],
                        rec["place"] or "—",
                        rec["country"] or "",
                        rec["date"] or "",
                        rec["actor"] or "",
                        rec["affected"] or "",
                    ]
                )
    if fmt == "table":
        widths = [min(max(len(r[i]) for r in rows), 30) for i in range(len(rows[0]))]
        for r in rows:
            click.echo("  ".join(cell[:w].ljust(w) for cell, w in zip(r, widths)).rstrip())
    if failures:
        click.echo(f"tallybook: {failures} file(s) failed", err=True)
        sys.exit(1)


def _explaining(write, finish, fmt: str):
    """`write` followed by the claim's attribution in words: a line of its own (table, csv: on
    stderr, so the data stays clean) or an `explain` field (jsonl)."""
    from .extraction.attribution import explanation

    def why(c: Claim) -> str:
        return explanation(c.speaker, c.rule, c.cue, c.via)

    if fmt == "jsonl":

        def write_jsonl(path: str, c: Claim) -> None:
            click.echo(json.dumps({"doc": path, **c.as_record(), "explain": why(c)}, ensure_ascii=False))

        return write_jsonl, finish
    lines: list[str] = []

    def write_noted(path: str, c: Claim) -> None:
        write(path, c)
        lines.append(f"{path.rsplit('/', 1)[-1]} {c.text!r} ({c.start}-{c.end}): {why(c)}")

    def finish_noted() -> None:
        finish()
        for line in lines:
            click.echo(line, err=fmt == "csv")

    return write_noted, finish_noted


def _writer(fmt: str) -> tuple[Callable[[str, Claim], None], Callable[[], None]]:
    """(write, finish) for a format: lines go out as claims come; a table waits for its widths."""
    if fmt == "jsonl":
        return _jsonl_line, lambda: None
    if fmt == "csv":
        out = csv.DictWriter(sys.stdout, fieldnames=FIELDS, extrasaction="ignore")
        out.writeheader()

        def csv_row(path: str, c: Claim) -> None:
            rec = {"doc": path, **c.as_record()}
            rec["sentence"] = f"{c.sentence[0]}-{c.sentence[1]}"
            out.writerow(rec)

        return csv_row, lambda: None

    rows = [["doc", "text", "value", "hedge", "speaker", "speaker_id", "counted", "measure"]]

    def table_row(path: str, c: Claim) -> None:
        value = figure(c.value, c.value_max, c.unit).replace("\u00a0", " ")
        rows.append(
            [
                path.rsplit("/", 1)[-1],
                c.text,
                value,
                c.hedge,
                c.speaker or "—",
                c.speaker_id or "",
                (c.counted or "")[:40],
                c.measure or "",
            ]
        )

    def finish() -> None:
        widths = [min(max(len(r[i]) for r in rows), 40) for i in range(len(rows[0]))]
        for r in rows:
            click.echo("  ".join(cell[:w].ljust(w) for cell, w in zip(r, widths)).rstrip())

    return table_row, finish


def _jsonl_line(path: str, c: Claim) -> None:
    click.echo(json.dumps({"doc": path, **c.as_record()}, ensure_ascii=False))


# The ledger commands. Django is imported only inside them, so `extract` runs without it.


def _db_option(f):
    return click.option(
        "--db",
        "db",
        metavar="URL",
        default=None,
        help="sqlite:///path.sqlite3 or postgresql://user@host/name "
        "[default: $TALLYBOOK_DATABASE_URL, else sqlite:///./tallybook.sqlite3]",
    )(f)


def _filter_options(f):
    day = click.DateTime(formats=["%Y-%m-%d"])
    for option in reversed(
        [
            click.option("--measure", default=None, help="Only this measure (e.g. casualties.killed)."),
            click.option(
                "--speaker",
                default=None,
                help="A source (speaker or organisation) one of whose names holds this text, any case or script.",
            ),
            click.option("--lang", type=click.Choice(["en", "ru"]), default=None, help="Only this language."),
            click.option("--since", type=day, default=None, help="Published on or after YYYY-MM-DD."),
            click.option("--until", type=day, default=None, help="Published on or before YYYY-MM-DD."),
            click.option("--search", default=None, metavar="TEXT", help="Full-text search: every word."),
        ]
    ):
        f = option(f)
    return f


def _claim_options(f):
    """The claims filters of the web pages beyond those `docs` shares."""
    from_web = ["status", "hedge"]
    choices = {
        "status": ["new", "accepted", "corrected", "rejected"],
        "hedge": ["exact", "approx", "lower", "upper", "average", "range"],
    }
    for option in reversed(
        [
            *(
                click.option(f"--{name}", type=click.Choice(choices[name]), default=None, help=f"Only this {name}.")
                for name in from_web
            ),
            click.option(
                "--org",
                default=None,
                help="An organisation by any of its names: its claims, its units' and its people's.",
            ),
            click.option(
                "--sort",
                default=None,
                metavar="FIELD",
                help="value, published, measure, speaker or id; '-' first for descending "
                "[default: document then text order].",
            ),
            click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many claims."),
        ]
    ):
        f = option(f)
    return f


def _selected_claims(f, status=None, hedge=None, org=None, sort=None, limit=None):
    """The claims of the filters `f` and the web's claim filters; ClickException for a bad sort."""
    from .ledger import query, sources
    from .web import filters

    qs = query.claims(f)
    try:
        if sort:
            qs = qs.order_by(*filters.ClaimParams(sort=sort).check().ordering())
    except filters.ParamError as e:
        raise click.BadParameter(str(e).split(": ", 1)[1], param_hint="--sort") from None
    qs = qs.filter(**{k: v for k, v in (("status", status), ("hedge", hedge)) if v})
    if org:  # as the claims page: the body's claims, its units' and its people's
        qs = qs.filter(sources.by_org(org))
    return qs[:limit] if limit else qs


def _check_measure(measure: str | None) -> None:
    """An unknown --measure is an error naming the known ones, not an empty list."""
    if not measure:
        return
    from .web.decisions import known_measures

    known = known_measures()
    if measure not in known:
        raise click.BadParameter(f"unknown measure {measure!r} (known: {', '.join(known)})", param_hint="--measure")


def _connect(db: str | None) -> None:
    from . import ledger

    try:
        ledger.connect(db)
    except ledger.LedgerError as e:
        raise click.ClickException(str(e)) from None


def _filters(measure, speaker, lang, since, until, search):
    from .ledger.query import Filters

    return Filters(
        measure=measure,
        speaker=speaker,
        lang=lang,
        since=since and since.date(),
        until=until and until.date(),
        search=search,
    )


@main.command()
@_db_option
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="Read symbolic links that lead out of a directory given (refused by default).",
)
@click.option(
    "--timeout",
    default=20.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    metavar="SECONDS",
    help="Time for the whole fetch of one URL.",
)
@_workers_option("every core")
@click.option(
    "--dask",
    "scheduler",
    default=None,
    metavar="ADDRESS",
    help="Analyse on a Dask cluster (tcp://HOST:8786, or 'local' for one on this machine), "
    "writing Parquet shards to --shards, then load them.",
)
@click.option(
    "--shards",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder for the shards of --dask (on storage every worker reaches).",
)
@click.argument("paths", nargs=-1, required=True)
def ingest(
    db: str | None,
    debug: bool,
    follow_symlinks: bool,
    timeout: float,
    workers: int | None,
    scheduler: str | None,
    shards: str | None,
    paths: tuple[str, ...],
) -> None:
    """Read files, directories, URL lists (.urls), URLs and standard input ("-") into the ledger.

    \b
    Formats, by suffix (else by the first bytes):
      text     .txt .text (UTF-8 or a detected encoding; a Title:/Published:/Source: header)
      web page .html .htm .xhtml (the main text, title, date, canonical URL)
      PDF      .pdf (the text of each page)
      feed     .xml .rss .atom (each entry)
      Telegram .json (a channel export: each post)
      records  .jsonl .ndjson (one document a line)
      WARC     .warc (each HTML or text response of a web archive)
      gzip     any of these compressed: .jsonl.gz, .warc.gz, .html.gz ...
    A glob pattern ('archive/**/*.jsonl.gz', quoted) reads every file it matches.

    Each document goes in whole or not at all; an unchanged document is skipped, a changed one
    (same source, or same URL) has its claims replaced, its text before kept as a version
    (reviewed claims are kept). Each failure is printed on stderr as it happens; the summary is
    printed at the end, or when Ctrl-C stops the run (exit status 130). Exit status 1 if
    anything failed. Documents are read in --workers processes (every core by default) and
    stored one by one, in input order, each in its own transaction, as with one.
    """
    if scheduler and not shards:
        raise click.UsageError("--dask needs --shards DIR, a folder every worker can write to")
    _connect(db)
    from tqdm import tqdm

    from .ingest.files import sources_of
    from .ledger.batch import Summary, ingest_all
    from .scale.pool import default_workers

    if scheduler and shards:
        _ingest_on_dask(scheduler, shards, sources_of(paths, follow_symlinks=follow_symlinks, timeout=timeout), workers)
        return

    summary = Summary()
    try:
        with tqdm(desc="ingest", unit="doc", file=sys.stderr, disable=None) as bar:
            ingest_all(
                sources_of(paths, follow_symlinks=follow_symlinks, timeout=timeout),
                debug=debug,
                step=lambda: bar.update(),
                report=lambda line: bar.write(f"tallybook: {line}", file=sys.stderr),
                summary=summary,
                workers=workers or default_workers(),
            )
    except KeyboardInterrupt:
        click.echo(f"{summary} (stopped by Ctrl-C)")
        sys.exit(130)
    click.echo(str(summary))
    if summary.failed:
        sys.exit(1)


@contextmanager
def _dask_client(scheduler: str, workers: int | None) -> Iterator:
    """A client of the Dask cluster at `scheduler` ("local": one started here, of --workers
    process workers with one thread each), closed after; the dashboard's address on stderr."""
    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        target = scheduler
        if scheduler == "local":
            from .scale.pool import default_workers

            n = workers or default_workers()
            target = stack.enter_context(LocalCluster(n_workers=n, threads_per_worker=1, processes=True))
        try:
            client = stack.enter_context(Client(target))
        except (OSError, ValueError) as e:  # no scheduler at that address, or no address
            raise click.ClickException(
                f"--dask {scheduler}: cannot reach a Dask scheduler ({_first_line(e)})"
            ) from None
        click.echo(f"tallybook: Dask dashboard: {client.dashboard_link}", err=True)
        yield client


def _ingest_on_dask(scheduler: str, shards: str, items, workers: int | None) -> None:
    """`ingest --dask`: the documents analysed on the cluster into shards, then loaded."""
    from tqdm import tqdm

    from .scale import cluster

    with (
        _dask_client(scheduler, workers) as client,
        tqdm(desc="analyse", unit="doc", file=sys.stderr, disable=None) as bar,
    ):
        run = cluster.run(client, items, shards, done=lambda part, counts: bar.update(counts["documents"]))
    for line in run.failures:
        click.echo(f"tallybook: {line}", err=True)
    click.echo(str(run))
    summary = _load_shards(shards)
    if run.failures or summary.failed:
        sys.exit(1)


def _load_shards(folder: str):
    from tqdm import tqdm

    from .scale.load import load

    with tqdm(desc="load", unit="doc", file=sys.stderr, disable=None) as bar:
        summary = load(folder, step=bar.update)
    for line in summary.failures:
        click.echo(f"tallybook: {line}", err=True)
    click.echo(str(summary))
    return summary


@main.command()
@_db_option
@click.argument("folder", type=click.Path(file_okay=False))
def load(db: str | None, folder: str) -> None:
    """Load the Parquet shards of `ingest --dask` (FOLDER/documents/part-*.parquet, claims/,
    names/, incidents/) into the ledger: the rows `ingest` writes, one partition a transaction.

    Documents new to the ledger are loaded in bulk (PostgreSQL: COPY into a staging table, then
    one INSERT a table); a document held with another text is stored as `ingest` stores it (its
    text before kept, reviewed claims kept). Each partition loaded is recorded by the digest of
    its files: loading again skips it, so a stopped or killed load is finished by running it
    again, and nothing is lost or doubled."""
    from pathlib import Path

    if not any((Path(folder) / "documents").glob("part-*.parquet")):
        raise click.ClickException(f"load: {shown(folder)}: no shards (documents/part-*.parquet)")
    _connect(db)
    if _load_shards(folder).failed:
        sys.exit(1)


@main.command()
@_db_option
def reextract(db: str | None) -> None:
    """Rerun the extractor over every document in the ledger (reviewed claims are kept)."""
    _connect(db)
    from tqdm import tqdm

    from .ledger.batch import reextract_all

    with tqdm(desc="reextract", unit="doc", file=sys.stderr, disable=None) as bar:
        summary = reextract_all(step=lambda: bar.update())
    click.echo(f"documents: {summary.replaced} re-extracted; claims: {summary.claims}")


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@_filter_options
@_claim_options
def claims(db, fmt, status, hedge, org, sort, limit, **filters) -> None:
    """List the ledger's claims, each with its ledger id (the table: date, figure with its unit or
    range, counted phrase; JSON Lines and CSV: every field)."""
    _connect(db)
    _check_measure(filters["measure"])
    from .ledger import query

    qs = _selected_claims(_filters(**filters), status, hedge, org, sort, limit)
    rows = (query.claim_record(c) for c in qs.iterator(chunk_size=2000))
    _print(
        rows,
        fmt,
        query.CLAIM_FIELDS,
        ["id", "published", "source", "text", "value", "hedge", "counted", "speaker", "measure", "status"],
    )


@main.command()
@_db_option
@click.argument("out", type=click.File("w", encoding="utf-8"), default="-")
def claimreview(db, out) -> None:
    """Write the reviewed (accepted or corrected) claims as schema.org ClaimReview JSON-LD.

    Value, interval and hedge are PropertyValues of the claim; firstAppearance and appearance
    name the documents where the figure first appeared and was echoed. OUT defaults to stdout.
    """
    _connect(db)
    from .ledger.claimreview import claim_reviews

    json.dump(claim_reviews(), out, ensure_ascii=False, indent=1)
    out.write("\n")


@main.command()
@_db_option
@click.option("--reviewed", is_flag=True, help="Only accepted and corrected claims (and their documents).")
@click.argument("out", type=click.File("w", encoding="utf-8"), default="-")
def ftm(db, reviewed, out) -> None:
    """Write sources, documents and figures as FollowTheMoney entities (JSON Lines) for Aleph.

    Sources are Person, Organization or PublicBody (names as alias, a person's organisation as a
    Membership, a unit's body as parent); documents are Article; each figure is a Documentation
    linking its document to its source (a Note on the document when it has none). Values are
    cleaned and every entity validated by the followthemoney package. Rejected claims are left
    out. OUT defaults to stdout.
    """
    _connect(db)
    from .ledger.ftm import ftm_entities

    for entity in ftm_entities(reviewed_only=reviewed):
        out.write(json.dumps(entity, ensure_ascii=False) + "\n")


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--measure", default=None, help="Only this measure and its scoped keys (e.g. casualties.killed).")
def conflicts(db, fmt, measure) -> None:
    """List figures of one measure that disagree, with both sources and claim ids.

    "disagree": two figures of one period whose intervals (from their hedges) do not meet;
    "below-floor": a later running total under an earlier floor. A growing running total is a
    revision, not a conflict.
    """
    _connect(db)
    from .ledger.figures import conflict_record, ledger_conflicts

    records = [conflict_record(c) for c in ledger_conflicts(measure)]
    if fmt == "jsonl":
        for r in records:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    for r in records:
        a, b = r["a"], r["b"]
        click.echo(
            f"{r['measure']}  {r['kind']}\n"
            f"  #{a['id']} {a['value']:g} ({a['hedge']}) {a['speaker'] or '—'}, {a['source']}, {a['time']}\n"
            f"  #{b['id']} {b['value']:g} ({b['hedge']}) {b['speaker'] or '—'}, {b['source']}, {b['time']}"
        )
    click.echo(f"conflicts: {len(records)}")


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@_filter_options
def docs(db, fmt, **filters) -> None:
    """List the ledger's documents, each with its ledger id and number of claims."""
    _connect(db)
    from .ledger import query

    rows = (query.document_record(d) for d in query.documents(_filters(**filters)).iterator(chunk_size=2000))
    _print(rows, fmt, query.DOCUMENT_FIELDS, ["id", "source", "title", "published", "lang", "claims"])


INCIDENT_OPTIONS = ("type", "country", "region", "actor")


def _incident_options(f):
    """The incidents filters of the web pages beyond the shared ones (for `export --what incidents`)."""
    helps = {
        "type": "Only incidents of this type (raid, detention, draft_notice...).",
        "country": "Only incidents in this country (ISO 3166-1 alpha-2: RU).",
        "region": "Only incidents in this region (ISO 3166-2: RU-TA).",
        "actor": "Only incidents whose actor holds this text, any case.",
    }
    for name in reversed(INCIDENT_OPTIONS):
        f = click.option(f"--{name}", default=None, help=helps[name])(f)
    return f


EXPORT_FORMATS = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".xlsx": "xlsx",
    ".geojson": "geojson",
}


@main.command()
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet", "xlsx", "acled", "geojson"]),
    default=None,
    help="[default: from OUT's suffix: .csv, .jsonl, .ndjson, .parquet, .xlsx, .geojson]; "
    "acled: incidents as ACLED-style CSV",
)
@click.option("--what", type=click.Choice(["claims", "documents", "incidents"]), default="claims", show_default=True)
@_filter_options
@_claim_options
@_incident_options
@click.argument("out", type=click.Path(dir_okay=False, writable=True, allow_dash=True))
def export(db, fmt, what, out, status, hedge, org, sort, limit, **filters) -> None:
    """Write claims, documents (with their text) or incidents to OUT as CSV, JSON Lines, Parquet
    or XLSX ("-": stdout); incidents also as ACLED-style CSV (--format acled) or GeoJSON.

    The format is OUT's suffix unless --format says; --status, --hedge, --org, --sort and --limit
    narrow the claims as on the claims page; --type, --country, --region, --actor (with --lang,
    --since, --until on the incident's date, --status) the incidents as on the incidents page.
    """
    fmt = fmt or _format_of(out)
    incident_filters = {k: filters.pop(k) for k in INCIDENT_OPTIONS}
    if what == "incidents":
        _export_incidents(
            db, fmt, out, status, incident_filters, {**filters, "hedge": hedge, "org": org, "sort": sort}, limit
        )
        return
    if fmt in ("acled", "geojson") or any(incident_filters.values()):
        raise click.UsageError(
            "export: --format acled/geojson and --type, --country, --region, --actor need --what incidents"
        )
    _connect(db)
    _check_measure(filters["measure"])
    from .ledger import export as writers
    from .ledger import query

    f = _filters(**filters)
    if what == "claims":
        fields = query.CLAIM_FIELDS
        rows = (
            query.claim_record(c)
            for c in _selected_claims(f, status, hedge, org, sort, limit).iterator(chunk_size=2000)
        )
    else:
        fields = query.DOCUMENT_FIELDS + ["text"]
        rows = (query.document_record(d, with_text=True) for d in query.documents(f).iterator(chunk_size=500))
    if fmt in ("parquet", "xlsx"):
        if out == "-":
            raise click.UsageError(f"{fmt} needs a file, not stdout")
        n = (
            writers.write_parquet(rows, out, query.column_types(fields))
            if fmt == "parquet"
            else writers.write_xlsx(rows, out, fields, sheet=what)
        )
    else:
        stream = sys.stdout if out == "-" else open(out, "w", encoding="utf-8", newline="")
        try:
            n = writers.write_csv(rows, stream, fields) if fmt == "csv" else writers.write_jsonl(rows, stream)
        finally:
            if stream is not sys.stdout:
                stream.close()
    click.echo(f"export: {n} {what} written to {out}", err=True)


def _export_incidents(db, fmt: str, out: str, status, chosen: dict, shared: dict, limit: int | None) -> None:
    """`export --what incidents`: the incidents the filters leave, in `fmt`, to `out`."""
    text_formats, file_formats = ("acled", "geojson", "csv", "jsonl"), ("parquet", "xlsx")
    unused = [f"--{k}" for k in ("measure", "speaker", "search", "hedge", "org", "sort") if shared.get(k)]
    if unused or fmt not in text_formats + file_formats:
        raise click.UsageError(f"export --what incidents: cannot take {', '.join(unused) or '--format ' + fmt}")
    if fmt in file_formats and out == "-":
        raise click.UsageError(f"{fmt} needs a file, not stdout")
    day = {k: shared[k].date().isoformat() if shared.get(k) else "" for k in ("since", "until")}
    params = {
        **{k: v or "" for k, v in chosen.items()},
        **day,
        "lang": shared.get("lang") or "",
        "status": status or "",
    }
    _connect(db)
    from .export import incidents as writer
    from .ledger.incident_query import IncidentParamError, IncidentParams, incidents

    try:
        found = incidents(IncidentParams.from_query(params))
        qs = (found[:limit] if limit else found).iterator(chunk_size=1000)
    except IncidentParamError as e:
        raise click.UsageError(f"export: {e}") from None
    if fmt in file_formats:
        n = writer.write_file(qs, fmt, out)
    else:
        stream = sys.stdout if out == "-" else open(out, "w", encoding="utf-8", newline="")
        try:
            n = writer.write_text(qs, fmt, stream)
        finally:
            if stream is not sys.stdout:
                stream.close()
    click.echo(f"export: {n} incidents written to {out}", err=True)


def _format_of(out: str) -> str:
    """The export format OUT's suffix names; a usage error when it names none."""
    suffix = "" if out == "-" else "." + out.rsplit(".", 1)[-1].lower() if "." in out else ""
    if suffix not in EXPORT_FORMATS:
        raise click.UsageError(
            f"export: cannot tell the format of {out!r} (give --format, or end it in {', '.join(EXPORT_FORMATS)})"
        )
    return EXPORT_FORMATS[suffix]


@main.command()
@_db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "sqlite", "jsonl"]),
    default="auto",
    show_default=True,
    help="auto: a SQLite copy of a SQLite ledger, else JSON Lines (which restores into either backend).",
)
@click.argument("file", type=click.Path(dir_okay=False))
def backup(db: str | None, fmt: str, file: str) -> None:
    """Copy the ledger to FILE (a SQLite file for a SQLite ledger, else JSON Lines of every table)."""
    _connect(db)
    from .ledger import LedgerError
    from .ledger.backup import backup as write_backup

    try:
        kind = write_backup(file, fmt)
    except LedgerError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"backup: ledger written to {file} ({kind})")


@main.command()
@_db_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def restore(db: str | None, file: str) -> None:
    """Replace the ledger's contents with a backup made by `tallybook backup`."""
    _connect(db)
    from .ledger import LedgerError, connect
    from .ledger.backup import restore as read_backup

    try:
        kind = read_backup(file)
        connect(db)  # a backup of an older schema is migrated forward
    except LedgerError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"restore: ledger replaced from {file} ({kind})")


@main.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--debug", is_flag=True, help="Django's DEBUG mode (tracebacks in the browser): local use only.")
@click.option("--threads", default=8, show_default=True, type=int, help="Worker threads of the server.")
def serve(db: str | None, host: str, port: int, debug: bool, threads: int) -> None:
    """Serve the web app (waitress): read, search, review and chart the ledger.

    The first run with no users creates an `admin` account and prints its password once.
    Beyond loopback, set $TALLYBOOK_SECRET_KEY (and put HTTPS in front: cookies are secure-only).
    """
    _connect(db)
    from .web import serving

    try:
        serving.configure(host, debug=debug)
    except serving.ServeError as e:
        raise click.ClickException(str(e)) from None
    created = serving.first_admin()
    if created:
        click.echo(f"serve: created the admin account: username {created[0]}  password {created[1]}")
        click.echo("serve: this password is shown only once; change it at /admin/")
    from django.core.wsgi import get_wsgi_application
    from waitress import serve as waitress_serve

    app = get_wsgi_application()
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serve: http://{shown}:{port}/  (Ctrl-C stops)")
    waitress_serve(app, host=host, port=port, threads=threads, ident="tallybook")


@main.command()
@_db_option
@click.argument("username")
def token(db: str | None, username: str) -> None:
    """Print a new API token for USERNAME (send it as `Authorization: Bearer TOKEN`)."""
    _connect(db)
    from django.contrib.auth import get_user_model

    from .web.models import Token

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise click.ClickException(f"token: no user {username!r} (create one at /admin/)")
    click.echo(Token.issue(user))


def _print(rows, fmt: str, fields: list[str], table_fields: list[str]) -> None:
    """Records as JSON Lines, CSV or a table (a table waits for its column widths)."""
    if fmt == "jsonl":
        for rec in rows:
            click.echo(json.dumps(rec, ensure_ascii=False, default=str))
        return
    if fmt == "csv":
        out = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        out.writeheader()
        for rec in rows:
            out.writerow(rec)
        return
    table = [table_fields] + [[_cell(rec, f) for f in table_fields] for rec in rows]
    widths = [min(max(len(r[i]) for r in table), 40) for i in range(len(table_fields))]
    for r in table:
        click.echo("  ".join(cell[:w].ljust(w) for cell, w in zip(r, widths)).rstrip())


def _cell(rec: dict, field: str) -> str:
    """A table cell: a claim's figure with its range and unit, a date as YYYY-MM-DD, a file by its
    name; numbers never in scientific notation."""
    value = rec[field]
    if field == "value" and "value_max" in rec:
        return figure(value, rec["value_max"], rec.get("unit")).replace("\u00a0", " ")
    if value is None:
        return "—"
    if field == "source":
        return str(value).rsplit("/", 1)[-1]
    if field == "published":
        return str(value)[:10]
    if isinstance(value, float):
        return plain(value)
    return " ".join(str(value).split())


if __name__ == "__main__":
    main()
