"""A day's work in headless Chromium: the review form keeps every edit, numbers typed the
Russian way, facets, sorting by a column's header, undo in the queue, adding a document; and
the claims page and the queue at 1366×768, as screenshots ($TALLYBOOK_SCREENSHOTS keeps them)."""

from __future__ import annotations

import os
import shutil

from liveapp import claims_of_ledger
from playwright.sync_api import expect

ROWS = "#claims tr[data-claim-id]"
PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Raids in Kazan</title></head><body><article>'
    "<p>Police detained 200 migrants in Kazan on Friday, the regional ministry said.</p></article></body></html>"
)


def stored(app, claim_id: int) -> dict:
    return next(c for c in claims_of_ledger(app.db) if c["id"] == claim_id)


def pick(ledger_claims, n: int, **fields) -> dict:
    """The n-th claim with these fields, still new."""
    found = [c for c in ledger_claims if c["status"] == "new" and all(c[k] == v for k, v in fields.items())]
    return found[n]


def test_an_edit_left_on_accept_is_saved_as_a_correction(reviewer, app, ledger_claims):
    claim = pick(ledger_claims, 0, lang="en")
    reviewer.goto(f"/claims/{claim['id']}/")
    form = reviewer.locator("form#review")
    expect(form.locator("select[name=decision]")).to_have_value("accept")
    form.locator("[name=value]").fill(str(int(claim["value"]) + 7))
    form.locator("button[type=submit]").click()
    expect(reviewer.locator("h1 small")).to_have_text("corrected")
    after = stored(app, claim["id"])
    assert (after["value"], after["status"]) == (claim["value"] + 7, "corrected")


def test_a_number_typed_the_russian_way(reviewer, app, ledger_claims):
    claim = pick(ledger_claims, 0, lang="ru")
    reviewer.goto(f"/ru/claims/{claim['id']}/")
    form = reviewer.locator("form#review")
    form.locator("select[name=decision]").select_option("correct")
    form.locator("[name=value]").fill("1,5")
    form.locator("[name=value_max]").fill("2\u00a0500")
    form.locator("button[type=submit]").click()
    expect(reviewer.locator("#fields")).to_contain_text("1,5–2\u00a0500")
    after = stored(app, claim["id"])
    assert (after["value"], after["value_max"]) == (1.5, 2500.0)


def test_a_facet_narrows_the_table(viewer, app):
    viewer.goto("/claims/")
    facet = viewer.locator("[data-facet=hedge] li a", has_text="approx")
    count = int(viewer.locator("[data-facet=hedge] li", has_text="approx").locator(".n").inner_text())
    facet.click()
    viewer.wait_for_url("**hedge=approx**")
    expected = {c["id"] for c in claims_of_ledger(app.db, "--hedge", "approx")}
    assert count == len(expected)
    expect(viewer.locator(ROWS)).to_have_count(min(count, 50))
    shown = {int(i) for i in viewer.locator(ROWS).evaluate_all("rs => rs.map(r => r.dataset.claimId)")}
    assert shown <= expected


def test_a_column_header_sorts_the_table(viewer, app):
    viewer.goto("/claims/")
    viewer.locator("th.col-value a.sort").click()
    viewer.wait_for_url("**sort=-value**")
    expect(viewer.locator("th.col-value")).to_have_attribute("aria-sort", "descending")
    expected = [c["id"] for c in claims_of_ledger(app.db, "--sort", "-value", "--limit", "5")]
    ids = viewer.locator(ROWS).evaluate_all("rs => rs.slice(0, 5).map(r => Number(r.dataset.claimId))")
    assert ids == expected
    viewer.locator("th.col-value a.sort").click()
    viewer.wait_for_url("**sort=value**")
    expect(viewer.locator("th.col-value")).to_have_attribute("aria-sort", "ascending")


def test_undo_in_the_queue(reviewer, app):
    reviewer.goto("/review/")
    remaining = reviewer.locator("#remaining")
    before = int(remaining.inner_text())
    first = reviewer.locator("#queue li.item").first
    claim_id = int(first.get_attribute("data-claim-id"))
    reviewer.keyboard.press("a")
    expect(first.locator(".result")).to_contain_text("accepted")
    expect(remaining).to_have_text(str(before - 1))
    assert stored(app, claim_id)["status"] == "accepted"
    reviewer.keyboard.press("u")
    expect(first.locator(".result")).to_have_text("")
    expect(remaining).to_have_text(str(before))
    assert stored(app, claim_id)["status"] == "new"


def test_a_reviewer_adds_a_page(reviewer, app, tmp_path):
    page = tmp_path / "kazan.html"
    page.write_text(PAGE, encoding="utf-8")
    reviewer.goto("/documents/add/")
    reviewer.set_input_files("input[name=files]", str(page))
    reviewer.locator("form#add button[type=submit]").click()
    expect(reviewer.locator("#summary")).to_contain_text("documents: 1 added")
    assert any(c["text"] == "200" and c["source"] == "upload/kazan.html" for c in claims_of_ledger(app.db))


def test_screenshots_at_1366_by_768(browser, app, tmp_path):
    from liveapp import login

    context = browser.new_context(base_url=app.url, viewport={"width": 1366, "height": 768}, locale="en-US")
    page = context.new_page()
    login(page, "reviewer")
    keep = os.environ.get("TALLYBOOK_SCREENSHOTS")
    headers = {}
    for name, url in (("claims", "/claims/"), ("review", "/review/"), ("claims-ru", "/ru/claims/")):
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1366, f"{url} is {width}px wide: it scrolls sideways on a laptop"
        headers[url] = page.locator("header.top").bounding_box()["height"]
        shot = tmp_path / f"{name}.png"
        page.screenshot(path=str(shot))
        assert shot.read_bytes().startswith(b"\x89PNG")
        if keep:
            os.makedirs(keep, exist_ok=True)
            shutil.copy(shot, os.path.join(keep, shot.name))
    assert len(set(headers.values())) == 1, f"the menu takes more lines in one language: {headers}"
    dates = page.locator("#claims td.col-source .date").evaluate_all("ds => ds.map(d => d.getClientRects().length)")
    assert dates and set(dates) == {1}  # a date never breaks over two lines
    context.close()


RU_MONTHS = {"янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."}
EN_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}


def chart_ticks(page, url: str) -> tuple[list[str], list[str], str]:
    """The x and y tick labels a measure's chart drew, and its legend's text."""
    page.goto(url)
    chart = page.locator("#chart[data-drawn=true]")
    expect(chart).to_have_count(1)
    xs = [t.split("\n")[0] for t in chart.get_attribute("data-x-ticks").split("|")]
    return xs, chart.get_attribute("data-y-ticks").split("|"), page.locator(".u-legend").inner_text()


def test_the_chart_speaks_the_pages_language(viewer):
    xs, ys, legend = chart_ticks(viewer, "/ru/measures/casualties.killed/")
    assert set(xs) <= RU_MONTHS and len(set(xs)) > 2, xs
    assert any("тыс." in y for y in ys) and not any(y.endswith("k") or y.endswith("K") for y in ys), ys
    assert "Дата" in legend and "Time" not in legend
    xs, ys, legend = chart_ticks(viewer, "/measures/casualties.killed/")
    assert set(xs) <= EN_MONTHS and any(y.endswith("K") for y in ys) and "Date" in legend, (xs, ys)
