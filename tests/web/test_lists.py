"""Lists say what a figure is: units, ranges, sorting within a unit; bad parameters are refused;
the document page names its source; the overview's newest are the newest published."""

from __future__ import annotations

import re

import pytest

from tallybook.ledger.models import Claim, Document
from tallybook.ledger.store import ingest_document
from tallybook.model import Document as Doc

FIGURES = "Turnout fell by 27% on Sunday, the commission said. Police said 30 to 40 people were detained in Minsk."


@pytest.fixture
def figures(web_ledger):
    ingest_document(
        Doc(
            FIGURES,
            "reports/minsk.txt",
            title="Minsk",
            published="2024-12-02",
            lang="en",
            source_note="written for the project from the commission's statement",
        )
    )
    return web_ledger


def rows(html: str) -> list[str]:
    table = html.split('<table id="claims">', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<tr data-claim-id="\d+".*?</tr>', table, re.S)


def test_units_and_ranges_are_shown_in_every_list(as_user, figures):
    client = as_user("viewer")
    claims = client.get("/claims/").content.decode()
    assert '<td class="num">27%</td>' in claims and '<td class="num">30–40</td>' in claims
    queue = client.get("/review/").content.decode()
    assert "= 27%" in queue and "= 30–40" in queue
    Claim.objects.filter(text="30 to 40").update(speaker="Minsk police", speaker_kind="org")
    speaker = client.get("/speakers/Minsk police/").content.decode()
    assert '<td class="num">30–40</td>' in speaker
    ru = client.get("/ru/claims/").content.decode()
    assert '<td class="num">27%</td>' in ru and '<td class="num">1\u00a0500</td>' in ru


def test_sorting_by_value_keeps_percentages_apart(as_user, figures):
    html = as_user("viewer").get("/claims/?sort=value").content.decode()
    values = [re.search(r'<td class="num">(.*?)</td>', r).group(1) for r in rows(html)]
    assert values == ["12", "30–40", "40", "500", "1,500", "27%"]
    html = as_user("viewer").get("/claims/?sort=-value").content.decode()
    values = [re.search(r'<td class="num">(.*?)</td>', r).group(1) for r in rows(html)]
    assert values == ["1,500", "500", "40", "30–40", "12", "27%"]


@pytest.mark.parametrize(
    "url, says",
    [
        ("/claims/?since=notadate", "since='notadate': not a date"),
        ("/claims/?sort=bogus", "sort='bogus': one of"),
        ("/claims/?status=done&hedge=roughly", "status='done'"),
        ("/documents/?until=2024-13-45", "until='2024-13-45': not a date"),
    ],
)
def test_bad_parameters_are_refused_with_a_message(as_user, url, says):
    response = as_user("viewer").get(url)
    html = response.content.decode()
    assert response.status_code == 400 and 'id="error"' in html and says in html.replace("&#x27;", "'")
    assert "data-claim-id=" not in html and "data-document-id=" not in html


@pytest.mark.parametrize(
    "url",
    [
        "/api/claims?since=notadate",
        "/api/claims?sort=bogus",
        "/api/documents?lang=xx",
        "/api/speakers?status=done",
        "/claims/export.csv?sort=x",
    ],
)
def test_bad_parameters_are_refused_by_the_api_and_export(as_user, url):
    response = as_user("viewer").get(url)
    assert response.status_code == 400
    assert (
        "sort" in response.content.decode()
        or "since" in response.content.decode()
        or "lang" in response.content.decode()
        or "status" in response.content.decode()
    )


def test_the_document_page_shows_the_named_source_not_a_path(as_user, figures):
    doc = Document.objects.get(source="reports/minsk.txt")
    html = as_user("viewer").get(f"/documents/{doc.id}/").content.decode()
    source = html.split('id="source">', 1)[1].split("</p>", 1)[0]
    assert "written for the project from the commission" in source
    assert "reports/" not in html and "minsk.txt" in source


def test_newest_documents_are_by_publication_date(as_user, figures):
    ingest_document(
        Doc("An older report said 7 drones flew.", "reports/old.txt", title="Old one", published="2020-01-01")
    )
    html = as_user("viewer").get("/").content.decode()
    newest = html.split('id="newest">', 1)[1].split("</ul>", 1)[0]
    titles = re.findall(r'<a href="/documents/\d+/">(.*?)</a>', newest)
    assert titles == ["Minsk", "Night raid", "Daily losses", "Old one"]


def test_context_is_cut_at_words(as_user, web_ledger):
    words = " ".join(f"word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(120))
    ingest_document(Doc(f"{words}. Police said 77 people were detained. {words}.", "reports/long.txt", lang="en"))
    claim = Claim.objects.get(text="77")
    html = as_user("viewer").get(f"/claims/{claim.id}/").content.decode()
    context = html.split('id="context">', 1)[1].split("</blockquote>", 1)[0]
    before, after = context.split('<span class="sentence">')[0], context.rsplit("</span>", 1)[1]
    assert re.match(r"…word[a-z]{2} ", before) and re.search(r" word[a-z]{2}…$", after)
    assert all(re.fullmatch(r"word[a-z]{2}\.?", w) for w in (before[1:].split() + after[:-1].split()))
