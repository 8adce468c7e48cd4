"""The web app in headless Chromium: log in, filter, search, read a document, review, chart.

Expected rows come from the ledger itself (`tallybook claims --format jsonl` on the served
database), so the pages are checked against the CLI's view of the same claims.
"""

from __future__ import annotations

import pytest
from liveapp import claims_of_ledger, login
from playwright.sync_api import expect

pytestmark = pytest.mark.browser  # the quick loop skips these: pytest -m "not browser"

ROWS = "#claims tr[data-claim-id]"


def row_ids(page) -> list[int]:
    return [int(i) for i in page.locator(ROWS).evaluate_all("rows => rows.map(r => r.dataset.claimId)")]


def wait_for_rows(page, ids: set[int], count: int) -> None:
    """Wait until the table shows `count` rows, every one of them among `ids`."""
    page.wait_for_function(
        """([ids, count]) => {
             const rows = [...document.querySelectorAll('#claims tr[data-claim-id]')];
             return rows.length === count && rows.every(r => ids.includes(Number(r.dataset.claimId)));
           }""",
        arg=[sorted(ids), count],
    )


def search_ids(app, words: str) -> set[int]:
    """Ids of the claims `tallybook claims --search words` lists."""
    return {c["id"] for c in claims_of_ledger(app.db, "--search", words)}


@pytest.fixture(scope="module")
def page_size(browser, app) -> int:
    """Rows on the unfiltered first page of /claims/ (all claims, or one page of them)."""
    context = browser.new_context(base_url=app.url)
    page = context.new_page()
    login(page, "viewer")
    page.goto("/claims/")
    n = page.locator(ROWS).count()
    context.close()
    assert n > 0
    return n


def test_login_opens_the_claims(anonymous, ledger_claims):
    login(anonymous, "viewer")
    assert "/accounts/login/" not in anonymous.url
    anonymous.goto("/claims/")
    expect(anonymous.locator(ROWS).first).to_be_visible()
    assert set(row_ids(anonymous)) <= {c["id"] for c in ledger_claims}


def test_a_wrong_password_stays_on_the_login_page(anonymous):
    anonymous.goto("/accounts/login/")
    anonymous.fill("#id_username", "viewer")
    anonymous.fill("#id_password", "not-the-password")
    with anonymous.expect_navigation():
        anonymous.click("button[type=submit]")
    expect(anonymous.locator("#id_password")).to_be_visible()
    anonymous.goto("/claims/")  # still anonymous: sent back to the login page
    assert "/accounts/login/" in anonymous.url
    expect(anonymous.locator(ROWS)).to_have_count(0)


def test_filter_form_by_language(viewer, ledger_claims, page_size):
    russian = {c["id"] for c in ledger_claims if c["lang"] == "ru"}
    viewer.goto("/claims/")
    field = viewer.locator("form#filters [name=lang]")
    if field.evaluate("el => el.tagName") == "SELECT":
        field.select_option("ru")
    else:
        field.fill("ru")
    viewer.locator("form#filters").evaluate("f => f.requestSubmit()")
    wait_for_rows(viewer, russian, min(len(russian), page_size))


def in_measure(c: dict, measure: str) -> bool:
    """A measure filter takes the measure and its scoped keys ("casualties.killed@india")."""
    return bool(c["measure"]) and (c["measure"] == measure or c["measure"].startswith(measure + "@"))


@pytest.mark.parametrize(
    "params, keep",
    [
        (
            "measure=recruitment.naturalized_sent_to_front",
            lambda c: in_measure(c, "recruitment.naturalized_sent_to_front"),
        ),
        ("measure=casualties.killed&lang=ru", lambda c: in_measure(c, "casualties.killed") and c["lang"] == "ru"),
        ("lang=en&hedge=approx", lambda c: c["lang"] == "en" and c["hedge"] == "approx"),
    ],
)
def test_filters_in_the_address(viewer, ledger_claims, page_size, params, keep):
    expected = {c["id"] for c in ledger_claims if keep(c)}
    assert expected
    viewer.goto(f"/claims/?{params}")
    wait_for_rows(viewer, expected, min(len(expected), page_size))


@pytest.mark.parametrize("words", ["Бастрыкин", "Bastrykin"])
def test_full_text_search_from_the_form(viewer, app, page_size, words):
    expected = search_ids(app, words)
    assert expected
    viewer.goto("/claims/")
    viewer.fill("form#filters [name=q]", words)
    viewer.locator("form#filters").evaluate("f => f.requestSubmit()")
    wait_for_rows(viewer, expected, min(len(expected), page_size))


def test_a_document_highlights_its_claims(viewer, ledger_claims):
    by_doc: dict[int, list[dict]] = {}
    for c in ledger_claims:
        by_doc.setdefault(c["document_id"], []).append(c)
    doc, claims = max(by_doc.items(), key=lambda kv: len(kv[1]))
    viewer.goto(f"/documents/{doc}/")
    marks = viewer.locator("mark.claim[data-claim-id]")
    expect(marks).to_have_count(len(claims))
    shown = dict(
        zip((int(i) for i in marks.evaluate_all("ms => ms.map(m => m.dataset.claimId)")), marks.all_inner_texts())
    )
    assert shown == {c["id"]: c["text"] for c in claims}


def test_a_claim_mark_shows_its_fields_on_hover_and_focus(viewer, ledger_claims):
    claim = next(c for c in ledger_claims if c["speaker"] and c["measure"])
    viewer.goto(f"/documents/{claim['document_id']}/")
    mark = viewer.locator(f"mark.claim[data-claim-id='{claim['id']}']")
    title = mark.get_attribute("title")  # the hover tooltip
    assert claim["speaker"] in title and claim["measure"] in title
    card = "m => getComputedStyle(m, '::after').content"
    assert claim["speaker"] not in mark.evaluate(card)
    mark.focus()
    viewer.wait_for_function(
        f"([m, speaker]) => ({card})(m).includes(speaker)", arg=[mark.element_handle(), claim["speaker"]]
    )


def test_a_reviewer_corrects_a_value_and_sees_the_history(reviewer, app, ledger_claims):
    claim = next(c for c in ledger_claims if c["text"] == "498" and c["lang"] == "en")
    reviewer.goto(f"/claims/{claim['id']}/")
    history = reviewer.locator("ul#history > li")
    expect(history).to_have_count(0)  # not changed since extraction
    form = reviewer.locator("form#review")
    form.locator("select[name=decision]").select_option("correct")
    form.locator("[name=value]").fill("512")
    form.locator("[name=reason]").fill("the report's own table says 512")
    form.locator("button[type=submit]").click()
    expect(history).to_have_count(2)  # the claim as extracted, then the correction
    expect(history.nth(1)).to_contain_text("as extracted")
    entry = history.nth(0)
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("498")
    stored = next(c for c in claims_of_ledger(app.db) if c["id"] == claim["id"])
    assert (stored["value"], stored["status"]) == (512.0, "corrected")


def test_a_viewer_gets_no_review_form(viewer, ledger_claims):
    claim = ledger_claims[0]
    viewer.goto(f"/claims/{claim['id']}/")
    expect(viewer.locator("ul#history")).to_have_count(1)
    expect(viewer.locator("form#review")).to_have_count(0)


def test_a_measure_draws_its_chart(viewer, ledger_claims, tmp_path):
    measure = "casualties.killed"
    assert any(c["measure"] == measure for c in ledger_claims)
    viewer.goto(f"/measures/{measure}/")
    chart = viewer.locator("#chart[data-drawn=true]")
    expect(chart).to_have_count(1)
    expect(chart.locator("canvas")).to_be_visible()
    assert int(chart.get_attribute("data-points")) > 0
    shot = tmp_path / "measure.png"
    viewer.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


def test_the_uk_mod_page_lists_all_its_figures_in_both_languages(viewer, ledger_claims):
    # every claim the extractor put on the UK MoD, under any name ("British Defence Intelligence",
    # «британская разведка», «Министерство обороны Великобритании»…), on one page
    mod = [c for c in ledger_claims if c["speaker_id"] == "uk-ministry-of-defence"]
    assert {c["lang"] for c in mod} == {"en", "ru"}
    assert len({c["speaker"] for c in mod}) >= 4
    viewer.goto(
        "/speakers/%D0%B1%D1%80%D0%B8%D1%82%D0%B0%D0%BD%D1%81%D0%BA%D0%B0%D1%8F%20%D1%80%D0%B0%D0%B7%D0%B2%D0%B5%D0%B4%D0%BA%D0%B0/"
    )  # any of its names, any case
    expect(viewer.locator("h1")).to_contain_text("UK Ministry of Defence")
    expect(viewer.locator(ROWS)).to_have_count(len(mod))
    assert set(row_ids(viewer)) == {c["id"] for c in mod}
    heading = viewer.locator("h1").inner_text()
    assert "Министерство обороны Великобритании" in heading and "британская разведка" in heading
    people = [c for c in ledger_claims if c["speaker_id"] == "tony-radakin"]  # its Chief of the Defence Staff
    assert people
    viewer.click("#people")
    expect(viewer.locator(ROWS)).to_have_count(len(mod) + len(people))
    assert set(row_ids(viewer)) == {c["id"] for c in mod + people}
