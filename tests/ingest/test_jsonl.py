"""JSON Lines records: one Document per line; a bad line is a Failure and the rest still reads."""

import json

import pytest

from tallybook.ingest import Failure, IngestError, read_jsonl

from .texts import EN, RU


def test_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "text": EN,
                "url": "https://example.org/a",
                "published": "2024-06-27",
                "title": "A",
                "author": "Jane Roe",
                "lang": "en",
                "extra": [1, 2],
            }
        ),
        "",
        '{"text": "unterminated',
        json.dumps([1, 2]),
        json.dumps({"url": "https://example.org/no-text"}),
        json.dumps({"text": RU, "lang": "ru-RU", "published": None}, ensure_ascii=False),
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_jsonl(path))
    assert [str(i) for i in items if isinstance(i, Failure)] == [
        f"{path}: line 3: invalid JSON (Unterminated string starting at, column 10)",
        f"{path}: line 4: not a JSON object",
        f'{path}: line 5: no "text"',
    ]
    first, last = [i for i in items if not isinstance(i, Failure)]
    assert (
        first.text,
        first.locator,
        first.url,
        first.published,
        first.title,
        first.author,
        first.lang,
        first.format,
    ) == (EN, "line/1", "https://example.org/a", "2024-06-27", "A", "Jane Roe", "en", "jsonl")
    assert (last.text, last.locator, last.lang, last.published) == (RU, "line/6", "ru", None)


def test_not_utf8():
    with pytest.raises(IngestError) as e:
        list(read_jsonl("r.jsonl", json.dumps({"text": RU}, ensure_ascii=False).encode("cp1251")))
    assert str(e.value) == "r.jsonl: not UTF-8 (invalid byte at offset 10)"


def test_a_line_nested_too_deeply_fails_alone(tmp_path):
    deep = '{"text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = tmp_path / "records.jsonl"
    path.write_text(
        "\n".join([json.dumps({"text": EN}), deep, json.dumps({"text": RU}, ensure_ascii=False)]) + "\n",
        encoding="utf-8",
    )
    items = list(read_jsonl(path))
    assert [str(i) for i in items] == [str(items[0]), f"{path}: line 2: JSON nested too deeply", str(items[2])]
    assert [(i.locator, i.text) for i in (items[0], items[2])] == [("line/1", EN), ("line/3", RU)]
