"""Reading a batch of sources: files, directories, URL lists and URLs; failures yielded, never raised."""

from __future__ import annotations

import glob
import gzip
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path

from ..model import Document
from .base import MB, Failure, IngestError, brief, size_text
from .formats import READERS, kind_of_suffix, sniff
from .web import MAX_BYTES as URL_MAX_BYTES
from .web import TIMEOUT, is_url, read_url

MAX_BYTES = 100 * MB
URL_LIST = ".urls"
GZIP = ".gz"


def read_sources(
    paths: Iterable[str],
    *,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    url_max_bytes: int = URL_MAX_BYTES,
    follow_symlinks: bool = False,
) -> Iterator[Document | Failure]:
    """Documents from files, directories (recursive), `.urls` lists and http(s) URLs, in order.

    Whatever cannot be read is yielded as a Failure with a one-line reason, so one bad source
    never stops the batch. Directories yield every file of a known suffix (not `.urls` lists:
    naming a folder never fetches from the network); hidden files and folders are skipped, and
    a symbolic link that leads out of the directory is refused unless `follow_symlinks`.
    """
    for item in map(str, paths):
        if is_url(item):
            yield from _fetch(item, timeout, url_max_bytes)
        elif Path(item).is_dir():
            for path in walk(Path(item), follow_symlinks):
                yield from [path] if isinstance(path, Failure) else read_file(path, max_bytes=max_bytes)
        elif item.lower().endswith(URL_LIST):
            for entry in url_list(item, max_bytes):
                yield from [entry] if isinstance(entry, Failure) else _fetch(entry, timeout, url_max_bytes)
        elif is_pattern(item):
            yield from _matching(item, max_bytes)
        else:
            yield from read_file(item, max_bytes=max_bytes)


def is_pattern(item: str) -> bool:
    """A glob pattern ("archive/**/*.jsonl.gz") rather than a path that exists."""
    return any(ch in item for ch in "*?[") and not Path(item).exists()


def _matching(pattern: str, max_bytes: int) -> Iterator[Document | Failure]:
    """The documents of every file a glob pattern matches ("**" reaches into subfolders), taken as
    the pattern yields them (a million matches are never listed at once); none is a Failure."""
    found = False
    for name in glob.iglob(pattern, recursive=True):
        path = Path(name)
        if path.is_file() and not path.name.startswith("."):
            found = True
            yield from read_file(path, max_bytes=max_bytes)
    if not found:
        yield Failure(pattern, "no file matches this pattern")


def _fetch(url: str, timeout: float, max_bytes: int) -> Iterator[Document | Failure]:
    """The Documents of one URL, with a Failure for whatever goes wrong."""
    return guarded(url, lambda: read_url(url, timeout=timeout, max_bytes=max_bytes))


def read_file(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Iterator[Document | Failure]:
    """The Documents of one file, read by its suffix or, for an unknown suffix, its first bytes."""
    source = str(path)
    return guarded(source, lambda: _read_checked(Path(path), source, max_bytes))


def _read_checked(path: Path, source: str, max_bytes: int) -> Iterator[Document | Failure]:
    """Check existence and size before reading anything, then pick the reader."""
    size = _size(path, source)
    if size == 0:
        raise IngestError(source, "empty file")
    if size > max_bytes:
        raise IngestError(source, f"too large: {size_text(size)} > {size_text(max_bytes)} limit")
    if path.suffix.lower() == GZIP:
        return _read_gzip(path, source, max_bytes)
    kind = kind_of_suffix(path.suffix) or _sniff_file(path)
    if kind is None:
        raise IngestError(source, f"unknown file type ({path.suffix or 'no suffix'})")
    return READERS[kind](source, path.read_bytes())


def _read_gzip(path: Path, source: str, max_bytes: int) -> Iterator[Document | Failure]:
    """A gzip-compressed file (`news.jsonl.gz`), read by the reader of the suffix inside, its
    uncompressed size held to the same limit."""
    inner = Path(path.stem).suffix
    kind = kind_of_suffix(inner)
    try:
        with gzip.open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except (OSError, EOFError) as e:
        raise IngestError(source, f"not a readable gzip file ({brief(e)})") from None
    if len(data) > max_bytes:
        raise IngestError(source, f"too large uncompressed: over the {size_text(max_bytes)} limit")
    kind = kind or sniff(data)
    if kind is None:
        raise IngestError(source, f"unknown file type inside ({inner or 'no suffix'}.gz)")
    return READERS[kind](source, data)


def _size(path: Path, source: str) -> int:
    """The size of a regular file; IngestError when it is missing or not a file."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise IngestError(source, "no such file") from None
    except OSError as e:
        raise IngestError(source, f"cannot be read ({e.strerror or e})") from None
    if not path.is_file():
        raise IngestError(source, "not a regular file")
    return stat.st_size


def _sniff_file(path: Path) -> str | None:
    """The reader kind suggested by a file's first 4 KB."""
    with path.open("rb") as f:
        return sniff(f.read(4096))


def guarded(source: str, read: Callable[[], Iterable[Document | Failure]]) -> Iterator[Document | Failure]:
    """The items of `read()`; an error, raised at any point, ends them with a Failure instead."""
    try:
        yield from read()
    except IngestError as e:
        yield Failure(e.source, e.reason)
    except Exception as e:  # a reader's bug or a library's surprise must not stop the batch
        yield Failure(source, f"unexpected error ({type(e).__name__}: {brief(e)})")


RUN = 100_000  # a folder's files sorted together: a folder of up to this many is walked in name order


def walk(root: Path, follow_symlinks: bool = False, run: int = RUN) -> Iterator[Path | Failure]:
    """Files of a known suffix under `root`, skipping hidden files and directories: a folder's
    files in name order, then its subfolders, each walked the same way.

    Folders are read entry by entry (os.scandir), never listed whole, so a folder of millions of
    files costs the memory of `run` entries: its files come in runs of `run` as the filesystem
    lists them, each run sorted, and the first comes before the rest are read. A folder of up to
    `run` files is in name order; a larger one in an order that stays the same while the folder
    does (on one filesystem). The ledger does not depend on it (a document is known by its
    source, so a rerun skips what is stored whatever the order); a fresh ledger's ids and
    `extract`'s output follow it. Subfolder names are held until walked, as os.walk holds them.

    A symbolic link whose target lies outside `root` is a Failure (a folder received from others
    may hold a link to /etc/passwd), unless `follow_symlinks`; a linked folder inside is not
    walked twice; a folder that cannot be read is a Failure.
    """
    top = root.resolve()
    seen: set[Path] = set()
    pending = [root]
    while pending:
        here = pending.pop()
        real = here.resolve()
        if real in seen or (here != root and not follow_symlinks and _outside(real, top)):
            if real not in seen:
                yield Failure(str(here), f"symbolic link out of {root} (to {real}); --follow-symlinks reads it")
            continue
        seen.add(real)
        try:
            listing = os.scandir(here)
        except OSError as e:
            yield Failure(str(here), f"folder cannot be read ({e.strerror or brief(e)})")
            continue
        subfolders: list[str] = []
        with listing:
            while entries := sorted(islice(listing, run), key=lambda e: e.name):
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if _is_dir(entry):
                        subfolders.append(entry.name)
                    elif _known(entry.name):
                        yield _checked(here / entry.name, entry, root, top, follow_symlinks)
        pending.extend(here / name for name in sorted(subfolders, reverse=True))


def _is_dir(entry: os.DirEntry) -> bool:
    """A folder, or a link to one (as os.walk with followlinks)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _checked(path: Path, entry: os.DirEntry, root: Path, top: Path, follow_symlinks: bool) -> Path | Failure:
    """`path`, or a Failure for a symbolic link out of `top` (only a link needs resolving: a file
    of a folder inside is inside)."""
    if follow_symlinks or not entry.is_symlink():
        return path
    target = path.resolve()
    if _outside(target, top):
        return Failure(str(path), f"symbolic link out of {root} (to {target}); --follow-symlinks reads it")
    return path


def _known(name: str) -> bool:
    """A file name a reader takes: a known suffix, or one under `.gz` ("a.jsonl.gz")."""
    path = Path(name)
    if path.suffix.lower() == GZIP:
        path = Path(path.stem)
    return kind_of_suffix(path.suffix) is not None


def _outside(path: Path, top: Path) -> bool:
    return path != top and top not in path.parents


def url_list(path: str, max_bytes: int = MAX_BYTES) -> Iterator[str | Failure]:
    """The URLs of a `.urls` file, one a line ("#" comments and blank lines skipped); bad lines as Failures."""
    try:
        size = _size(Path(path), path)
        if size > max_bytes:
            raise IngestError(path, f"too large: {size_text(size)} > {size_text(max_bytes)} limit")
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except IngestError as e:
        yield Failure(e.source, e.reason)
        return
    except (OSError, UnicodeDecodeError) as e:
        yield Failure(path, f"cannot be read as a URL list ({brief(e)})")
        return
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield line if is_url(line) else Failure(path, f"line {n}: not an http(s) URL: {line[:60]}")
