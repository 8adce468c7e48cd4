"""Reviewers correct sources in a real browser, on the bundled samples: «СМИ» merged into "Media"
(one description in two languages), renamed with a kind, split off again; every step in the
source's history with who and why. A viewer sees the history, not the forms."""

from __future__ import annotations

from playwright.sync_api import expect

ROWS = "#claims tbody tr"


def claims_by_key(ledger_claims: list[dict], *keys: str) -> set[int]:
    return {c["id"] for c in ledger_claims if c["speaker_id"] in keys}


def shown_ids(page) -> set[int]:
    return {int(r.get_attribute("data-claim-id")) for r in page.locator(ROWS).all()}


def test_merge_rename_and_split_a_source(reviewer, ledger_claims):
    russian, english = claims_by_key(ledger_claims, "org:сми"), claims_by_key(ledger_claims, "org:media")
    assert russian and english
    reviewer.goto("/speakers/%D0%A1%D0%9C%D0%98/")  # «СМИ»
    form = reviewer.locator("#source-merge")
    form.locator("input[name=into]").fill("media")
    form.locator("input[name=reason]").fill("one description in two languages")
    with reviewer.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(reviewer.locator("h1")).to_contain_text("Media")
    expect(reviewer.locator(ROWS)).to_have_count(len(russian | english))
    assert shown_ids(reviewer) == russian | english
    first = reviewer.locator("#source-history li").first
    expect(first).to_contain_text("reviewer")
    expect(first).to_contain_text("one description in two languages")
    expect(reviewer.locator("#source-keys")).to_contain_text("org:сми")

    edit = reviewer.locator("#source-edit")
    edit.locator("input[name=name]").fill("Media (unnamed)")
    edit.locator("select[name=kind]").select_option("outlet")
    edit.locator("input[name=reason]").fill("a description, not a body")
    with reviewer.expect_navigation():
        edit.locator("button[type=submit]").click()
    expect(reviewer.locator("h1")).to_contain_text("Media (unnamed)")
    expect(reviewer.locator("#source-kind")).to_have_text("media outlet")
    expect(reviewer.locator("#source-history li").first).to_contain_text("a description, not a body")
    expect(reviewer.locator("#source-history")).to_contain_text("kind: org → outlet")

    split = reviewer.locator("#source-split")
    split.locator("input[value='org:сми']").check()
    split.locator("input[name=name]").fill("СМИ")
    split.locator("input[name=reason]").fill("kept apart after all")
    with reviewer.expect_navigation():
        split.locator("button[type=submit]").click()
    expect(reviewer.locator("h1")).to_contain_text("СМИ")
    expect(reviewer.locator(ROWS)).to_have_count(len(russian))
    assert shown_ids(reviewer) == russian
    expect(reviewer.locator("#source-history li").first).to_contain_text("kept apart after all")


def test_a_viewer_sees_the_history_not_the_forms(viewer):
    viewer.goto("/speakers/Vladimir%20Putin/")
    expect(viewer.locator("#source-keys")).to_contain_text("vladimir-putin")
    expect(viewer.locator("#source-history")).to_have_count(1)
    expect(viewer.locator("#source-edit, #source-merge, #source-split")).to_have_count(0)
