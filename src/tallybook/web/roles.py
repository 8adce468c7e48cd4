"""Roles as Django groups: viewer reads, reviewer reviews, admin (staff/superuser) runs the site."""

from __future__ import annotations

VIEWER = "viewer"
REVIEWER = "reviewer"
GROUPS = (VIEWER, REVIEWER)


def can_read(user) -> bool:
    """True for viewers, reviewers and admins: an active account in no group reads nothing."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.is_staff or user.groups.filter(name__in=GROUPS).exists()


def can_review(user) -> bool:
    """True for reviewers and admins."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.is_staff or user.groups.filter(name=REVIEWER).exists()


def ensure_groups() -> None:
    """Create the role groups if they are missing (`serve` calls this at start)."""
    from django.contrib.auth.models import Group

    for name in GROUPS:
        Group.objects.get_or_create(name=name)
