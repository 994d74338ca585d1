"""Identity keys: how extractors say that two mentions name one entity.

A mention's ``key`` is ``kind:identity``.  :mod:`kg.resolve` makes one entity of the mentions of one
type with one key (a mention without a key is keyed by its normalised surface form), and after that
one entity of the entities of one type that ended with one canonical name.

=================================  ==========================================  ==============================
key                                names                                        e.g.
=================================  ==========================================  ==============================
``province:广东``                  a province, by its short name                广东, 广东省
``org:中国联通``                   an organisation, by its canonical name       中国联通, ###联通
``unit:province:广东``             China Unicom's branch in a province          广东联通, 中国联通广东省分公司
``unit:city:金华``                 its branch in a city                         联通金华市分公司, 金华联通
``unit:district:city:杭州:西湖``   its branch in a district or county, under    联通杭州市西湖区分公司
                                   the key of its city's (or province's) branch
``unit:联通数字科技有限公司``      a unit by its canonical name                 联通数科, 联通数字科技有限公司
``person:张三``, ``product:…``,    a person, product, project or policy by      《个人信息保护法》 =
``project:…``, ``policy:…``        its name (a policy without 中华人民共和国)   《中华人民共和国个人信息保护法》
=================================  ==========================================  ==============================

The model (``ner``) keys a unit by its name (``subsidiary:…``); it becomes one entity with a rule unit
when both end with one canonical name.  A mention without a key is keyed by :func:`kg.resolve.mention_key`
(its type and normalised surface form), and an entity's id is its type and the key's identity part
(``kg.resolve.EntityResolver``): those are the only readers of keys outside this module.

>>> district(branch("city", "杭州"), "西湖")
'unit:district:city:杭州:西湖'
>>> parent_branch(district(branch("city", "杭州"), "西湖"))
'unit:city:杭州'
"""
from __future__ import annotations

import re

__all__ = ["GROUP", "GROUP_KEY", "province", "province_name", "org", "branch", "district", "parent_branch", "is_place_branch",
           "unit", "is_unit", "policy", "named"]

GROUP = "中国联通"
GROUP_KEY = "org:中国联通"

_QUOTES = re.compile(r"[“”\"\s]")


def province(short: str) -> str:
    """A province, by its short name (广东, 内蒙古)."""
    return f"province:{short}"


def province_name(key: str) -> str:
    """The short name of the province keyed ``key``."""
    return key.removeprefix("province:")


def org(canonical: str) -> str:
    """An organisation, by its canonical name."""
    return f"org:{canonical}"


def branch(level: str, place: str) -> str:
    """China Unicom's branch at ``level`` ("province" or "city") in ``place``."""
    return f"unit:{level}:{place}"


def district(parent: str, name: str) -> str:
    """The branch in district or county ``name`` under the branch keyed ``parent``."""
    return parent.replace("unit:", "unit:district:", 1) + ":" + name


def parent_branch(key: str) -> str | None:
    """The key of the branch a district branch is named under (its city's or province's), or None."""
    if not key.startswith("unit:district:"):
        return None
    return "unit:" + key.removeprefix("unit:district:").rsplit(":", 1)[0]


def is_place_branch(key: str, level: str) -> bool:
    """Whether ``key`` is a branch named after a place of ``level``: "city" or "district"."""
    return key.startswith(f"unit:{level}:")


def unit(name: str) -> str:
    """A unit by its canonical name (联通数字科技有限公司 for 联通数科; 中国联通人工智能创新中心 without its 中国)."""
    return "unit:" + name


def policy(title: str) -> str:
    """A policy by its title, without quotes, book-title marks or the 中华人民共和国 prefix.

    >>> policy("《中华人民共和国个人信息保护法》") == policy("个人信息保护法")
    True
    """
    return "policy:" + re.sub(r"[《》“”\"\s]", "", title).removeprefix("中华人民共和国")


def is_unit(key: str | None) -> bool:
    """Whether ``key`` is a China Unicom unit's (a branch or a named unit)."""
    return bool(key) and key.startswith("unit:")


def named(kind: str, name: str) -> str:
    """A person, product, project or other entity of ``kind`` by its name, quotes and spaces left out."""
    return f"{kind}:" + _QUOTES.sub("", name)
