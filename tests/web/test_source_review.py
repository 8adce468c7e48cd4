"""Reviewers correct sources from a speaker's page and through /api/sources: rename, set kind and
parent, merge, split, each with who and why in the source's history; viewers read only. Both backends."""

from __future__ import annotations

import json
import re

import pytest

from tallybook.ledger import sources
from tallybook.ledger.models import Claim, Source, SourceKey
from tallybook.ledger.store import ingest_document
from tallybook.model import Document

DOCS = [
    Document(
        "The British Defence Ministry said about 1,500 Russian soldiers were killed or wounded each day.",
        "uk-en.txt",
        published="2024-11-10",
        lang="en",
    ),
    Document(
        "По данным Минобороны Великобритании, за сутки погибли или были ранены 1300 российских военных.",
        "uk-ru.txt",
        published="2024-11-12",
        lang="ru",
    ),
    Document(
        "Nepal's government said 12 of its citizens had been killed fighting for Russia.",
        "np-en.txt",
        published="2024-03-01",
        lang="en",
    ),
]


@pytest.fixture
def ledger(web_ledger):
    for d in DOCS:
        ingest_document(d)
    return web_ledger


def history_items(html: str) -> list[tuple[str, str]]:
    section = html.split('<ul id="source-history">')[1].split("</ul>")[0]
    return re.findall(r'<li><b>([\w-]+)</b>.*?<span class="reason">(.*?)</span>', section)


def page(client, source: Source) -> str:
    response = client.get(f"/sources/{source.id}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_viewer_reads_a_source_but_cannot_correct_it(ledger, as_user):
    uk = sources.named("UK Ministry of Defence")
    viewer = as_user("viewer")
    html = viewer.get("/speakers/Минобороны Великобритании/").content.decode()
    assert "uk-ministry-of-defence" in html and 'id="source-history"' in html
    assert 'id="source-edit"' not in html and 'id="source-merge"' not in html
    response = viewer.post(f"/sources/{uk.id}/correct/", {"action": "edit", "name": "MoD"})
    assert response.status_code == 403
    assert Source.objects.get(id=uk.id).name == "UK Ministry of Defence"
    assert 'id="source-edit"' in page(as_user("reviewer"), uk)


def test_rename_kind_and_parent_from_the_page_with_history(ledger, as_user):
    uk, nepal = sources.named("UK Ministry of Defence"), sources.named("Government of Nepal")
    client = as_user("reviewer")
    form = {"action": "edit", "name": "Ministry of Defence (UK)", "kind": "org", "reason": "house style"}
    response = client.post(f"/sources/{uk.id}/correct/", form | {"parent": "government of nepal"})
    assert response.status_code == 302 and response["Location"] == f"/sources/{uk.id}/"
    uk.refresh_from_db()
    assert (uk.name, uk.kind, uk.parent_id) == ("Ministry of Defence (UK)", "org", nepal.id)
    assert sources.named("ministry of defence (uk)") == uk and sources.named("UK Ministry of Defence") == uk
    html = page(client, uk)
    assert history_items(html)[0] == ("reviewer", "house style")
    assert "name: <del>UK Ministry of Defence</del> → <ins>Ministry of Defence (UK)</ins>" in html
    assert "parent: <del>—</del> → <ins>Government of Nepal</ins>" in html
    # the body's page now counts its unit's figures
    assert "1300" in page(client, nepal) and "about 1,500" in page(client, nepal)


def test_merge_from_the_page_moves_keys_and_names(ledger, as_user):
    uk = sources.named("UK Ministry of Defence")
    stray = sources.source_for_key("org:british-intelligence", "British intelligence")
    client = as_user("reviewer")
    response = client.post(
        f"/sources/{stray.id}/correct/", {"action": "merge", "into": "минобороны великобритании", "reason": "one body"}
    )
    assert response.status_code == 302 and response["Location"] == f"/sources/{uk.id}/"
    assert not Source.objects.filter(id=stray.id).exists()
    assert SourceKey.objects.get(key="org:british-intelligence").source_id == uk.id
    assert sources.named("British intelligence") == uk
    html = page(client, uk)
    assert ("reviewer", "one body") in history_items(html)
    changes = client.get("/changes/").content.decode()
    assert f'corrected the source <a href="/sources/{uk.id}/">UK Ministry of Defence</a>' in changes
    assert "corrected the source British intelligence · " in changes  # merged away: no page
    assert "key org:british-intelligence: <del>British intelligence</del> → <ins>UK Ministry of Defence</ins>" in html


def test_split_from_the_page_gives_a_new_source_its_claims(ledger, as_user):
    uk = sources.named("UK Ministry of Defence")
    # the English claim as if an older extractor had keyed it apart, and a reviewer merged it in
    stray = sources.source_for_key("org:british-defence-ministry", "British Defence Ministry")
    Claim.objects.filter(document__source="uk-en.txt").update(speaker_id="org:british-defence-ministry")
    sources.merge(stray, uk)
    client = as_user("reviewer")
    html = page(client, uk)
    assert 'id="source-split"' in html and "org:british-defence-ministry" in html
    response = client.post(
        f"/sources/{uk.id}/correct/",
        {
            "action": "split",
            "keys": ["org:british-defence-ministry"],
            "name": "Defence Intelligence",
            "reason": "a unit",
        },
    )
    new = Source.objects.get(name="Defence Intelligence")
    assert response.status_code == 302 and response["Location"] == f"/sources/{new.id}/"
    assert list(new.keys.values_list("key", flat=True)) == ["org:british-defence-ministry"]
    assert sources.named("British Defence Ministry") == new
    assert [c.document.source for c in sources.claims_of(new)] == ["uk-en.txt"]
    left = {c.document.source for c in sources.claims_of(uk)}
    assert "uk-ru.txt" in left and "uk-en.txt" not in left
    assert ("reviewer", "a unit") in history_items(page(client, new))
    assert ("reviewer", "a unit") in history_items(page(client, uk))


@pytest.mark.parametrize(
    "form, message",
    [
        (
            {"action": "merge", "into": "UK Ministry of Defence"},
            "merge: UK Ministry of Defence cannot be merged into itself",
        ),
        ({"action": "merge", "into": "Nobody at all"}, "merge: no source is named 'Nobody at all'"),
        ({"action": "split", "keys": ["uk-ministry-of-defence"], "name": "X"}, "must keep at least one key"),
        ({"action": "split", "keys": ["not-its-key"], "name": "X"}, "split: choose keys of UK Ministry of Defence"),
        ({"action": "edit", "kind": "planet"}, "edit: kind 'planet' is not one of person, org, outlet, government"),
        ({"action": "edit", "name": "  "}, "name: empty"),
        ({"action": "edit", "parent": "UK Ministry of Defence"}, "(a loop)"),
        ({"action": "rename"}, "source: action must be one of edit, merge, split"),
    ],
)
def test_bad_corrections_answer_400_with_one_line(ledger, as_user, form, message):
    uk = sources.named("UK Ministry of Defence")
    before = sources.history(uk)
    response = as_user("reviewer").post(f"/sources/{uk.id}/correct/", form)
    text = response.content.decode()
    assert response.status_code == 400 and message in text and "\n" not in text
    assert len(sources.history(uk)) == len(before)


def test_the_api_corrects_sources_for_reviewers_only(ledger, as_user):
    uk, nepal = sources.named("UK Ministry of Defence"), sources.named("Government of Nepal")
    viewer, reviewer = as_user("viewer"), as_user("reviewer")
    found = viewer.get("/api/sources", {"q": "МИНОБОРОНЫ"}).json()
    assert [s["id"] for s in found] == [uk.id] and "Минобороны Великобритании" in found[0]["names"]
    nepal_claims = sources.claims_of(nepal).count()
    assert viewer.get(f"/api/sources/{uk.id}").json()["claims"] == sources.claims_of(uk).count() >= 2

    def post(client, path, body):
        return client.post(path, json.dumps(body), content_type="application/json")

    assert post(viewer, f"/api/sources/{uk.id}/edit", {"name": "MoD"}).status_code == 403
    edited = post(reviewer, f"/api/sources/{uk.id}/edit", {"parent": nepal.id, "reason": "test"})
    assert edited.status_code == 200 and edited.json()["parent"] == nepal.id
    assert edited.json()["history"][0]["user"] == "reviewer" and edited.json()["history"][0]["reason"] == "test"
    cleared = post(reviewer, f"/api/sources/{uk.id}/edit", {"parent": None}).json()
    assert cleared["parent"] is None
    assert post(reviewer, f"/api/sources/{uk.id}/edit", {"kind": "planet"}).status_code == 400
    assert post(reviewer, f"/api/sources/{uk.id}/merge", {"into": uk.id}).status_code == 400
    merged = post(reviewer, f"/api/sources/{nepal.id}/merge", {"into": uk.id, "reason": "a test"})
    assert merged.status_code == 200 and "np-government" in merged.json()["keys"]
    key = "np-government"
    split = post(reviewer, f"/api/sources/{uk.id}/split", {"keys": [key], "name": "Nepal", "reason": "undo"})
    assert split.status_code == 200 and split.json()["keys"] == [key] and split.json()["claims"] == nepal_claims
    assert viewer.get(f"/api/sources/{nepal.id}").status_code == 404
