"""The measure page by source entity: one series per Source however its claims name it (a
reviewer's merge shows at once), and each echo's relay: who repeated whom. Both backends."""

from __future__ import annotations

import csv
import io

import pytest

from tallybook.ledger import sources
from tallybook.ledger.models import Claim
from tallybook.ledger.store import ingest_document
from tallybook.model import Document

MEASURE = "casualties.daily_average"
DOCS = [
    (
        "mod.txt",
        "2024-06-10",
        "The UK Ministry of Defence said about 1,500 Russian soldiers were killed or wounded each day.",
    ),
    (
        "di.txt",
        "2024-07-10",
        "British Defence Intelligence said about 1,200 Russian soldiers were killed or wounded each day.",
    ),
    (
        "wire.txt",
        "2024-06-12",
        "Reuters, citing the British Defence Ministry, reported that about 1,500 Russian soldiers were killed or "
        "wounded each day.",
    ),
    (
        "kyiv.txt",
        "2024-06-11",
        "Kyiv's general staff said about 1,100 Russian soldiers were killed or wounded each day.",
    ),
]


NAMES = [name for name, _, _ in DOCS]


@pytest.fixture
def ledger(web_ledger):
    for name, published, text in DOCS:
        ingest_document(Document(text, name, published=published, lang="en"))
    return web_ledger


def test_one_series_per_source_entity(ledger, as_user):
    client = as_user("viewer")
    series = {s["name"]: s for s in client.get(f"/measures/{MEASURE}/data.json").json()["series"]}
    mod = series["UK Ministry of Defence"]
    assert mod["speaker_ids"] == ["uk-ministry-of-defence"]
    ours = Claim.objects.filter(measure=MEASURE, speaker_id="uk-ministry-of-defence", document__source__in=NAMES)
    assert {p["id"] for p in mod["points"]} >= set(ours.values_list("id", flat=True)) and ours.count() == 3
    assert {p["speaker"] for p in mod["points"]} >= {
        "UK Ministry of Defence",
        "British Defence Intelligence",
        "British Defence Ministry",
    }
    assert not any("Intelligence" in name or name == "British Defence Ministry" for name in series)
    rows = list(csv.DictReader(io.StringIO(client.get(f"/measures/{MEASURE}/timeline.csv").content.decode())))
    assert {r["entity"] for r in rows if r["speaker_id"] == "uk-ministry-of-defence"} == {"UK Ministry of Defence"}
    html = client.get(f"/measures/{MEASURE}/").content.decode()
    latest = html.split('class="compact latest"')[1].split("</table>")[0]
    assert latest.count("UK Ministry of Defence") == 1 and "British Defence Intelligence" not in latest


def test_a_merge_joins_two_series(ledger, as_user):
    client = as_user("viewer")
    before = client.get(f"/measures/{MEASURE}/data.json").json()["series"]
    kyiv = Claim.objects.get(document__source="kyiv.txt").id
    (other,) = [s for s in before if any(p["id"] == kyiv for p in s["points"])]
    sources.merge(sources.named(other["name"]), sources.named("UK Ministry of Defence"), reason="a test of series")
    after = client.get(f"/measures/{MEASURE}/data.json").json()["series"]
    assert len(after) == len(before) - 1
    (mod,) = [s for s in after if s["name"] == "UK Ministry of Defence"]
    (mod_before,) = [s for s in before if s["name"] == "UK Ministry of Defence"]
    assert len(mod["points"]) == len(mod_before["points"]) + len(other["points"])
    assert mod["speaker_ids"] == sorted(["uk-ministry-of-defence", *other["speaker_ids"]])


def test_origins_name_the_relays(ledger, as_user):
    client = as_user("viewer")
    (chain,) = [o for o in client.get(f"/api/origins?measure={MEASURE}").json() if o["origin"]["source"] == "mod.txt"]
    assert chain["origin"]["entity"] == "UK Ministry of Defence" and chain["origin"]["via"] is None
    wire = Claim.objects.get(document__source="wire.txt").id
    (relay,) = [r for r in chain["relays"] if r["claim"] == wire]
    assert relay == {"by": "Reuters", "of": "UK Ministry of Defence", "credited": True, "claim": wire}
    html = client.get(f"/measures/{MEASURE}/").content.decode()
    assert "Reuters repeated UK Ministry of Defence" in html
