"""Organisations (``organizations``) on sentences written for the test."""
from kg import registry
from kg.pipeline import parse, run
from tests.extracting import mentions


def test_organizations_by_suffix_and_abbreviation():
    found = mentions("长沙星河数码科技有限公司与工信部、湘江大学及下属公司合作。", "organizations")
    assert found == [("Organization", "长沙星河数码科技有限公司"), ("Organization", "工信部"),
                     ("Organization", "湘江大学")]


def test_a_shareholder_table_cell_is_no_part_of_a_company_name():
    # 股东性质 (the kind of holder) stands right before the holder's name in annual-report tables
    found = mentions("股东名称股东性质持股比例未知宏远科技有限公司国有法人东方电气股份有限公司", "organizations")
    assert ("Organization", "宏远科技有限公司") in found and ("Organization", "东方电气股份有限公司") in found


def test_a_company_name_that_is_also_a_word_counts_only_where_a_name_stands():
    found = mentions("在数字化浪潮中，浪潮、联想和华为位列前三，让人联想到从前。", "organizations")
    assert [name for _, name in found] == ["浪潮", "联想", "华为"]
    assert [m.start for m in registry.get("organizations")(parse("在数字化浪潮中，浪潮领先。"))] == [8]


def test_verbs_and_places_before_a_body_are_no_part_of_its_name():
    found = mentions("会议审议了聘任会计师事务所等事项，拟创建湘江元宇宙学院，各地湘云产业协会参加。", "organizations")
    assert [name for _, name in found] == ["湘江元宇宙学院", "湘云产业协会"]


def test_bare_company_names_need_an_industry_word_and_short_abbreviations_do_not_match_inside_words():
    found = mentions("湘江云镝智慧科技公司与湘江大学合作，率先建立集团，构建行业标杆。", "organizations")
    assert ("Organization", "湘江云镝智慧科技公司") in found
    assert not any(name in ("率先建立集团", "建行") for _, name in found)


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


def test_counted_generic_and_cut_organisation_names_are_left_out():
    text = ("建成800余所中小学，成立了5个大型农业合作社，举办4场专家联学会，组织集中学习，新入职大学生参加，"
            "完善现代公司治理，各省有十大医院、智慧医院和XX集团。日本理化学研究所与湘江大学合作，协助沅水博物馆开展活动。")
    assert mentions(text, "organizations") == [
        ("Organization", "日本理化学研究所"), ("Organization", "湘江大学"), ("Organization", "沅水博物馆")]


def test_signing_and_ministries_in_general_are_no_government_bodies():
    text = "20个国家和地区签署备忘录，率先打通国家部委数据，国家数据局随后发布通知。"
    assert mentions(text, "organizations") == [("Organization", "国家数据局")]


def test_an_exchange_is_named_without_the_companies_listed_on_it():
    assert mentions("《北京证券交易所上市公司持续监管指引》发布。", "organizations") == [("Organization", "北京证券交易所")]


def test_a_share_tables_headings_are_no_part_of_the_exchanges_name():
    text = "股票种类股票上市交易所股票代码股票简称A股深圳证券交易所湘江科技000001"
    assert mentions(text, "organizations") == [("Organization", "深圳证券交易所")]


def test_foreign_government_bodies_are_organisations():
    text = ("美国能源部发布规则，爱尔兰网络安全委员会与日本数码厅合作，美国白宫科技政策办公室回应，白宫发言。"
            "美国东部和欧洲大部分国家的日本餐厅，法国批准了欧洲委员会的公约。")
    assert [name for _, name in mentions(text, "organizations")] == [
        "美国能源部", "爱尔兰网络安全委员会", "日本数码厅", "美国白宫科技政策办公室", "白宫", "欧洲委员会"]


def test_no_foreign_body_from_a_company_a_clause_or_a_club_and_no_book_or_technical_framework_as_policy():
    text = "美国谷歌公司成立伦理委员会，日本游客在联通营业厅办理业务，美国俱乐部开业，印度电子和信息技术部发布规则。"
    assert [name for _, name in mentions(text, "organizations")] == ["谷歌公司", "印度电子和信息技术部"]
    text = "重温《共产党宣言》，发布《云网融合技术框架》和《数据要素流通框架》。"
    assert [name for _, name in mentions(text, "policies")] == ["数据要素流通框架"]


def test_a_company_name_holds_no_other_company_and_a_heading_does_not_run_into_公司():
    text = "主要由于本公司联营公司华信科技股份有限公司盈利。打造差异化网络竞争优势公司坚持聚焦。中国上市公司协会发布名单。"
    assert [name for _, name in mentions(text, "organizations")] == ["华信科技股份有限公司", "中国上市公司协会"]


def test_苏宁_is_a_company_from_the_list_not_a_person_before_a_verb_of_speech():
    doc = run(parse("苏宁表示，将加快转型。"))
    assert [(m.label, m.surface) for m in doc.mentions if not m.implied] == [("Organization", "苏宁")]


def test_standard_setters_are_known_by_their_full_names():
    text = "国际财务报告准则基金会与全球报告倡议组织签署合作备忘录，欧洲财务报告咨询组表示欢迎。"
    assert [name for _, name in mentions(text, "organizations")] == ["国际财务报告准则基金会", "全球报告倡议组织", "欧洲财务报告咨询组"]


def test_foreign_offices_centres_ministries_and_parliaments_are_organisations():
    text = ("美国数据安全工作组发布文件，白宫管理和预算办公室回应，美国财政部海外投资审查办公室发布指引，"
            "日本总务省和文部科学省发布指南，新西兰网络安全中心发布报告，瑞典国会通过法案，俄罗斯国家杜马通过修正案。")
    assert [name for _, name in mentions(text, "organizations")] == [
        "美国数据安全工作组", "白宫管理和预算办公室", "美国财政部海外投资审查办公室", "日本总务省", "文部科学省",
        "新西兰网络安全中心", "瑞典国会", "俄罗斯国家杜马"]


def test_a_government_is_a_body_by_its_province_or_city_but_not_a_country_or_a_digital_government():
    text = "湖南省政府和长沙市政府发布规则，英国政府回应，甘肃数字政府上线，美国数据中心和以泰国为中心的市场。"
    assert [name for _, name in mentions(text, "organizations")] == ["湖南省政府", "长沙市政府"]


def test_associations_by_their_suffix_and_exchanges_and_bodies_by_their_short_names():
    text = "中国湘绣产业促进会和长沙市公益慈善联合会出席，中电信、中移动参加，公司在港交所和纽交所上市，G20峰会召开。"
    assert [name for _, name in mentions(text, "organizations")] == [
        "中国湘绣产业促进会", "长沙市公益慈善联合会", "中电信", "中移动", "港交所", "纽交所", "G20"]


def test_a_body_quoted_as_it_is_founded_is_named_whole_and_a_cited_idc_after_an_adverb_is_the_firm():
    text = ("华夏电信携手伙伴正式启动了“长江数字产业创新发展联盟”，倡导成立了行业首个“边缘计算节能联合研究中心”，"
            "牵头成立了“工业大模型需求与场景创新联合体”“工业大模型生态融合联合体”。营业厅成立“智慧助老服务体验中心”。"
            "此外，IDC还在报告中指出，IDC机房需求增长。中國聯通參加。")
    assert [name for _, name in mentions(text, "organizations")] == [
        "长江数字产业创新发展联盟", "边缘计算节能联合研究中心", "工业大模型需求与场景创新联合体", "工业大模型生态融合联合体",
        "IDC", "中國聯通"]
