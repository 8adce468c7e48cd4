"""The bundled sample corpus, end to end: every report reads, figures recur and disagree."""

from pathlib import Path

import pytest

from tallybook import extract
from tallybook.reports import read_report

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def test_corpus_is_there_and_says_what_it_is():
    assert 20 <= len(SAMPLES) <= 40
    langs = set()
    for path in SAMPLES:
        report = read_report(path)
        assert "restates" in report.meta["source"] or "written for the project" in report.meta["source"]
        assert report.meta["published"][:2] == "20"
        langs.add(report.meta["language"])
    assert langs == {"en", "ru"}


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_report_yields_claims_with_spans_in_its_body(path):
    report = read_report(path)
    body = report.text[report.body_start :]
    claims = extract(body, published=report.meta["published"])
    assert claims, path.name
    for c in claims:
        assert body[c.start : c.end] == c.text
        assert c.lang == report.meta["language"]


def test_bastrykin_figures_recur_and_are_revised():
    files_by_value, bastrykin = {}, set()
    for path in SAMPLES:
        report = read_report(path)
        for c in extract(report.text[report.body_start :], published=report.meta["published"]):
            files_by_value.setdefault(c.value, set()).add(path.name)
            if c.speaker and "Bastrykin" in c.speaker:
                bastrykin.add(c.value)
    assert len(files_by_value[10000]) >= 3  # "about 10,000" repeated across reports, both languages
    assert any(name.startswith("ru-") for name in files_by_value[10000])
    assert {30000, 80000} <= bastrykin  # June 2024 figure and its May 2025 revision
