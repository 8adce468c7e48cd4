"""The Russian interface: every string translated, and the compiled catalogue matches its source."""
from __future__ import annotations

import gettext
import re
from pathlib import Path

import tallybook.web

MESSAGES = Path(tallybook.web.__file__).parent / "locale" / "ru" / "LC_MESSAGES"
_ENTRY = re.compile(r'^(#[^\n]*\n)*msgid ((?:"[^\n]*"\n)+)(?:msgid_plural (?:"[^\n]*"\n)+)?'
                    r'((?:msgstr(?:\[\d\])? (?:"[^\n]*"\n)+)+)', re.MULTILINE)


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
    singular = [(msgid, strs[0]) for _, msgid, strs in entries() if len(strs) == 1]
    assert [msgid for msgid, text in singular if catalogue.gettext(msgid) != text] == []
