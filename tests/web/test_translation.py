"""The Russian interface: every string translated, and the compiled catalogue matches its source."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import tallybook.web

MESSAGES = Path(tallybook.web.__file__).parent / "locale" / "ru" / "LC_MESSAGES"
_ENTRY = re.compile(
    r'^(#[^\n]*\n)*msgid ((?:"[^\n]*"\n)+)(?:msgid_plural (?:"[^\n]*"\n)+)?'
    r'((?:msgstr(?:\[\d\])? (?:"[^\n]*"\n)+)+)',
    re.MULTILINE,
)


def _joined(quoted: str) -> str:
    return "".join(re.findall(r'"(.*)"', quoted)).encode().decode("unicode_escape").encode("latin-1").decode()


def entries() -> list[tuple[str, str, list[str]]]:
    """(comments, msgid, msgstrs) of each entry of django.po but the header."""
    po = (MESSAGES / "django.po").read_text(encoding="utf-8") + "\n"
    found = []
    for m in _ENTRY.finditer(po):
        strs = [_joined(part) for part in re.split(r"msgstr(?:\[\d\])? ", m.group(3)) if part.strip()]
        if _joined(m.group(2)):
            found.append((m.group(0), _joined(m.group(2)), strs))
    return found


def test_every_string_is_translated_and_none_is_fuzzy():
    found = entries()
    assert len(found) > 50
    assert [msgid for _, msgid, strs in found if not all(strs)] == []
    assert [msgid for comments, msgid, _ in found if "fuzzy" in comments.split("msgid")[0]] == []


def test_the_compiled_catalogue_matches_the_source():
    with open(MESSAGES / "django.mo", "rb") as f:
        catalogue = gettext.GNUTranslations(f)
    from babel.messages.pofile import read_po

    with open(MESSAGES / "django.po", "rb") as f:
        in_context = {m.id for m in read_po(f) if m.context}  # checked with their context below
    singular = [(msgid, strs[0]) for _, msgid, strs in entries() if len(strs) == 1 and msgid not in in_context]
    assert [msgid for msgid, text in singular if catalogue.gettext(msgid) != text] == []


def test_every_string_of_the_interface_is_in_the_catalogue():
    """Templates, the web package's Python and the pack's measure names: none left in English."""
    from tallybook.web.locale.messages import missing

    assert missing() == []


def test_the_compiled_catalogue_matches_with_contexts():
    from babel.messages.pofile import read_po

    with open(MESSAGES / "django.po", "rb") as f:
        catalog = read_po(f)
    with open(MESSAGES / "django.mo", "rb") as f:
        compiled = gettext.GNUTranslations(f)
    wrong = [
        m.id
        for m in catalog
        if m.id and m.context and isinstance(m.string, str) and compiled.pgettext(m.context, m.id) != m.string
    ]
    assert wrong == []


def test_russian_plurals_and_labels_on_the_pages(as_user):
    html = as_user("viewer").get("/ru/claims/").content.decode()
    assert "4 утверждения" in html  # 2–4: the second plural form
    assert "новое" in html and "около" in html and ">new<" not in html
    queue = as_user("viewer").get("/ru/review/").content.decode()
    assert '<b id="remaining">4</b> новых утверждения' in queue and "Последние изменения" in queue


def test_every_population_concept_and_period_of_the_pack_has_a_name():
    """A scope part a measure key can carry is shown in words (and so translated), never as its id."""
    from tallybook.extraction.measures import load_pack
    from tallybook.web.labels import CONCEPTS, PERIODS, POPULATIONS

    pack = load_pack()
    assert {p.id for p in pack.populations} - POPULATIONS.keys() == set()
    assert {c.id for c in pack.concepts} - CONCEPTS.keys() == set()
    assert set(pack.scope.periods) - PERIODS.keys() == set()
