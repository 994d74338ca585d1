"""Products (``Product``): named offerings, apps, platforms and brands.

Known products come from ``data/products.tsv``, with a version if one follows
(天翼云4.0); others are names ending in a product word (APP, 平台, 云, 大模型 …)
that either carry a brand prefix (联通, 沃, 天翼 …) or a known product's name
(元景MaaS平台), are quoted, or follow a launch verb (推出, 发布, 打造 …);
quoted names right after the kind of thing they name (平台“联通链”), items of
a list named after a known product (元景热线、元景编程), and Latin model names
after the kind of thing they name (芯片H100).  Brands named
after their owner imply the owner (联通云 → 中国联通).

>>> from kg.pipeline import parse
>>> [m.surface for m in ProductExtractor()(parse("中国联通推出数字孪生分水江平台。")) if not m.implied]
['数字孪生分水江平台']
"""
from __future__ import annotations

import re

from extractors import gazetteer, keys
from extractors.base import Extractor
from extractors.spans import left_edge, longest_first
from kg.records import Mention, ParsedDocument

__all__ = ["ProductExtractor", "BRAND_OWNERS"]

_SUFFIX = re.compile(r"(?:APP|App|app|客户端|小程序|平台|大模型|一体机|网盘|套餐|热线|品牌|精品网(?!络)|(?<=[A-Za-z\u4e00-\u9fa5]{2})产品|终端|操作系统|系统|"
                     r"(?<![上用入迁])(?:云|卡)(?![\u4e00-\u9fa5A-Za-z]))")
_LAUNCH = re.compile(r"(?:推出|发布|上线|打造|研发|自研|开发|升级|推广|首发|亮相|上市|构建|搭建|建成|建立|运营|通过|依托|使用|下载|"
                     r"登录|打开)")
# Brand prefixes and who owns them (public knowledge).
# The owner is named as the brand names it (阿里云 → 阿里); resolution joins it to 阿里巴巴 by alias.
BRAND_OWNERS = {"中国联通": "中国联通", "联通": "中国联通", "沃": "中国联通", "天翼": "中国电信", "中国电信": "中国电信",
                "中国移动": "中国移动", "移动": "中国移动", "华为": "华为", "阿里": "阿里", "腾讯": "腾讯", "百度": "百度",
                "小米": "小米", "京东": "京东", "谷歌": "谷歌", "微软": "微软", "亚马逊": "亚马逊"}
_BRAND = re.compile("^(?:" + "|".join(sorted(BRAND_OWNERS, key=len, reverse=True)) + ")")
# Category words: 政务云, 物联网平台, 大数据平台 are kinds of things, no offering's name.
_CATEGORY = re.compile(
    r"^(?:政务|工业互联网|互联网|物联网|大数据|数据|云|服务|管理|综合|数字|智慧|智能|信息|网络|业务|公共|行业|专属|混合|私有|"
    r"公有|边缘|算力|通信|运营|交易|电商|办公|监测|监管|安全|应用|开放|统一|一体化|移动|手机|电话|宽带|融合|创新|合作|"
    r"服务|支撑|生态|能力|技术|产业|优势|该|本|其|新|多个|各类|相关|一个|一批|多款|多种|人工智能|AI|5G|4G|云计算|区块链|算网|"
    r"边缘计算|视频|语音|终端|设备|硬件|软件|整体|冬奥|行业应用|家庭|个人|企业|政企|裸眼3D|3D|高清|超高清|电子商务|线上|在线|"
    r"社交|社交媒体|媒体|直播|短视频|购物|支付|金融|医疗|教育|交通|物流|农业|工业|制造|数字化|通用|基础|多模态|自有|存储|"
    r"调度|分布式|共享|经济|隐私计算|资源|国家级)*$"
)
# A model name in Latin letters and digits right after what it is (芯片H100, 操作系统CULinux, 模组NX307):
# the kind word says it names a thing, not a company or a standard.  It holds a capital or a digit
# (H100, Aurora, pyChemiQ): a plain word (芯片design) is none.
_MODEL_AFTER_KIND = re.compile(r"(?:芯片|模组|软件包|数据集|引擎|操作系统|超级计算机)"
                               r"((?!TOP\d)(?=[A-Za-z0-9.\-]*[A-Z0-9])[A-Za-z][A-Za-z0-9.\-]*[A-Za-z0-9])(?![A-Za-z0-9])")
# A launch told after the name: 经济社会智能孪生系统的推出, 监督管理平台上线试运行.
_LAUNCHED_AFTER = re.compile(r"的(?:推出|发布|上线)|(?:正式)?上线(?:试运行|运行)")
_VERSION = re.compile(r"[Vv]?\d+(?:\.\d+)+(?![\d.%])")
# A name that starts with an action verb is a verb phrase (通过提升仓储系统运行效率, 通过建设农副产品基地).
_ACTION_START = re.compile(r"^(?:建设|提升|优化|完善|加强|强化|深化|打通|改造|搭建|升级|推进|构建|实现|提高|加快|扩大|拓展|"
                           r"发挥|利用|开展|整合|创建|建立|形成|引入|部署)")
# 全 (whole) before the product word: 中国联通全系统 is the organisation; 安全平台 is a product word.
_WHOLE = re.compile(r"(?<![安健完齐])全$")
# After these the product word names a part of something else: 泛终端研究中心, 平台公司.
_SUFFIX_GOES_ON = re.compile(r"研究|中心(?!节点)|实验室|联盟|公司")
# Latin letters in a name mark a model or brand name (AICC算力集群), not a description.
_LATIN = re.compile(r"[A-Za-z]")
# A quoted name right after the kind of thing it names: 统一承载平台“联通链”, 青少年品牌“联通沃派”,
# 5G专网产品“致远、比邻、如翼”.  A figure of speech in quotes names nothing (业务平台“双轮驱动”).
_NAMED_AFTER_KIND = re.compile(r"(?:平台|品牌|产品|小程序|APP|App|大模型|操作系统|客户端)“([^“”+＋]{2,16})”")
_QUOTED_PRODUCT = re.compile(r"“([^“”+＋]{3,16})”产品")
# A quoted name right before the kind of thing it names: “沃派”品牌, “联通链”平台.
_QUOTED_BEFORE_KIND = re.compile(r"“([^“”]{1,18})”(?:品牌|APP|App|平台|套餐|小程序|客户端)")
# A named chain in quotes: “蜀信链”, “太湖链” (a city's or a company's blockchain platform); not a kind of chain
# (“可信区块链”) or a figure (“串珠成链”, “多链”).
_QUOTED_CHAIN = re.compile(r"“([\u4e00-\u9fa5]{2,4}链)”")
_KIND_OF_CHAIN = re.compile(r"^[多串]|(?:区块|成|产业|供应|创新|价值)链$")
_FIGURE = re.compile(r"(?:高地|驱动|引擎|标杆|名片|样板|长城|生命线|底座|主力军|排头兵|桥梁|纽带|抓手|阵地|试验田|赛道|利器)$")
# Where an item of a 、 list ends: the next item, the end of the clause, or a count (元景办公四大通用产品).
_ITEM_END = re.compile(r"[、，。；：！？,;:!?（(“”《》\s]|等|和|及|与|[0-9一二两三四五六七八九十几多]")
_COUNTED = re.compile(r"^\d|[0-9一二两三四五六七八九十几多数百千万亿][个级类款种项家套批大]"
)


class ProductExtractor(Extractor):
    name = "products"
    version = "12"

    def __init__(self, max_len: int = 14) -> None:
        self.gaz = gazetteer.load()
        self.max_len = max_len
        self.known = gazetteer.names_pattern(self.gaz.products)
        companies = [f for f in self.gaz.org_alias if 2 <= len(f) <= 4 and f not in self.gaz.products]
        self.companies = gazetteer.names_pattern(companies)

    def _owner(self, name: str) -> str | None:
        m = _BRAND.match(name)
        return BRAND_OWNERS[m.group()] if m and len(name) > len(m.group()) else None

    @staticmethod
    def _listed_after(text: str, start: int, candidates: list[tuple[int, int, float]]) -> bool:
        """Whether the name follows an accepted product in a 、 list (推出X平台、Y平台)."""
        return start > 0 and text[start - 1] == "、" and any(end == start - 1 for _, end, _ in candidates)

    @staticmethod
    def _line_items(text: str, known: set[tuple[int, int]]) -> list[tuple[int, int, float]]:
        """Items of a 、 list named after one known product: 元景热线、元景编程、元景运维 (the line 元景).

        A known name followed by more name characters opens a longer item;
        it counts when another item of the same list opens with that name too.
        """
        found = []
        for start, end in known:
            if end >= len(text) or _ITEM_END.match(text, end):
                continue
            stop = _ITEM_END.search(text, end)
            item_end = stop.start() if stop else len(text)
            if item_end - end > 3:  # 元景编程, not 微信扫码变更 (a feature of 微信)
                continue
            listed_before = text[start - 1:start] == "、"
            listed_after = text[item_end:item_end + 1] == "、"
            if not (listed_before or listed_after):
                continue
            stem = text[start:end]
            # another item opening with the stem within about three items' length of this one
            siblings = [s for s, _ in known if s != start and abs(s - start) <= 3 * (item_end - start) + 2
                        and text[s:s + len(stem)] == stem]
            if siblings:
                found.append((start, item_end, 0.75))
        return found

    @staticmethod
    def _quoted(text: str) -> list[tuple[int, int, float]]:
        """Quoted names next to the kind of thing they name: 平台“联通链”, 5G专网产品“致远、比邻”,
        推出“联通安全管家”产品 (with a brand), “沃派”品牌; and named chains (“蜀信链”)."""
        found: list[tuple[int, int, float]] = []
        for m in _NAMED_AFTER_KIND.finditer(text):
            pos = m.start(1)
            for item in m.group(1).split("、"):
                if len(item) >= 2 and not item.isdigit() and not _FIGURE.search(item) and not _CATEGORY.match(item):
                    found.append((pos, pos + len(item), 0.75))
                pos += len(item) + 1
        for m in _QUOTED_PRODUCT.finditer(text):
            if _BRAND.match(m.group(1)) and len(_BRAND.sub("", m.group(1))) >= 2:
                found.append((m.start(1), m.end(1), 0.75))
        for m in _QUOTED_CHAIN.finditer(text):
            if not _KIND_OF_CHAIN.search(m.group(1)):
                found.append((m.start(1), m.end(1), 0.7))
        for m in _QUOTED_BEFORE_KIND.finditer(text):
            kind = m.end(1) + 1
            if not (m.group(1).isdigit() or _SUFFIX_GOES_ON.match(text, m.end()) or _NAMED_AFTER_KIND.match(text, kind)):
                found.append((m.start(1), m.end(1), 0.7))  # not 平台公司, nor 平台“联通链” (the name that follows)
        return found

    def _platform_lists(self, text: str, candidates: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
        """Companies named as platforms: a known company in a 、 list with known products (淘宝、京东、拼多多)."""
        found: list[tuple[int, int, float]] = []
        for m in self.companies.finditer(text):  # left to right, so a list's later items see earlier finds
            start, end = m.span()
            pool = candidates + found
            before = text[start - 1:start] == "、" and any(c[1] == start - 1 for c in pool)
            after = text[end:end + 1] == "、" and any(c[0] == end + 1 for c in pool)
            if before or after:
                found.append((start, end, 0.96))  # wins over reading the span as a company
        return found

    def __call__(self, doc: ParsedDocument) -> list[Mention]:
        text = doc.text
        earlier = [(m.start, m.end) for m in doc.mentions if not m.implied and m.label in ("Subsidiary", "Organization", "Policy")]
        # names from the lists (known products, known companies in a list of them): their edges are certain
        known: set[tuple[int, int]] = set()
        for m in self.known.finditer(text):
            version = _VERSION.match(text, m.end())  # 元景2.0: a version of a known product is named as such
            known.add((m.start(), version.end() if version else m.end()))
        candidates: list[tuple[int, int, float]] = [(start, end, 0.9) for start, end in sorted(known)]
        candidates += self._line_items(text, known)
        candidates += self._quoted(text)
        for m in _MODEL_AFTER_KIND.finditer(text):
            candidates.append((m.start(1), m.end(1), 0.75))
        for m in _SUFFIX.finditer(text):
            end = m.end()
            if _SUFFIX_GOES_ON.match(text, end) or _NAMED_AFTER_KIND.match(text, m.start()):
                continue  # 平台公司; 统一承载平台“联通链”: the quoted name is the product
            if text[m.start() - 1:m.start()] == "”":
                continue  # “沃派”品牌: the quoted name is the product (_quoted)
            start = left_edge(text, m.start(), self.max_len, alnum=True, quotes=True, name_verbs=True)
            quote = text.find("“", start, m.start())
            if quote > start and not _BRAND.fullmatch(text[start:quote]):
                start = quote  # 建成全国集中化“1+X”开放隐私计算平台: the quoted name starts the product's name
            body = text[start:m.start()]
            unbranded = _BRAND.sub("", body)
            # a launch verb right before the name: 推出X, 打造的X, 通过X
            launched = re.search(f"(?:{_LAUNCH.pattern})(?:了|出|的|了全新的|全新的)?“?$", text[max(0, start - 8):start]) is not None \
                or _LAUNCHED_AFTER.match(text, end) is not None
            if len(body) < 2 or _CATEGORY.match(body) or _COUNTED.search(body) or _ACTION_START.match(body) \
                    or _WHOLE.search(body):  # 中国联通全系统: the whole organisation, no product
                continue
            if m.group() == "品牌" and (not unbranded or unbranded == body or _CATEGORY.match(unbranded)):
                continue  # a brand needs its owner's prefix: 联通5Gⁿ品牌, not 区域劳务品牌
            if m.group() == "产品" and not (launched and (_BRAND.match(body) or _LATIN.search(body))):
                continue  # 推出AICC算力集群产品 names a product; 打造更多专精特新产品 describes some
            if m.group() in ("品牌", "产品"):  # 联通5Gⁿ品牌 names the brand 联通5Gⁿ; 推出AICC算力集群产品, the product
                end = m.start()
            name = text[start:end]
            quoted = "“" in name and "”" in name  # “格物”设备管理平台: quotes mark a proper name
            if "+" in name and not quoted:
                continue  # 市场主体+业务平台: a formula, not a name
            if not (_BRAND.match(name) or launched or quoted or self._listed_after(text, start, candidates)):
                # a known product's line (元景MaaS平台, 有元景多模态大模型) is named from that product on
                line = self.known.search(body)
                if line is None or line.end() == len(body):
                    continue
                start = start + line.start()
            half = (end - start) // 2
            if (end - start) % 2 == 0 and text[start:start + half] == text[start + half:end]:
                start += half  # a heading run into its text: 时空大模型时空大模型 names 时空大模型 once
            candidates.append((start, end, 0.7 if launched else 0.75))
        lists = self._platform_lists(text, candidates)
        known |= {(start, end) for start, end, _ in lists}
        candidates += lists
        out: list[Mention] = []
        for start, end, conf in longest_first(candidates, len(text), earlier=earlier):
            name = text[start:end]
            out.append(doc.mention(start, end, "Product", self.name, key=keys.named("product", self.gaz.products.get(name, (name,))[0]),
                                   confidence=conf, exact=(start, end) in known))
            owner = self._owner(name)
            if owner:
                out.append(doc.mention(start, end, "Organization", self.name,
                                       key=keys.org(self.gaz.org_alias.get(owner, owner)), name=owner,
                                       implied=True, confidence=0.8))
        return sorted(out, key=lambda m: (m.start, m.implied))
