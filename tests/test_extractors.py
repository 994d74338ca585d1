"""Each rule extractor on short sentences written for the test."""
import pytest

from kg import registry
from kg.pipeline import Pipeline, parse, run


def mentions(text, name):
    return [(m.label, m.surface) for m in registry.get(name)(parse(text)) if not m.implied]


def unit_keys(text):
    """(name as written, identity key) of the units the unit rules find in ``text``."""
    return [(m.text, m.key) for m in run(parse(text), ["unicom_units"]).mentions if m.label == "Subsidiary"]


def relations(text):
    doc = run(parse(text))
    return {(r.head.surface, r.label, r.tail.surface, r.role) for r in doc.relations}


def test_registry_finds_every_builtin_by_name_and_rejects_unknown():
    for name in registry.DEFAULT_PIPELINE:
        assert registry.get(name).name == name
    with pytest.raises(Exception, match="unknown extractor 'nope'; choose from"):
        registry.get("nope")


def test_registering_a_name_twice_fails():
    with pytest.raises(Exception, match="registered twice"):
        registry.register("provinces", "somewhere.else", "Other")


def test_provinces_full_and_short_forms():
    assert mentions("内蒙古自治区和广东省、北京的企业", "provinces") == [
        ("Province", "内蒙古自治区"), ("Province", "广东省"), ("Province", "北京")]


def test_names_from_lists_and_titles_have_exact_edges_and_names_from_patterns_do_not():
    text = "中国农业银行与华为合作。联通发布元景大模型，推出数字孪生分水江平台，成立宏远智能科技公司，落实《数据安全法》，服务北京市。"
    doc = run(parse(text), ["provinces", "organizations", "policies", "products"])
    exact = {(m.label, m.text): m.exact for m in doc.mentions if not m.implied}
    assert exact == {("Organization", "中国农业银行"): True, ("Organization", "华为"): True,
                     ("Product", "元景大模型"): True, ("Product", "数字孪生分水江平台"): False,
                     ("Organization", "宏远智能科技公司"): False, ("Policy", "数据安全法"): True,
                     ("Province", "北京市"): True}


def test_unicom_units_all_name_forms_and_what_they_imply():
    text = "中国联通湖南省分公司、湘潭联通、联通株洲市分公司和联通数科参加。"
    doc = run(parse(text), ["unicom_units"])
    units = [(m.surface, m.key) for m in doc.mentions if m.label == "Subsidiary"]
    assert units == [("中国联通湖南省分公司", "unit:province:湖南"), ("湘潭联通", "unit:city:湘潭"),
                     ("联通株洲市分公司", "unit:city:株洲"), ("联通数科", "unit:联通数字科技有限公司")]
    implied = {(m.label, m.surface) for m in doc.mentions if m.implied}
    assert implied == {("Organization", "中国联通"), ("Province", "湖南")}


def test_the_red_chip_company_by_its_registered_chinese_name():
    assert unit_keys("湘江基金向中国联合网络通信（香港）股份有限公司转让股份。") == [
        ("中国联合网络通信（香港）股份有限公司", "unit:中国联通（香港）股份有限公司")]


def test_unicoms_iot_business_is_no_unit_and_its_iot_company_is():
    text = "湘潭联通发挥联通物联网广泛接入能力，联通物联网有限责任公司参加。"
    assert mentions(text, "unicom_units") == [("Subsidiary", "湘潭联通"), ("Subsidiary", "联通物联网有限责任公司")]


def test_bare_provincial_branch_is_unicoms_unless_the_text_names_another_company():
    assert ("Subsidiary", "福建省分公司") in mentions("福建省分公司召开会议。", "unicom_units")
    assert ("Subsidiary", "福建省分公司") in mentions("联通福建省分公司即福建省分公司。", "unicom_units")
    assert ("Subsidiary", "福建省分公司") not in mentions("华为与福建省分公司签约。", "unicom_units")
    # another operator's branch, even beside 联通
    found = mentions("中国联通与中国移动广东分公司、中国电信浙江分公司签约。", "unicom_units")
    assert not [m for m in found if m[0] == "Subsidiary"]


def test_organizations_by_suffix_and_abbreviation():
    found = mentions("长沙星河数码科技有限公司与工信部、湘江大学及下属公司合作。", "organizations")
    assert found == [("Organization", "长沙星河数码科技有限公司"), ("Organization", "工信部"),
                     ("Organization", "湘江大学")]


def test_policies_keep_laws_and_plans_and_drop_papers_reports_announcements():
    text = "据《通信人报》，《数字乡村建设指南2.0》与《关于召开股东大会的公告》、《年度社会责任报告》、《中华人民共和国数据安全法》。"
    assert mentions(text, "policies") == [("Policy", "数字乡村建设指南2.0"), ("Policy", "中华人民共和国数据安全法")]


def test_people_after_titles_with_two_and_three_character_names():
    found = mentions("集团董事长王大明表示，网格长李强在现场，总经理郭年介绍。", "people")
    assert found == [("Person", "王大明"), ("Person", "李强"), ("Person", "郭年")]


def test_products_need_a_brand_or_a_launch_verb_and_are_not_categories():
    found = mentions("联通推出沃家看护APP，建设政务云，打造星火智算平台。", "products")
    assert ("Product", "沃家看护APP") in found and ("Product", "星火智算平台") in found
    assert all(name != "政务云" for _, name in found)


def test_projects_named_and_quoted_but_not_generic():
    found = mentions("四川联通开展“红色驿站”创建工作，推进湘西光网提速工程，这一项目和重大项目除外。", "projects")
    assert found == [("Project", "“红色驿站”创建工作"), ("Project", "湘西光网提速工程")]


def test_a_companys_action_plan_is_a_project_and_a_governments_is_not():
    text = ("湘潭联通深入实施湘潭联通优质服务行动计划。工信部推进湘江数字行动计划。"
            "落实湘江数据发展行动计划（2022-2025年）。在“网络强国”“湘江云行动计划”等国家战略引领下。")
    doc = run(parse(text), ["organizations", "projects"])
    assert [m.text for m in doc.mentions if m.label == "Project"] == ["湘潭联通优质服务行动计划"]
    # the ministry's plan, cited without book-title marks, is a known policy
    assert mentions("深入实施5G应用“扬帆”行动计划，加快发展。", "policies") == [("Policy", "5G应用“扬帆”行动计划")]


def test_named_strategies_of_the_state_and_of_companies():
    text = "湘潭联通深化实施聚焦创新合作战略，通过实施科技兴企战略，践行积极应对人口老龄化战略，推进云网融合战略。"
    assert sorted(name for _, name in mentions(text, "policies")) == sorted([
        "聚焦创新合作战略", "科技兴企战略", "积极应对人口老龄化战略", "云网融合战略"])


def test_a_quoted_word_right_before_the_project_word_starts_the_name():
    found = mentions("山东联通积极参与国家“算力下乡”工程，推进“5G+智慧港口”项目。", "projects")
    assert found == [("Project", "“算力下乡”工程"), ("Project", "“5G+智慧港口”项目")]
    # a quoted part further on opens the name too; a name quoted whole is a name, however short
    found = mentions("湘潭联通持续完善“银发专享”服务计划，响应“三湘行动”号召，认领“书记项目”，形成“数据工程”方法论。",
                     "projects")
    assert found == [("Project", "“银发专享”服务计划"), ("Project", "三湘行动"), ("Project", "书记项目")]


def test_a_verb_of_use_is_no_part_of_a_name():
    assert mentions("华为采用元景大模型。", "products") == [("Product", "元景大模型")]
    assert mentions("这意味着“星河”设备管理平台将开放。", "products") == [("Product", "“星河”设备管理平台")]
    doc = run(parse("中国联通携手东方电气股份有限公司签约。"), ["unicom_units", "organizations"])
    assert [(m.label, m.text) for m in doc.mentions if not m.implied] == [
        ("Organization", "中国联通"), ("Organization", "东方电气股份有限公司")]


def test_a_shareholder_table_cell_is_no_part_of_a_company_name():
    # 股东性质 (the kind of holder) stands right before the holder's name in annual-report tables
    found = mentions("股东名称股东性质持股比例未知宏远科技有限公司国有法人东方电气股份有限公司", "organizations")
    assert ("Organization", "宏远科技有限公司") in found and ("Organization", "东方电气股份有限公司") in found


def test_a_verb_phrase_or_a_description_is_no_product():
    found = mentions("通过提升仓储系统运行效率，湘江联通打造更多优质特色产品，并推出HX300算力集群产品。", "products")
    assert found == [("Product", "HX300算力集群")]


def test_a_company_name_that_is_also_a_word_counts_only_where_a_name_stands():
    found = mentions("在数字化浪潮中，浪潮、联想和华为位列前三，让人联想到从前。", "organizations")
    assert [name for _, name in found] == ["浪潮", "联想", "华为"]
    assert [m.start for m in registry.get("organizations")(parse("在数字化浪潮中，浪潮领先。"))] == [8]


def test_verbs_and_places_before_a_body_are_no_part_of_its_name():
    found = mentions("会议审议了聘任会计师事务所等事项，拟创建湘江元宇宙学院，各地湘云产业协会参加。", "organizations")
    assert [name for _, name in found] == ["湘江元宇宙学院", "湘云产业协会"]


def test_a_name_never_starts_inside_a_run_of_latin_letters_and_digits():
    from extractors.spans import left_edge
    text = "双方与5G湘云智算实验室合作"
    end = text.index("实验室")
    assert text[left_edge(text, end, 12):end] == "湘云智算"
    assert text[left_edge(text, end, 12, alnum=True):end] == "5G湘云智算"


def test_people_before_a_talk_after_的_and_after_party_membership():
    text = "欧洲科学院院士金明远带来了报告，保障团队的刘晓申表示满意，老党员赵文伦表示感谢。"
    assert [name for _, name in mentions(text, "people")] == ["金明远", "刘晓申", "赵文伦"]


def test_an_adverb_before_action_is_no_project_name():
    assert mentions("全体员工用实际行动践行承诺，各部门迅速行动。", "projects") == []
    assert mentions("湖南联通启动青苗护航行动。", "projects") == [("Project", "青苗护航行动")]


def test_relations_from_names():
    rels = relations("湖南联通和联通株洲市分公司参加。")
    assert ("联通株洲市分公司", "subsidiaryOf", "湖南联通", None) in rels
    assert ("联通株洲市分公司", "locatedIn", "湖南", None) in rels
    assert ("湖南联通", "subsidiaryOf", "中国联通", None) in rels


def test_relations_from_sentences():
    rels = relations(
        "湖南联通网络部工程师陈小林在现场。"
        "湖南联通承建了湘江智慧水利建设项目。"
        "湖南联通推出星火智算平台。"
        "工信部、国家发展改革委联合印发《算力基础设施发展行动计划》。"
        "湖南联通与长沙星河数码科技有限公司签署战略合作协议。"
    )
    assert ("陈小林", "worksFor", "湖南联通", "网络部工程师") in rels
    assert ("湖南联通", "undertakes", "湘江智慧水利建设项目", None) in rels
    assert ("湖南联通", "provides", "星火智算平台", None) in rels
    assert ("算力基础设施发展行动计划", "issuedBy", "工信部", None) in rels
    assert ("算力基础设施发展行动计划", "issuedBy", "国家发展改革委", None) in rels
    assert ("湖南联通", "partnerOf", "长沙星河数码科技有限公司", None) in rels


def test_person_leads_project():
    rels = relations("项目经理张小平负责湘江智慧水利建设项目。")
    assert ("张小平", "leads", "湘江智慧水利建设项目", None) in rels


def test_pipeline_keeps_offsets_of_every_mention():
    text = "前言。湖南联通推出星火智算平台。"
    doc = Pipeline()(parse(text))
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text


def test_a_name_found_once_is_found_where_it_recurs():
    doc = run(parse("董事长王大明表示要创新。随后王大明参观了展台。"), ["people"])
    assert [(m.start, m.surface) for m in doc.mentions] == [(3, "王大明"), (14, "王大明")]


def test_brand_owner_provides_the_brand_and_issuer_opening_a_title():
    rels = relations("天翼云与联通云同台，《湘江证券交易所股票上市规则》施行。")
    assert ("中国电信", "provides", "天翼云", None) in rels
    assert ("中国联通", "provides", "联通云", None) in rels
    assert ("湘江证券交易所股票上市规则", "issuedBy", "湘江证券交易所", None) in rels


def test_policies_known_by_number_and_titles_with_page_header_residue():
    text = "落实省政府发布的数字乡村建设7号文和“数据十五条”，以及《网络数据安数字化转型蓝皮书（2024年）7全管理条例》。"
    found = mentions(text, "policies")
    assert ("Policy", "数字乡村建设7号文") in found
    assert ("Policy", "数据十五条") in found
    assert ("Policy", "网络数据安全管理条例") in found  # the leaked page header is cut out of the name


def test_brand_names_drop_the_word_brand_and_reject_category_brands():
    found = mentions("湖南联通推广联通沃视界品牌和联通5G品牌。", "products")
    assert found == [("Product", "联通沃视界")]


def test_a_branch_of_another_company_is_not_a_unicom_unit():
    doc = run(parse("本公司股份由湘江证券登记结算有限责任公司湖南分公司托管。"))
    labels = {(m.label, m.surface) for m in doc.mentions if not m.implied}
    assert ("Organization", "湘江证券登记结算有限责任公司湖南分公司") in labels
    assert not any(label == "Subsidiary" for label, _ in labels)


def test_verbs_that_make_up_names_stay_inside_project_names():
    found = mentions("湖南联通全面实施湘江开放合作计划和一系列合作计划。", "projects")
    assert found == [("Project", "湘江开放合作计划")]


def test_the_unit_a_text_is_about_is_the_subject_of_later_sentences():
    rels = relations("湖南联通召开大会。会上发布了星火智算平台，并与华为、中兴通讯签署合作协议。")
    assert ("湖南联通", "provides", "星火智算平台", None) in rels
    assert ("湖南联通", "partnerOf", "华为", None) in rels
    assert ("湖南联通", "partnerOf", "中兴通讯", None) in rels


def test_products_in_a_list_after_a_launch_and_companies_listed_as_platforms():
    found = mentions("湖南联通推出湘江智慧水务平台、城市安全综合平台等。用户常用淘宝、京东、拼多多购物。", "products")
    assert ("Product", "城市安全综合平台") in found
    assert ("Product", "京东") in found and ("Product", "拼多多") in found
    doc = run(parse("京东与湖南联通签约。"))
    assert [m.label for m in doc.mentions if m.surface == "京东"] == ["Organization"]


def test_masked_group_name_reads_as_china_unicom_and_keeps_the_masked_alias():
    from kg.resolve import resolve
    ents, _ = resolve([run(parse("茂名联通召开会议，###联通茂名分公司升级宣传栏。"))])
    unit = next(e for e in ents.values() if e.label == "Subsidiary")
    assert unit.name == "中国联通茂名分公司"
    assert {"茂名联通", "###联通茂名分公司"} <= unit.aliases


def test_undertakes_needs_the_verb_at_the_project_or_the_unit_and_awards_count():
    rels = relations("湖南联通深入分析通信行为，自主创新的“湘江智能防诈”项目入选试点。"
                     "会议由湖南省通信管理局评级的湘江大学主办，聚焦湘江智慧水利建设项目。")
    assert ("湖南联通", "undertakes", "“湘江智能防诈”项目", None) in rels
    assert not any(r[1] == "undertakes" and r[2] == "湘江智慧水利建设项目" for r in rels)


def test_partners_named_after_the_subject_and_listed_with_it():
    rels = relations("湖南联通作为全省信息化联盟单位，与华为携手建设算力网络。"
                     "目前中国联通分别与腾讯、阿里巴巴、金蝶等企业合资成立了系列企业。")
    assert ("湖南联通", "partnerOf", "华为", None) in rels
    assert {("中国联通", "partnerOf", p, None) for p in ("腾讯", "阿里巴巴", "金蝶")} <= rels
    rels = relations("湖南联通为华为提供专线服务，与客户一起成长。")  # a customer, no cooperation verb
    assert not any(r[1] == "partnerOf" for r in rels)


def test_a_title_right_after_an_issuing_verb_is_issued_by_the_subject_and_so_is_the_title_after_it():
    rels = relations("4月20日，工业和信息化部召开专题培训会，结合实际制定《数据安全管理办法》《网络安全审查办法》，安排部署工作。")
    assert ("数据安全管理办法", "issuedBy", "工业和信息化部", None) in rels
    assert ("网络安全审查办法", "issuedBy", "工业和信息化部", None) in rels
    # the text is about the group, and the group is named as the subject here too
    rels = relations("4月20日，中国联通召开专题培训会，结合实际制定《湘江联络工作方案》，安排部署工作。")
    assert ("湘江联络工作方案", "issuedBy", "中国联通", None) in rels
    # the verb belongs to another object; the law is only cited
    rels = relations("国务院修订了商用密码管理规定的实施细则，与《中华人民共和国电子签名法》相衔接。")
    assert not any(r[1] == "issuedBy" for r in rels)


def test_units_launch_and_carry_out_projects_past_adverbs():
    rels = relations("湖南联通大力推进网络建设和“湘韵服务”提升工程。中国移动推出“千帆”合作伙伴计划。")
    assert ("湖南联通", "undertakes", "“湘韵服务”提升工程", None) in rels
    assert ("中国移动", "undertakes", "“千帆”合作伙伴计划", None) in rels


def test_a_report_without_a_named_subject_is_about_china_unicom_when_it_names_it():
    rels = relations("湖南联通网络覆盖全省。云业务方面，与华为、中兴通讯在混合云领域持续推进合作。")
    assert ("湖南联通", "partnerOf", "华为", None) in rels  # the unit that opened a sentence
    rels = relations("全省网络由中国联通覆盖。云业务方面，与华为在混合云领域持续推进合作。")
    assert ("中国联通", "partnerOf", "华为", None) in rels  # the group, named but never a subject
    rels = relations("云业务方面，与华为、中兴通讯在混合云领域持续推进合作。")
    assert not any(r[1] == "partnerOf" for r in rels)  # no Unicom in the text: no subject to guess


def test_name_boundaries_from_words_that_follow_or_precede_a_name():
    found = mentions("支部书记李杰根据安排发言。王明辉董事、顾佳怡董事出席。在唐永强看来，方向正确。", "people")
    assert ("Person", "李杰") in found
    assert ("Person", "王明辉") in found and ("Person", "顾佳怡") in found
    assert ("Person", "唐永强") in found


def test_bare_company_names_need_an_industry_word_and_short_abbreviations_do_not_match_inside_words():
    found = mentions("湘江云镝智慧科技公司与湘江大学合作，率先建立集团，构建行业标杆。", "organizations")
    assert ("Organization", "湘江云镝智慧科技公司") in found
    assert not any(name in ("率先建立集团", "建行") for _, name in found)


def test_a_role_attaches_to_the_unit_nearest_the_person():
    rels = relations("浙江联通金华市分公司产互党支部书记李建国介绍情况。")
    assert ("李建国", "worksFor", "浙江联通金华市分公司", "产互党支部书记") in rels


def test_a_product_named_with_and_without_quotes_is_one_entity():
    from kg.resolve import resolve

    ents, _ = resolve([run(parse("湖南联通发布“湘云”设备管理平台。湘云设备管理平台上线试运行。", "a"))])
    assert [(e.name, sorted(e.aliases)) for e in ents.values() if e.label == "Product"] == [
        ("“湘云”设备管理平台", ["湘云设备管理平台"])]

def test_a_unit_inside_a_product_name_in_the_post_employs_nobody():
    # 阿里 of the product 阿里云 stands nearer the name, but the post is 阿里巴巴's, written whole
    rels = {r for r in relations("阿里巴巴首席技术官兼阿里云智能事业群总裁张建平先生当选董事。") if r[1] == "worksFor"}
    assert rels == {("张建平", "worksFor", "阿里巴巴", "首席技术官兼阿里云智能事业群总裁")}


def test_quoted_product_names_and_counted_projects():
    assert ("Product", "“湘云”设备管理平台") in mentions("全新的“湘云”设备管理平台亮相。", "products")
    # a quoted part opens the name, not the words before it
    assert mentions("湘江移动建成了全国集中化“2+N”开放隐私计算平台。", "products") == [
        ("Product", "“2+N”开放隐私计算平台")]
    # a launch told after the name
    text = "章明表示，沅水数字孪生系统的推出意义重大。湘江农村资产监督管理平台上线试运行，这一平台的上线很快。"
    assert [name for _, name in mentions(text, "products")] == ["沅水数字孪生系统", "湘江农村资产监督管理平台"]
    assert mentions("湖南联通5G智慧工厂项目超400个。", "projects") == []
    text = "湘江联通建成300多个“5G+智慧矿山”项目，累计签约5G专网项目超过120个，沅水链项目数量达8项。湘江联通推进沅水光网工程。"
    assert mentions(text, "projects") == [("Project", "沅水光网工程")]


def test_common_phrases_after_a_post_are_not_names():
    assert mentions("党委书记高度重视此事，支部书记项目管理到位。", "people") == []


def test_launched_products_named_as_product_or_in_quotes():
    found = mentions("湖南联通推出XY算力集群产品，并打造“湘江智算云”，建立“反诈大数据平台”。我们提供优质产品。", "products")
    assert ("Product", "XY算力集群") in found
    assert ("Product", "湘江智算云") in found and ("Product", "反诈大数据平台") in found
    assert all(name != "优质" for _, name in found)


def test_people_written_before_their_post_work_for_the_unit_the_text_is_about():
    rels = relations("湘江数码股份有限公司董事会第九次会议召开。出席会议的有王明辉董事、顾佳怡独立董事。")
    assert ("王明辉", "worksFor", "湘江数码股份有限公司", "董事") in rels
    assert ("顾佳怡", "worksFor", "湘江数码股份有限公司", "独立董事") in rels


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


def test_universities_listed_without_commas_are_each_a_name():
    found = mentions("参与高校：湘江理工大学湘南师范大学湘北农业大学。", "organizations")
    assert found == [("Organization", "湘江理工大学"), ("Organization", "湘南师范大学"), ("Organization", "湘北农业大学")]


def test_government_bodies_end_at_a_body_not_at_a_word_that_starts_with_its_suffix():
    found = mentions("落实国家战略部署与党中央重大决策部署，中央财办等8部门印发方案，为国家开好局。", "organizations")
    assert [name for _, name in found] == ["党中央", "中央财办"]


def test_latin_names_are_whole_words_and_idc_is_a_firm_only_when_cited():
    text = "据IDC预测，ISO27001认证的IDC机房将增加；IDC发布报告称，ISO与Cisco合作，Ciscolab除外。"
    found = [name for _, name in mentions(text, "organizations")]
    assert found == ["IDC", "IDC", "ISO", "Cisco"]


def test_idc_listed_beside_another_body_is_the_firm_and_beside_businesses_is_not():
    found = mentions("来源：湘潭信息研究院、IDC；宽带、IDC、云计算业务增长，IDC、Gartner均看好。", "organizations")
    assert [name for _, name in found] == ["湘潭信息研究院", "IDC", "IDC", "Gartner"]


def test_named_centres_kindergartens_and_local_congresses_but_no_facilities():
    text = ("湖南省疾病预防控制中心、长沙市育才幼儿园、湘潭市雨湖区政协和湖南省人大常委会参加，"
            "全国一体化大数据中心、湖南智算中心和长沙会展中心不是机构。")
    assert [name for _, name in mentions(text, "organizations")] == [
        "湖南省疾病预防控制中心", "长沙市育才幼儿园", "湘潭市雨湖区政协", "湖南省人大常委会"]


def test_companies_listed_with_a_known_one_before_等企业_and_no_fields_or_places():
    text = ("华为、湘芯微电子、沅江智能等企业参加。这个被联合国、湘江银行等机构认可。"
            "金融、医疗等行业企业，长沙、株洲等地企业，网络质量、服务等企业评价。")
    assert [name for _, name in mentions(text, "organizations")] == [
        "华为", "湘芯微电子", "沅江智能", "联合国", "湘江银行"]


def test_a_name_found_by_its_suffix_never_starts_inside_a_known_name():
    text = "工业和信息化部网络安全管理局参加。"
    assert mentions(text, "organizations") == [("Organization", "工业和信息化部网络安全管理局")]


def test_anti_fraud_and_computing_centres_of_a_body_or_place():
    text = "工信部反诈中心、湘潭市反诈中心与长沙人工智能计算中心合作，各地反诈中心和智能计算中心加快建设。"
    assert [name for _, name in mentions(text, "organizations")] == ["工信部反诈中心", "湘潭市反诈中心", "长沙人工智能计算中心"]


def test_bills_are_policies_and_named_strategies_keep_their_first_word():
    assert mentions("湘江议会通过《湘江芯片法案》。", "policies") == [("Policy", "湘江芯片法案")]
    text = "深入实施创新驱动发展战略，坚持人才强企战略，落实国家大数据战略，推进“1+2+3”战略规划体系，完成5大强企战略。"
    assert [name for _, name in mentions(text, "policies")] == [
        "创新驱动发展战略", "人才强企战略", "国家大数据战略", "“1+2+3”战略规划体系"]


def test_laws_cited_without_book_title_marks_but_not_words_that_start_with_them():
    text = "依据个人信息保护法和中华人民共和国网络安全法，完善网络安全法律体系，并由分公司法人签字。"
    assert mentions(text, "policies") == [("Policy", "个人信息保护法"), ("Policy", "中华人民共和国网络安全法")]


def test_people_before_verbs_of_speech_and_in_appointments():
    text = "”陈思远说。会上，林海峰发表演讲，赵明轩和他的团队在场。董事会聘任何飚先生为副总裁。"
    found = [name for _, name in mentions(text, "people")]
    assert found == ["陈思远", "林海峰", "赵明轩", "何飚"]  # not 任何飚


def test_words_that_look_like_names_before_a_verb_of_speech_are_not_people():
    text = "发布会上，隆重介绍了新产品。平台实现党员管理、党员教育。李磊所说的宽带到了。"
    assert mentions(text, "people") == []


def test_people_listed_with_a_found_name_and_in_credit_lines():
    listed = mentions("研究员郑明远、黄晓燕、许文杰等人完成。周海涛、吴晓东表示支持。", "people")
    assert [name for _, name in listed] == ["郑明远", "黄晓燕", "许文杰", "周海涛", "吴晓东"]
    credits = mentions("全文完。撰稿：程明珈编辑：张海丰。文/刘建国 陈晓东", "people")
    assert [name for _, name in credits] == ["程明珈", "张海丰", "刘建国", "陈晓东"]
    # a credit line running into the next text, which opens with a name
    ran_on = run(parse("撰稿：程明珈编辑：张海丰湖南联通推进工作。"), ["unicom_units", "people"]).mentions
    assert [m.surface for m in ran_on if m.label == "Person"] == ["程明珈", "张海丰"]


def test_latin_model_names_after_their_kind_versions_and_lines_of_known_products():
    found = mentions("芯片H200、超级计算机Falcon和操作系统CUOS2发布，进入超级计算机TOP500；芯片design另算。", "products")
    assert [name for _, name in found] == ["H200", "Falcon", "CUOS2"]
    found = mentions("元景3.0上线，还有元景医疗大模型，天翼云5.0占2.5%。", "products")
    assert [name for _, name in found] == ["元景3.0", "元景医疗大模型", "天翼云5.0"]


def test_accounting_lines_counts_and_cut_words_are_no_project_names():
    text = ("非经常性损益项目和金额；单位：元币种：人民币项目本期金额。批准2025年度审计计划，主要资本开支项目如下。"
            "这些矿山项目很大，设立党员攻关项目300余个，在思想上行动上保持一致，一批智慧养老项目落地。湘江联通推进沅水光网工程。")
    assert mentions(text, "projects") == [("Project", "沅水光网工程")]


def test_counted_generic_and_cut_organisation_names_are_left_out():
    text = ("建成800余所中小学，成立了5个大型农业合作社，举办4场专家联学会，组织集中学习，新入职大学生参加，"
            "完善现代公司治理，各省有十大医院、智慧医院和XX集团。日本理化学研究所与湘江大学合作，协助沅水博物馆开展活动。")
    assert mentions(text, "organizations") == [
        ("Organization", "日本理化学研究所"), ("Organization", "湘江大学"), ("Organization", "沅水博物馆")]


def test_signing_and_ministries_in_general_are_no_government_bodies():
    text = "20个国家和地区签署备忘录，率先打通国家部委数据，国家数据局随后发布通知。"
    assert mentions(text, "organizations") == [("Organization", "国家数据局")]


def test_strategy_names_without_words_around_them_and_bare_back_references():
    text = "自数字乡村战略实施以来，推动我国乡村振兴战略，湘江联通践行京津冀协同发展战略。2018年中央1号文件和《条例》要求。"
    assert {name for _, name in mentions(text, "policies")} == {
        "数字乡村战略", "乡村振兴战略", "京津冀协同发展战略", "中央1号文"}


def test_places_words_and_dates_around_the_new_checks_keep_their_names():
    text = ("5月8日本溪市商业银行与余杭区第一人民医院、个旧市人民医院、杭州百大集团股份有限公司签约，"
            "湘江大学生物系参加。记者参观这些医院。")
    assert [name for _, name in mentions(text, "organizations")] == [
        "本溪市商业银行", "余杭区第一人民医院", "个旧市人民医院", "杭州百大集团股份有限公司", "湘江大学"]
    text = "实施余杭数字乡村项目，推进多场景5G应用项目，沅水光网工程余下部分完成。投资者看好这些项目。"
    assert [name for _, name in mentions(text, "projects")] == ["余杭数字乡村项目", "多场景5G应用项目", "沅水光网工程"]
    assert [name for _, name in mentions("推动我省乡村振兴战略。", "policies")] == ["乡村振兴战略"]


def test_kinds_of_platform_and_the_whole_organisation_are_no_products():
    text = ("联通打造隐私计算平台和算力调度平台，研发基础大模型，升级分布式云，湘江联通全系统开展学习，"
            "联通研究院泛终端研究中心成立，搭起“2345678”平台，推出“沅水”安全平台和联通沅水大模型。")
    assert mentions(text, "products") == [("Product", "“沅水”安全平台"), ("Product", "联通沅水大模型")]


def test_district_branches_are_units_under_the_branch_they_are_named_after():
    text = "天津联通河西区分公司走访社区，联通杭州市滨江区分公司和联通杭州市分公司签约。"
    assert mentions(text, "unicom_units") == [
        ("Subsidiary", "天津联通"), ("Subsidiary", "天津联通河西区分公司"), ("Subsidiary", "联通杭州市滨江区分公司"),
        ("Subsidiary", "联通杭州市分公司")]
    found = relations(text)
    assert {("天津联通河西区分公司", "subsidiaryOf", "天津联通", None), ("天津联通河西区分公司", "locatedIn", "天津", None),
            ("联通杭州市滨江区分公司", "subsidiaryOf", "联通杭州市分公司", None),
            ("联通杭州市滨江区分公司", "locatedIn", "浙江", None)} <= found
    # the 自治区 or 地区 of the place itself, a repeated place and a clause are no districts
    text = "中国联通西藏自治区分公司、中国联通大兴安岭地区分公司、北京联通北京市分公司和中国联通各区分公司参加。"
    assert ("Subsidiary", "中国联通西藏自治区分公司") in mentions(text, "unicom_units")
    keys = {m.key for m in registry.get("unicom_units")(parse(text))}
    assert not any(k.startswith("unit:district:") for k in keys)


def test_the_groups_named_centres_and_laboratories_are_units():
    text = "中国联通数字乡村创新中心、中国联通反诈中心与中国联通湘江AI联合实验室成立，中国联通与紫金山实验室合作。"
    assert mentions(text, "unicom_units") == [
        ("Subsidiary", "中国联通数字乡村创新中心"), ("Subsidiary", "中国联通反诈中心"), ("Subsidiary", "中国联通湘江AI联合实验室")]


def test_directives_orders_declarations_frameworks_and_numbered_rules_are_policies():
    text = ("欧盟通过《数据治理指令》，美国发布《促进算力发展行政令》，多国签署《数字合作宣言》和《数据资产发展框架》，"
            "公司执行《企业会计准则第14号——收入（修订）》和《企业会计准则解释第15号》，发布《关于召开股东大会的公告》。")
    assert [name for _, name in mentions(text, "policies")] == [
        "数据治理指令", "促进算力发展行政令", "数字合作宣言", "数据资产发展框架", "企业会计准则第14号——收入（修订）",
        "企业会计准则解释第15号"]


def test_an_exchange_is_named_without_the_companies_listed_on_it():
    assert mentions("《北京证券交易所上市公司持续监管指引》发布。", "organizations") == [("Organization", "北京证券交易所")]


def test_a_post_of_the_company_the_text_is_about_and_a_former_post():
    text = "中国联通发布年报。公司董事、总裁张建国先生辞职，公司高级副总裁王立新先生接任。子公司总经理李伟出席。"
    found = {(h, r, t, role) for h, r, t, role in relations(text) if r == "worksFor"}
    assert found == {("张建国", "worksFor", "中国联通", "董事、总裁"), ("王立新", "worksFor", "中国联通", "高级副总裁")}
    found = relations("2005年，时任中国联通副总裁的张建国表示，网络要升级。")
    assert ("张建国", "worksFor", "中国联通", "副总裁") in found


def test_a_share_tables_headings_are_no_part_of_the_exchanges_name():
    text = "股票种类股票上市交易所股票代码股票简称A股深圳证券交易所湘江科技000001"
    assert mentions(text, "organizations") == [("Organization", "深圳证券交易所")]


def test_foreign_government_bodies_are_organisations():
    text = ("美国能源部发布规则，爱尔兰网络安全委员会与日本数码厅合作，美国白宫科技政策办公室回应，白宫发言。"
            "美国东部和欧洲大部分国家的日本餐厅，法国批准了欧洲委员会的公约。")
    assert [name for _, name in mentions(text, "organizations")] == [
        "美国能源部", "爱尔兰网络安全委员会", "日本数码厅", "美国白宫科技政策办公室", "白宫", "欧洲委员会"]


def test_a_countys_unit_named_under_its_city():
    assert unit_keys("湘潭韶山联通推出助老套餐，杭州携手联通发展。") == [("湘潭韶山联通", "unit:district:city:湘潭:韶山")]


def test_a_level_or_a_clause_before_a_branch_is_no_district():
    text = "湖北联通加强县分公司建设，安徽联通首批县分公司挂牌，四川联通区县分公司参加，北京联通走访海淀区分公司。"
    assert mentions(text, "unicom_units") == [
        ("Subsidiary", "湖北联通"), ("Subsidiary", "安徽联通"), ("Subsidiary", "四川联通"), ("Subsidiary", "北京联通")]
    text = "江苏联通南京市鼓楼区分公司总经理李明表示。"
    assert mentions(text, "unicom_units") == [("Subsidiary", "江苏联通"), ("Subsidiary", "江苏联通南京市鼓楼区分公司")]
    found = relations(text)
    assert {("江苏联通南京市鼓楼区分公司", "subsidiaryOf", "江苏联通", None),
            ("李明", "worksFor", "江苏联通南京市鼓楼区分公司", "总经理")} <= found


def test_no_foreign_body_from_a_company_a_clause_or_a_club_and_no_book_or_technical_framework_as_policy():
    text = "美国谷歌公司成立伦理委员会，日本游客在联通营业厅办理业务，美国俱乐部开业，印度电子和信息技术部发布规则。"
    assert [name for _, name in mentions(text, "organizations")] == ["谷歌公司", "印度电子和信息技术部"]
    text = "重温《共产党宣言》，发布《云网融合技术框架》和《数据要素流通框架》。"
    assert [name for _, name in mentions(text, "policies")] == ["数据要素流通框架"]


def test_a_post_of_公司_after_another_unit_or_of_a_latin_named_company_is_not_the_topics():
    text = "中国联通召开会议。中国铁塔表示，公司总经理王立新将加快共享。3M公司大中华区总裁张建国表示。"
    assert not {r for r in relations(text) if r[1] == "worksFor" and r[2] == "中国联通"}


def test_people_before_an_adverb_and_a_verb_of_speech_in_a_talk_and_after_a_school():
    text = "此外，孙立平还分享了经验。钱志远进一步指出，要加快。最后，韩文博在会上宣布。邀请中央党校李清明教授讲课。" \
           "”项目负责人刘亚明如是说。"
    assert [name for _, name in mentions(text, "people")] == ["孙立平", "钱志远", "韩文博", "李清明", "刘亚明"]


def test_common_nouns_and_plurals_before_a_verb_of_speech_are_not_people():
    text = "文件指出，要加强。方案强调，要推进。常委会强调，要落实。居民们也坦言，很方便。向记者介绍了情况。"
    assert mentions(text, "people") == []


def test_quoted_names_after_their_kind_and_before_an_app_word_are_products():
    text = "发布统一承载平台“星云链”，推出专网产品“致远、比邻”，打造业务平台“双轮驱动”，自主研发“易购铺子”小程序，推出“联通护家宝”产品。"
    assert [name for _, name in mentions(text, "products")] == ["星云链", "致远", "比邻", "易购铺子", "联通护家宝"]


def test_items_of_a_list_named_after_a_known_product_are_products_of_its_line():
    text = "推出了元景热线、元景编程、元景运维四大通用产品，支持微信扫码报修、微信扫码盘点。"
    assert [name for _, name in mentions(text, "products")] == ["元景热线", "元景编程", "元景运维", "微信", "微信"]


def test_a_district_named_和平_is_a_district_and_和_elsewhere_joins_clauses():
    text = "天津联通和平区分公司开展活动，天津联通和各区分公司参加。"
    assert sorted(name for _, name in mentions(text, "unicom_units")) == ["天津联通", "天津联通", "天津联通和平区分公司"]


def test_a_named_centre_holding_a_units_short_name_is_the_centre_and_short_unit_names_are_units():
    text = "中国联通智网创新中心总经理王立新出席。2021年，华盛电商承接项目，联通航美发布产品，智网科技入选名单。"
    assert [name for _, name in mentions(text, "unicom_units")] == [
        "中国联通智网创新中心", "华盛电商", "联通航美", "智网科技"]
    assert ("王立新", "worksFor", "中国联通智网创新中心", "总经理") in relations(text)


def test_a_person_right_after_a_unit_or_its_team_works_there_and_集团_is_the_group():
    text = "中国联通研究院钱立新坦言，工作很忙。联通智网科技的孙丽华介绍，团队在攻关。" \
           "河南联通网络保障团队的吴建国表示，要保障好。集团党群工作部主任周晓燕表示，要坚持。"
    works = {(h, t) for h, label, t, _ in relations(text) if label == "worksFor"}
    assert works == {("钱立新", "中国联通研究院"), ("孙丽华", "联通智网科技"), ("吴建国", "河南联通"),
                     ("周晓燕", "中国联通")}


def test_a_local_commission_by_its_short_name_is_an_organisation():
    text = "江苏省经信委副主任郑国强致辞。浙江省发改委印发方案。"
    assert [name for _, name in mentions(text, "organizations")] == ["江苏省经信委", "浙江省发改委"]
    assert ("郑国强", "worksFor", "江苏省经信委", "副主任") in relations(text)


def test_a_company_name_holds_no_other_company_and_a_heading_does_not_run_into_公司():
    text = "主要由于本公司联营公司华信科技股份有限公司盈利。打造差异化网络竞争优势公司坚持聚焦。中国上市公司协会发布名单。"
    assert [name for _, name in mentions(text, "organizations")] == ["华信科技股份有限公司", "中国上市公司协会"]


def test_a_foreign_head_of_state_named_without_a_chinese_surname_is_a_person():
    text = "美国总统拜登签署行政令。日本首相岸田文雄首相出席。法国总统在会上表示。美国前总统于2020年签署。"
    assert [name for _, name in mentions(text, "people")] == ["拜登", "岸田文雄"]


def test_a_rule_issued_under_a_law_is_not_the_law_issued():
    text = "美国商务部发布《数字资产安全法》中“互认条款”实施规则。工信部发布的《数据安全管理办法》中指出，要加强。"
    assert {(h, t) for h, label, t, _ in relations(text) if label == "issuedBy"} == {("数据安全管理办法", "工信部")}


def test_a_district_or_county_named_like_a_city_is_a_district_branch_but_a_city_branch_is_not():
    text = "北京联通朝阳区分公司开展活动，湖南联通长沙县分公司上线平台，广东联通广州市分公司发布。"
    assert [name for _, name in mentions(text, "unicom_units")] == [
        "北京联通", "北京联通朝阳区分公司", "湖南联通", "湖南联通长沙县分公司", "广东联通", "广东联通广州市分公司"]


def test_苏宁_is_a_company_from_the_list_not_a_person_before_a_verb_of_speech():
    doc = run(parse("苏宁表示，将加快转型。"))
    assert [(m.label, m.surface) for m in doc.mentions if not m.implied] == [("Organization", "苏宁")]


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


def test_a_guide_a_part_or_a_rule_under_a_law_is_not_the_law_issued():
    rels = relations("欧盟委员会发布《数据治理法》指南，指导企业。美国商务部发布《芯片法》下的出口管制细则。"
                     "国家互联网信息办公室发布《个人信息出境认证办法》第五条的解读。工业和信息化部发布《数据出境办法》，要求企业落实。")
    assert {(h, t) for h, label, t, _ in rels if label == "issuedBy"} == {("数据出境办法", "工业和信息化部")}


def test_a_draft_put_out_for_comment_and_a_numbered_standard_are_issued_by_the_body_before_them():
    rels = relations("国家互联网信息办公室就《网络数据标注管理规定（征求意见稿）》公开征求意见。"
                     "中国通信标准化协会发布的T/CCSA0012—2024《数据中心节能评价指南》已实施。")
    assert {(h, t) for h, label, t, _ in rels if label == "issuedBy"} == {
        ("网络数据标注管理规定（征求意见稿）", "国家互联网信息办公室"), ("数据中心节能评价指南", "中国通信标准化协会")}


def test_units_listed_as_the_subject_of_a_joint_act_are_partners_but_co_issuers_are_not():
    rels = relations("2024年3月，中国移动、中国联通、中国电信联合宣布启动5G消息互通。"
                     "国家互联网信息办公室、工业和信息化部联合印发《数据标注规定》。")
    assert {(h, t) for h, label, t, _ in rels if label == "partnerOf"} == {
        ("中国移动", "中国联通"), ("中国移动", "中国电信"), ("中国联通", "中国电信")}


def test_every_unit_listed_after_a_partner_word_is_a_partner_also_past_an_adverb():
    rels = relations("湖南联通联合华为、中兴通讯研发边缘计算平台。北京冬奥组委将携手中国联通加强冬奥会通信保障。")
    assert {(h, t) for h, label, t, _ in rels if label == "partnerOf"} == {
        ("湖南联通", "华为"), ("湖南联通", "中兴通讯"), ("北京冬奥组委", "中国联通")}


def test_a_project_a_document_calls_for_is_undertaken_by_no_one():
    rels = relations("工业和信息化部2023年5月《关于数字乡村的意见》提出加快推进数字乡村建设，实施湘江数据惠民工程。")
    assert not any(label == "undertakes" for _, label, _, _ in rels)


def test_a_unit_does_a_verb_that_stands_before_a_description_and_a_count_of_its_object():
    rels = relations("湖南联通与合作伙伴共同打造长沙梅溪湖“5G+智慧停车”项目。湖南联通在长沙发布两款“湘江宽带”套餐。")
    assert ("湖南联通", "undertakes", "“5G+智慧停车”项目", None) in rels
    assert ("湖南联通", "provides", "湘江宽带", None) in rels


def test_an_award_named_like_a_project_is_no_project_and_a_unit_that_won_another_runs_no_project():
    assert mentions("湘江大桥工程获得国家优质工程金奖。", "projects") == [("Project", "湘江大桥工程")]
    rels = relations("湖南联通入选专精特新企业，“湘江5G共建工程”获得国家优质工程金奖。")
    assert not any(label == "undertakes" for _, label, _, _ in rels)
    rels = relations("湖南联通深入分析通信行为，打造治理机制，自主创新的“湘江智能防诈”项目入选试点。")
    assert ("湖南联通", "undertakes", "“湘江智能防诈”项目", None) in rels


def test_standard_setters_are_known_by_their_full_names():
    text = "国际财务报告准则基金会与全球报告倡议组织签署合作备忘录，欧洲财务报告咨询组表示欢迎。"
    assert [name for _, name in mentions(text, "organizations")] == ["国际财务报告准则基金会", "全球报告倡议组织", "欧洲财务报告咨询组"]


def test_every_item_of_a_list_after_a_launch_verb_has_the_first_items_maker():
    rels = relations("中国联通在长沙发布了“天工”数据平台、“星河”安全平台和“云帆”办公平台。")
    made = {tail for head, label, tail, _ in rels if head == "中国联通" and label == "provides"}
    assert {"“天工”数据平台", "“星河”安全平台", "“云帆”办公平台"} <= made
    # a list needs its first item's maker: no unit launches anything here
    rels = relations("“天工”数据平台、“星河”安全平台和“云帆”办公平台受到客户好评。")
    assert not any(label == "provides" for _, label, _, _ in rels)


def test_the_unicom_unit_that_opens_a_projects_name_runs_it_and_a_ministry_does_not():
    assert ("湖南联通", "undertakes", "湖南联通智慧校园项目", None) in relations("湖南联通智慧校园项目通过验收。")
    rels = relations("湖南联通承担工信部揭榜挂帅项目。")
    assert not any(head == "工信部" and label == "undertakes" for head, label, _, _ in rels)


def test_a_delivered_project_is_run_by_its_deliverer_and_a_count_of_projects_is_none():
    assert mentions("广东联通已顺利交付佛山数据中心智能运维项目。", "projects") == [("Project", "佛山数据中心智能运维项目")]
    assert ("广东联通", "undertakes", "佛山数据中心智能运维项目", None) in relations("广东联通已顺利交付佛山数据中心智能运维项目。")
    assert mentions("中国联通5G行业应用项目数超过3万个。", "projects") == []


def test_units_joined_by_a_partner_word_or_a_list_all_make_what_they_build_together():
    rels = relations("中国联通联合华为、中兴打造“天工”数据平台。")
    assert {h for h, label, _, _ in rels if label == "provides"} == {"中国联通", "华为", "中兴"}
    rels = relations("湖南联通和华为实施“湘江智算”项目。")
    assert {h for h, label, _, _ in rels if label == "undertakes"} == {"湖南联通", "华为"}
    # 为A、B打造X: the listed units are the customers, the unit before 为 makes X
    rels = relations("中国联通为华为、中兴打造“天工”数据平台。")
    assert {h for h, label, _, _ in rels if label == "provides"} == {"中国联通"}


def test_a_bodys_dated_untitled_document_runs_no_project_it_calls_for():
    rels = relations("国务院2023年2月关于数字乡村的意见深入实施湘江数据惠民工程。")
    assert not any(label == "undertakes" for _, label, _, _ in rels)
    assert ("湖南联通", "undertakes", "湘江数据惠民工程", None) in relations("湖南联通2023年2月启动湘江数据惠民工程。")


def test_a_title_right_after_a_body_is_that_bodys_document():
    rels = relations("各地落实工业和信息化部《湘江数据安全管理办法》，加快建设。")
    assert ("湘江数据安全管理办法", "issuedBy", "工业和信息化部", None) in rels


def test_a_unit_with_its_alias_in_parentheses_still_signs_with_the_next():
    rels = relations("公司的子公司湖南联通（简称“湘联”）与中国电信股份有限公司签署合作协议。")
    assert any(label == "partnerOf" and {h, t} & {"湖南联通", "湘联"} and "中国电信股份有限公司" in (h, t)
               for h, label, t, _ in rels)


def test_foreign_clouds_are_provided_by_the_owner_their_brand_names():
    rels = relations("微软云和谷歌云都提供了虚拟化方案。")
    assert {("微软", "微软云"), ("谷歌", "谷歌云")} <= {(h, t) for h, label, t, _ in rels if label == "provides"}


def test_a_product_that_is_a_units_own_development_is_provided_by_it():
    rels = relations("“湘江网测”APP是中国信息通信研究院自主研发的移动网络评测工具。")
    assert ("中国信息通信研究院", "provides", "湘江网测", None) in rels


def test_a_bodys_document_cited_by_its_date_without_marks_is_a_policy_issued_by_it():
    text = "水利部等5部门2023年4月湘江流域数据共享行动计划（2023-2025年）推进数据互通。"
    assert mentions(text, "policies") == [("Policy", "湘江流域数据共享行动计划（2023-2025年）")]
    assert ("湘江流域数据共享行动计划（2023-2025年）", "issuedBy", "水利部", None) in relations(text)
    # bodies written together with no mark between them issued it together
    rels = relations("中共中央国务院2021年3月关于推进湘江数字农业的意见加快建设。")
    assert {t for h, label, t, _ in rels if label == "issuedBy"} == {"中共中央", "国务院"}
    assert mentions("公司2023年4月湘江数据行动计划启动。", "policies") == []  # a company's month, no body
    # a version after the title, and a count of bodies without 等
    assert ("湘江数据指南1.0", "issuedBy", "中央网信办", None) in relations("中央网信办7部门2021年7月湘江数据指南1.0提出框架。")


def test_what_a_body_sets_out_in_its_own_strategy_or_document_is_issued_by_it():
    rels = relations("中国移动在“算网一体”战略中提出开放合作。工信部在《湘江数据安全管理办法》中明确要求。")
    assert {("“算网一体”战略", "中国移动"), ("湘江数据安全管理办法", "工信部")} <= {
        (h, t) for h, label, t, _ in rels if label == "issuedBy"}


def test_a_units_products_named_after_their_kind_are_provided_by_it():
    rels = relations("其中，中国电信的云专网产品“星河、星海”覆盖全国。")
    assert {("中国电信", "星河"), ("中国电信", "星海")} <= {(h, t) for h, label, t, _ in rels if label == "provides"}
    rels = relations("华为使用中国电信的专网。")
    assert not any(label == "provides" for _, label, _, _ in rels)


def test_foreign_offices_centres_ministries_and_parliaments_are_organisations():
    text = ("美国数据安全工作组发布文件，白宫管理和预算办公室回应，美国财政部海外投资审查办公室发布指引，"
            "日本总务省和文部科学省发布指南，新西兰网络安全中心发布报告，瑞典国会通过法案，俄罗斯国家杜马通过修正案。")
    assert [name for _, name in mentions(text, "organizations")] == [
        "美国数据安全工作组", "白宫管理和预算办公室", "美国财政部海外投资审查办公室", "日本总务省", "文部科学省",
        "新西兰网络安全中心", "瑞典国会", "俄罗斯国家杜马"]


def test_a_government_is_a_body_by_its_province_or_city_but_not_a_country_or_a_digital_government():
    text = "湖南省政府和长沙市政府发布规则，英国政府回应，甘肃数字政府上线，美国数据中心和以泰国为中心的市场。"
    assert [name for _, name in mentions(text, "organizations")] == ["湖南省政府", "长沙市政府"]


def test_a_quoted_project_name_is_taken_whole_and_a_count_after_a_list_is_no_project():
    text = "共同启动“湘江联通智慧助老慈善空间为老暖心行动”，发布了“湘江数据联合出海计划”。"
    assert mentions(text, "projects") == [("Project", "湘江联通智慧助老慈善空间为老暖心行动"), ("Project", "湘江数据联合出海计划")]
    text = "启动了“湘江数据基础研究共研行动”“湘江应用创新基地共建行动”两项行动，湖南联通开展服务提升、作风改进四项行动。"
    assert mentions(text, "projects") == [("Project", "湘江数据基础研究共研行动"), ("Project", "湘江应用创新基地共建行动")]


def test_a_premium_network_launched_or_known_and_a_named_chain_in_quotes_are_products():
    text = "中国联通打造跨境电商精品网，加快部署政企精品网，发布精品网络方案。湘江省主导建设的“湘信链”已接入，通过“可信区块链”评测，“串珠成链”。"
    assert mentions(text, "products") == [("Product", "跨境电商精品网"), ("Product", "政企精品网"), ("Product", "湘信链")]


def test_a_name_after_据_包括_or_a_units_name_before_a_post_or_a_verb_of_speech_is_a_person():
    text = "据钱立新表示，进展顺利。包括孙志平董事、周文斌董事。湖南联通韩立董事长致辞，中国移动韩立新总经理出席。"
    # alone, the people rules do not know where a unit's name ends
    assert [name for _, name in mentions(text, "people")] == ["钱立新", "孙志平", "周文斌"]
    doc = run(parse(text), ["unicom_units", "organizations", "people"])
    assert [m.surface for m in doc.mentions if m.label == "Person"] == ["钱立新", "孙志平", "周文斌", "韩立", "韩立新"]


def test_associations_by_their_suffix_and_exchanges_and_bodies_by_their_short_names():
    text = "中国湘绣产业促进会和长沙市公益慈善联合会出席，中电信、中移动参加，公司在港交所和纽交所上市，G20峰会召开。"
    assert [name for _, name in mentions(text, "organizations")] == [
        "中国湘绣产业促进会", "长沙市公益慈善联合会", "中电信", "中移动", "港交所", "纽交所", "G20"]


def test_the_unit_opening_a_clause_does_what_the_partner_it_joins_later_does():
    rels = relations("湖南联通聚焦老年人需求，联合长沙市公益慈善联合会共同启动“湘江暖心行动”。")
    assert {("湖南联通", "undertakes", "湘江暖心行动"), ("长沙市公益慈善联合会", "undertakes", "湘江暖心行动")} <= {
        (h, label, t) for h, label, t, _ in rels}
    assert any(label == "partnerOf" and {h, t} == {"湖南联通", "长沙市公益慈善联合会"} for h, label, t, _ in rels)


def test_a_product_heading_run_into_its_text_is_named_once_per_copy():
    assert mentions("聚焦湘江AI发布湘江大模型湘江大模型，智联新世界。", "products") == [
        ("Product", "湘江大模型"), ("Product", "湘江大模型")]


def test_a_post_after_a_name_and_a_comma_belongs_to_the_next_person_it_names():
    rels = relations("出席的有湘江集团副总裁王立新，中国移动副总经理、湖南公司总经理李志强。会上，教授王明，中国移动副总经理，出席。")
    works = {(h, t) for h, label, t, _ in rels if label == "worksFor"}
    assert ("王立新", "中国移动") not in works
    assert ("王明", "中国移动") in works


def test_public_figures_are_people_without_a_cue_and_a_signature_block_names_its_signers():
    # people.tsv: public figures, named here before a verb that is no cue
    assert [name for _, name in mentions("陈忠岳携公司高层出席，郝鹏用三句话作了总结。", "people")] == ["陈忠岳", "郝鹏"]
    text = ("公司名称华夏通信股份有限公司法定代表人赵志远日期2021年3月1日。华夏通信股份有限公司2021年年度报告。"
            "公司负责人：周建华主管会计工作负责人：吴立新会计机构负责人：孙红")
    assert [name for _, name in mentions(text, "people")] == ["赵志远", "周建华", "吴立新", "孙红"]
    works = {(h, t, role) for h, label, t, role in relations(text) if label == "worksFor"}
    assert {("赵志远", "华夏通信股份有限公司", "法定代表人"), ("周建华", "华夏通信股份有限公司", "负责人")} <= works


def test_a_body_quoted_as_it_is_founded_is_named_whole_and_a_cited_idc_after_an_adverb_is_the_firm():
    text = ("华夏电信携手伙伴正式启动了“长江数字产业创新发展联盟”，倡导成立了行业首个“边缘计算节能联合研究中心”，"
            "牵头成立了“工业大模型需求与场景创新联合体”“工业大模型生态融合联合体”。营业厅成立“智慧助老服务体验中心”。"
            "此外，IDC还在报告中指出，IDC机房需求增长。中國聯通參加。")
    assert [name for _, name in mentions(text, "organizations")] == [
        "长江数字产业创新发展联盟", "边缘计算节能联合研究中心", "工业大模型需求与场景创新联合体", "工业大模型生态融合联合体",
        "IDC", "中國聯通"]


def test_a_list_opened_by_a_verb_gives_its_doer_to_the_names_after_items_that_are_no_names():
    rels = {(h, label, t) for h, label, t, _ in relations("北方通信有限公司推出了视频彩铃、联通云盘等重点产品。")}
    assert ("北方通信有限公司", "provides", "联通云盘") in rels
    # an item that makes the next name itself is not one of the first maker's
    rels = {(h, label, t) for h, label, t, _ in relations("例如华为推出的盘古大模型、阿里云推出的通义大模型。")}
    assert ("华为", "provides", "盘古大模型") in rels
    assert ("华为", "provides", "阿里云") not in rels


def test_a_body_right_before_an_unquoted_title_and_the_groups_公司_before_its_own_title_issued_it():
    rels = {(h, label, t) for h, label, t, _ in relations(
        "中国联通年度报告。公司贯彻公司“1+9+3”战略规划，并落实工信部5G应用“扬帆”行动计划。")}
    assert {("“1+9+3”战略规划", "issuedBy", "中国联通"), ("5G应用“扬帆”行动计划", "issuedBy", "工信部")} <= rels


def test_a_project_word_before_平台_names_a_platform_not_a_project():
    assert mentions("云服务商竞相打造智算云工程平台，并推进东湖智算工程。", "projects") == [("Project", "东湖智算工程")]
