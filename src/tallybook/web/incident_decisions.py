"""A review form of an incident (its page, the API) → the changes it makes, checked, then applied.

As for claims: an edit sent with "accept" is a correction, an edit sent with "reject" is refused
rather than dropped, coordinates are read in the reviewer's locale («55,8») or refused. The
affected group stays a group: a name that reads as a person's (every word capitalised, «Рустам
Назаров») or a person the ledger knows is refused, so no reviewer can store one there either.
"""

from __future__ import annotations

import math
import re

from django.utils.translation import get_language

from tallybook.ledger.entities import normalised
from tallybook.ledger.incident_query import COUNTRY, PRECISIONS, REGION
from tallybook.ledger.incidents import review_incident
from tallybook.ledger.models import Entity, Incident, SourceName
from tallybook.model import INCIDENT_TYPES

from .decisions import FormError, decision_of
from .inputs import NumberError, parse_number

TEXTS = ("actor", "affected", "place_raw", "place_name")
CODES = {"country": COUNTRY, "region": REGION}
CHOICES = {"type": INCIDENT_TYPES, "precision": PRECISIONS, "date_precision": ("day", "month", "year")}
BOUNDS = {"lat": 90.0, "lon": 180.0}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FORM_FIELDS = ("type", *TEXTS, "country", "region", "precision", "lat", "lon", "date", "date_precision")
NAME_WORD = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё'’-]+$")


def apply_incident_review(user, inc: Incident, decision: str, form) -> None:
    """Record a decision by `user` on `inc`; raises IncidentReviewError or FormError."""
    changes = incident_changes(form, inc) if decision in ("accept", "correct") else {}
    if decision == "reject" and incident_changes(form, inc):
        raise FormError("reject: the form also changes fields; correct or reject, not both")
    note = str(form.get("reason") or "").strip()
    review_incident(inc.id, decision_of(decision, changes), user.get_username(), changes, note=note, user=user)


def incident_changes(form, inc: Incident, lang: str | None = None) -> dict:
    """The fields of `form` that differ from `inc`, typed and checked (empty text clears a field)."""
    lang = lang or (get_language() or "en")
    new = {name: _field(name, form[name], lang) for name in FORM_FIELDS if name in form}
    if new.get("type", inc.type) is None:
        raise FormError("type: an incident needs a type")
    changes = {k: v for k, v in new.items() if not _same(v, getattr(inc, k))}
    if changes.get("affected"):
        _check_group(changes["affected"])
    return changes


def _same(new, old) -> bool:
    """Is the form's value the stored one? Coordinates as the form shows them (six decimals)."""
    if isinstance(new, float) and isinstance(old, float):
        return abs(new - old) < 5e-7
    return new == old


def _field(name: str, raw, lang: str):
    """One field's new value: None for an empty one; FormError naming it when it means nothing."""
    text = raw.strip() if isinstance(raw, str) else raw
    if text in (None, ""):
        return None
    if name in BOUNDS:
        return _coordinate(name, text, lang)
    text = str(text)
    if name in CODES:
        text = text.upper()
        if not CODES[name].match(text):
            raise FormError(f"{name}: not an ISO 3166 code ({text!r})")
    if name in CHOICES and text not in CHOICES[name]:
        raise FormError(f"{name}: one of {', '.join(CHOICES[name])} ({text!r})")
    if name == "date" and not DATE.match(text):
        raise FormError(f"date: YYYY-MM-DD, YYYY-MM or YYYY ({text!r})")
    return text


def _coordinate(name: str, raw, lang: str) -> float:
    try:
        value = raw if isinstance(raw, (int, float)) else parse_number(str(raw), lang)
    except NumberError:
        raise FormError(f"{name}: not a number ({raw!r})") from None
    if not math.isfinite(value) or abs(value) > BOUNDS[name]:
        raise FormError(f"{name}: not a {'latitude' if name == 'lat' else 'longitude'} ({raw!r})")
    return float(value)


def _check_group(text: str) -> None:
    """FormError when `text` reads as a person's name rather than a group's."""
    words = text.split()
    if len(words) >= 2 and all(NAME_WORD.match(w) for w in words):
        raise FormError(f"affected: a group as the text names it, not a person's name ({text!r})")
    known = Entity.objects.filter(kind="person", norm=normalised(text)).exists() or (
        SourceName.objects.filter(folded=text.casefold(), source__kind="person").exists()
    )
    if known:
        raise FormError(f"affected: {text!r} is a person the ledger knows, not a group")
