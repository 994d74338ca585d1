"""Relations stated in one sentence, by patterns over the mentions found in it.

- ``worksFor`` (with its ``role``): 广西联通智家工程师农智胜 — a unit, a post, a name; or a unit
  and a name (中国联通研究院赵世琦, 北京联通保障团队的刘申申).
- ``leads``: a person 负责/牵头/主持 a project, or a project's 负责人 is named.
- ``undertakes``: a unit before a project with a doing verb between (承建, 实施, 开展 …).
- ``provides``: a unit before a product with a launch verb between (推出, 打造 …), or after it
  (X由U打造, X是U研发的).  For both, the units joined to that unit by a list or a partner word do it
  too (A联合B打造X), and it does every item of a list that starts with its object (推出A、B和C).
- ``issuedBy``: organisations before a policy with an issuing verb between (印发, 发布 …), a date,
  or nothing (工业和信息化部《…》), or the subject of an issuing verb right before the title
  (…召开会议，制定《A》《B》).
- ``partnerOf``: A 与/携手/联合 B … 签约/合作, also with B later in A's sentence (A分别与B、C合资).

>>> from kg.pipeline import parse, run
>>> doc = run(parse("工信部印发《数据安全管理办法》。"), ["organizations", "policies", "sentence_relations"])
>>> [(r.head.surface, r.label, r.tail.surface) for r in doc.relations]
[('数据安全管理办法', 'issuedBy', '工信部')]
"""
from __future__ import annotations

import re

from extractors.base import Extractor
from extractors.people import TITLES
from extractors import keys
from extractors.keys import GROUP_KEY
from kg.records import Mention, ParsedDocument, RelationMention

__all__ = ["SentenceRelationExtractor"]

_UNITS = ("Subsidiary", "Organization")
_ISSUE = re.compile(r"(?:联合)?(?:印发|发布|出台|颁布|制定|公布|发出|下发|审议通过|通过|修订|推出|提出)(?:了)?")
_ISSUE_BEFORE_TITLE = re.compile(f"(?:{_ISSUE.pattern})$")
_UNDERTAKE = re.compile(r"承建|承担|承接|建设|实施|开展|推进|启动|中标|负责|打造|落地|牵头|参与|推动|完成|组织|创建|部署|"
                        r"签约|获批|入选|申报|建成|执行|深化|落实|探索|发起|助力|服务|推出|完善|交付")
_PROVIDE = re.compile(r"自主研发|联合打造|推出|发布|上线|打造|研发|自研|开发|升级|推广|提供|运营|构建|搭建|首发|亮相|展示|部署|创新|建设|上市|交付")
_PARTNER = re.compile(r"(?:与|和|同|携手|联合|联手|牵手)")
_PARTNER_VERB = re.compile(r"签署|签订|签约|合作|共建|携手|联合|联手|牵手|达成|共同|协议|战略|合资|协作")
# A document as the subject of a clause (《…意见》提出…): it calls for what follows; no unit does it.
_SAYS = r"(?:提出|要求|指出|明确|强调|部署|鼓励|支持|规定)"  # what a document says or calls for
_DOCUMENT_SAYS = re.compile(r"》(?:[（(][^）)]{0,20}[）)])?(?:中|里)?" + _SAYS)
# A standard's number between its issuer and its title (发布的T/ABC0001—2024《…》), and a draft put out for comment.
_STANDARD_CODE = re.compile(r"[A-Z]{1,4}/[A-Z]{0,4}\s?[\d.]+[—\-–]\d{4}(?=《?$)")
_DATED = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")  # a document's date: 国务院2023年2月…意见
_SETS_OUT_IN = re.compile(r"》?中" + _SAYS)  # U在《X》中提出: X is U's
_OWNED_PRODUCT = re.compile(r"的[\u4e00-\u9fa5A-Za-z0-9]{0,8}产品[“「]?")  # U的5G专网产品“X”
# 公司 right before a title: the company the text is about (not 子公司, 该公司 …).
_OWN_COMPANY_TITLE = re.compile(r"(?<![子分母总该其各])(?:本)?公司《?$")
_CONSULTED = re.compile(r"》?(?:公开)?征求")
# Adverbs before a partner word (北京冬奥组委将携手…).
_PARTNER_ADVERBS = re.compile(r"^(?:[将已还也又再正]|正在|已经|积极|率先|首次)+")
# A list of units followed by these did something together (中国移动、中国联通联合宣布), unless it issued a document.
_JOINT_ACT = re.compile(r"(?:等\d*家?(?:企业|单位|公司|运营商)?)?(?:联合|共同|携手)(?!印发|发布|出台|颁布|制定|公布|下发|发文)")
# What opens a partner named after its subject: 中国联通作为…，与中央农广校携手; 分别与腾讯、阿里巴巴…合资
_PARTNER_LEAD = re.compile(r"(?:分别|共同)?(?:与|同|携手|联合)$")
_LEAD = re.compile(r"负责|牵头|主持|带领|领衔|挂帅|主导|统筹")
_TITLE_END = re.compile(f"(?:{TITLES})$")
_POST_TITLE = re.compile(r"(?:独立董事|执行董事|非执行董事|董事长|副董事长|总经理|副总经理|董事|监事|总裁|副总裁|总监)(?![\u4e00-\u9fa5]?[会局])")
# What follows a title that is not itself the thing issued: a part of it, or a guide or rule under it.
_UNDER_TITLE = re.compile(r"》?(?:（[^（）]{1,40}）)?(?:中|下|第[0-9一二三四五六七八九十百]+[条章款项]|配套|实施细则|"
                          r"(?:的(?:应用|实施|配套)?)?指南)")
# Words between a verb and its object: 推出了全新的X, 发布两款X.
_OBJECT_FILLER = r"(?:全新的|新的|新一代|首个|一批|了一批|(?:[一两三多首]|\d+)[款套个项](?:全新的?|新)?)"
_LIST_SEP = re.compile(r"[、和及]|以及")  # between two units of one list (A、B和C)
_JOINT_WORD = re.compile(r"联合|携手|与|和|同|联手|牵手")  # A联合B打造X: B does X with A
_LIST_JOIN = re.compile(f"[”」]?(?:{_LIST_SEP.pattern})[“「]?")  # between two quoted items of one list
_OBJECT_MARK = re.compile(r"(?:为|助力|帮助|服务|向|给|对|支持)$")
_AWARDED = re.compile(r"[”」]?(?:成功)?(?:入选|获评|荣获|获得|被评为|被列为|成功入选|获批)")
# Adverbs between a subject and its verb (中国联通深入实施…, 已全面推出…).
_ADVERBS = re.compile(r"^(?:[将已还也又再正]|正在|积极|全面|率先|首次|共同|联合|自主|深入|持续|大力|不断|进一步|扎实|切实)+")
# What may stand just before a subject: the start of a clause, a date, an adverb (2023年，近日，此外).
_CLAUSE_OPENERS = set("，：；”—年月日前外时来")
_MODIFIER = re.compile(r"(?:的|评级|认证|颁发|授予|评选|认定|发布的|牵头的)")
_ROLE_TRIM = re.compile(r"^[的、，\s]+|[的、，\s]+$")  # 时任中国联通副总裁的刘韵洁: the role is 副总裁
# A post of the company the text is about, named only as 公司 (公司董事、总裁李国华, 本公司高级副总裁范云军,
# 公司负责人：刘烈宏 in a report's signature block).
# 集团 alone is the group the text is about too (集团党群工作部主任朱春艳): China Unicom in a text about one
# of its units.
_OWN_POST = re.compile(f"(?<![\u4e00-\u9fa5A-Za-z0-9])(?P<owner>本公司|公司|本集团|集团)(?P<role>[\u4e00-\u9fa5、]{{0,10}}?(?:{TITLES}))[：:]?$")
# A unit right before a name, bare, with 的, or with its team (中国联通研究院赵世琦, 联通智网科技的辛亮,
# 北京联通重要通信保障团队的刘申申): the person works there, in the post written after the name if any.
_MEMBER_OF = re.compile(r"的?|[\u4e00-\u9fa5]{0,10}(?:团队|班组|工作室|项目组)的")


def _walk(units: list[Mention], i: int, step: int, joined) -> int:
    """The index of the last unit reached from ``units[i]`` in the direction ``step`` (+1 or -1) while
    each next unit is ``joined(left, right)`` to the one before it: the ends of a list or a group."""
    while 0 <= i + step < len(units):
        left, right = (units[i], units[i + step]) if step > 0 else (units[i + step], units[i])
        if not joined(left, right):
            break
        i += step
    return i


def _list_sep(text: str):
    """``joined`` for :func:`_walk`: two units of one list (A、B和C)."""
    return lambda a, b: bool(_LIST_SEP.fullmatch(text, a.end, b.start))


def _listed(text: str, units: list[Mention], first: int) -> list[Mention]:
    """``units[first]`` and the units listed right after it (A、B和C)."""
    return units[first:_walk(units, first, 1, _list_sep(text)) + 1]


def _list_head(text: str, unit: Mention, units: list[Mention]) -> Mention:
    """The first unit of the list ``unit`` ends (A in A、B和C)."""
    return units[_walk(units, units.index(unit), -1, _list_sep(text))]


def _joint_doers(text: str, subject: Mention, until: int, units: list[Mention], sent) -> list[Mention]:
    """The units that do a verb together with its ``subject``: those listed with it or joined to it by a
    partner word, before ``until`` (A联合B打造X, A、B共同打造X, A将携手B、C打造X: all of them make X), and
    the unit that opens the clause when the subject follows a partner word further on in it
    (A聚焦…，联合B共同启动X: A does X with B).

    >>> from kg.pipeline import parse, run
    >>> doc = run(parse("中国联通联合华为、中兴打造“天工”平台。"), ["organizations", "products", "sentence_relations"])
    >>> sorted(r.head.surface for r in doc.relations if r.label == "provides")
    ['中兴', '中国联通', '华为']
    """
    if subject not in units:  # the topic of the text, not named in the sentence
        return []

    def joined(a: Mention, b: Mention) -> bool:
        between = text[a.end:b.start]
        return bool(_LIST_SEP.fullmatch(between) or _JOINT_WORD.fullmatch(_PARTNER_ADVERBS.sub("", between)))

    i = units.index(subject)
    first = _walk(units, i, -1, joined)
    last = _walk(units, i, 1, lambda a, b: b.start < until and joined(a, b))
    doers = [u for u in units[first:last + 1] if u is not subject]
    group_start = units[first].start
    if first > 0 and _JOINT_WORD.search(text, group_start - 2, group_start):
        lead = next((a for a in reversed(units[:first]) if _opens_clause(text, sent, a)), None)
        if lead is not None and not re.search("[。；]", text[lead.end:group_start]):
            doers.insert(0, lead)
    return doers


def _opens_object(text: str, m: Mention) -> bool:
    """Whether a verb or a preposition right before ``m`` makes it (and its list) an object: 与A、B联合…"""
    return bool(_PARTNER_LEAD.search(text, max(0, m.start - 4), m.start)
                or re.search(r"(?:为|向|对|和|与|同|联合|携手|引入|支持|服务|助力)$", text[max(0, m.start - 2):m.start]))


def _opens_clause(text: str, sent, m: Mention) -> bool:
    """Whether ``m`` stands where a subject stands: at the start of its sentence or after a clause opener."""
    return m.start <= sent.start or text[m.start - 1] in _CLAUSE_OPENERS


def _makes_own(text: str, m: Mention, verbs: re.Pattern) -> bool:
    """Whether ``m`` is the subject of a clause of its own (华为推出的A、阿里云推出的B: 阿里云 makes B and is
    no object of 华为's 推出)."""
    return re.match(f"(?:{verbs.pattern})的", text[m.end:m.end + 8]) is not None


def _list_doers(text: str, previous: tuple[Mention, list] | None, m: Mention,
                verbs: re.Pattern) -> list[tuple[Mention, float]]:
    """推出A、B和C: the units that do the list's first item do every item after it (a little less surely);
    but not an item that does the verb itself (华为推出的A、阿里云推出的B: 阿里云 is no item of 华为's)."""
    if previous is None or previous[0].label != m.label or not _LIST_JOIN.fullmatch(text, previous[0].end, m.start) \
            or _makes_own(text, m, verbs):
        return []
    return [(doer, round(conf - 0.05, 2)) for doer, conf in previous[1]]


def _list_verb_end(text: str, sent, m: Mention, verbs: re.Pattern) -> int | None:
    """打造政务大数据平台、数智产融平台: where the verb that opens the 、 list ``m`` is a later item of ends,
    for lists whose first items are no names (政务大数据平台 is a kind of platform), so that no doer
    passes down the list (:func:`_list_doers`); or None."""
    clause_start = max(sent.start, m.start - 80)
    clause = text[clause_start:m.start]
    clause_start += max(clause.rfind(c) for c in "，。；：！？") + 1
    opened = re.search(f"(?P<verb>(?:{verbs.pattern})[了的出]?{_OBJECT_FILLER}?)"
                       r"(?:[“「]?[^，。；：、“”「」]{1,16}[”」]?(?:、|和|及|以及))+[“「]?$", text[clause_start:m.start])
    return clause_start + opened.end("verb") if opened else None


class _Reading:
    """One sentence as the patterns read it: its mentions (``ms``), the outermost ones (``outer``) and the
    units among those (``outer_units``), the unit the text is about (``topic``), China Unicom if the text
    names it (``group``), what was read so far and the relations ``found``.  Mentions are read from left
    to right: the last product or project and its doers (``previous``) and the last title and its issuers
    (``last_policy``) pass on to the next item of a list."""

    def __init__(self, text: str, sent, ms: list[Mention], topic: Mention | None, group: Mention | None,
                 source: str) -> None:
        self.text, self.sent, self.ms, self.topic, self.group, self.source = text, sent, ms, topic, group, source
        # outermost mentions only: a unit inside a product or project name is not the subject
        self.outer = [m for m in ms if not any(o is not m and o.start <= m.start and m.end <= o.end and
                                               (o.end - o.start) > (m.end - m.start) for o in ms)]
        self.outer_units = [m for m in self.outer if m.label in _UNITS]
        self.found: list[RelationMention] = []
        self.previous: tuple[Mention, list[tuple[Mention, float]]] | None = None
        self.last_policy: tuple[Mention, list[Mention]] | None = None

    def rel(self, head: Mention, label: str, tail: Mention, conf: float, role: str | None = None) -> None:
        self.found.append(RelationMention(head, label, tail, self.source, self.sent.text, conf, role))

    def subject_before(self, pos: int, verbs: re.Pattern) -> tuple[Mention | None, float]:
        """The nearest unit before ``pos`` that does the verb, else the topic; and a confidence.

        The verb must stand right before the object (开展X, 推出了全新的X) or right
        after the unit (U承建…X); a unit that only modifies a noun (U的, U评级) is not a subject.
        """
        text, sent = self.text, self.sent
        verb_at_object = re.search(f"(?:{verbs.pattern})[了的出]?{_OBJECT_FILLER}?[“「]?$",
                                   text[max(sent.start, pos - 10):pos])
        # a unit named in the sentence also does a verb before a description of a quoted object
        # (打造县域数字孪生城市“双碳大脑”)
        verb_before_quote = verb_at_object or re.search(
            f"(?:{verbs.pattern})[了的出]?[\u4e00-\u9fa5A-Za-z0-9]{{1,10}}“$",
            text[max(sent.start, pos - 16):pos + (text[pos:pos + 1] == "“")])
        for u in reversed([u for u in self.outer_units if u.end <= pos]):
            between = text[u.end:pos]
            if "。" in between or "；" in between:
                return None, 0.0
            head = _list_head(text, u, self.outer_units)  # 为A、B打造X: the whole list is the object
            if _OBJECT_MARK.search(text[max(0, head.start - 2):head.start]) or _MODIFIER.match(between):
                continue
            if _DOCUMENT_SAYS.search(between):
                return None, 0.0  # 中央财办…《…意见》提出…实施X工程: the document calls for it, no unit runs it
            dated = _DATED.match(between)
            if dated and not verbs.match(_ADVERBS.sub("", between[dated.end():])):
                return None, 0.0  # 国务院2023年2月…意见深入实施X: the unit's document of that date, untitled
            if _AWARDED.match(between) and "，" in between:
                continue  # U入选…，“X工程”获得…: the unit won something of its own
            if verb_before_quote and _opens_clause(text, sent, u) or verbs.match(_ADVERBS.sub("", between)):
                return u, 0.7
        # no unit before the verb in this sentence: the unit the text is about does it
        if self.topic is not None and verb_at_object and not any(u.end <= pos for u in self.outer_units):
            clause = text[sent.start:pos]
            if not re.search(r"[与和及]$|他们|对方|客户|用户|合作伙伴", clause):
                return self.topic, 0.55
        return None, 0.0


class SentenceRelationExtractor(Extractor):
    name = "sentence_relations"
    version = "13"
    kind = "relations"

    def __init__(self, max_role_chars: int = 16) -> None:
        self.max_role_chars = max_role_chars

    def __call__(self, doc: ParsedDocument) -> list[RelationMention]:
        out: list[RelationMention] = []
        mentions = sorted((m for m in doc.mentions if not m.implied), key=lambda m: (m.start, -m.end))
        i = 0
        # the unit the text is about: the last one to open a sentence; until one does, the text is
        # China Unicom's ("公司" in its reports) if it names the group or one of its units
        group: Mention | None = next((m for m in doc.mentions if m.key == GROUP_KEY), None)
        topic = group
        for sent in doc.sentences:
            here: list[Mention] = []
            while i < len(mentions) and mentions[i].start < sent.end:
                if mentions[i].start >= sent.start:
                    here.append(mentions[i])
                i += 1
            if here or topic:
                out.extend(self._sentence(doc.text, sent, here, topic, group))
            opening = [m for m in here if m.label in _UNITS and m.start - sent.start <= 6
                       and not re.search(r"[，、与和]", doc.text[sent.start:m.start])]
            if opening:
                topic = opening[0]
        return out

    def _sentence(self, text: str, sent, ms: list[Mention], topic: Mention | None,
                  group: Mention | None) -> list[RelationMention]:
        s = _Reading(text, sent, ms, topic, group, self.name)
        for m in s.outer:
            if m.label == "Person":
                self._person(s, m)
            elif m.label == "Project":
                self._project(s, m)
            elif m.label == "Product":
                self._product(s, m)
            elif m.label == "Policy":
                self._policy(s, m)
        self._topic_partners(s)
        self._partner_pairs(s)
        self._joint_list(s)
        self._partners_after_subject(s)
        return s.found

    def _done_by(self, s: _Reading, m: Mention, label: str, verbs: re.Pattern, subject: Mention | None,
                 conf: float, joint_conf: float) -> None:
        """Relate the project or product ``m`` to its ``subject`` and the units that do it together with
        it (at ``joint_conf``); with no subject, to the doers of the list ``m`` is an item of: those of
        the item before it (推出A、B), or the doer of the verb that opens a list whose first items are no
        names.  ``m`` and its doers pass on to the next item of a list."""
        if subject:
            doers = [(subject, conf)] + [(p, joint_conf)
                                         for p in _joint_doers(s.text, subject, m.start, s.outer_units, s.sent)]
        else:
            doers = _list_doers(s.text, s.previous, m, verbs) or self._list_opener(s, m, verbs)
        for doer, c in doers:
            s.rel(doer, label, m, c)
        s.previous = (m, doers)

    def _project(self, s: _Reading, m: Mention) -> None:
        """``undertakes``: the unit that does a verb of doing before the project or after it (由U承建),
        its joint doers, or the doers of the list the project is an item of; a unit whose project won
        an award."""
        text = s.text
        u, conf = (None, 0.0) if _makes_own(text, m, _UNDERTAKE) else s.subject_before(m.start, _UNDERTAKE)
        if not u and _AWARDED.match(text, m.end):
            # U…的X项目入选/获评…: a unit's project won a selection
            before = [x for x in s.outer_units if x.end <= m.start]
            if not before:
                u, conf = s.topic, 0.55
            elif not _AWARDED.match(text, before[-1].end):  # not U入选…，“X工程”获得…
                u, conf = before[-1], 0.6
        if not u and (u := self._passive_doer(text, m, s.outer_units, _UNDERTAKE)):
            conf = 0.7  # X项目由U承建
        self._done_by(s, m, "undertakes", _UNDERTAKE, u, conf, round(conf - 0.05, 2))

    def _product(self, s: _Reading, m: Mention) -> None:
        """``provides``: the unit that launches the product (before it, after 由, or as its owner), its
        joint makers, or the makers of the list the product is an item of."""
        text = s.text
        u, conf = (None, 0.0) if _makes_own(text, m, _PROVIDE) else s.subject_before(m.start, _PROVIDE)
        u = u or self._passive_doer(text, m, s.outer_units, _PROVIDE) or self._owner(text, m, s.outer_units)
        self._done_by(s, m, "provides", _PROVIDE, u, conf or 0.7, 0.65)

    def _policy(self, s: _Reading, m: Mention) -> None:
        """``issuedBy``: the bodies before the title (:meth:`_issuers`), the subject of an issuing verb
        right before it, the group in its own report, or the issuers of the title listed before it."""
        text, sent, topic = s.text, s.sent, s.topic
        if _UNDER_TITLE.match(text, m.end) and not _SETS_OUT_IN.match(text, m.end) \
                and not text[max(0, m.start - 2):m.start].rstrip("《").endswith("的"):
            # 发布《芯片与科学法》中“护栏条款”的规则, 发布《数字服务法》指南, 通过CSRD配套准则《…》:
            # what was issued is a rule or a guide under the title (but 工信部发布的《X》中指出
            # names X's issuer)
            s.last_policy = (m, [])
            return
        issuers = self._issuers(text, m, s.outer_units)
        if not issuers:
            # 中国联通召开…培训会，结合实际制定《…》: the subject of an issuing verb right before the title
            title_start = m.start - 1 if text[m.start - 1:m.start] == "《" else m.start
            if _ISSUE_BEFORE_TITLE.search(text, max(sent.start, title_start - 8), title_start):
                u, conf = s.subject_before(title_start, _ISSUE)
                # named in this sentence (not the topic the text is about): 落实《X》 is no issuing
                if u is not None and conf >= 0.7 and u.label == "Organization":
                    issuers = [u]
        if not issuers and topic is not None and topic.key == GROUP_KEY and _OWN_COMPANY_TITLE.search(
                text, max(sent.start, m.start - 6), m.start):
            # 公司深入贯彻公司“1+9+3”战略规划 in China Unicom's report: the group's own (the topic of
            # other texts is less sure: an auditor named last is not the 公司 of 公司《…工作细则》)
            issuers = [topic]
        if not issuers and s.last_policy is not None \
                and re.fullmatch(r"》[、和及与]?《", text[s.last_policy[0].end:m.start]):
            issuers = s.last_policy[1]  # 制定《A》《B》: B has A's issuers
        for org in issuers:
            s.rel(m, "issuedBy", org, 0.75)
        s.last_policy = (m, issuers)

    @staticmethod
    def _topic_partners(s: _Reading) -> None:
        """与阿里、腾讯在公有云领域合作: the topic of the text is the partner the sentence does not name."""
        text, sent, topic, outer_units = s.text, s.sent, s.topic, s.outer_units
        if topic is None or not outer_units:
            return
        lead = text[sent.start:outer_units[0].start]
        if re.search(r"(?:^|[，])(?:[\u4e00-\u9fa5]{0,6})?(?:与|同|携手|联合|联手)$", lead):
            partners = outer_units[:_walk(outer_units, 0, 1, lambda a, b: bool(
                re.fullmatch(r"[、和与及]", text[a.end:b.start]))) + 1]
            tail = text[partners[-1].end:sent.end]
            if _PARTNER_VERB.search(tail[:40]):
                for p in partners:
                    if p.surface != topic.surface:
                        s.rel(topic, "partnerOf", p, 0.55)

    @staticmethod
    def _partner_pairs(s: _Reading) -> None:
        """A 与/携手/联合 B … 签约/合作: a unit and the units right after its partner word."""
        text, outer_units = s.text, s.outer_units
        for a_idx, a in enumerate(outer_units):
            for b_idx, b in enumerate(outer_units[a_idx + 1:], a_idx + 1):
                # 北京冬奥组委将携手中国联通; A（简称“B”）与C: the alias closes its parenthesis first
                between = _PARTNER_ADVERBS.sub("", text[a.end:b.start].lstrip("”」）)"))
                if len(between) <= 4 and _PARTNER.fullmatch(between.strip()) or (
                    _PARTNER.match(between) and len(between) <= 3
                ):
                    # A联合B、C研究团队: every unit of the list after the partner word
                    partners = _listed(text, outer_units, b_idx)
                    after = text[partners[-1].end:partners[-1].end + 20]
                    if _PARTNER_VERB.search(between + after):
                        for p in partners:
                            if a.surface != p.surface:
                                s.rel(a, "partnerOf", p, 0.7)

    @staticmethod
    def _joint_list(s: _Reading) -> None:
        """A、B、C和D联合宣布…: units listed together as the subject of a joint act are partners (not
        when they jointly issue a document: co-issuers are not said to work together)."""
        text, units = s.text, s.outer_units
        i = 0
        while i < len(units):
            listed = _listed(text, units, i)
            i += len(listed)
            if len(listed) > 1 and _JOINT_ACT.match(text, listed[-1].end) \
                    and not _opens_object(text, listed[0]):
                for a_idx, a in enumerate(listed):
                    for b in listed[a_idx + 1:]:
                        if a.surface != b.surface:
                            s.rel(a, "partnerOf", b, 0.65)

    @staticmethod
    def _partners_after_subject(s: _Reading) -> None:
        """A … 与 B(、C…) … 合作/签署: the unit that opens the clause and the units it works with, named
        later in the sentence (中国联通作为…单位，与中央农广校携手; 中国联通分别与腾讯、阿里巴巴等企业合资),
        unless an earlier pattern paired them already."""
        text, sent, units = s.text, s.sent, s.outer_units
        paired = {(r.head.start, r.tail.start) for r in s.found if r.label == "partnerOf"}
        for i, b in enumerate(units):
            if not _PARTNER_LEAD.search(text[max(sent.start, b.start - 4):b.start]):
                continue
            subject = next((a for a in reversed(units[:i]) if _opens_clause(text, sent, a)), None)
            if subject is None:
                continue
            partners = _listed(text, units, i)
            if not _PARTNER_VERB.search(text[partners[-1].end:min(sent.end, partners[-1].end + 40)]):
                continue
            for p in partners:
                if p.surface != subject.surface and (subject.start, p.start) not in paired:
                    s.rel(subject, "partnerOf", p, 0.6)

    @staticmethod
    def _list_opener(s: _Reading, m: Mention, verbs: re.Pattern) -> list[tuple[Mention, float]]:
        """The doer of the verb that opens the list ``m`` is an item of (:func:`_list_verb_end`), unless
        an item before it is a name of its type (whose doers the list passes on, or not; 元景 inside an
        item is no item) or ``m`` goes on with a verb or 的 (A推出的X、B推出的Y; 推出A、B的升级版)."""
        text = s.text
        if (verb_end := _list_verb_end(text, s.sent, m, verbs)) is None or verbs.match(text, m.end) \
                or text.startswith("的", m.end) \
                or any(o.label == m.label and verb_end <= o.start and o.end < m.start
                       and _LIST_JOIN.match(text, o.end) for o in s.outer):
            return []
        u, conf = s.subject_before(verb_end, verbs)
        return [(u, round(conf - 0.05, 2))] if u else []

    @staticmethod
    def _passive_doer(text: str, m: Mention, units: list[Mention], verbs: re.Pattern) -> Mention | None:
        """X 由 U 打造/承建…, X 是 U 自主研发的…: the unit after 由 or 是 that does ``verbs`` to ``m``."""
        for u in units:
            if m.end < u.start <= m.end + 12 and text[u.start - 1] in "由是" \
                    and verbs.match(_ADVERBS.sub("", text[u.end:u.end + 10])) and "。" not in text[m.end:u.start]:
                return u
        return None

    @staticmethod
    def _owner(text: str, product: Mention, units: list[Mention]) -> Mention | None:
        """U的5G专网产品“X”: the unit whose product the name is said to be."""
        before = [u for u in units if u.end <= product.start]
        if before and _OWNED_PRODUCT.fullmatch(text, before[-1].end, product.start):
            return before[-1]
        return None

    def _issuers(self, text: str, policy: Mention, units: list[Mention]) -> list[Mention]:
        """The bodies that issued ``policy``: those right before its title, with an issuing verb, a date or
        nothing between (a list of them issued it together), or those after it that 由 names."""
        # right before the title too, without 《》 between (中国联通“1+9+3”战略规划体系)
        before = [u for u in units if u.end <= policy.start and u.label == "Organization"]
        if before:
            last = before[-1]
            between = _STANDARD_CODE.sub("", text[last.end:policy.start])  # 某协会发布的T/ISC0001—2024《…》
            if between in ("就", "就《") and _CONSULTED.match(text, policy.end):
                return [last]  # 国家互联网信息办公室就《…（征求意见稿）》公开征求意见
            if between in ("在", "在《") and _SETS_OUT_IN.match(text, policy.end):
                return [last]  # 中国电信在云网融合战略中提出…: what a body sets out in its own document
            # 国务院2022年1月《…》, 工业和信息化部《…》: a body's document, cited by its date or right after it
            dated = re.fullmatch(r"(?:等?\d*部门)?(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)?《?", between)
            if dated or _ISSUE.search(between) and len(between) <= 12:
                issuers = [last]
                for u in reversed(before[:-1]):  # 国家市场监督管理总局、中央网信办、工业和信息化部联合发布
                    if re.fullmatch(r"[、和与及]?|以及", text[u.end:issuers[-1].start]):  # 中共中央国务院: unseparated too
                        issuers.append(u)
                    else:
                        break
                return issuers
        return self._issuers_after(text, policy, units)

    @staticmethod
    def _issuers_after(text: str, policy: Mention, units: list[Mention]) -> list[Mention]:
        """《…》由工信部发布, 《…》由中共中央、国务院印发: the bodies 由 names right after the title, when an
        issuing verb follows them."""
        after = [u for u in units if u.start >= policy.end and u.label == "Organization"]
        if not after or not re.match(r"》?由$", text[policy.end:after[0].start].strip()[:2]):
            return []
        listed = after[:1]
        for u in after[1:]:
            if not re.fullmatch(r"[、和与及]|以及", text[listed[-1].end:u.start]):
                break
            listed.append(u)
        return listed if _ISSUE.match(text[listed[-1].end:listed[-1].end + 4]) else []

    def _person(self, s: _Reading, person: Mention) -> None:
        """``worksFor`` (:meth:`_works_for`) and ``leads``: a person 负责/牵头/主持 a project named within
        12 characters, or a project's 负责人 (项目经理, 带头人) is named right after it."""
        self._works_for(s, person)
        text = s.text
        for p in s.ms:
            if p.label != "Project":
                continue
            lo, hi = sorted((person.end, p.start)) if person.end <= p.start else (p.end, person.start)
            between = text[lo:hi]
            if len(between) <= 12 and (_LEAD.search(between) or between.endswith(("负责人", "项目经理", "带头人"))):
                s.rel(person, "leads", p, 0.7)

    def _works_for(self, s: _Reading, person: Mention) -> None:
        """The unit a person works for, and the post: the first of these that applies, in this order:

        1. a unit before the name, with the post between or written after the name (联通金华市分公司总经理张伟,
           中国联通研究院赵世琦, 中国联通陈忠岳董事长);
        2. a post written after the name, at the unit before it or the unit the text is about (王军辉董事);
        3. a post of 公司 or 集团 before the name, with no unit named before it: the company or group the
           text is about (公司董事、总裁李国华);

        and, besides, a unit and post right after the name (张三（X公司总经理）, 张三，X公司董事长), unless
        they belong to the next person named (张三，X公司董事长、Y副主席李四).
        """
        # outer units, as for the other relations: 阿里 inside the product 阿里云 employs nobody
        text, units, topic, group, rel = s.text, s.outer_units, s.topic, s.group, s.rel
        before = sorted((u for u in units if u.end <= person.start), key=lambda u: u.end, reverse=True)
        post = _POST_TITLE.match(text, person.end)  # 王军辉董事: a post written after the name
        employed = False
        if before:  # 联通金华市分公司总经理张伟: unit, post, name
            between = text[before[0].end:person.start]
            role = _ROLE_TRIM.sub("", between)
            if len(between) <= self.max_role_chars and not re.search(r"[，。；：！？]", between) \
                    and role and _TITLE_END.search(role):
                rel(person, "worksFor", before[0], 0.75, role=role)
                employed = True
            elif _MEMBER_OF.fullmatch(between):  # 中国联通研究院赵世琦, 中国联通陈忠岳董事长
                rel(person, "worksFor", before[0], 0.6, role=post.group() if post else None)
                employed = True
        # 王军辉董事、顾佳丹董事: the post after the name; the unit is the one the sentence or text is about
        unit = before[0] if before else topic
        if not employed and post and unit is not None:
            rel(person, "worksFor", unit, 0.55, role=post.group())
            employed = True
        # 公司董事、总裁李国华: a post of the company the text is about, when no other unit is named before it
        own = _OWN_POST.search(text, max(0, person.start - 14), person.start)
        if not employed and own and topic is not None and not before:
            of_group = own.group("owner").endswith("集团") and keys.is_unit(topic.key) and group is not None
            rel(person, "worksFor", group if of_group else topic, 0.55, role=_ROLE_TRIM.sub("", own.group("role")))
        # 张三（X公司总经理） / 张三，X公司董事长; but in 张三，X公司董事长、Y副主席李四 the post is 李四's
        for u in units:
            if u.start >= person.end and u.start - person.end <= 2 and text[person.end:u.start] in ("（", "，", "(", "任", "担任"):
                m = re.match(f"[\u4e00-\u9fa5A-Za-z]{{0,{self.max_role_chars}}}?(?:{TITLES})", text[u.end:u.end + 20])
                clause = re.search(r"[，。；）)]|$", text[u.end:]).start() + u.end
                if m and not any(p.label == "Person" and u.end <= p.start < clause for p in s.ms):
                    rel(person, "worksFor", u, 0.65, role=m.group())
                break
