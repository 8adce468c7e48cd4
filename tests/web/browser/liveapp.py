"""A real `tallybook serve` on a real ledger, for the browser and schema tests.

The sample reports are ingested once per session into a template ledger; each server gets its
own copy, its own free port on 127.0.0.1, and its users, made through Django in a subprocess
(the test process keeps its own Django settings for the ledger tests).
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SAMPLES = REPO / "samples"
CHROMIUM = "/usr/bin/chromium"
# root needs --no-sandbox; the background-networking flags keep it off the (closed) network
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "correct-horse-battery-7"


class ServerError(RuntimeError):
    """The server exited or never answered; the message ends with its log."""


def sample_ledger(base: Path) -> Path:
    """A SQLite ledger of samples/, ingested once under `base` and reused."""
    path = base / "samples-template.sqlite3"
    if not path.exists():
        tmp = base / "samples-ingest.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "tallybook.cli", "ingest", "--db", f"sqlite:///{tmp}", str(SAMPLES)],
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        )
        tmp.rename(path)
    return path


def copy_ledger(template: Path, dest: Path) -> str:
    """A private copy of `template` at `dest`; its URL."""
    shutil.copy(template, dest)
    return f"sqlite:///{dest}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveApp:
    """A running `tallybook serve`: its base URL, database URL, process and log file."""

    url: str
    db: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)

    def log_tail(self, chars: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""


def serve(db: str, log: Path, timeout: float = 180) -> LiveApp:
    """Start `tallybook serve --db db` on a free port and wait until it answers HTTP."""
    port = free_port()
    out = open(log, "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "tallybook.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--db", db],
        stdout=out,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        cwd=log.parent,
    )
    out.close()
    app = LiveApp(f"http://127.0.0.1:{port}", db, process, log)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise ServerError(f"tallybook serve exited with {process.returncode}:\n{app.log_tail()}")
        if _answers(app.url + "/accounts/login/"):
            return app
        if time.monotonic() > deadline:
            app.stop()
            raise ServerError(f"tallybook serve did not answer within {timeout:.0f} s:\n{app.log_tail()}")
        time.sleep(0.2)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer means it is up
    except (OSError, urllib.error.URLError):
        return False


_DJANGO = """
import json, sys
from tallybook import ledger
ledger.connect(sys.argv[1])
"""

_ADD_USER = (
    _DJANGO
    + """
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.models import Group, User
name, password, role = sys.argv[2:5]
hasher = Argon2PasswordHasher()
user, _ = User.objects.get_or_create(username=name)
user.password = hasher.encode(password, hasher.salt())
user.is_staff = user.is_superuser = role == "admin"
user.save()
if role != "admin":
    user.groups.set([Group.objects.get_or_create(name=role)[0]])
"""
)


def django(db: str, script: str, *args: str) -> str:
    """Run `script` (after connecting Django to `db`) in a fresh Python; its stdout."""
    done = subprocess.run([sys.executable, "-c", script, db, *args], capture_output=True, text=True, timeout=300)
    if done.returncode:
        raise RuntimeError(f"django script failed:\n{done.stderr[-3000:]}")
    return done.stdout


def add_user(db: str, name: str, role: str, password: str = PASSWORD) -> None:
    """A user of `role` ("viewer", "reviewer" or "admin") with `password`, hashed with argon2."""
    django(db, _ADD_USER, name, password, role)


def claims_of_ledger(db: str, *options: str) -> list[dict]:
    """The ledger's claims as `tallybook claims --format jsonl [options]` prints them."""
    done = subprocess.run(
        [sys.executable, "-m", "tallybook.cli", "claims", "--db", db, "--format", "jsonl", *options],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def api_token(db: str, name: str) -> str:
    """A new API token for user `name`, from `tallybook token`."""
    done = subprocess.run(
        [sys.executable, "-m", "tallybook.cli", "token", "--db", db, name],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.stdout.strip().splitlines()[-1]


def login(page, name: str, password: str = PASSWORD) -> None:
    """Log a Playwright page in through the login form."""
    page.goto("/accounts/login/")
    page.fill("#id_username", name)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
