"""Telegram Desktop channel exports: one Document per post; gaps in the export handled."""

import json

import pytest

from tallybook.ingest import IngestError, read_telegram
from tallybook.ingest.telegram import message_text

from .texts import RU, RU_2

EXPORT = {
    "name": "Пример новостей",
    "type": "public_channel",
    "id": 1234567,
    "username": "example_news",
    "messages": [
        {"id": 10, "type": "service", "date": "2024-06-19T09:00:00", "action": "pin_message", "text": ""},
        {"id": 11, "type": "message", "date": "2024-06-20T12:00:00", "from": "Пример новостей", "text": RU},
        {
            "id": 12,
            "type": "message",
            "date": "2024-06-20T13:30:00",
            "text": [
                {"type": "bold", "text": "Срочно. "},
                RU_2,
                {"type": "text_link", "text": " Подробнее", "href": "https://example.org"},
            ],
        },
        {"id": 13, "type": "message", "date": "2024-06-20T14:00:00", "photo": "photos/1.jpg", "text": ""},
        {"id": 14, "type": "message", "date": "2024-06-20T15:00:00"},
        {"id": 15, "type": "message", "text": "Пост без даты: около 500 человек."},
        {"type": "message", "date": "2024-06-21T08:00:00", "text": "Пост без номера."},
        "not a message",
    ],
}


def test_one_document_per_post_with_text(tmp_path):
    path = tmp_path / "result.json"
    path.write_text(json.dumps(EXPORT, ensure_ascii=False), encoding="utf-8")
    docs = list(read_telegram(path))
    assert [(d.locator, d.url, d.published) for d in docs] == [
        ("post/11", "https://t.me/example_news/11", "2024-06-20T12:00:00"),
        ("post/12", "https://t.me/example_news/12", "2024-06-20T13:30:00"),
        ("post/15", "https://t.me/example_news/15", None),
        ("message/7", None, "2024-06-21T08:00:00"),
    ]
    assert docs[0].text == RU and docs[1].text == "Срочно. " + RU_2 + " Подробнее"
    assert {(d.title, d.format, d.source) for d in docs} == {("Пример новостей", "telegram", str(path))}


def test_without_username_there_is_no_link():
    export = {k: v for k, v in EXPORT.items() if k != "username"}
    assert {d.url for d in read_telegram("result.json", json.dumps(export).encode())} == {None}


@pytest.mark.parametrize(
    "data, reason",
    [
        (
            b'{"name": "Channel", "type": "public_channel", "id": 1}',
            'not a Telegram channel export (no "messages" list)',
        ),
        (b'{"name": "Channel", "messages": {"id": 1}}', 'not a Telegram channel export (no "messages" list)'),
        (b"[1, 2, 3]", 'not a Telegram channel export (no "messages" list)'),
        (b'{"name": "Channel", "messages": [', "invalid JSON (Expecting value at line 1, column 34)"),
        ('{"name": "Канал"}'.encode("cp1251"), "not UTF-8 JSON"),
    ],
)
def test_broken_exports_name_the_problem(data, reason):
    with pytest.raises(IngestError) as e:
        list(read_telegram("result.json", data))
    assert str(e.value) == f"result.json: {reason}"


@pytest.mark.parametrize(
    "text, plain",
    [
        ("plain", "plain"),
        (["a ", {"type": "bold", "text": "b"}, {"type": "link"}, 5, " c"], "a b c"),
        (None, ""),
        ({"text": "odd"}, ""),
    ],
)
def test_message_text(text, plain):
    assert message_text(text) == plain


DEEP = "[" * 100_000 + "]" * 100_000  # far deeper than Python's parser recurses


def test_a_message_nested_too_deeply_fails_alone(tmp_path):
    good = json.dumps(EXPORT, ensure_ascii=False)
    # the deep value goes in as the third message and as an extra member: both skipped alone
    head, rest = good.split('"messages": [', 1)
    text = (
        head
        + f'"extra": {DEEP}, "messages": ['
        + rest.replace('{"id": 12', f'{{"id": 99, "text": {DEEP}}}, {{"id": 12', 1)
    )
    path = tmp_path / "result.json"
    path.write_text(text, encoding="utf-8")
    items = list(read_telegram(path))
    assert [str(i) for i in items if not hasattr(i, "locator")] == [f"{path}: message 3: JSON nested too deeply"]
    assert [i.locator for i in items if hasattr(i, "locator")] == ["post/11", "post/12", "post/15", "message/8"]


def test_a_deep_export_that_is_broken_is_one_line(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{"name": "x", "messages": [' + DEEP[:-5], encoding="utf-8")
    with pytest.raises(IngestError) as e:
        list(read_telegram(path))
    assert str(e.value) == f"{path}: invalid JSON (the file ends inside a value)"
