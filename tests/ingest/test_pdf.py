"""PDFs: text page by page with page offsets; damaged, disguised, encrypted and scanned files refused."""

import pytest

from tallybook.ingest import IngestError, read_pdf
from tallybook.ingest.pdf import join_pages

from .conftest import pdf_bytes
from .texts import EN, EN_2, RU


def squeeze(text: str) -> str:
    """Text with all whitespace removed: PDF text layers wrap lines where the page did."""
    return "".join(text.split())


def test_pages_are_joined_and_their_starts_kept(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf_bytes([EN, EN_2]))
    (doc,) = read_pdf(path)
    assert doc.format == "pdf" and len(doc.pages) == 2 and doc.pages[0] == 0
    first, second = doc.text[: doc.pages[1]], doc.text[doc.pages[1] :]
    assert squeeze(first) == squeeze(EN) and first.endswith("\n\n")
    assert squeeze(second) == squeeze(EN_2)
    assert (doc.title, doc.author, doc.published) == ("Recruitment figures", "Tally Desk", "2024-06-20T12:00:00+00:00")


def test_cyrillic_text_layer(tmp_path, font):
    path = tmp_path / "ru.pdf"
    path.write_bytes(pdf_bytes([RU, EN], font=font))
    (doc,) = read_pdf(path)
    assert squeeze(doc.text[: doc.pages[1]]) == squeeze(RU)
    assert squeeze(doc.text[doc.pages[1] :]) == squeeze(EN)


def test_password_free_encryption_is_read():
    (doc,) = read_pdf("open.pdf", pdf_bytes([EN], encrypt={"owner_password": "owner"}))
    assert squeeze(doc.text) == squeeze(EN)


GOOD = pdf_bytes([EN, EN_2])


@pytest.mark.parametrize(
    "data, reason",
    [
        (GOOD[: len(GOOD) // 2], "truncated or damaged PDF (no end-of-file marker)"),
        (GOOD[:-64], "truncated or damaged PDF (no end-of-file marker)"),
        (GOOD[: GOOD.rfind(b"xref")] + b"%%EOF\n", "truncated or damaged PDF (startxref not found)"),
        (b"<html><head><title>Login</title></head><body>Sign in</body></html>", "not a PDF (starts with <html>)"),
        (b"<!DOCTYPE html><html></html>", "not a PDF (starts with <!doctype>)"),
        (b"PK\x03\x04\x14\x00\x00\x00", "not a PDF (starts with 'PK\\x03\\x04\\x14\\x00\\x00\\x00')"),
        (pdf_bytes([None, None]), "no text layer (scanned?)"),
        (
            pdf_bytes([EN], encrypt={"owner_password": "o", "user_password": "secret"}),
            "encrypted PDF (needs a password)",
        ),
        (b"", "empty file"),
    ],
)
def test_unreadable_pdfs_name_the_problem(data, reason):
    with pytest.raises(IngestError) as e:
        list(read_pdf("report.pdf", data))
    assert str(e.value) == f"report.pdf: {reason}"


@pytest.mark.parametrize(
    "texts, joined, starts",
    [
        (["a", "bc", "d"], "a\n\nbc\n\nd", (0, 3, 7)),
        (["a", "", "d"], "a\n\n\n\nd", (0, 3, 5)),
        (["only"], "only", (0,)),
    ],
)
def test_join_pages(texts, joined, starts):
    assert join_pages(texts) == (joined, starts)
