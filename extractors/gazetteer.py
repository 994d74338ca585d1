"""Public-knowledge word lists the rule extractors share, loaded once from ``extractors/data``.

>>> gaz = load()
>>> gaz.city_province["金华"]
'浙江'
>>> gaz.province_of("广东省")
'广东'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Gazetteer", "load", "DATA_DIR", "names_pattern", "FOREIGN_STATES"]

DATA_DIR = Path(__file__).resolve().parent / "data"
# Foreign states and unions whose bodies and leaders the texts name (美国商务部, 日本首相岸田文雄).
# Longer names first: a regex alternation takes the first name that fits (印度尼西亚 before 印度).
FOREIGN_STATES = "|".join(sorted(
    "美国 英国 法国 德国 日本 韩国 俄罗斯 印度 新加坡 澳大利亚 加拿大 意大利 荷兰 瑞士 爱尔兰 巴西 以色列 泰国 越南 马来西亚 "
    "印度尼西亚 欧盟 欧洲 新西兰 巴基斯坦 埃及 沙特 阿联酋 南非 西班牙 葡萄牙 瑞典 芬兰 挪威 丹麦 比利时 奥地利 波兰 "
    "土耳其 墨西哥 阿根廷 菲律宾 乌克兰 卡塔尔".split(), key=len, reverse=True))


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


_LATIN_NAME = re.compile(r"[A-Za-z0-9&\-]+")


def names_pattern(names) -> re.Pattern:
    """A regex matching any of ``names``, longest first; a Latin name only as a whole word.

    The names are folded into a trie (华为(?:云|技术有限公司)?), which Python's
    ``re`` scans many times faster than an alternation of hundreds of names.

    >>> [m.group() for m in names_pattern(["ISO", "华为", "华为云"]).finditer("华为云通过ISO认证，ISO27001")]
    ['华为云', 'ISO']
    """
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = bool(_LATIN_NAME.fullmatch(name))  # the end of a name: whether it must end a word

    def branch(node: dict) -> str:
        alternatives = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if "" in node:  # after the longer names, the name ending here
            alternatives.append("(?![A-Za-z0-9])" if node[""] else "")
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    # a name starting with a Latin letter or digit must start a word too
    return re.compile("|".join(("(?<![A-Za-z0-9])" if char.isascii() and char.isalnum() else "")
                               + re.escape(char) + branch(child) for char, child in sorted(trie.items())))


@dataclass(frozen=True)
class Gazetteer:
    provinces: dict[str, str]  # short → full (广东 → 广东省)
    city_province: dict[str, str]  # city short name → province short name
    org_alias: dict[str, str]  # any form → canonical organisation name
    unit_alias: dict[str, str]  # any form → canonical professional-unit name
    products: dict[str, tuple[str, str]]  # any form → (canonical, provider)
    surnames: frozenset[str]
    laws: tuple[str, ...]  # titles of laws cited without book-title marks (网络安全法)
    people: tuple[str, ...]  # public figures named without a cue (陈忠岳携…)

    def province_of(self, name: str) -> str | None:
        """Short province name for a full or short province name, else None."""
        if name in self.provinces:
            return name
        for short, full in self.provinces.items():
            if name == full or name == short + "省" or name == short + "市":
                return short
        return None

    @property
    def province_pattern(self) -> str:
        """Regex alternation of province names, full forms first."""
        names = sorted(set(self.provinces) | set(self.provinces.values()), key=len, reverse=True)
        return "|".join(map(re.escape, names))

    @property
    def city_pattern(self) -> str:
        return "|".join(map(re.escape, sorted(self.city_province, key=len, reverse=True)))


# Common Chinese surnames (public knowledge), single and compound.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农卓古吉缪简车连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜阚强帅屠豆朴盖廉禹祖漆巴丰卿狄晋云敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇哈湛宾戎勾茅於呼居揭尉冶斯束檀阴昝智幸奉植衡富尧闭"
)
_COMPOUND = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯", "端木", "呼延")


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    provinces, city_province = {}, {}
    for row in _rows("regions.tsv"):
        short, full = row[0], row[1]
        provinces[short] = full
        for city in (row[2].split() if len(row) > 2 else []):
            if city != short:
                city_province[city] = short
    org_alias = {}
    for row in _rows("organizations.tsv"):
        canon = row[0]
        for form in [canon] + (row[1].split() if len(row) > 1 else []):
            org_alias[form] = canon
    unit_alias = {}
    for row in _rows("unicom_units.tsv"):
        canon = row[0]
        for form in [canon] + (row[1].split() if len(row) > 1 else []):
            unit_alias[form] = canon
    products = {}
    for row in _rows("products.tsv"):
        canon, provider = row[0], (row[1] if len(row) > 1 else "")
        for form in [canon] + (row[2].split() if len(row) > 2 else []):
            products[form] = (canon, provider)
    surnames = frozenset(_SURNAMES) | frozenset(_COMPOUND)
    laws = tuple(row[0] for row in _rows("laws.tsv"))
    people = tuple(row[0] for row in _rows("people.tsv"))
    return Gazetteer(provinces, city_province, org_alias, unit_alias, products, surnames, laws, people)
