"""Names of countries (ISO 3166-1) and regions (ISO 3166-2) in English or Russian, offline: the
places pack's for the regions of Russia and Ukraine (the names reports use), else pycountry's
with its own translations."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

PLACES_FILE = Path(__file__).resolve().parent / "packs" / "places.toml"  # the geocoder's own pack
# Regions the places pack leaves to pycountry, whose ISO names ("Moskva") are not the ones reports use.
CITY_REGIONS = {
    "RU-MOW": {"en": "Moscow", "ru": "Москва"},
    "RU-SPE": {"en": "Saint Petersburg", "ru": "Санкт-Петербург"},
}


@cache
def _pack_regions() -> dict[str, dict[str, str]]:
    """ISO 3166-2 code -> {"en": name, "ru": name} of the regions the places pack names (Russia, Ukraine)."""
    data = tomllib.loads(PLACES_FILE.read_text(encoding="utf-8"))
    return {row[0]: {"en": row[1], "ru": row[2]} for row in data.get("region", [])}


@cache
def _iso_names(domain: str, lang: str):
    """pycountry's translation of the ISO 3166 names into `lang` (gettext, shipped with pycountry)."""
    import gettext

    import pycountry

    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def country_name(code: str | None, lang: str = "en") -> str:
    """A country's name (ISO 3166-1 alpha-2 code) in `lang` (en, ru); the code when unknown."""
    import pycountry

    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    name = getattr(country, "common_name", None) or country.name
    return name if lang == "en" else _iso_names("iso3166-1", lang).gettext(country.name)


def region_name(code: str | None, lang: str = "en") -> str:
    """A region's name (ISO 3166-2 code): the places pack's for Russia and Ukraine, else pycountry's."""
    import pycountry

    if not code:
        return ""
    names = _pack_regions().get(code) or CITY_REGIONS.get(code)
    if names:
        return names.get(lang) or names["en"]
    sub = pycountry.subdivisions.get(code=code)
    if sub is None:
        return code
    return sub.name if lang == "en" else _iso_names("iso3166-2", lang).gettext(sub.name)
