"""kill -9 in the middle of an ingest: no partial document, no duplicate, and a rerun completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

import tallybook
from tallybook.ledger.models import Claim, Document

N = 200
TEMPLATE = (
    "The UK Ministry of Defence said about {a:,} Russian soldiers were killed or wounded each day. "
    "Police detained {b} migrants in Moscow on Tuesday, the Interior Ministry said.\n"
)


def corpus(folder) -> None:
    folder.mkdir()
    for i in range(N):
        (folder / f"doc-{i:03}.txt").write_text(TEMPLATE.format(a=1000 + 7 * i, b=100 + i), encoding="utf-8")


def ingest(url: str, folder) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tallybook.cli", "ingest", "--db", url, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored() -> int:
    return Document.objects.count()


def expected_claims(text: str) -> list[tuple[int, int, str]]:
    """The two claims of a corpus text: "about 1,xxx" and the number detained."""
    about = text.index("about ")
    about_end = text.index(" ", about + 6)
    detained = text.index("detained ") + 9
    return [
        (about, about_end, text[about:about_end]),
        (detained, text.index(" ", detained), text[detained : text.index(" ", detained)]),
    ]


def test_expected_claims_are_what_the_extractor_finds():
    text = TEMPLATE.format(a=1077, b=111)
    assert (
        [(c.start, c.end, c.text) for c in tallybook.extract(text, lang="en")]
        == expected_claims(text)
        == [(32, 43, "about 1,077"), (110, 113, "111")]
    )


def check_ledger() -> int:
    """Every stored document holds exactly its two claims; nothing is stored twice."""
    docs = list(Document.objects.all())
    assert len({d.source for d in docs}) == len(docs)
    got: dict[int, list] = {d.id: [] for d in docs}
    for row in Claim.objects.order_by("document_id", "start").values_list("document_id", "start", "end", "text"):
        got[row[0]].append(row[1:])
    for d in docs:
        assert got[d.id] == expected_claims(d.text), d.source
    return len(docs)


def test_kill_mid_ingest_then_resume(ledger_url, tmp_path):
    folder = tmp_path / "corpus"
    corpus(folder)
    proc = ingest(ledger_url, folder)
    deadline = time.monotonic() + 120
    while stored() < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    before = check_ledger()
    assert 20 <= before < N
    rerun = ingest(ledger_url, folder)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert (
        out == f"documents: {N - before} added, {before} unchanged, 0 replaced, 0 failed; claims: {2 * (N - before)}\n"
    )
    assert check_ledger() == N
    assert Claim.objects.count() == 2 * N


class Trickle:
    """A server on 127.0.0.1 that answers every GET with a body sent a byte a second (for ever,
    or until the client goes); it stops with the test."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                try:
                    for _ in range(100_000):
                        self.wfile.write(b"x")
                        self.wfile.flush()
                        time.sleep(1)
                except OSError:
                    pass

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/slow.txt"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def trickle():
    server = Trickle()
    yield server
    server.stop()


def test_failures_stream_and_ctrl_c_still_prints_the_summary(ledger_url, tmp_path, trickle):
    (tmp_path / "empty.txt").write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text(TEMPLATE.format(a=1234, b=56), encoding="utf-8")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tallybook.cli",
            "ingest",
            "--db",
            ledger_url,
            str(tmp_path / "empty.txt"),
            str(good),
            trickle.url,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = proc.stderr.readline()  # printed while the fetch still hangs, not at the end
        assert first == f"tallybook: {tmp_path / 'empty.txt'}: empty file\n"
        deadline = time.monotonic() + 60
        while stored() < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)
        assert proc.poll() is None, "the fetch should still be running"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert out == "documents: 1 added, 0 unchanged, 0 replaced, 1 failed; claims: 2 (stopped by Ctrl-C)\n"
    assert "Traceback" not in err


def kill_when(proc: subprocess.Popen, ready, settle: float) -> None:
    """kill -9 `proc` `settle` seconds after `ready()` first holds (within two minutes)."""
    deadline = time.monotonic() + 120
    while not ready() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(settle)
    assert proc.poll() is None, "the ingest finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def small_docs(folder, n: int) -> list[str]:
    folder.mkdir()
    paths = []
    for i in range(n):
        path = folder / f"doc-{i:03}.txt"
        path.write_text(TEMPLATE.format(a=2000 + 7 * i, b=300 + i), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_kill_mid_url_fetch_then_resume(ledger_url, tmp_path, trickle):
    first, then = small_docs(tmp_path / "first", 5), small_docs(tmp_path / "then", 5)
    args = [sys.executable, "-m", "tallybook.cli", "ingest", "--db", ledger_url]
    proc = subprocess.Popen(args + [*first, trickle.url, *then], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    kill_when(proc, lambda: stored() == 5, settle=1.5)  # the five stored, the fetch hanging
    assert check_ledger() == 5
    rerun = subprocess.run(
        args + ["--timeout", "1", *first, trickle.url, *then], capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 1
    assert rerun.stdout == "documents: 5 added, 5 unchanged, 0 replaced, 1 failed; claims: 10\n"
    assert f"tallybook: {trickle.url}: timed out after 1 s" in rerun.stderr
    assert check_ledger() == 10


def test_kill_mid_long_document_then_resume(ledger_url, tmp_path):
    first = small_docs(tmp_path / "first", 3)
    # 1.1 M characters: eleven pieces, each of a hundred reports' sentences and a long gap, so the
    # reading takes many seconds (the kill falls inside it) while the text stays cheap to make
    sentences = [TEMPLATE.format(a=5000 + i, b=600 + i) for i in range(1100)]
    pieces = ["".join(sentences[k : k + 100]) + "\n\n" + " " * 80_000 + "\n\n" for k in range(0, 1100, 100)]
    text = "".join(pieces)
    assert len(text) > 1_000_000
    long = tmp_path / "long.txt"
    long.write_text(text, encoding="utf-8")
    args = [sys.executable, "-m", "tallybook.cli", "ingest", "--db", ledger_url, *first, str(long)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    kill_when(proc, lambda: stored() == 3, settle=0.5)
    assert not Document.objects.filter(source=str(long)).exists()  # never half there
    assert Claim.objects.count() == 6
    rerun = subprocess.run(args, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout == "documents: 1 added, 3 unchanged, 0 replaced, 0 failed; claims: 2200\n"
    doc = Document.objects.get(source=str(long))
    assert doc.text == text
    claims = list(doc.claims.order_by("start"))
    assert len(claims) == 2200 and all(text[c.start : c.end] == c.text for c in claims)
    assert [c.text for c in claims[-2:]] == ["about 6,099", "1699"]
