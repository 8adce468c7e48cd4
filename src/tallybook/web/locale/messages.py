"""Every message the interface asks to translate: templates (through Django's templatize, as
makemessages reads them), the web package's Python (gettext, pgettext and their lazy forms), and
the packs' measure and incident type names.

`python -m tallybook.web.locale.messages` lists those the Russian catalogue lacks, so a test can
fail on an untranslated string and a translator can see which.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.pofile import read_po

WEB = Path(__file__).resolve().parent.parent
KEYWORDS = {
    **DEFAULT_KEYWORDS,
    "gettext_lazy": None,
    "pgettext_lazy": ((1, "c"), 2),
    "pgettext": ((1, "c"), 2),
    "ngettext_lazy": (1, 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
    "_": None,
}
CATALOGUE = WEB / "locale" / "ru" / "LC_MESSAGES" / "django.po"

Message = tuple[str | None, str]  # (context, msgid)


def _from_code(code: str) -> set[Message]:
    found = set()
    for _line, message, _comments, context in extract("python", io.BytesIO(code.encode()), keywords=KEYWORDS):
        msgid = message[0] if isinstance(message, tuple) else message
        if msgid:
            found.add((context, msgid))
    return found


def wanted() -> set[Message]:
    """The (context, msgid) of every translatable string of the web app."""
    import django

    from tallybook import ledger

    ledger.setup()
    django.setup()
    from django.utils.translation.template import templatize

    found: set[Message] = set()
    for path in sorted((WEB / "templates").rglob("*.html")):
        found |= _from_code(templatize(path.read_text(encoding="utf-8"), origin=str(path)))
    for path in sorted(WEB.rglob("*.py")):
        if "migrations" not in path.parts and "locale" not in path.parts:
            found |= _from_code(path.read_text(encoding="utf-8"))
    from ..labels import incident_labels, pack_labels

    return found | {("measure", label) for label in pack_labels()} | {("incident", t) for t in incident_labels()}


def translated() -> set[Message]:
    """The (context, msgid) the Russian catalogue translates (every form non-empty)."""
    with CATALOGUE.open("rb") as f:
        catalog = read_po(f)
    done = set()
    for m in catalog:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if all(strings) and not m.fuzzy:
            done.add((m.context, m.id[0] if isinstance(m.id, tuple) else m.id))
    return done


def missing() -> list[Message]:
    return sorted(wanted() - translated(), key=lambda m: (m[0] or "", m[1]))


if __name__ == "__main__":
    for context, msgid in missing():
        print(f"{context or ''}\t{msgid}")
    sys.exit(0)
