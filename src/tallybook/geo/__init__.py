"""Offline geocoding: toponyms to places, from packaged gazetteers and the pack's own places."""

from __future__ import annotations

from .gazetteer import Gazetteer, gazetteer, resolve

__all__ = ["Gazetteer", "gazetteer", "resolve"]
