"""Figures across sources on a corpus of our own: figures that recur across English and Russian
documents, with known origins, conflicts and non-conflicts (intervals that meet, a growing
running total)."""

import math
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from tallybook import extract
from tallybook.figures import (
    Figure,
    candidates,
    conflicts,
    figures_of,
    group,
    interval,
    latest_by_source,
    origins,
    verdict,
    when,
)

# (name, published, lang, text): written for these tests
CORPUS = [
    (
        "a-en",
        "2024-06-20",
        "en",
        "Alexander Bastrykin said that around 10,000 naturalized migrants had been sent to the front.",
    ),
    (
        "b-ru",
        "2024-06-22",
        "ru",
        "По словам Александра Бастрыкина, около 10 000 натурализованных мигрантов отправлены на фронт.",
    ),
    (
        "c-en",
        "2024-07-01",
        "en",
        "Citing Bastrykin, the paper wrote that about 10,000 naturalized migrants were sent to the front.",
    ),
    (
        "d-en",
        "2025-05-21",
        "en",
        "Alexander Bastrykin said that about 20,000 naturalized migrants had been sent to the front.",
    ),
    (
        "e-en",
        "2022-03-02",
        "en",
        "The Ukrainian government said more than 15,000 Russian soldiers had been killed. "
        "The Russian defence ministry said 498 Russian soldiers had been killed.",
    ),
    ("f-ru", "2022-03-25", "ru", "Минобороны России сообщило, что погибли 1 351 российский военнослужащий."),
    ("g-en", "2022-09-21", "en", "Sergei Shoigu said 5,937 Russian soldiers had been killed."),
    (
        "h-en",
        "2024-02-20",
        "en",
        "BBC Russian said it had identified the names of 45,000 Russian soldiers killed in Ukraine.",
    ),
    ("i-ru", "2024-02-25", "ru", "Британская разведка оценила, что погибли до 60 000 российских военнослужащих."),
    ("j-en", "2024-03-10", "en", "A Russian official said that 30,000 Russian soldiers had been killed."),
]


def corpus_figures() -> list[Figure]:
    out = []
    for name, published, lang, text in CORPUS:
        claims = extract(text, lang=lang, published=published)
        out += figures_of(claims, text, name, date.fromisoformat(published), first_id=len(out))
    return out


FIGURES = corpus_figures()


def fig(doc: str, value: float) -> Figure:
    return next(f for f in FIGURES if f.doc == doc and f.value == value)


def test_the_corpus_reads_into_two_measures_across_languages():
    by_measure = {k: sorted({f.doc for f in v}) for k, v in group(FIGURES).items()}
    assert by_measure["recruitment.naturalized_sent_to_front"] == ["a-en", "b-ru", "c-en", "d-en"]
    assert by_measure["casualties.killed"] == ["e-en", "f-ru", "g-en", "h-en", "i-ru", "j-en"]


def test_origin_and_echoes_across_languages():
    (first, second) = [o for o in origins(FIGURES) if o.measure == "recruitment.naturalized_sent_to_front"]
    assert (first.origin.doc, [e.doc for e in first.echoes]) == ("a-en", ["b-ru", "c-en"])
    assert (second.origin.doc, second.echoes) == ("d-en", ())


def test_known_conflicts():
    found = {(c.a.doc, c.a.value, c.b.doc, c.b.value, c.kind) for c in conflicts(FIGURES)}
    assert found == {
        ("e-en", 15000, "e-en", 498, "disagree"),  # one day, two sides, intervals apart
        ("h-en", 45000, "j-en", 30000, "below-floor"),  # a later total under the count of names
        # Kyiv's "more than 15,000" is a floor the later Russian totals stay under
        ("e-en", 15000, "f-ru", 1351, "below-floor"),
        ("e-en", 15000, "g-en", 5937, "below-floor"),
    }


def test_known_non_conflicts():
    # a growing running total is a revision
    assert verdict(fig("f-ru", 1351), fig("g-en", 5937)) == "revision"
    # a count of names (a floor) and an estimate "up to" of the same month meet
    assert fig("h-en", 45000).names_count and not fig("i-ru", 60000).names_count
    assert verdict(fig("h-en", 45000), fig("i-ru", 60000)) is None
    # the 2024 and 2025 figures of naturalized migrants sent to the front: a revision
    assert verdict(fig("a-en", 10000), fig("d-en", 20000)) == "revision"


def test_each_source_latest_figure():
    latest = latest_by_source(group(FIGURES)["recruitment.naturalized_sent_to_front"])
    assert {k: v.value for k, v in latest.items()}["Alexander Bastrykin"] == 20000


def test_interval_convention():
    assert interval(10, None, "exact") == (10, 10)
    assert interval(10, 20, "range") == (10, 20)
    assert interval(10, None, "lower") == (10, math.inf)
    assert interval(10, None, "upper") == (0, 10)
    assert interval(100, None, "approx") == (90, 110.00000000000001)
    assert interval(100, None, "exact", names_count=True) == (100, math.inf)


def test_time_and_precision():
    assert when("2024-06", date(2024, 7, 1)) == ("2024-06", "month")
    assert when("2024", None) == ("2024", "year")
    assert when(None, date(2024, 7, 1)) == ("2024-07-01", "day")
    assert when(None, None) is None


def test_candidates_need_two_documents():
    a = Figure(1, "x", None, "~countries@africa", 36, None, "exact", None)
    b = Figure(2, "y", None, "~countries@africa", 36, None, "approx", None)
    c = Figure(3, "y", None, "~tanks", 747, None, "exact", None)
    assert [(k.key, k.documents) for k in candidates([a, b, c])] == [("~countries@africa", 2)]


measures = st.sampled_from([None, "m.a", "m.b", "~c", "m.a@x"])
figures = st.lists(
    st.builds(
        Figure,
        id=st.integers(),
        doc=st.sampled_from("pqr"),
        published=st.none(),
        measure=measures,
        value=st.floats(0, 1e6),
        value_max=st.none(),
        hedge=st.sampled_from(["exact", "approx", "lower", "upper"]),
        speaker=st.none(),
    ),
    max_size=40,
)


@given(figures)
def test_grouping_never_loses_or_duplicates_a_figure(fs):
    groups = group(fs)
    grouped = [f for g in groups.values() for f in g]
    assert sorted(map(id, grouped)) == sorted(map(id, fs))
    assert all(f.measure == k or (f.measure is None and k.startswith("(none)")) for k, g in groups.items() for f in g)


@given(figures)
def test_origins_never_duplicate_a_figure(fs):
    seen = [id(f) for o in origins(fs) for f in (o.origin, *o.echoes)]
    assert len(seen) == len(set(seen))
    assert set(seen) <= {id(f) for f in fs if f.measure}


def test_relays_say_who_repeated_whom():
    texts = [
        ("first-en", "2024-06-20", CORPUS[0][3]),
        (
            "relay-en",
            "2024-06-25",
            "The Kyiv Independent reported, citing Alexander Bastrykin, that about 10,000 naturalized migrants "
            "had been sent to the front.",
        ),
        ("bare-en", "2024-06-28", "About 10,000 naturalized migrants have been sent to the front."),
    ]
    figs: list[Figure] = []
    for name, published, text in texts:
        figs += figures_of(extract(text, lang="en", published=published), text, name, date.fromisoformat(published))
    (chain,) = [o for o in origins(figs) if o.measure == "recruitment.naturalized_sent_to_front"]
    assert chain.origin.doc == "first-en" and chain.origin.speaker_id == "alexander-bastrykin"
    relayed, bare = chain.relays
    assert (relayed.by, relayed.of, relayed.credited) == ("Kyiv Independent", "Alexander Bastrykin", True)
    assert (bare.by, bare.of, bare.credited) == ("bare-en", "Alexander Bastrykin", False)
