"""The ledger as FollowTheMoney entities: every entity valid by the followthemoney package, every
reference resolved, sources with their names in both scripts, figures linked to their documents
and sources; `tallybook ftm` writes them as JSON Lines. Both backends."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from followthemoney import model

from tallybook.ledger import sources
from tallybook.ledger.ftm import ftm_entities
from tallybook.ledger.models import Claim
from tallybook.ledger.review import review_claim
from tallybook.ledger.store import ingest_document
from tallybook.model import Document

DOCS = [
    Document(
        "Alexander Bastrykin said that around 10,000 naturalized migrants had been sent to the front.",
        "reports/sk-en.txt",
        url="https://example.org/sk-en",
        title="Migrants at the front",
        published="2024-06-20",
        lang="en",
    ),
    Document(
        "По данным Минобороны Великобритании, за сутки погибли или были ранены 1300 российских военных.",
        "reports/uk-ru.txt",
        published="2024-11-12",
        lang="ru",
    ),
    Document("About 500 migrants were detained in the raid.", "reports/raid.txt", published="2024-08-01", lang="en"),
]


@pytest.fixture
def ledger(ledger_url):
    for d in DOCS:
        ingest_document(d)
    return ledger_url


def by_id(entities: list[dict]) -> dict[str, dict]:
    return {e["id"]: e for e in entities}


def test_every_entity_is_valid_and_every_reference_resolves(ledger):
    entities = list(ftm_entities())
    found = by_id(entities)
    assert len(found) == len(entities)
    for e in entities:
        schema = model.get(e["schema"])
        schema.validate(e)  # raises InvalidData
        proxy = model.get_proxy(e, cleaned=False)
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                for v in proxy.get(prop):
                    assert v in found, (e["id"], prop.name, v)
                    assert model.get(found[v]["schema"]).is_a(prop.range), (e["id"], prop.name, found[v]["schema"])
    assert {e["schema"] for e in entities} >= {"Person", "PublicBody", "Article", "Documentation", "Membership", "Note"}


def test_sources_documents_and_figures(ledger):
    found = by_id(ftm_entities())
    bastrykin = sources.matching("бастрыкин").get()
    person = found[f"tallybook-source-{bastrykin.id}"]
    assert person["schema"] == "Person" and person["properties"]["name"] == ["Alexander Bastrykin"]
    assert "Александр Бастрыкин" in person["properties"]["alias"]
    (member,) = [e for e in found.values() if e["schema"] == "Membership"]
    assert member["properties"]["member"] == [person["id"]]
    assert found[member["properties"]["organization"][0]]["properties"]["name"] == ["Investigative Committee of Russia"]

    claim = Claim.objects.get(document__source="reports/sk-en.txt")
    figure = found[f"tallybook-claim-{claim.id}"]
    assert figure["schema"] == "Documentation"
    assert figure["properties"]["entity"] == [person["id"]]
    article = found[figure["properties"]["document"][0]]
    assert article["schema"] == "Article" and article["properties"]["title"] == ["Migrants at the front"]
    assert article["properties"]["sourceUrl"] == ["https://example.org/sk-en"]
    assert article["properties"]["language"] == ["eng"] and article["properties"]["publishedAt"] == ["2024-06-20"]
    assert "10,000" in figure["properties"]["summary"][0]

    uk = found[f"tallybook-source-{sources.named('UK Ministry of Defence').id}"]
    assert uk["schema"] == "PublicBody" and "Минобороны Великобритании" in uk["properties"]["alias"]
    raid = Claim.objects.get(document__source="reports/raid.txt")
    note = found[f"tallybook-claim-{raid.id}"]  # no source: a note on its document
    assert note["schema"] == "Note" and found[note["properties"]["entity"][0]]["schema"] == "Article"


def test_reviewed_only_and_the_command(ledger):
    claim = Claim.objects.get(document__source="reports/sk-en.txt")
    review_claim(claim.id, "accept", "tester")
    rejected = Claim.objects.get(document__source="reports/raid.txt")
    review_claim(rejected.id, "reject", "tester", note="not a count of the story")
    figures = [e for e in ftm_entities(reviewed_only=True) if e["id"].startswith("tallybook-claim-")]
    assert [e["id"] for e in figures] == [f"tallybook-claim-{claim.id}"]
    assert f"tallybook-claim-{rejected.id}" not in by_id(ftm_entities())
    done = subprocess.run(
        [sys.executable, "-m", "tallybook.cli", "ftm", "--db", ledger, "--reviewed"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [e["id"] for e in lines] == [e["id"] for e in ftm_entities(reviewed_only=True)]
    articles = [e for e in lines if e["schema"] == "Article"]
    assert [a["properties"]["fileName"] for a in articles] == [["reports/sk-en.txt"]]
