"""Claims page speed with 100,000 claims in the ledger, on SQLite and on PostgreSQL: median and p95
of the claims page with filters and of full-text searches, and of the incidents pages (25,000
incidents) with their filters, through a real `tallybook serve`, against baselines measured in
the same run (the login page and a static file).

The ledger is generated straight through the ORM (bulk_create): documents of 20 claims each, with
varied measures, speakers, organisations, languages, hedges, dates and sentences, and an incident
for every fourth claim (types, places, dates, actors varied), linked to it.

    .venv/bin/python bench/web_speed.py [--claims 100000] [--requests 50] [--pg URL]

--pg (or $TALLYBOOK_TEST_POSTGRES) names a server where a scratch database is created and dropped.
Aim: p95 < 200 ms for every claims and incidents page.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import requests
from scratch_db import pg_scratch

PER_DOC = 20
PASSWORD = "bench-password-42"
MEASURES = [
    "casualties.killed",
    "casualties.killed_or_wounded",
    "casualties.daily_average",
    "casualties.named_dead",
    "recruitment.mobilized",
    "recruitment.foreign_recruits",
    "recruitment.naturalized_registered",
    "troops.deployed",
    "raids.detentions",
    "payments.offered",
    "migration.arrivals",
    None,
]
HEDGES = ["exact", "exact", "exact", "approx", "lower", "upper", "range", "average"]
SPEAKERS = {
    "en": [
        ("Alexander Bastrykin", "chairman", "Investigative Committee"),
        ("Sergei Shoigu", "minister", "Ministry of Defence"),
        ("Tony Radakin", "chief", "UK Ministry of Defence"),
        ("Vladimir Putin", "president", "Kremlin"),
        ("Olga Ivshina", "journalist", "BBC Russian"),
        (None, None, "Mediazona"),
        (None, None, None),
    ],
    "ru": [
        ("Александр Бастрыкин", "председатель", "СК России"),
        ("Сергей Шойгу", "министр", "Минобороны"),
        ("Дмитрий Медведев", "зампред", "Совбез"),
        ("Владимир Путин", "президент", "Кремль"),
        (None, None, "Медиазона"),
        (None, None, "Британская разведка"),
        (None, None, None),
    ],
}
COUNTED = {
    "en": [
        "soldiers killed",
        "migrants detained",
        "recruits signed up",
        "servicemen wounded",
        "contracts signed",
        "naturalized citizens registered",
        "troops deployed",
        "foreigners recruited",
        "people mobilised",
    ],
    "ru": [
        "военных погибли",
        "мигрантов задержаны",
        "контрактников подписали",
        "военнослужащих ранены",
        "граждан мобилизованы",
        "иностранцев завербованы",
        "человек призваны",
        "военных опознаны",
    ],
}
VERB = {"en": "said", "ru": "заявил"}
PLACES = {
    "en": ["Moscow", "Kursk", "Belgorod", "Donetsk", "Rostov", "Kherson", "Bakhmut", "Avdiivka"],
    "ru": ["Москве", "Курске", "Белгороде", "Донецке", "Ростове", "Херсоне", "Бахмуте", "Авдеевке"],
}


# (place as written, country, region, lat, lon) of the generated incidents
INCIDENT_PLACES = [
    ("Moscow", "RU", "RU-MOW", 55.75, 37.62),
    ("Kazan", "RU", "RU-TA", 55.79, 49.12),
    ("Kursk", "RU", "RU-KRS", 51.73, 36.19),
    ("Pokrovsk", "UA", "UA-14", 48.28, 37.18),
    ("Kherson", "UA", "UA-65", 46.64, 32.61),
    ("Zarechnoye", None, None, None, None),
]
INCIDENT_KINDS = ["raid", "detention", "draft_notice", "enlistment", "contract", "death", "deployment", "law"]
ACTORS = ["police", "Полиция", "the Investigative Committee", "военкомат", None]


def incidents_of(rnd: random.Random, claims: list, day: date) -> list:
    """An incident for every fourth claim of a document, each linked to its claim."""
    from tallybook.ledger.models import Incident

    out = []
    for c in claims[::4]:
        raw, country, region, lat, lon = rnd.choice(INCIDENT_PLACES)
        kind = rnd.choice(INCIDENT_KINDS)
        out.append(
            Incident(
                document_id=c.document_id,
                type=kind,
                start=c.sentence_start,
                end=c.sentence_start + 4,
                text=c.sentence_text[:4],
                sentence_start=c.sentence_start,
                sentence_end=c.sentence_end,
                sentence_text=c.sentence_text,
                lang=c.lang,
                actor=rnd.choice(ACTORS),
                affected=c.counted,
                place_raw=raw,
                place_name=raw if country else None,
                country=country,
                region=region,
                precision="city" if country else "unknown",
                lat=lat,
                lon=lon,
                date=(day - timedelta(days=rnd.randrange(5))).isoformat(),
                date_precision="day",
                acled_sub_event="Arrests",
                extractor_version="bench",
                published_on=day,
                status=rnd.choice(["new"] * 8 + ["accepted", "rejected"]),
            )
        )
    return out


def sentence(rnd: random.Random, lang: str, value: int) -> tuple[str, str, dict]:
    """(sentence, figure text, claim fields) for one generated claim."""
    who, role, org = rnd.choice(SPEAKERS[lang])
    counted = rnd.choice(COUNTED[lang])
    place = rnd.choice(PLACES[lang])
    figure = f"{value:,}".replace(",", " " if lang == "ru" else ",")
    source = who or org or ("officials" if lang == "en" else "источник")
    if lang == "en":
        text = f"{source} said {figure} {counted} near {place} in week {rnd.randint(1, 52)}."
    else:
        text = f"{source} заявил, что {figure} {counted} под {place} за неделю {rnd.randint(1, 52)}."
    fields = dict(speaker=who, speaker_role=role, speaker_org=org, counted=counted, cue=VERB[lang])
    return text, figure, fields


def generate(n_claims: int, seed: int = 11) -> tuple[int, int]:
    """Fill the connected ledger with `n_claims` claims; (documents, claims)."""
    from tallybook.ledger.models import Claim, Document, Incident
    from tallybook.ledger.store import content_hash

    rnd = random.Random(seed)
    first = date(2022, 2, 24)
    n_docs = n_claims // PER_DOC
    for batch in range(0, n_docs, 250):
        docs, pending = [], []
        for i in range(batch, min(batch + 250, n_docs)):
            lang = "ru" if rnd.random() < 0.4 else "en"
            day = first + timedelta(days=rnd.randrange(1200))
            parts, offset, claims = [], 0, []
            for _ in range(PER_DOC):
                value = rnd.choice([rnd.randint(1, 999), rnd.randint(1000, 999_999)])
                text, figure, fields = sentence(rnd, lang, value)
                at = text.index(figure)
                hedge = rnd.choice(HEDGES)
                claims.append(
                    dict(
                        start=offset + at,
                        end=offset + at + len(figure),
                        text=figure,
                        value=float(value),
                        value_max=float(value * 2) if hedge == "range" else None,
                        hedge=hedge,
                        unit="person",
                        measure=rnd.choice(MEASURES),
                        sentence_start=offset,
                        sentence_end=offset + len(text),
                        sentence_text=text,
                        confidence=round(rnd.uniform(0.5, 1), 2),
                        lang=lang,
                        time_ref=day.isoformat(),
                        published_on=day,
                        extractor_version="bench",
                        status=rnd.choice(["new"] * 8 + ["accepted", "rejected"]),
                        **fields,
                    )
                )
                parts.append(text)
                offset += len(text) + 1
            body = " ".join(parts)
            docs.append(
                Document(
                    source=f"bench/{i:06}.txt",
                    title=f"Report {i} ({lang})",
                    published=day.isoformat(),
                    published_on=day,
                    lang=lang,
                    text=body,
                    content_hash=content_hash(body),
                )
            )
            pending.append(claims)
        made = Document.objects.bulk_create(docs)
        rows = Claim.objects.bulk_create(
            [Claim(document=d, **c) for d, cs in zip(made, pending) for c in cs], batch_size=2000
        )
        events = []
        for k, d in enumerate(made):  # each document's PER_DOC claims, in order
            events += incidents_of(rnd, rows[k * PER_DOC : (k + 1) * PER_DOC], d.published_on)
        events = Incident.objects.bulk_create(events, batch_size=2000)
        by_sentence = {(c.document_id, c.sentence_start): c.id for c in rows}
        links = [
            Incident.claims.through(incident_id=e.id, claim_id=by_sentence[e.document_id, e.sentence_start])
            for e in events
        ]
        Incident.claims.through.objects.bulk_create(links, batch_size=5000)
    return n_docs, n_docs * PER_DOC


def add_user(name: str) -> None:
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(name, password=PASSWORD)
    user.groups.set([Group.objects.get_or_create(name="viewer")[0]])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str, log: Path) -> tuple[subprocess.Popen, str]:
    """`tallybook serve` on a free port, answering; (process, base URL)."""
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tallybook.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--db", db],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"web_speed: serve exited:\n{log.read_text()[-2000:]}")
        try:
            requests.get(base + "/accounts/login/", timeout=5)
            return proc, base
        except (requests.ConnectionError, requests.Timeout):  # not up yet, or busy starting on a loaded machine
            time.sleep(0.2)
    proc.kill()
    sys.exit("web_speed: serve did not answer in 180 s")


def logged_in(base: str, name: str) -> requests.Session:
    s = requests.Session()
    page = s.get(base + "/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    r = s.post(
        base + "/accounts/login/",
        data={"username": name, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": base + "/accounts/login/"},
        timeout=30,
        allow_redirects=False,
    )
    assert r.status_code == 302, f"login failed: {r.status_code}"
    return s


def static_path(session: requests.Session, base: str) -> str:
    """A static file the login page links to (the first script or stylesheet)."""
    page = session.get(base + "/accounts/login/", timeout=30).text
    found = re.search(r'(?:src|href)="(/static/[^"]+)"', page)
    return found.group(1) if found else "/static/vendor/htmx/htmx.min.js"


def timings(session: requests.Session, url: str, n: int) -> tuple[float, float, requests.Response]:
    """(median ms, p95 ms, last response) of `n` GETs of `url`, after two warm-up requests."""
    for _ in range(2):
        session.get(url, timeout=60).raise_for_status()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        r = session.get(url, timeout=60)
        times.append((time.perf_counter() - start) * 1000)
        r.raise_for_status()
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * n) - 1)], r


PAGES = [
    ("claims, no filter", "/claims/"),
    ("claims, measure + lang", "/claims/?measure=casualties.killed&lang=ru"),
    (
        "claims, measure + dates + hedge",
        "/claims/?measure=recruitment.mobilized&since=2023-01-01&until=2023-12-31&hedge=approx",
    ),
    ("claims, speaker + sort by value", "/claims/?speaker=Shoigu&sort=-value"),
    ("claims, status, page 20", "/claims/?status=new&page=20"),
    ("search 'Bastrykin'", "/claims/?q=Bastrykin"),
    (
        "search 'Бастрыкин Курске'",
        "/claims/?q=%D0%91%D0%B0%D1%81%D1%82%D1%80%D1%8B%D0%BA%D0%B8%D0%BD+%D0%9A%D1%83%D1%80%D1%81%D0%BA%D0%B5",
    ),
    ("search 'soldiers killed' + lang", "/claims/?q=soldiers+killed&lang=en"),
    ("search 'week 7' + measure", "/claims/?q=week+7&measure=raids.detentions"),
    ("incidents, no filter", "/incidents/"),
    ("incidents, type + country", "/incidents/?type=raid&country=RU"),
    ("incidents, region + dates", "/incidents/?region=UA-14&since=2023-01-01&until=2023-12-31"),
    ("incidents, actor (Cyrillic)", "/incidents/?actor=%D0%BF%D0%BE%D0%BB%D0%B8%D1%86%D0%B8%D1%8F"),
    ("incidents, status, page 20", "/incidents/?status=new&page=20"),
    ("incidents map page", "/incidents/map/?type=death"),
]


def bench(label: str, db: str, n_claims: int, n: int, tmp: Path) -> list[tuple[str, float]]:
    """Generate, serve and time one backend; [(page, p95 ms)]."""
    from tallybook import ledger

    ledger.connect(db)
    start = time.perf_counter()
    docs, claims = generate(n_claims)
    add_user("bench")
    ledger.disconnect()
    print(f"\n{label}: {claims:,} claims in {docs:,} documents, generated in {time.perf_counter() - start:.1f} s")
    proc, base = serve(db, tmp / f"serve-{label}.log")
    p95s = []
    try:
        s = logged_in(base, "bench")
        baseline = [("login page (baseline)", "/accounts/login/"), ("static file (baseline)", static_path(s, base))]
        base_median = None
        print(f"{'page':<36} {'median':>8} {'p95':>8} {'KB':>6} {'rows':>5}  median/login")
        for name, path in baseline + PAGES:
            median, p95, r = timings(s, base + path, n)
            base_median = base_median or median
            rows = r.text.count("data-claim-id=") + r.text.count("data-incident-id=")
            print(
                f"{name:<36} {median:>6.1f}ms {p95:>6.1f}ms {len(r.content) / 1024:>6.1f} {rows:>5}  "
                f"{median / base_median:>5.1f}x"
            )
            if not name.endswith("(baseline)"):
                p95s.append((name, p95))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return p95s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=50, help="timed requests per page")
    ap.add_argument("--pg", default=os.environ.get("TALLYBOOK_TEST_POSTGRES"))
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        results += [
            ("SQLite", *r)
            for r in bench("SQLite", f"sqlite:///{tmp}/bench.sqlite3", args.claims, args.requests, Path(tmp))
        ]
        if args.pg:
            url, drop = pg_scratch(args.pg)
            try:
                results += [("PostgreSQL", *r) for r in bench("PostgreSQL", url, args.claims, args.requests, Path(tmp))]
            finally:
                from tallybook import ledger

                ledger.disconnect()
                drop()
        else:
            print("\nPostgreSQL: skipped (no --pg URL or $TALLYBOOK_TEST_POSTGRES)")
    slow = [(db, name, p95) for db, name, p95 in results if p95 >= 200]
    print(
        f"\np95 < 200 ms: {len(results) - len(slow)} of {len(results)} pages"
        + "".join(f"\n  over: {db} {name} {p95:.0f} ms" for db, name, p95 in slow)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
