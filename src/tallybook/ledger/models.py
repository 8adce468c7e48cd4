"""The ledger's tables: documents, the claims found in them, reviews, entities and mentions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

STATUSES = ("new", "accepted", "corrected", "rejected")
ACTIONS = ("accept", "correct", "reject", "undo")
ENTITY_KINDS = ("person", "org", "place")
SOURCE_KINDS = ("person", "org", "outlet", "government")


def _choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


class Document(models.Model):
    """One source text (file, page, feed entry, post, record); (source, locator) picks it out."""

    source = models.TextField()
    locator = models.TextField(default="", blank=True)
    format = models.CharField(max_length=20, default="txt")
    url = models.TextField(null=True, blank=True)
    title = models.TextField(null=True, blank=True)
    author = models.TextField(null=True, blank=True)
    published = models.CharField(max_length=40, null=True, blank=True, help_text="ISO 8601 as given")
    published_on = models.DateField(null=True, blank=True, db_index=True, help_text="date of `published`")
    lang = models.CharField(max_length=8, null=True, blank=True, db_index=True)
    text = models.TextField()
    pages = models.JSONField(default=list, blank=True, help_text="offset of each PDF page in text")
    source_note = models.TextField(null=True, blank=True, help_text="the source the report names (its 'Source:' line)")
    content_hash = models.CharField(max_length=64, help_text="sha256 of text")
    added = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "locator"], name="ledger_document_source_locator")]

    def __str__(self) -> str:
        return f"{self.source}#{self.locator}" if self.locator else self.source


class DocumentVersion(models.Model):
    """A document's text as it was before a changed copy replaced it (same source, or same URL)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    source = models.TextField()
    title = models.TextField(null=True, blank=True)
    published = models.CharField(max_length=40, null=True, blank=True)
    text = models.TextField()
    content_hash = models.CharField(max_length=64)
    stored = models.DateTimeField(help_text="when this text was stored")
    replaced = models.DateTimeField(auto_now_add=True, help_text="when a newer text replaced it")

    class Meta:
        ordering = ["replaced", "id"]


class Claim(models.Model):
    """Every field of model.Claim, its document, the extractor that found it and its review state."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="claims")
    start = models.IntegerField()
    end = models.IntegerField()
    text = models.TextField()
    value = models.FloatField()
    value_max = models.FloatField(null=True, blank=True)
    hedge = models.CharField(max_length=10)
    unit = models.CharField(max_length=40, null=True, blank=True)
    counted = models.TextField(null=True, blank=True)
    speaker = models.TextField(null=True, blank=True, db_index=True)
    speaker_id = models.CharField(
        max_length=200,
        null=True,
        blank=True,
        db_index=True,
        help_text="the extractor's key of the source; a SourceKey names its Source",
    )
    speaker_kind = models.CharField(max_length=10, null=True, blank=True, help_text="person or org")
    speaker_role = models.TextField(null=True, blank=True)
    speaker_org = models.TextField(null=True, blank=True)
    cue = models.TextField(null=True, blank=True)
    via = models.TextField(null=True, blank=True, help_text="who relayed the speaker's figure")
    rule = models.CharField(
        max_length=40, null=True, blank=True, help_text="the attribution rule that found the speaker"
    )
    period = models.TextField(null=True, blank=True)
    time_ref = models.TextField(null=True, blank=True)
    measure = models.CharField(max_length=80, null=True, blank=True, db_index=True)
    sentence_start = models.IntegerField()
    sentence_end = models.IntegerField()
    sentence_text = models.TextField(default="", blank=True, help_text="the sentence, for search and display")
    confidence = models.FloatField()
    lang = models.CharField(max_length=8, db_index=True)
    vague = models.BooleanField(default=False)
    extractor_version = models.CharField(max_length=40)
    published_on = models.DateField(
        null=True, blank=True, help_text="the document's, kept here to sort and filter fast"
    )
    status = models.CharField(max_length=10, choices=_choices(STATUSES), default="new", db_index=True)
    orphaned = models.BooleanField(default=False, help_text="reviewed, but its span is gone from the text")
    added = models.DateTimeField(auto_now_add=True)
    # Every change after extraction: who, when, why, and the row before and after. Claims as the
    # extractor wrote them (bulk inserts) have no record until a first change (see review.py).
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        indexes = [
            models.Index(fields=["document", "start"], name="ledger_claim_doc_start"),
            # the default order of the claims pages and the API: newest documents first, text order
            models.Index(fields=["-published_on", "-document", "start", "id"], name="ledger_claim_newest"),
            models.Index(
                fields=["status", "-published_on", "-document", "start", "id"], name="ledger_claim_status_newest"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.document_id}:{self.start}-{self.end})"


class Review(models.Model):
    """One human decision on a claim; reviews are only ever added, never changed."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="reviews")
    action = models.CharField(max_length=10, choices=_choices(ACTIONS))
    changes = models.JSONField(default=dict, blank=True, help_text='{"field": [before, after]}')
    reviewer = models.CharField(max_length=150, help_text="name as it was at the time")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    note = models.TextField(default="", blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]


class Entity(models.Model):
    """A person, organisation or place; `norm` (normalised name) is unique per kind."""

    kind = models.CharField(max_length=10, choices=_choices(ENTITY_KINDS))
    name = models.TextField()
    norm = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "norm"], name="ledger_entity_kind_norm")]
        verbose_name_plural = "entities"

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"


class Mention(models.Model):
    """An entity named in a document; `claim` is set when it is that claim's speaker or speaker's org."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="mentions")
    start = models.IntegerField(null=True, blank=True, help_text="null when the name is not in the text")
    end = models.IntegerField(null=True, blank=True)
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions")


class Source(models.Model):
    """One real person or body that figures are put on, however the texts write it: its keys
    (SourceKey) are the extractor's speaker_ids it answers for, its names (SourceName) the
    forms seen. Reviewers merge, split, rename and set kind and parent (ledger/sources.py)."""

    name = models.TextField()
    kind = models.CharField(max_length=12, choices=_choices(SOURCE_KINDS), default="org")
    role = models.TextField(null=True, blank=True, help_text="a person's office")
    org = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text="a person's organisation",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
        help_text="the body a unit belongs to",
    )
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    def __str__(self) -> str:
        return f"{self.name} ({self.kind})"


class SourceKey(models.Model):
    """An extractor speaker_id and the Source it belongs to (moved by a merge or a split)."""

    key = models.CharField(max_length=200, unique=True)
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="keys")
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))


class SourceName(models.Model):
    """A name a Source is written by; `folded` is its casefold, for case-insensitive search in
    any script on any backend (SQLite's own LIKE folds ASCII only)."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="names")
    name = models.TextField()
    folded = models.TextField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "folded"], name="ledger_sourcename_folded")]


class Comment(models.Model):
    """A note on a claim by a user, for the others who review it; only ever added."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="comments")
    author = models.CharField(max_length=150, help_text="name as it was at the time")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    text = models.TextField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]


class Assignment(models.Model):
    """Who is to review a claim (one reviewer a claim), and who asked."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="assignment")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments")
    by = models.CharField(max_length=150)
    created = models.DateTimeField(auto_now=True)


# Incidents (extraction/incidents.py): events beside the claims, reviewed with history as claims are.


class Incident(models.Model):
    """Every field of model.Incident (its place flattened), its document, the claims that count
    it, the extractor that found it and its review state."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="incidents")
    type = models.CharField(max_length=20, db_index=True)
    start = models.IntegerField()
    end = models.IntegerField()
    text = models.TextField()
    sentence_start = models.IntegerField()
    sentence_end = models.IntegerField()
    sentence_text = models.TextField(default="", blank=True)
    lang = models.CharField(max_length=8)
    actor = models.TextField(null=True, blank=True)
    affected = models.TextField(null=True, blank=True, help_text="a group as the text names it, never a person")
    place_raw = models.TextField(null=True, blank=True, help_text="the toponym as the text gives it (nominative)")
    place_name = models.TextField(null=True, blank=True, help_text="the gazetteer's name")
    country = models.CharField(max_length=2, null=True, blank=True, db_index=True)
    region = models.CharField(max_length=10, null=True, blank=True, db_index=True)
    precision = models.CharField(
        max_length=10, null=True, blank=True, help_text="exact, city, region, country, unknown"
    )
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    candidates = models.JSONField(default=list, blank=True, help_text="the gazetteer's other readings, best first")
    date = models.CharField(
        max_length=10, null=True, blank=True, db_index=True, help_text="YYYY-MM-DD, YYYY-MM or YYYY"
    )
    date_precision = models.CharField(max_length=5, null=True, blank=True)
    plover = models.CharField(max_length=20, null=True, blank=True)
    acled_sub_event = models.CharField(max_length=60, null=True, blank=True)
    naming = models.CharField(max_length=5, default="verb")
    claims = models.ManyToManyField(Claim, blank=True, related_name="incidents")
    extractor_version = models.CharField(max_length=40)
    published_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=_choices(STATUSES), default="new", db_index=True)
    orphaned = models.BooleanField(default=False, help_text="reviewed, but its span is gone from the text")
    added = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        indexes = [
            models.Index(fields=["document", "start"], name="ledger_incident_doc_start"),
            # the default order of the incidents pages and the API, as the claims'
            models.Index(fields=["-published_on", "-document", "start", "id"], name="ledger_incident_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.type}: {self.text} ({self.document_id}:{self.start}-{self.end})"


class IncidentReview(models.Model):
    """One human decision on an incident; only ever added."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="reviews")
    action = models.CharField(max_length=10, choices=_choices(ACTIONS))
    changes = models.JSONField(default=dict, blank=True, help_text='{"field": [before, after]}')
    reviewer = models.CharField(max_length=150)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    note = models.TextField(default="", blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "id"]


# Bulk loads (scale/load.py): what `tallybook load` has stored.


class LoadedShard(models.Model):
    """A partition of Parquet shards that `tallybook load` stored, by the digest of its files;
    written in the transaction of the partition's rows, so a rerun skips exactly what is held."""

    digest = models.CharField(max_length=64, unique=True, help_text="sha256 of the partition's files")
    path = models.TextField(help_text="its documents file, as loaded")
    loaded = models.DateTimeField(auto_now_add=True)
