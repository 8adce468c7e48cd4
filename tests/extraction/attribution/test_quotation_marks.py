"""Where quotations start and end: marks read by their shape and place, paragraph by paragraph."""

import pytest

from tallybook.extraction.quotes import Quotes, quote_spans


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ('He said "we lost 20 men" and left.', ['"we lost 20 men"']),
        ("“It was 500,” he said. “Maybe more.”", ["“It was 500,”", "“Maybe more.”"]),
        # a curly opener closed by a straight mark, as careless copy often has it
        ('“It was 500," he said.', ['“It was 500,"']),
        ("''It was 15 years ago,'' said the clerk.", ["''It was 15 years ago,''"]),
        # Russian inner quotes: „ opens, “ closes
        ("«Они сказали „300“ человек», — заявил он.", ["«Они сказали „300“ человек»", "„300“"]),
    ],
)
def test_quotation_spans(text, expected):
    assert quoted(text) == expected


def test_a_stray_mark_does_not_flip_every_later_pair():
    text = 'The 5" screen was cheap.\n\nShe said "we paid 40 dollars" for it.'
    assert quoted(text) == ['"we paid 40 dollars"']


def test_a_quotation_left_open_runs_to_the_end_of_its_paragraph():
    text = "“We recruited 300 men in May.\n\n“Then another 200,” he said.\n\nThe 40 others stayed home."
    assert quoted(text) == ["“We recruited 300 men in May.", "“Then another 200,”"]


def test_no_quotation_crosses_a_paragraph_break():
    text = 'He wrote "one.\n\nThen 30 more" later.'
    assert all("\n" not in q for q in quoted(text))


def test_a_paragraph_closing_a_quotation_left_open_before_it_continues_it():
    text = "«Контракт подписали 190 тысяч человек.\n\nЕще 5 тысяч ждут оформления», — сказал он."
    assert quoted(text) == ["«Контракт подписали 190 тысяч человек.", "Еще 5 тысяч ждут оформления»"]


@pytest.mark.parametrize(
    "text, figure, chained",
    [
        # the next paragraph opens the quotation again, the convention of English and Russian print
        ("“We counted 900 in May.\n\n“Then another 200,” he said.", "200", 2),
        # … or only closes it
        ("«Мы насчитали 900 в мае.\n\nПотом еще 200», — сказал он.", "200", 2),
        # a quotation closed in its own paragraph does not run on
        ("“We counted 900 in May.”\n\n“Then another 200,” she said.", "200", 1),
        # nor does one that does not open its paragraph
        ("“We counted 900 in May.\n\nShe said “another 200” later.", "200", 1),
    ],
)
def test_a_quotation_over_several_paragraphs_is_one_speaker_s(text, figure, chained):
    assert len(Quotes(text).chain(text.index(figure))) == chained
