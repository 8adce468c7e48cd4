"""Measures across sources in a real browser, on the bundled samples: the naturalized migrants'
figures of 2024 and 2025 with their speakers, Russian deaths without off-topic rows, and every
conflict followed to its two sentences."""

from __future__ import annotations

import re

from playwright.sync_api import expect

NATURALIZED = "recruitment.naturalized_sent_to_front"
DEATHS = "casualties.killed"


def test_naturalized_migrants_show_2024_and_2025_with_speakers(viewer, ledger_claims):
    viewer.goto(f"/measures/{NATURALIZED}/")
    expect(viewer.locator("#chart[data-drawn=true]")).to_have_count(1)
    rows = viewer.locator("table.compact:not(.latest):not(.conflicts) tbody tr")
    texts = rows.all_inner_texts()
    years = {t[:4] for t in texts}
    assert {"2024", "2025"} <= years, texts
    assert any("2024" in t and "Bastrykin" in t and "10,000" in t for t in texts), texts
    assert any("2025" in t and "Bastrykin" in t and "20,000" in t for t in texts), texts
    latest = viewer.locator("table.latest tbody tr", has_text="Alexander Bastrykin")
    expect(latest).to_contain_text("20,000")


def test_russian_deaths_show_each_source_without_off_topic_rows(viewer, ledger_claims):
    ours = [c for c in ledger_claims if c["measure"] == DEATHS]
    assert ours
    viewer.goto(f"/measures/{DEATHS}/")
    expect(viewer.locator("#chart[data-drawn=true]")).to_have_count(1)
    shown = {int(r.get_attribute("data-claim-id")) for r in viewer.locator("tr[data-claim-id]").all()}
    assert shown == {c["id"] for c in ours if c["published"]}
    for c in ours:  # no share, no sum of money, no other country's dead
        assert c["unit"] in (None, "person"), c
        assert "%" not in c["text"] and "Indian" not in (c["counted"] or ""), c
    sources = viewer.locator("table.latest tbody tr").all_inner_texts()
    assert len(sources) >= 4 and any("BBC" in s for s in sources), sources


def test_every_conflict_leads_to_its_two_sentences(viewer, ledger_claims):
    viewer.goto("/conflicts/")
    rows = viewer.locator("tr.conflict")
    assert rows.count() > 0
    by_id = {c["id"]: c for c in ledger_claims}
    links = [[a.get_attribute("href") for a in rows.nth(i).locator("a.side").all()] for i in range(rows.count())]
    for pair in links[:6]:
        assert len(pair) == 2
        for href in pair:
            claim_id = int(re.search(r"/claims/(\d+)/", href).group(1))
            viewer.goto(href)
            expect(viewer.locator("body")).to_contain_text(by_id[claim_id]["text"])
