"""Reviewed claims as schema.org ClaimReview JSON-LD: the structure schema.org gives those types."""

import pytest

from tallybook.ledger.store import ingest_document
from tallybook.model import Document

# schema.org: the properties each type used here may carry (from its definitions)
ALLOWED = {
    "ClaimReview": {"@context", "@type", "claimReviewed", "reviewRating", "author", "itemReviewed", "identifier"},
    "Claim": {"@type", "text", "about", "author", "appearance", "firstAppearance"},
    "PropertyValue": {"@type", "name", "value", "minValue", "maxValue", "unitText"},
    "CreativeWork": {"@type", "url", "datePublished"},
    "Rating": {"@type", "alternateName"},
    "Organization": {"@type", "name"},
    "Person": {"@type", "name"},
}


def check(node):
    """Every node has a known @type and only that type's properties, recursively."""
    if isinstance(node, list):
        for n in node:
            check(n)
        return
    if not isinstance(node, dict):
        return
    assert node["@type"] in ALLOWED, node
    assert set(node) <= ALLOWED[node["@type"]], (node["@type"], set(node) - ALLOWED[node["@type"]])
    for v in node.values():
        check(v)


@pytest.fixture
def reviewed(ledger_url):
    from tallybook.ledger.models import Claim
    from tallybook.ledger.review import review_claim

    ingest_document(
        Document(
            "Bastrykin said that around 10,000 naturalized migrants had been sent to the front.",
            "reports/first.txt",
            published="2024-06-20",
            lang="en",
        )
    )
    ingest_document(
        Document(
            "The paper wrote that about 10,000 naturalized migrants were sent to the front.",
            "reports/echo.txt",
            published="2024-07-01",
            lang="en",
        )
    )
    ingest_document(
        Document(
            "BBC Russian said it had identified the names of 45,000 Russian soldiers killed.",
            "reports/names.txt",
            published="2024-02-20",
            lang="en",
        )
    )
    for c in Claim.objects.all():
        review_claim(c.id, "accept", "tester")
    return {c.document.source: c.id for c in Claim.objects.select_related("document")}


def test_claim_reviews_are_schema_org_claimreviews(reviewed):
    from tallybook.ledger.claimreview import claim_reviews

    nodes = {n["identifier"]: n for n in claim_reviews()}
    assert len(nodes) == 3
    for n in nodes.values():
        assert n["@context"] == "https://schema.org"
        check(n)
    echo = nodes[str(reviewed["reports/echo.txt"])]["itemReviewed"]
    assert echo["firstAppearance"] == {
        "@type": "CreativeWork",
        "url": "reports/first.txt",
        "datePublished": "2024-06-20",
    }
    assert [a["url"] for a in echo["appearance"]] == ["reports/first.txt", "reports/echo.txt"]
    props = {p["name"]: p for p in echo["about"]}
    assert (props["value"]["value"], props["hedge"]["value"]) == (10000, "approx")
    assert (props["interval"]["minValue"], props["interval"]["maxValue"]) == pytest.approx((9000, 11000))
    named = nodes[str(reviewed["reports/names.txt"])]["itemReviewed"]
    interval = {p["name"]: p for p in named["about"]}["interval"]
    assert interval["minValue"] == 45000 and "maxValue" not in interval  # a count of names: a floor


def test_the_command_writes_the_same_json_ld(ledger_url, reviewed, tmp_path):
    import json

    from click.testing import CliRunner

    from tallybook.cli import main
    from tallybook.ledger.claimreview import claim_reviews

    out = tmp_path / "reviews.jsonld"
    result = CliRunner().invoke(main, ["claimreview", "--db", ledger_url, str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(json.dumps(claim_reviews()))
