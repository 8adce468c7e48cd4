"""Saved web pages: main text and metadata with trafilatura; HTML fragments to plain text."""

from __future__ import annotations

import html as entities
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura
from lxml.etree import ParserError
from trafilatura.utils import decode_file

from ..model import Document
from .base import IngestError, lang_code, load, text_or_none

# libxml2 stops at 256 levels of nesting unless told otherwise, and drops what lies deeper
PARSER = lxml.html.HTMLParser(
    huge_tree=True, collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True, encoding="utf-8"
)
# A DOCTYPE with an internal subset ("<!DOCTYPE html [<!ENTITY co "Tally">]>"), which HTML parsers do not read
SUBSET = re.compile(r"\A(\s*<!DOCTYPE[^\[>]*)\[(.*?)\]\s*>", re.IGNORECASE | re.DOTALL)
ENTITY = re.compile(r"""<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>""")
COMPRESSED = (b"\x1f\x8b", b"\x28\xb5\x2f\xfd", b"PK\x03\x04", b"BZh", b"\xfd7zXZ")  # gzip, zstd, zip, bz2, xz
BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "section", "article")


def read_html(source: str | Path, data: bytes | None = None) -> Iterator[Document]:
    """One Document: the main text of a page with its title, author, date, canonical URL and language."""
    source = str(source)
    data = load(source, data)
    if data.startswith(COMPRESSED):
        raise IngestError(source, "a compressed file, not HTML (decompress it first)")
    tree = parse_html(data)
    if tree is None:
        raise IngestError(source, "not HTML (cannot be parsed)")
    _check_body(tree, source)
    lang = lang_code(tree.get("lang"))
    page: Any = trafilatura.bare_extraction(tree, with_metadata=True, favor_recall=True)
    if page is None or not (page.text or "").strip():
        raise IngestError(source, "no main text found in the HTML")
    yield Document(
        page.text.strip(),
        source,
        format="html",
        url=text_or_none(page.url),
        title=text_or_none(page.title),
        author=text_or_none(page.author),
        published=text_or_none(page.date),
        lang=lang,
    )


def parse_html(data: bytes) -> lxml.html.HtmlElement | None:
    """The tree of a page, however deep its nesting; a DOCTYPE's own entities expanded once.

    Compressed bytes are not opened (a small gzip file can hold gigabytes): None, as for non-HTML.
    """
    if data.startswith(COMPRESSED):
        return None
    text = _without_subset(decode_file(data))
    try:
        tree = lxml.html.document_fromstring(text, parser=PARSER)
    except ValueError:  # a str holding an XML encoding declaration
        try:
            tree = lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=PARSER)
        except (ParserError, ValueError):
            return None
    except ParserError:
        return None
    return tree if len(tree) else None


def _without_subset(text: str) -> str:
    """`text` with a DOCTYPE's internal subset removed, its simple entities put in place."""
    m = SUBSET.match(text)
    if not m:
        return text
    declared = {e.group(1): e.group(2) if e.group(2) is not None else e.group(3) for e in ENTITY.finditer(m.group(2))}
    rest = text[m.end() :]
    for name, value in declared.items():
        rest = rest.replace(f"&{name};", entities.escape(value))
    return m.group(1).rstrip() + ">" + rest


def _check_body(tree: lxml.html.HtmlElement, source: str) -> None:
    """Raise when the page has no <body> or a body without any text."""
    body = tree.find("body")
    if body is None:
        raise IngestError(source, "HTML without a <body>")
    if not "".join(body.itertext()).strip():
        raise IngestError(source, "HTML body holds no text")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed content): blocks become paragraphs, entities decoded."""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for el in list(root.iter("script", "style")):
        el.drop_tree()
    for el in root.iter("br"):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter(*BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    """Spaces collapsed within lines, at most one blank line between paragraphs."""
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
