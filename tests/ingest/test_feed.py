"""RSS and Atom feeds: one Document per entry, content as plain text, dates in UTC."""

import pytest

from tallybook.ingest import IngestError, read_feed

from .texts import EN, EN_2, RU

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example News</title><link>https://example.org/</link><language>en-gb</language>
  <item>
    <title>Passports and the front</title>
    <link>https://example.org/news/passports</link>
    <guid isPermaLink="false">news-101</guid>
    <pubDate>Thu, 27 Jun 2024 13:00:00 +0300</pubDate>
    <dc:creator>Jane Roe</dc:creator>
    <description>A short teaser.</description>
    <content:encoded><![CDATA[<p>{EN}</p><p>{EN_2}</p>]]></content:encoded>
  </item>
  <item>
    <title>Only a summary</title>
    <link>https://example.org/news/summary</link>
    <description>&lt;p&gt;{EN_2}&lt;/p&gt;</description>
  </item>
  <item><title>No text at all</title><link>https://example.org/news/empty</link></item>
</channel>
</rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
  <title>Пример</title><id>urn:example:feed</id><updated>2024-06-20T12:00:00Z</updated>
  <entry>
    <title>Паспорта и фронт</title>
    <id>urn:example:entry:7</id>
    <link href="https://example.org/ru/7"/>
    <updated>2024-06-20T12:00:00Z</updated>
    <author><name>Иван Петров</name></author>
    <content type="html">&lt;p&gt;{RU}&lt;/p&gt;</content>
  </entry>
</feed>"""


def test_rss_entries(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second = read_feed(path)
    assert first.text == EN + "\n\n" + EN_2
    assert (first.locator, first.url, first.title, first.author, first.published, first.lang, first.format) == (
        "entry/news-101",
        "https://example.org/news/passports",
        "Passports and the front",
        "Jane Roe",
        "2024-06-27T10:00:00+00:00",
        "en",
        "feed",
    )
    assert second.text == EN_2
    assert (second.locator, second.published, second.author) == ("entry/https://example.org/news/summary", None, None)


def test_atom_entry(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM, encoding="utf-8")
    (doc,) = read_feed(path)
    assert (doc.text, doc.locator, doc.url, doc.title, doc.author, doc.published, doc.lang) == (
        RU,
        "entry/urn:example:entry:7",
        "https://example.org/ru/7",
        "Паспорта и фронт",
        "Иван Петров",
        "2024-06-20T12:00:00+00:00",
        "ru",
    )


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"<html><body><p>Not a feed</p></body></html>", "not an RSS/Atom feed"),
        (b'{"messages": []}', "not an RSS/Atom feed"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>',
            "feed has no entries",
        ),
    ],
)
def test_not_feeds_and_empty_feeds(data, reason):
    with pytest.raises(IngestError) as e:
        list(read_feed("feed.xml", data))
    assert str(e.value).startswith(f"feed.xml: {reason}")
