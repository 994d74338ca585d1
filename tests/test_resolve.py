"""Entity resolution (``kg.resolve``): one entity per real entity, on sentences written for the test."""
from kg.pipeline import parse, run


def test_masked_group_name_reads_as_china_unicom_and_keeps_the_masked_alias():
    from kg.resolve import resolve
    ents, _ = resolve([run(parse("茂名联通召开会议，###联通茂名分公司升级宣传栏。"))])
    unit = next(e for e in ents.values() if e.label == "Subsidiary")
    assert unit.name == "中国联通茂名分公司"
    assert {"茂名联通", "###联通茂名分公司"} <= unit.aliases


def test_a_product_named_with_and_without_quotes_is_one_entity():
    from kg.resolve import resolve

    ents, _ = resolve([run(parse("湖南联通发布“湘云”设备管理平台。湘云设备管理平台上线试运行。", "a"))])
    assert [(e.name, sorted(e.aliases)) for e in ents.values() if e.label == "Product"] == [
        ("“湘云”设备管理平台", ["湘云设备管理平台"])]


def test_entities_of_one_type_with_one_canonical_name_are_one_entity():
    """A unit the rules key by its place and the model keys by its name end as one node, with the
    evidence and relations of both (the exports mint one IRI from type + name)."""
    from kg.records import RelationMention
    from kg.resolve import resolve

    doc = parse("安徽分公司与华为签约。")
    rule = doc.mention(0, 5, "Subsidiary", "unicom_units", key="unit:province:安徽", confidence=0.95)
    model = doc.mention(0, 5, "Subsidiary", "ner", key="subsidiary:安徽分公司", confidence=0.7)
    huawei = doc.mention(6, 8, "Organization", "organizations", confidence=0.95)
    doc.mentions = [rule, model, huawei]
    doc.relations = [RelationMention(m, "partnerOf", huawei, "sentence_relations", doc.text) for m in (rule, model)]
    ents, rels = resolve([doc])
    units = [e for e in ents.values() if e.label == "Subsidiary"]
    assert len(units) == 1 and {ev.extractor for ev in units[0].evidence} == {"unicom_units", "ner"}
    # one edge; the two mentions' evidence of it is one record (same sentence, span, extractor)
    assert [(r.head, r.label) for r in rels] == [(units[0].id, "partnerOf")] and len(rels[0].evidence) == 1


def test_a_short_name_the_text_defines_is_the_name_it_follows():
    from kg.resolve import resolve

    text = ("湘潭沅江智能科技有限公司（以下简称“沅江智能”）与湘潭联通合作，沅江智能负责研发。"
            "执行《湘江租赁准则》（以下简称“新准则”）。报告期内股东信息（简称“本次股东信息”）如下。")
    doc = run(parse(text))
    short = [(m.text, m.label) for m in doc.mentions if m.extractor == "abbreviations"]
    assert short == [("沅江智能", "Organization"), ("沅江智能", "Organization"), ("新准则", "Policy")]
    entities, _ = resolve([doc])
    company = next(e for e in entities.values() if e.name == "湘潭沅江智能科技有限公司")
    assert "沅江智能" in company.aliases
