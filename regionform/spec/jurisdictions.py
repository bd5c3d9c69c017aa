"""Jurisdictions that nest: ISO 3166-1 countries, the EU and the EEA, and unions a spec defines.

A jurisdiction stands for a set of countries: a country for itself, a union for its members
(a union may list other unions: the EEA lists the EU). One jurisdiction lies inside another
when its countries are a subset of the other's, so DE is inside EU and EU inside EEA.

The country list, the unions' members and Route 53's continent codes live in
`jurisdictions.json` with their sources and dates; it is read once, on first use (a few
hundred microseconds, where pycountry would cost ~125 ms of import on every lint run).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("jurisdictions.json")

# Where each AWS region physically keeps data: a region's jurisdiction must contain it, and a
# region that states no residency is judged by it.
REGION_COUNTRY: dict[str, str] = {
    "af-south-1": "ZA",
    "ap-east-1": "HK",
    "ap-east-2": "TW",
    "ap-northeast-1": "JP",
    "ap-northeast-2": "KR",
    "ap-northeast-3": "JP",
    "ap-south-1": "IN",
    "ap-south-2": "IN",
    "ap-southeast-1": "SG",
    "ap-southeast-2": "AU",
    "ap-southeast-3": "ID",
    "ap-southeast-4": "AU",
    "ap-southeast-5": "MY",
    "ap-southeast-7": "TH",
    "ca-central-1": "CA",
    "ca-west-1": "CA",
    "cn-north-1": "CN",
    "cn-northwest-1": "CN",
    "eu-central-1": "DE",
    "eu-central-2": "CH",
    "eu-north-1": "SE",
    "eu-south-1": "IT",
    "eu-south-2": "ES",
    "eu-west-1": "IE",
    "eu-west-2": "GB",
    "eu-west-3": "FR",
    "il-central-1": "IL",
    "me-central-1": "AE",
    "me-south-1": "BH",
    "mx-central-1": "MX",
    "sa-east-1": "BR",
    "us-east-1": "US",
    "us-east-2": "US",
    "us-gov-east-1": "US",
    "us-gov-west-1": "US",
    "us-west-1": "US",
    "us-west-2": "US",
}


@cache
def _data() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def countries() -> Mapping[str, str]:
    """ISO 3166-1 alpha-2 code → English short name."""
    codes: dict[str, str] = _data()["countries"]["codes"]
    return codes


def continents() -> Mapping[str, str]:
    """Route 53's continent codes → name."""
    codes: dict[str, str] = _data()["route53_continents"]["codes"]
    return codes


def builtin_unions() -> Mapping[str, tuple[str, ...]]:
    """EU, EEA: union name → members as listed (countries or other unions)."""
    return {name: tuple(u["members"]) for name, u in _data()["unions"].items()}


def is_country(code: str) -> bool:
    return code in countries()


def country_hint(code: str) -> str | None:
    """What a user who wrote `code` for a country most likely meant (UK → GB), if anything."""
    aliases: dict[str, str] = _data()["not_iso"]["codes"]
    if code in aliases:
        return aliases[code]
    upper = code.upper()
    if upper != code and upper in countries():
        return upper
    by_name = {name.lower(): iso for iso, name in countries().items()}
    near = difflib.get_close_matches(code.lower(), list(by_name), n=1, cutoff=0.8)
    return by_name[near[0]] if near else None


def describe(code: str) -> str:
    """`DE (Germany)`, `EU (European Union)`, or the code alone."""
    name = countries().get(code) or _data()["unions"].get(code, {}).get("name")
    return f"{code} ({name})" if name else code


@dataclass(frozen=True)
class Jurisdictions:
    """Every jurisdiction a spec can name, each resolved to its set of countries."""

    unions: Mapping[str, tuple[str, ...]]  # built-in and the spec's own, as listed

    def known(self, code: str) -> bool:
        return is_country(code) or code in self.unions

    def countries_of(self, code: str) -> frozenset[str]:
        """The countries `code` covers; empty for an unknown code (lint reports it)."""
        return _expand(code, self.unions, frozenset())

    def inside(self, inner: str, outer: str) -> bool:
        """True when every country of `inner` is a country of `outer` (DE inside EU)."""
        members = self.countries_of(inner)
        return bool(members) and members <= self.countries_of(outer)

    def cycle(self, name: str) -> tuple[str, ...] | None:
        """The chain by which union `name` lists itself, if it does (A → B → A)."""
        return _cycle(name, self.unions, (name,))


def _expand(
    code: str, unions: Mapping[str, tuple[str, ...]], seen: frozenset[str]
) -> frozenset[str]:
    if is_country(code):
        return frozenset({code})
    if code not in unions or code in seen:
        return frozenset()
    found: set[str] = set()
    for member in unions[code]:
        found |= _expand(member, unions, seen | {code})
    return frozenset(found)


def _cycle(
    code: str, unions: Mapping[str, tuple[str, ...]], chain: tuple[str, ...]
) -> tuple[str, ...] | None:
    for member in unions.get(code, ()):
        if member == chain[0]:
            return (*chain, member)
        if member in unions and member not in chain:
            found = _cycle(member, unions, (*chain, member))
            if found:
                return found
    return None


def jurisdictions(spec_unions: Iterable[tuple[str, tuple[str, ...]]] = ()) -> Jurisdictions:
    """The built-in unions plus a spec's own (a spec cannot redefine EU or EEA)."""
    unions = dict(builtin_unions())
    for name, members in spec_unions:
        unions.setdefault(name, members)
    return Jurisdictions(unions)


def region_country(region: str) -> str | None:
    return REGION_COUNTRY.get(region)
