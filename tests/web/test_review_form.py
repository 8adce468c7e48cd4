"""The review form never throws an edit away or saves a wrong value (claim page, queue and API)."""

from __future__ import annotations

import re

import pytest

from tallybook.ledger.models import Claim, Review


def post(client, claim, prefix="", **form):
    return client.post(f"{prefix}/claims/{claim.id}/review/", form)


def test_an_edit_sent_with_accept_is_a_correction(as_user):
    claim = Claim.objects.get(text="500")
    response = post(as_user("reviewer"), claim, decision="accept", value="510", hedge="exact", reason="checked")
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.value, claim.status) == (510.0, "corrected")
    (review,) = Review.objects.filter(claim=claim)
    assert (review.action, review.changes, review.note) == ("correct", {"value": [500.0, 510.0]}, "checked")


def test_accept_with_the_form_unchanged_is_an_accept(as_user):
    claim = Claim.objects.get(text="about 1,500")
    form = {
        "decision": "accept",
        "value": "1500",
        "hedge": claim.hedge,
        "speaker": claim.speaker,
        "counted": claim.counted or "",
        "measure": claim.measure or "",
    }
    assert post(as_user("reviewer"), claim, **form).status_code == 302
    claim.refresh_from_db()
    assert claim.status == "accepted" and Review.objects.get(claim=claim).changes == {}


def test_an_edit_sent_with_reject_is_refused(as_user):
    claim = Claim.objects.get(text="500")
    response = post(as_user("reviewer"), claim, decision="reject", value="510", reason="wrong")
    assert response.status_code == 400 and "correct or reject" in response.content.decode()
    assert Review.objects.count() == 0


@pytest.mark.parametrize(
    "prefix, typed, value",
    [
        ("/ru", "1,5", 1.5),
        ("/ru", "1\u00a0500", 1500),
        ("/ru", "2 500,5", 2500.5),
        ("", "1,500", 1500),
        ("", "1.5", 1.5),
    ],
)
def test_numbers_are_read_in_the_pages_locale(as_user, prefix, typed, value):
    claim = Claim.objects.get(text="500")
    assert post(as_user("reviewer"), claim, prefix, decision="correct", value=typed).status_code == 302
    claim.refresh_from_db()
    assert claim.value == value


@pytest.mark.parametrize("typed", ["1,5,0", "15 00", "nan", "many"])
def test_numbers_that_mean_nothing_are_refused(as_user, typed):
    claim = Claim.objects.get(text="500")
    response = post(as_user("reviewer"), claim, "/ru", decision="correct", value=typed)
    assert response.status_code == 400 and "number (" in response.content.decode()
    claim.refresh_from_db()
    assert claim.value == 500 and claim.status == "new"


def test_a_correction_sets_every_field_of_a_claim(as_user):
    claim = Claim.objects.get(text="up to 40")
    response = post(
        as_user("reviewer"),
        claim,
        decision="correct",
        value="30",
        value_max="40",
        hedge="range",
        unit="person",
        speaker="Ihor Klymenko",
        speaker_kind="person",
        speaker_role="interior minister",
        speaker_org="Interior Ministry of Ukraine",
        period="each day",
        time_ref="overnight",
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (
        claim.value,
        claim.value_max,
        claim.hedge,
        claim.unit,
        claim.speaker,
        claim.speaker_kind,
        claim.speaker_role,
        claim.speaker_org,
        claim.period,
        claim.time_ref,
    ) == (
        30,
        40,
        "range",
        "person",
        "Ihor Klymenko",
        "person",
        "interior minister",
        "Interior Ministry of Ukraine",
        "each day",
        "overnight",
    )


@pytest.mark.parametrize(
    "speaker", ["Ministry of Defence of Ukraine", "Министерство обороны Украины", "Kyiv's city administration"]
)  # the city administration: a body in the ledger already
def test_a_body_typed_in_stays_a_body(as_user, speaker):
    claim = Claim.objects.get(text="up to 40")
    assert post(as_user("reviewer"), claim, decision="correct", speaker=speaker).status_code == 302
    claim.refresh_from_db()
    assert (claim.speaker, claim.speaker_kind) == (speaker, "org")
    names = {(s["name"], s["kind"]) for s in as_user("viewer").get("/api/speakers").json()}
    assert (speaker, "org") in names and (speaker, "person") not in names


def test_a_range_upside_down_is_refused(as_user):
    claim = Claim.objects.get(text="500")
    assert post(as_user("reviewer"), claim, decision="correct", value_max="100").status_code == 400


def test_a_measure_is_chosen_from_those_that_exist(as_user):
    claim = Claim.objects.get(text="500")
    client = as_user("reviewer")
    response = post(client, claim, decision="correct", measure="raids.detentons")
    assert response.status_code == 400 and "not a known measure" in response.content.decode()
    assert post(client, claim, decision="correct", measure="casualties.killed").status_code == 302  # the pack's
    claim.refresh_from_db()
    assert claim.measure == "casualties.killed"
    assert post(client, claim, decision="correct", measure_new="raids.searches").status_code == 302  # deliberate
    claim.refresh_from_db()
    assert claim.measure == "raids.searches"
    refused = post(client, claim, decision="correct", measure_new="Raids!")
    assert refused.status_code == 400 and "dotted lower-case words" in refused.content.decode()


def test_the_api_follows_the_same_rules(as_user):
    claim = Claim.objects.get(text="500")
    client = as_user("reviewer")
    url = f"/api/claims/{claim.id}/review"
    body = client.post(
        url, {"decision": "accept", "value": 520, "speaker_kind": "org"}, content_type="application/json"
    ).json()
    assert (body["status"], body["value"], body["history"][0]["action"]) == ("corrected", 520.0, "correct")
    bad = client.post(url, {"decision": "correct", "measure": "typo.measure"}, content_type="application/json")
    assert bad.status_code == 400 and "not a known measure" in bad.json()["detail"]
    new = client.post(
        url, {"decision": "correct", "measure": "typo.measure", "new_measure": True}, content_type="application/json"
    )
    assert new.status_code == 200 and new.json()["measure"] == "typo.measure"


def measure_options(html: str) -> dict[str, str]:
    """The review form's measure choices: key -> the text a reviewer reads."""
    form = html[html.index('<select name="measure">') :]
    form = form[: form.index("</select>")]
    return dict(re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', form))


def test_the_form_shows_values_as_typed_and_measures_by_name(as_user):
    claim = Claim.objects.get(text="about 1,500")
    Claim.objects.filter(id=claim.id).update(value=2_000_000, measure="raids.detentions@mosco@2024-11")
    html = as_user("reviewer").get(f"/claims/{claim.id}/").content.decode()
    assert 'name="value" value="2000000"' in html and "e+06" not in html
    options = measure_options(html)
    # every pack measure by its name, and the claim's own scoped key, selected, with its scope in words
    assert options["casualties.killed"] == "Russian military deaths"
    assert options["raids.detentions"] == "Raids on migrants and people detained"
    assert options["raids.detentions@mosco@2024-11"] == "Raids on migrants and people detained (mosco, November 2024)"
    assert '<option value="raids.detentions@mosco@2024-11" selected>' in html
    assert not [name for name in options.values() if "@" in name or "." in name.split()[0]]


def test_the_russian_form_names_measures_and_scopes_in_russian(as_user):
    claim = Claim.objects.get(text="about 1,500")
    Claim.objects.filter(id=claim.id).update(measure="casualties.killed@india@per-month")
    options = measure_options(as_user("reviewer").get(f"/ru/claims/{claim.id}/").content.decode())
    assert options["casualties.killed@india@per-month"] == "Погибшие российские военные (индийцы, в месяц)"
    assert options["raids.detentions@mosco@2024-11"].endswith("(mosco, ноябрь 2024\u202fг.)")  # a place key as it is
    latin = [name for name in options.values() if re.search("[A-Za-z]{3}", name.replace("mosco", ""))]
    assert latin == []
