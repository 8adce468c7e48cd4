"""Compile locale/<lang>/LC_MESSAGES/django.po to django.mo with babel (no GNU gettext needed).

Run after editing a .po: .venv/bin/python src/tallybook/web/locale/build.py
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

for po in Path(__file__).parent.glob("*/LC_MESSAGES/django.po"):
    with po.open("rb") as f:
        catalog = read_po(f)
    with po.with_suffix(".mo").open("wb") as f:
        write_mo(f, catalog)
    print(f"{po.with_suffix('.mo')}: {len(catalog)} messages")
