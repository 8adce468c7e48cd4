"""The incidents pages and the offline map in a real browser, on the bundled samples: the list
narrowed by a filter, an incident's page with its marked words and place, a review through the
form, and the map drawn from vendored outlines with one point per placed incident, following the
filters, without any request off this server and without a script error."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect


def geojson(page, query: str = "") -> dict:
    """The view's GeoJSON as the logged-in page's session gets it."""
    response = page.request.get(f"/incidents/incidents.geojson{'?' + query if query else ''}")
    assert response.ok, response.status
    return json.loads(response.body())


def placed(collection: dict) -> list[dict]:
    return [f for f in collection["features"] if f["geometry"] is not None]


@pytest.fixture
def watched(viewer, app):
    """The viewer's page, recording requests to any other origin and script errors."""
    outside, errors = [], []
    origin = urlsplit(app.url).netloc
    viewer.on("request", lambda r: outside.append(r.url) if urlsplit(r.url).netloc not in ("", origin) else None)
    viewer.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    viewer.on("pageerror", lambda e: errors.append(str(e)))
    yield viewer, outside, errors


def test_the_list_shows_the_samples_incidents_and_a_type_filter_narrows_it(viewer):
    every = geojson(viewer)["features"]
    assert len(every) > 5
    viewer.goto("/incidents/")
    expect(viewer.locator("#count")).to_contain_text(f"{len(every)} incident")
    commonest = max({f["properties"]["type"] for f in every}, key=[f["properties"]["type"] for f in every].count)
    viewer.select_option("#filters select[name=type]", commonest)
    expect(viewer).to_have_url(re.compile(rf"type={commonest}"))
    want = [f["id"] for f in every if f["properties"]["type"] == commonest][:50]
    expect(viewer.locator("#incidents tbody tr[data-incident-id]")).to_have_count(len(want))
    types = viewer.locator("#incidents td.col-type").evaluate_all("cells => cells.map(c => c.dataset.type)")
    assert set(types) == {commonest}


def test_an_incident_page_marks_its_words_and_gives_its_place(viewer):
    feature = placed(geojson(viewer))[0]
    props = feature["properties"]
    viewer.goto(f"/incidents/{feature['id']}/")
    expect(viewer.locator("mark.incident")).to_have_text(props["text"])
    expect(viewer.locator("#place-raw")).to_have_text(props["place_raw"])
    expect(viewer.locator("#coordinates")).to_contain_text(f"{props['lat']:.4f}")
    assert viewer.locator("#candidates tbody tr").count() >= 1


def test_the_map_draws_outlines_and_one_point_per_placed_incident_offline(watched):
    page, outside, errors = watched
    want = placed(geojson(page))
    assert want
    page.goto("/incidents/map/")
    expect(page.locator("#map.ready")).to_have_count(1)
    expect(page.locator("#map circle.incident")).to_have_count(len(want))
    assert page.locator("#map .countries path").count() > 200
    assert page.locator("#map .regions path").count() > 100  # Russia's and Ukraine's regions
    shown = page.locator("#map circle.incident").evaluate_all("cs => cs.map(c => +c.dataset.id)")
    assert sorted(shown) == sorted(f["id"] for f in want)
    box = page.locator("#map svg").bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    before = page.locator("#map svg").get_attribute("viewBox")
    page.get_by_role("button", name="Zoom in").click()
    assert page.locator("#map svg").get_attribute("viewBox") != before
    assert outside == [] and errors == []


def test_the_map_follows_the_filters_and_leads_to_each_incident(watched):
    page, outside, errors = watched
    every = placed(geojson(page))
    country = max({f["properties"]["country"] for f in every}, key=[f["properties"]["country"] for f in every].count)
    want = placed(geojson(page, f"country={country}"))
    assert 0 < len(want) <= len(every)
    page.goto("/incidents/map/")
    page.fill("#filters input[name=country]", country)
    page.click("#filters button[type=submit]")
    expect(page).to_have_url(re.compile(rf"country={country}"))
    expect(page.locator("#map.ready")).to_have_count(1)
    expect(page.locator("#map circle.incident")).to_have_count(len(want))
    first = page.locator("#map circle.incident").first
    target = first.get_attribute("data-id")
    first.dispatch_event("click")
    expect(page).to_have_url(re.compile(rf"/incidents/{target}/$"))
    assert outside == [] and errors == []


def test_the_russian_map_and_list_speak_russian(viewer):
    viewer.goto("/ru/incidents/map/")
    expect(viewer.locator("h1")).to_contain_text("Инциденты на карте")
    expect(viewer.locator("#map.ready")).to_have_count(1)
    expect(viewer.get_by_role("button", name="Приблизить")).to_have_count(1)
    viewer.goto("/ru/incidents/")
    expect(viewer.locator("#count")).to_contain_text("инцидент")


def test_a_reviewer_accepts_an_incident_through_its_form(reviewer):
    feature = geojson(reviewer)["features"][-1]
    reviewer.goto(f"/incidents/{feature['id']}/")
    reviewer.select_option("#review select[name=decision]", "accept")
    reviewer.fill("#review input[name=reason]", "checked against the report")
    with reviewer.expect_navigation():
        reviewer.click("#review button[type=submit]")
    expect(reviewer.locator("h1 small")).to_have_text("accepted")
    expect(reviewer.locator("#reviews")).to_contain_text("checked against the report")
    expect(reviewer.locator("#history")).to_contain_text("accept: checked against the report")
