"""Saved web pages: main text and metadata; pages without a body are refused with a reason."""

import pytest

from tallybook.ingest import IngestError, read_html
from tallybook.ingest.html import html_to_text

from .texts import EN, EN_2, RU

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>Passports and the front | Example News</title>
  <meta name="author" content="Jane Roe">
  <meta property="article:published_time" content="2024-06-27T10:00:00+00:00">
  <link rel="canonical" href="https://example.org/news/passports">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Passports and the front</h1>
    <p>{EN}</p>
    <p>{EN_2}</p>
  </article>
  <footer>Copyright Example News</footer>
</body>
</html>"""


def test_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = read_html(path)
    assert EN in doc.text and EN_2 in doc.text
    assert "Copyright" not in doc.text and "World" not in doc.text
    assert (doc.format, doc.url, doc.author, doc.published, doc.lang) == (
        "html",
        "https://example.org/news/passports",
        "Jane Roe",
        "2024-06-27",
        "en",
    )
    assert doc.title == "Passports and the front"


def test_cp1251_page_with_meta_charset(tmp_path):
    page = f'<html><head><meta charset="windows-1251"><title>Т</title></head><body><article><p>{RU}</p></article></body></html>'
    path = tmp_path / "ru.htm"
    path.write_bytes(page.encode("cp1251"))
    (doc,) = read_html(path)
    assert doc.text == RU


@pytest.mark.parametrize(
    "page, reason",
    [
        ("<html><head><title>Nothing here</title></head></html>", "HTML without a <body>"),
        ("<html><head><title>Nothing</title></head><body>  <div> </div> </body></html>", "HTML body holds no text"),
        ("<html><body><script>var x = 1;</script></body></html>", "no main text found in the HTML"),
        ("", "empty file"),
    ],
)
def test_pages_without_text_are_refused(page, reason):
    with pytest.raises(IngestError) as e:
        list(read_html("saved.html", page.encode()))
    assert str(e.value) == f"saved.html: {reason}"


@pytest.mark.parametrize(
    "fragment, text",
    [
        ("<p>One &amp; two</p><p>Three<br>four</p>", "One & two\n\nThree\nfour"),
        ("plain   words, no tags", "plain words, no tags"),
        ("<ul><li>a</li><li>b</li></ul><script>alert(1)</script>", "a\n\nb"),
        ("<div><p>Nested</p></div>&nbsp;", "Nested"),
        ("", ""),
    ],
)
def test_html_to_text(fragment, text):
    assert html_to_text(fragment) == text


STATEMENT = "<p>Police detained 500 migrants in Moscow on Tuesday, the Interior Ministry said in a statement.</p>"


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>" + "<div>" * 400 + STATEMENT + "</div>" * 400 + "</body></html>",
        '<!DOCTYPE note [<!ENTITY desk "Tally Desk">]>\n<html><head><title>&desk;</title></head><body>'
        + STATEMENT
        + "</body></html>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" '
        '[<!ENTITY desk "Tally Desk">]>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        + STATEMENT
        + "</body></html>",
    ],
)
def test_deep_nesting_and_doctype_entities_keep_the_text(page):
    (doc,) = read_html("saved.html", page.encode())
    assert doc.text == "Police detained 500 migrants in Moscow on Tuesday, the Interior Ministry said in a statement."


def test_a_compressed_page_is_refused_unopened():
    import gzip

    with pytest.raises(IngestError) as e:
        list(read_html("saved.html", gzip.compress(b"<html><body><p>x</p></body></html>")))
    assert str(e.value) == "saved.html: a compressed file, not HTML (decompress it first)"
