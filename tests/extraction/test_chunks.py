"""Long texts: cut into pieces at paragraph, sentence or word breaks; claims keep whole-text offsets."""

import pytest

import tallybook
from tallybook.extraction.chunks import CHUNK, chunks

SENTENCE = "Police detained 500 migrants in Moscow on Tuesday, the Interior Ministry said."


@pytest.mark.parametrize(
    "text, size, pieces",
    [
        ("aaaa\n\nbbbb\n\ncccc", 10, ["aaaa\n\n", "bbbb\n\ncccc"]),
        ("One two. Three four. Five six.", 14, ["One two. ", "Three four. ", "Five six."]),
        ("one two three four five", 10, ["one two ", "three ", "four five"]),
        ("abcdefghijklmnopqrstuvwxyz", 10, ["abcdefghij", "klmnopqrst", "uvwxyz"]),
        ("short", 10, ["short"]),
        ("", 10, []),
    ],
)
def test_pieces_cover_the_text_and_cut_at_breaks(text, size, pieces):
    got = list(chunks(text, size))
    assert [text[a:b] for a, b in got] == pieces
    assert all(b - a <= size for a, b in got)


def test_a_text_over_spacys_limit_is_read_with_offsets_into_the_whole():
    # Three figures far apart, with over a million characters of (cheap to parse) space between.
    gap = ("\n\n" + " " * 5_000) * 110
    text = SENTENCE + gap + SENTENCE.replace("500", "600") + gap + SENTENCE.replace("500", "700")
    assert len(text) > 1_000_000 and len(text) > 10 * CHUNK
    claims = tallybook.extract(text, lang="en")
    assert [(c.text, text[c.start : c.end], text[c.sentence[0] : c.sentence[1]].strip()) for c in claims] == [
        ("500", "500", SENTENCE),
        ("600", "600", SENTENCE.replace("500", "600")),
        ("700", "700", SENTENCE.replace("500", "700")),
    ]
    assert [c.speaker for c in claims] == [tallybook.extract(SENTENCE, lang="en")[0].speaker] * 3
