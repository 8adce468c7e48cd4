"""The claims table: facets with counts that narrow the view, sorting by a column's header, the
source on every row."""

from __future__ import annotations

import re

from tallybook.ledger.models import Claim


def facet(html: str, name: str) -> list[tuple[str, int, str]]:
    """(label, count, link) of one facet."""
    part = html.split(f'data-facet="{name}"', 1)[1].split("</section>", 1)[0]
    return [
        (label, int(n), href.replace("&amp;", "&"))
        for href, label, n in re.findall(r'<a href="\?([^"]*)"[^>]*>([^<]*)</a> <span class="n">(\d+)</span>', part)
    ]


def test_facets_count_the_view_and_narrow_it(as_user, web_ledger):
    client = as_user("viewer")
    html = client.get("/claims/").content.decode()
    hedges = facet(html, "hedge")
    assert sorted((label, n) for label, n, _ in hedges) == [("approx", 1), ("exact", 2), ("upper", 1)]
    assert dict((label, n) for label, n, _ in facet(html, "document")) == {"Daily losses": 2, "Night raid": 2}
    assert ("new", 4) in [(label, n) for label, n, _ in facet(html, "status")]
    exact = next(link for label, _, link in hedges if label == "exact")
    narrowed = client.get(f"/claims/?{exact}").content.decode()
    assert sorted(int(i) for i in re.findall(r'<tr data-claim-id="(\d+)"', narrowed)) == sorted(
        Claim.objects.filter(hedge="exact").values_list("id", flat=True)
    )
    assert dict((label, n) for label, n, _ in facet(narrowed, "document")) == {"Daily losses": 1, "Night raid": 1}
    assert 'class="clear"' in narrowed.split('data-facet="hedge"', 1)[1].split("</section>")[0]


def test_a_column_header_sorts_and_sorts_back(as_user, web_ledger):
    client = as_user("viewer")
    html = client.get("/claims/").content.decode()
    link = re.search(r'<th class="col-value"><a class="sort" href="\?([^"]*)"', html).group(1)
    assert link == "sort=-value"
    by_value = client.get(f"/claims/?{link}").content.decode()
    texts = re.findall(r'<td class="col-text"><a href="/claims/\d+/">([^<]*)</a>', by_value)
    assert texts == ["about 1,500", "500", "up to 40", "12"]
    header = re.search(r'<th class="col-value" aria-sort="descending"><a class="sort" href="\?([^"]*)"', by_value)
    assert header.group(1) == "sort=value"


def test_every_row_names_its_source(as_user, web_ledger):
    html = as_user("viewer").get("/claims/").content.decode()
    sources = re.findall(
        r'<td class="col-source"><a href="/documents/\d+/"[^>]*>([^<]*)</a>.*?<span class="date">([^<]*)</span>',
        html,
        re.S,
    )
    assert sorted(set(sources)) == [("Daily losses", "2024-11-10"), ("Night raid", "2024-12-01")]
