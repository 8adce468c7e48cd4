"""The Russian front-end: natasha's analysis in a spaCy Doc of the English shape."""

from pathlib import Path

import pytest

from tallybook.nlp.ru import parse

SAMPLES = sorted((Path(__file__).parents[2] / "samples").glob("ru-*.txt"))


def test_text_and_offsets_are_kept_exactly():
    text = "  Заголовок: 30 000 призывников\n\nПо словам министра,\u00a0призваны 300 000 человек.  Ещё двое.\n"
    doc = parse(text)
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


def test_each_line_starts_a_sentence():
    doc = parse("Шойгу: призовут 300 000\nМинистр обороны выступил в среду")
    assert [s.text.strip() for s in doc.sents] == ["Шойгу: призовут 300 000", "Министр обороны выступил в среду"]


def test_names_in_the_nominative_and_entity_labels():
    doc = parse("Слова Александра Бастрыкина привело издание «Коммерсантъ».")
    people = [e for e in doc.ents if e.label_ == "PER"]
    assert [e.text for e in people] == ["Александра Бастрыкина"]
    assert doc.user_data["normal"][(people[0].start_char, people[0].end_char)] == "Александр Бастрыкин"


def test_lemmas_relations_and_lexical_attributes():
    doc = parse("Он сообщил, что погибли десять тысяч военных.")
    by_text = {t.text: t for t in doc}
    assert by_text["сообщил"].lemma_ == "сообщить"
    assert by_text["Он"].dep_ == "nsubj" and by_text["Он"].head.text == "сообщил"
    assert by_text["Он"].lower_ == "он"
    assert by_text["десять"].like_num and by_text[","].is_punct


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sentence_is_one_tree(path):
    """Walking up from any token reaches its sentence's single root (no loops, no second root)."""
    doc = parse(path.read_text(encoding="utf-8"))
    for sent in doc.sents:
        roots = [t for t in sent if t.head.i == t.i]
        assert len(roots) == 1
        for tok in sent:
            steps = 0
            while tok.head.i != tok.i:
                tok = tok.head
                steps += 1
                assert steps <= len(sent)


@pytest.mark.parametrize(
    "text, abbreviations",
    [
        ("На учёт поставили 12 тыс. иностранцев за год.", ["тыс."]),
        ("Штраф составил 40 тыс. руб., сообщил суд.", ["тыс.", "руб."]),
        ("Бюджет программы — 3,5 млрд. долл. в год.", ["млрд.", "долл."]),
    ],
)
def test_a_number_abbreviation_keeps_its_period(text, abbreviations):
    """«тыс.» is one token inside one sentence, not «тыс» and a period that ends nothing."""
    doc = parse(text)
    assert doc.text == text
    assert [
        t.text for t in doc if t.text.rstrip(".").lower() in {a.rstrip(".") for a in abbreviations}
    ] == abbreviations
    assert len(list(doc.sents)) == 1
    assert [t.text for t in doc if t.text == "."] == ["."] * text.endswith(".")


def _annotations(doc, shift=0):
    """What the parse says of each word, offsets moved by `shift`; heads relative to the word."""
    words = [
        (t.idx + shift, t.text, t.pos_, t.dep_, t.head.i - t.i, t.lemma_, str(t.morph), t.ent_iob_, t.ent_type_)
        for t in doc
        if not t.is_space
    ]
    names = {(a + shift, b + shift): name for (a, b), name in doc.user_data.get("normal", {}).items()}
    return words, names


def test_lines_analysed_together_as_each_alone():
    """The models run over the sentences of all lines at once, in batches; each line's analysis
    is the one it has parsed alone (lines of different lengths, a short one between long ones)."""
    lines = [
        "Губернатор области Пётр Сидоров заявил журналистам, что в регионе набрали 1200 добровольцев.",
        "Итоги недели",
        "По данным Минобороны, за месяц контракт подписали около 800 человек. Ещё 40 отказались.",
        "Об этом сообщила пресс-служба правительства края в четверг вечером.",
    ]
    words, names, at = [], {}, 0
    for line in lines:
        w, n = _annotations(parse(line), at)
        words += w
        names |= n
        at += len(line) + 1
    assert names and any(ent for *_, ent in words)
    assert _annotations(parse("\n".join(lines))) == (words, names)


def test_the_process_keeps_its_own_blas_threads():
    """natasha's models run on one BLAS thread (their matrices are small), for the parse only:
    the process's own setting is as it was before and after."""
    from threadpoolctl import threadpool_info

    def blas_threads():
        return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]

    before = blas_threads()
    parse("Министр сообщил, что призваны 300 000 человек.")
    assert blas_threads() == before
