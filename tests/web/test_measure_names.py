"""Measures by their names, figures as people read them: the measure list, a measure's page and the
conflicts, in both languages (no raw ids, hedges or unformatted values)."""

from __future__ import annotations

import json

import pytest

from tallybook.ledger.models import Claim
from tallybook.web.templatetags.figures import shorten

DAILY = "casualties.daily_average"


def page(as_user, url: str) -> str:
    response = as_user("viewer").get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "prefix, name, hedge, value",
    [
        ("", "Average casualties per day", "approx", "1,500"),
        ("/ru", "Потери в среднем за сутки", "около", "1\u00a0500"),
    ],
)
def test_a_measure_page_names_its_measure_and_reads_its_figures(as_user, prefix, name, hedge, value):
    html = page(as_user, f"{prefix}/measures/{DAILY}/")
    assert f"<h1>{name} <small" in html and f"<title>{name}" in html
    latest = html[html.index('<table class="compact latest">') :]
    row = latest[: latest.index("</tr>", latest.index("<tbody>"))]
    assert f">{value}</a></td><td>{hedge}</td>" in row
    assert ">approx<" not in html.replace(f">{hedge}<", "") and "1500.0" not in html


def test_the_measure_list_shows_names_with_the_ids_as_titles(as_user):
    html = page(as_user, "/ru/measures/")
    assert f'<a href="/ru/measures/{DAILY}/" title="{DAILY}">Потери в среднем за сутки</a>' in html
    assert f">{DAILY}<" not in html


def test_conflicts_name_the_measure_and_read_both_figures(as_user):
    other = Claim.objects.get(text="up to 40")  # now a second daily figure of the same day, far apart
    first = Claim.objects.get(text="about 1,500")
    Claim.objects.filter(id=other.id).update(
        measure=DAILY, value=40_000, value_max=None, hedge="exact", period=first.period, time_ref=first.time_ref
    )
    html = page(as_user, "/ru/conflicts/")
    assert 'class="conflict"' in html, "the two daily figures should conflict"
    assert f'title="{DAILY}">Потери в среднем за сутки</a>' in html
    assert "40\u00a0000</a> (точно" in html and "1\u00a0500</a> (около" in html


@pytest.mark.parametrize(
    "text, size, shown",
    [
        ("Russian forces lost an average of 1,523 soldiers", 30, "Russian forces lost an…"),
        ("short enough", 30, "short enough"),
        ("Averyveryverylongwordwithoutanyspaceinit", 10, "Averyvery…"),
        ("one,  two;   three four", 15, "one, two…"),
    ],
)
def test_shorten_cuts_at_a_word_end(text, size, shown):
    assert shorten(text, size) == shown
    assert len(shorten(text, size)) <= size


def test_the_measure_list_shows_the_latest_figure_with_its_unit(as_user):
    claim = Claim.objects.get(text="500")
    Claim.objects.filter(id=claim.id).update(value=27, unit="percent")
    row = page(as_user, "/ru/measures/").split(f'data-measure="{claim.measure}"', 1)[1].split("</tr>", 1)[0]
    assert '<td class="num">27%</td>' in row
    records = json.loads(b"".join(as_user("viewer").get("/measures/export.json").streaming_content))
    assert {"measure": claim.measure, "latest": 27.0, "unit": "percent"}.items() <= next(
        r for r in records if r["measure"] == claim.measure
    ).items()
