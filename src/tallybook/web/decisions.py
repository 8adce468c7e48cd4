"""A review form (the claim page, the queue, the API) → the changes it makes to a claim, applied.

Nothing is thrown away without a word: an edit sent with decision "accept" is recorded as a
correction; numbers are read in the reviewer's locale («1,5» is 1.5) or refused; a measure must be
one of the pack's or the ledger's unless the form asks for a new one; a speaker typed in without a
kind takes the kind the ledger or the lexicon gives the name (a ministry stays a body).
"""

from __future__ import annotations

import math
import re

from django.utils.translation import get_language

from tallybook.extraction.measures import is_measure_id, load_pack
from tallybook.ledger import query
from tallybook.ledger.models import Claim, Entity
from tallybook.ledger.review import review_claim
from tallybook.lexicons import lexicon

from .filters import HEDGES
from .inputs import NumberError, parse_number

NUMBERS = ("value", "value_max")
TEXTS = ("unit", "counted", "speaker", "speaker_role", "speaker_org", "period", "time_ref")
KINDS = ("person", "org")
FORM_FIELDS = (*NUMBERS, "hedge", *TEXTS, "speaker_kind", "measure")


class FormError(ValueError):
    """A form field that cannot be read; the message names the field and what was sent."""


def apply_review(user, claim: Claim, decision: str, form) -> None:
    """Record a decision by `user`; an edit sent with "accept" is a correction, an edit sent with
    "reject" is refused rather than dropped. Raises ReviewError/FormError."""
    changes = changes_from(form, claim) if decision in ("accept", "correct") else {}
    if decision == "reject" and changes_from(form, claim):
        raise FormError("reject: the form also changes fields; correct or reject, not both")
    review_claim(
        claim.id,
        decision_of(decision, changes),
        user.get_username(),
        changes,
        note=form.get("reason", "").strip(),
        user=user,
    )


def known_measures() -> list[str]:
    """The measures a reviewer may choose: the bundled pack's and those the ledger's claims carry."""
    return sorted({m.id for m in load_pack().measures} | set(query.measures_in_use()))


def changes_from(form, claim: Claim, lang: str | None = None) -> dict:
    """The fields of `form` that differ from `claim`, typed (empty text clears a field)."""
    lang = lang or (get_language() or "en")
    if str(form.get("measure_new") or "").strip():  # the page's "or a new measure" field
        form = {**{k: form.get(k) for k in form}, "measure": form["measure_new"].strip(), "new_measure": "on"}
    new = {name: _field(name, form[name], claim, lang) for name in FORM_FIELDS if name in form}
    if new.get("value", claim.value) is None:
        raise FormError("value: a claim needs a value")
    _check_measure(new.get("measure"), claim, form)
    changes = {k: v for k, v in new.items() if v != getattr(claim, k)}
    if "speaker" in changes and not form.get("speaker_kind"):
        changes["speaker_kind"] = kind_of(changes["speaker"])
    changes = {k: v for k, v in changes.items() if v != getattr(claim, k)}
    _check_range(changes, claim)
    return changes


def decision_of(decision: str, changes: dict) -> str:
    """The decision a form records: an accept that edits a field is a correction."""
    return "correct" if decision == "accept" and changes else decision


def _field(name: str, raw, claim: Claim, lang: str):
    """One field's new value from the form (a string from a page, typed from the API)."""
    text = raw.strip() if isinstance(raw, str) else raw
    if name in NUMBERS:
        return _number(name, text, lang)
    if name == "hedge":
        if text in ("", None):
            return claim.hedge
        if text not in HEDGES:
            raise FormError(f"hedge: {text!r} is not one of {', '.join(HEDGES)}")
        return text
    if name == "speaker_kind":
        if text in ("", None):
            return claim.speaker_kind
        if text not in KINDS:
            raise FormError(f"speaker_kind: {text!r} is not person or org")
        return text
    return text or None


def _number(name: str, text, lang: str) -> float | None:
    if text in ("", None):
        return None
    if isinstance(text, (int, float)):
        if not math.isfinite(text):
            raise FormError(f"{name}: not a finite number ({text!r})")
        return float(text)
    try:
        return parse_number(text, lang)
    except NumberError:
        if _infinite(text):
            raise FormError(f"{name}: not a finite number ({text[:40]!r})") from None
        raise FormError(f"{name}: not a number ({text[:40]!r})") from None


def _infinite(text: str) -> bool:
    """True for what Python reads as a number that is not finite ("nan", "inf", "1e309")."""
    try:
        return not math.isfinite(float(text))
    except ValueError:
        return False


def _check_measure(measure: str | None, claim: Claim, form) -> None:
    """A measure is chosen from those that exist; a new one only when the form says so."""
    if measure is None or measure == claim.measure:
        return
    if not is_measure_id(measure):
        raise FormError(f"review: measure must be dotted lower-case words (casualties.killed), not {measure[:80]!r}")
    if measure in known_measures():
        return
    if str(form.get("new_measure", "")).lower() not in ("1", "true", "on", "yes"):
        raise FormError(f"measure: {measure!r} is not a known measure (tick 'new measure' to make one)")


def _check_range(changes: dict, claim: Claim) -> None:
    lo = changes.get("value", claim.value)
    hi = changes.get("value_max", claim.value_max)
    if hi is not None and hi < lo:
        raise FormError(f"value_max: {hi:g} is below the value {lo:g}")


def kind_of(speaker: str | None) -> str | None:
    """The kind of a speaker typed in: as the ledger already has the name, else a body when
    the name holds a lexicon's word for a body ("Ministry", «комитет»), else a person."""
    if not speaker:
        return None
    seen = (
        Claim.objects.filter(speaker=speaker)
        .exclude(speaker_kind__isnull=True)
        .values_list("speaker_kind", flat=True)
        .first()
    )
    if seen:
        return seen
    if Entity.objects.filter(kind="org", name=speaker).exists() or Claim.objects.filter(speaker_org=speaker).exists():
        return "org"
    words = set(re.findall(r"\w+", speaker.lower()))
    bodies = lexicon("en").words("attribution", "bodies") | lexicon("ru").words("attribution", "bodies")
    stems = tuple(b[:-1] for b in bodies if len(b) > 4)  # «министерство» → «министерств»: any case
    return "org" if words & bodies or any(w.startswith(stems) for w in words) else "person"
