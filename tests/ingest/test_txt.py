"""Text files: UTF-8, BOMs, cp1251 and koi8-r Russian told apart, the header block."""

import pytest

from tallybook.ingest import IngestError, decode_text, read_txt
from tallybook.ingest.txt import russian_score

from .texts import EN, HEADER, RU, RU_2

RUSSIAN = RU + "\n\n" + RU_2 + "\n"


def test_header_becomes_metadata_and_text_is_the_body(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(HEADER + EN + "\n", encoding="utf-8")
    (doc,) = read_txt(path)
    assert doc.text == EN + "\n"
    assert (doc.source, doc.format, doc.locator) == (str(path), "txt", "")
    assert (doc.title, doc.published, doc.lang, doc.url, doc.author) == (
        "Passports and the front",
        "2024-06-27",
        "en",
        "https://example.org/a",
        None,
    )
    assert doc.text[doc.text.index("10,000") :][:6] == "10,000"  # offsets count from the body


def test_without_header_the_whole_file_is_the_text(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_bytes(EN.encode())
    (doc,) = read_txt(path)
    assert doc.text == EN and doc.title is None and doc.lang is None


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8_r"])
def test_russian_in_each_encoding_decodes_exactly(tmp_path, encoding):
    path = tmp_path / f"ru-{encoding}.txt"
    path.write_bytes(RUSSIAN.encode(encoding))
    (doc,) = read_txt(path)
    assert doc.text == RUSSIAN


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
@pytest.mark.parametrize(
    "text",
    [
        "Около 10 000 мигрантов отправлены на фронт",
        "ОКОЛО 10 000 МИГРАНТОВ ОТПРАВЛЕНЫ НА ФРОНТ",
        "Title: Новые граждане на фронте\nLanguage: ru\n\nПримерно десять тысяч новых граждан уже служат.",
    ],
)
def test_short_and_uppercase_russian(encoding, text):
    assert decode_text(text.encode(encoding), "x.txt") == text


def test_declared_encoding_wins():
    assert decode_text(RU.encode("koi8_r"), "x.txt", encoding="koi8-r") == RU


def test_wrong_declared_encoding_falls_back_to_detection():
    assert decode_text(RU.encode("utf-8"), "x.txt", encoding="ascii") == RU


def test_western_single_byte_text_is_not_read_as_russian():
    text = "The café owner said “about 300” people queued outside the recruiting office on Monday morning."
    decoded = decode_text(text.encode("cp1252"), "x.txt")
    assert "about 300" in decoded and not any("\u0400" <= c <= "\u04ff" for c in decoded)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "binary file, not text (holds NUL bytes)"),
        (b"Title: Only a header\nLanguage: en\n\n\n", "no text after the header"),
        (b"  \n\n", "no text (blank file)"),
    ],
)
def test_unreadable_text_names_file_and_problem(data, reason):
    with pytest.raises(IngestError) as e:
        list(read_txt("bad.txt", data))
    assert str(e.value) == f"bad.txt: {reason}"


@pytest.mark.parametrize(
    "text, at_least, below",
    [
        (RU, 0.6, 1.0),
        (RU.encode("cp1251").decode("koi8_r"), 0.0, 0.4),
        (RU.encode("koi8_r").decode("cp1251"), 0.0, 0.4),
        (EN, 0.0, 0.01),
    ],
)
def test_russian_score_separates_right_from_wrong_decodings(text, at_least, below):
    assert at_least <= russian_score(text) < below


@pytest.mark.parametrize(
    "text",
    [
        "Café",
        "Le café a fermé : 300 réfugiés, a déclaré le maire.",
        "Müller sagte, über 300 Männer wären gefallen.",
        "naïve façade, 12 señores",
    ],
)
def test_latin1_is_not_read_as_cyrillic(text):
    assert decode_text(text.encode("latin-1"), "x.txt") == text


@pytest.mark.parametrize("text", ["Привет", "Около 10 000", "ОКОЛО 10 000 МИГРАНТОВ"])
def test_short_cp1251_is_still_russian(text):
    assert decode_text(text.encode("cp1251"), "x.txt") == text


def test_bytes_that_read_as_neither_are_refused_in_one_line():
    data = "ÀÁÂ ÃÄÅ".encode("cp1252")  # upper-case accents alone: «АБВ ГДЕ» in cp1251
    with pytest.raises(IngestError) as e:
        decode_text(data, "x.txt")
    assert str(e.value) == (
        "x.txt: cannot tell the text encoding (not UTF-8: byte 0xc0 at offset 0; neither Russian "
        "cp1251/koi8-r nor Western Latin-1 reads as words): save it as UTF-8"
    )
