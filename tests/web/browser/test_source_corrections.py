"""Reviewers correct sources in a real browser, on the bundled samples: a stray source (Bastrykin's
Russian figures keyed apart, as an older extractor might have left them) merged into Alexander
Bastrykin, given a role, split off again; every step in the source's history with who and why. A
viewer sees the history, not the forms."""

from __future__ import annotations

import json

import pytest
from liveapp import _DJANGO, django
from playwright.sync_api import expect

ROWS = "#claims tbody tr"
STRAY = "person:a-bstrkn"
_KEY_APART = (
    _DJANGO
    + """
from tallybook.ledger import sources
from tallybook.ledger.models import Claim
key, name, ids = sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
sources.source_for_key(key, name, "person")
Claim.objects.filter(id__in=ids).update(speaker_id=key)
"""
)


@pytest.fixture(scope="module")
def russian(app, ledger_claims) -> set[int]:
    """The ids of Bastrykin's Russian figures, keyed apart as a stray source «А. И. Бастрыкин»."""
    ids = {c["id"] for c in ledger_claims if c["speaker_id"] == "alexander-bastrykin" and c["lang"] == "ru"}
    assert ids
    django(app.db, _KEY_APART, STRAY, "А. И. Бастрыкин", json.dumps(sorted(ids)))
    return ids


def shown_ids(page) -> set[int]:
    return {int(r.get_attribute("data-claim-id")) for r in page.locator(ROWS).all()}


def submit(page, form) -> None:
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def test_merge_set_role_and_split_a_source(reviewer, ledger_claims, russian):
    everything = {c["id"] for c in ledger_claims if c["speaker_id"] == "alexander-bastrykin"}
    assert everything > russian
    reviewer.goto("/speakers/%D0%90.%20%D0%98.%20%D0%91%D0%B0%D1%81%D1%82%D1%80%D1%8B%D0%BA%D0%B8%D0%BD/")
    assert shown_ids(reviewer) == russian
    merge = reviewer.locator("#source-merge")
    merge.locator("input[name=into]").fill("александр бастрыкин")  # any of its names, any case
    merge.locator("input[name=reason]").fill("one man, two keys")
    submit(reviewer, merge)
    expect(reviewer.locator("h1")).to_contain_text("Alexander Bastrykin")
    expect(reviewer.locator(ROWS)).to_have_count(len(everything))
    assert shown_ids(reviewer) == everything
    first = reviewer.locator("#source-history li").first
    expect(first).to_contain_text("reviewer")
    expect(first).to_contain_text("one man, two keys")
    expect(reviewer.locator("#source-keys")).to_contain_text(STRAY)

    edit = reviewer.locator("#source-edit")
    edit.locator("input[name=role]").fill("Chairman of the Investigative Committee")
    edit.locator("input[name=reason]").fill("his office")
    submit(reviewer, edit)
    expect(reviewer.locator("#source-entity")).to_contain_text("Chairman of the Investigative Committee")
    expect(reviewer.locator("#source-history li").first).to_contain_text("his office")

    split = reviewer.locator("#source-split")
    split.locator(f"input[value='{STRAY}']").check()
    split.locator("input[name=name]").fill("А. И. Бастрыкин")
    split.locator("input[name=reason]").fill("kept apart after all")
    submit(reviewer, split)
    expect(reviewer.locator("h1")).to_contain_text("А. И. Бастрыкин")
    expect(reviewer.locator(ROWS)).to_have_count(len(russian))
    assert shown_ids(reviewer) == russian
    expect(reviewer.locator("#source-history li").first).to_contain_text("kept apart after all")
    reviewer.goto("/changes/")
    expect(reviewer.locator("#changes")).to_contain_text("kept apart after all")


def test_a_viewer_sees_the_history_not_the_forms(viewer):
    viewer.goto("/speakers/Vladimir%20Putin/")
    expect(viewer.locator("#source-keys")).to_contain_text("vladimir-putin")
    expect(viewer.locator("#source-history")).to_have_count(1)
    expect(viewer.locator("#source-edit, #source-merge, #source-split")).to_have_count(0)
