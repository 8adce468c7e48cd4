"""The extractor's version: the package version and a digest of every file that decides what is
extracted (rules, lexicons, packs), so a changed word list gives a new version and `reextract`
knows the ledger's claims were made by another extractor."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# What extraction depends on, relative to the package: the rules and the data they walk.
RULE_FILES = (
    "model.py",
    "schema.py",
    "languages.py",
    "numbers/*.py",
    "nlp/*.py",
    "extraction/*.py",
    "lexicons/*.py",
    "lexicons/*.toml",
    "packs/*.toml",
)


def rules_digest(root: Path = PACKAGE) -> str:
    """sha256 over the names and contents of the RULE_FILES under `root`, in a fixed order."""
    digest = hashlib.sha256()
    for path in sorted({p for pattern in RULE_FILES for p in root.glob(pattern)}):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def extractor_version(package_version: str, root: Path = PACKAGE) -> str:
    """ "0.1.0+3f2a9c1d0b": the package version and the first ten hex digits of rules_digest."""
    return f"{package_version}+{rules_digest(root)[:10]}"


@cache
def current(package_version: str) -> str:
    """extractor_version of the installed package (computed once per process)."""
    return extractor_version(package_version)
