"""Every page answers a logged-in user with the ledger's contents; filters, sorting and the CSV export."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.utils.html import escape

from tallybook.ledger.models import Claim


def ids_in(html: str) -> list[int]:
    """The claim ids of the rows of table#claims, in order."""
    table = html.split('<table id="claims">', 1)[1].split("</table>", 1)[0]
    return [int(i) for i in re.findall(r'<tr data-claim-id="(\d+)"', table)]


def claim_id(text: str) -> int:
    return Claim.objects.get(text=text).id


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/", ['id="counts"', "<b>2</b>", "Night raid", "casualties.daily_average"]),
        ("/documents/", ['<form id="filters"', "Daily losses", "Night raid"]),
        ("/claims/", ['<form id="filters"', '<table id="claims">', 'id="export"']),
        ("/speakers/", ["UK Ministry of Defence", "Interior Ministry", "Kyiv"]),
        ("/measures/", ["casualties.daily_average", "raids.detentions"]),
        ("/review/", ['<ol id="queue"', "about 1,500", "up to 40"]),
        ("/measures/casualties.daily_average/", ['<div id="chart" data-points="1"', "uPlot.iife.min.js"]),
        ("/speakers/Interior Ministry/", ["Interior Ministry", 'data-claim-id="']),
    ],
)
def test_pages(as_user, url, expected):
    response = as_user("viewer").get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html


def test_document_marks_every_claim(as_user):
    doc = Claim.objects.get(text="500").document
    html = as_user("viewer").get(f"/documents/{doc.id}/").content.decode()
    marks = re.findall(
        r'<mark class="claim status-new" data-claim-id="(\d+)" tabindex="0" title="([^"]*)">'
        r'<a href="/claims/\d+/">([^<]*)</a></mark>',
        html,
    )
    assert [(int(i), span) for i, _, span in marks] == [
        (claim_id("about 1,500"), "about 1,500"),
        (claim_id("500"), "500"),
    ]
    assert "speaker: Interior Ministry" in marks[1][1] and "measure: raids.detentions" in marks[1][1]


def test_claim_page(as_user):
    cid = claim_id("500")
    html = as_user("viewer").get(f"/claims/{cid}/").content.decode()
    assert f'<mark class="claim" data-claim-id="{cid}">500</mark> migrants in Moscow on Tuesday' in html
    assert 'href="/documents/' in html and '<ul id="history">' in html
    assert 'id="review"' not in html  # a viewer sees no review form


def test_claim_page_says_why_the_speaker(as_user):
    claim = Claim.objects.get(text="12")  # "Kyiv's city administration said 12 drones were shot down"
    html = as_user("viewer").get(f"/claims/{claim.id}/").content.decode()
    assert claim.rule == "reporting_verb"
    why = re.search(r'<small class="why" id="why" title="([^"]*)" data-rule="([^"]*)">([^<]*) · “([^”]*)”', html)
    assert why.group(2, 3, 4) == ("reporting_verb", "reporting verb", "said")
    assert why.group(1).startswith("Put on ")


def test_every_attribution_rule_has_a_name_for_reviewers():
    from tallybook.extraction.attribution.rules import ORDER
    from tallybook.web.labels import RULES

    assert set(RULES) == set(ORDER)


@pytest.mark.parametrize(
    "query, texts",
    [
        ("", ["12", "up to 40", "about 1,500", "500"]),  # newest document first
        ("q=drones", ["12"]),
        ("q=migrants+Moscow", ["500"]),
        ("measure=raids.detentions", ["500"]),
        ("speaker=ministry&sort=value", ["500", "about 1,500"]),
        ("org=nobody", []),
        ("hedge=upper", ["up to 40"]),
        ("since=2024-11-20", ["12", "up to 40"]),
        ("until=2024-11-10&sort=-value", ["about 1,500", "500"]),
        ("status=new&sort=value", ["12", "up to 40", "500", "about 1,500"]),
        ("lang=ru", []),
    ],
)
def test_claims_filters(as_user, query, texts):
    html = as_user("viewer").get(f"/claims/?{query}").content.decode()
    assert ids_in(html) == [claim_id(t) for t in texts]


def test_claims_page_is_paged(as_user, monkeypatch):
    from tallybook.web.views import common

    monkeypatch.setattr(common, "PER_PAGE", 3)
    client = as_user("viewer")
    first = ids_in(client.get("/claims/?sort=value").content.decode())
    second = ids_in(client.get("/claims/?sort=value&page=2").content.decode())
    assert len(first) == 3 and len(second) == 1 and not set(first) & set(second)


def test_htmx_filter_returns_only_the_table(as_user):
    html = as_user("viewer").get("/claims/?hedge=approx", HTTP_HX_REQUEST="true").content.decode()
    assert html.startswith('<div id="results">') and "<html" not in html
    assert ids_in(html) == [claim_id("about 1,500")]


def test_export_is_this_view(as_user):
    client = as_user("viewer")
    html = client.get("/claims/?speaker=ministry&sort=value").content.decode()
    assert '<a id="export" href="/claims/export.csv?speaker=ministry&amp;sort=value">' in html
    response = client.get("/claims/export.csv?speaker=ministry&sort=value")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(r["text"], r["value"], r["speaker"]) for r in rows] == [
        ("500", "500.0", "Interior Ministry"),
        ("about 1,500", "1500.0", "UK Ministry of Defence"),
    ]


def test_measure_data(as_user):
    data = as_user("viewer").get("/measures/casualties.daily_average/data.json").json()
    assert data == {
        "measure": "casualties.daily_average",
        "series": [
            {
                "name": "UK Ministry of Defence",
                "speaker_ids": ["uk-ministry-of-defence"],
                "points": [
                    {
                        "date": "2024-11-10",
                        "value": 1500.0,
                        "lo": 1350.0,
                        "hi": 1650.0,
                        "hedge": "approx",
                        "id": claim_id("about 1,500"),
                        "speaker": "UK Ministry of Defence",
                    }
                ],
            }
        ],
    }


@pytest.mark.parametrize("url", ["/documents/999/", "/claims/999/", "/measures/nope/", "/speakers/Nobody/"])
def test_missing_is_404(as_user, url):
    assert as_user("viewer").get(url).status_code == 404


def test_russian(as_user):
    html = as_user("viewer").get("/ru/claims/").content.decode()
    assert '<html lang="ru">' in html and "Утверждения" in html and 'href="/ru/claims/' in html


def test_static_files_are_vendored(as_user):
    client = as_user("viewer")
    for path in (
        "/static/vendor/htmx/htmx.min.js",
        "/static/vendor/uplot/uPlot.iife.min.js",
        "/static/web/tallybook.css",
        "/static/web/chart.js",
        "/static/ninja/swagger-ui-bundle.js",
    ):
        assert client.get(path).status_code == 200, path


def test_speakers_page_keeps_bodies_apart_from_people(as_user):
    html = as_user("viewer").get("/speakers/").content.decode()
    people = html.split('<table id="speakers">', 1)[1].split("</table>", 1)[0]
    orgs = html.split('<table id="orgs">', 1)[1].split("</table>", 1)[0]
    bodies = [escape(c.speaker) for c in Claim.objects.filter(speaker_kind="org")]  # "Kyiv&#x27;s …"
    assert bodies and all(f">{b}</a>" in orgs and f">{b}</a>" not in people for b in bodies)


def test_document_page_lists_who_and_where_it_names(as_user):
    from tallybook.ledger.models import Document

    doc = Document.objects.get(title="Daily losses")
    html = as_user("viewer").get(f"/documents/{doc.id}/").content.decode()
    named = html.split('<section id="named">', 1)[1].split("</section>", 1)[0]
    places = named.split('data-kind="place">', 1)[1].split("</dd>", 1)[0]
    orgs = named.split('data-kind="org">', 1)[1].split("</dd>", 1)[0]
    assert places == "Moscow" and "UK Ministry of Defence" in orgs and "Interior Ministry" in orgs


def test_a_speaker_page_gathers_the_person_in_both_scripts(as_user):
    from tallybook.ledger.store import ingest_document
    from tallybook.model import Document

    ingest_document(
        Document(
            "Alexander Bastrykin said 20,000 naturalized men were sent to the front.",
            "b-en.txt",
            lang="en",
            published="2025-05-20",
        )
    )
    ingest_document(
        Document(
            "Александр Бастрыкин заявил, что на фронт отправлены 20 000 натурализованных мужчин.",
            "b-ru.txt",
            lang="ru",
            published="2025-05-21",
        )
    )
    client = as_user("viewer")
    listing = client.get("/speakers/").content.decode()
    assert '<span class="also">· Александр Бастрыкин</span>' in listing
    page = client.get("/speakers/Alexander Bastrykin/").content.decode()
    assert '<small class="also">· Александр Бастрыкин</small>' in page
    assert [c.text for c in Claim.objects.filter(id__in=ids_in(page))] == ["20,000", "20 000"]
