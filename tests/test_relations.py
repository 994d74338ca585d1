"""Relations (``name_relations``, ``sentence_relations``) on sentences written for the test."""
from kg import registry
from kg.pipeline import parse
from tests.extracting import mentions, relations


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


def test_brand_owner_provides_the_brand_and_issuer_opening_a_title():
    rels = relations("天翼云与联通云同台，《湘江证券交易所股票上市规则》施行。")
    assert ("中国电信", "provides", "天翼云", None) in rels
    assert ("中国联通", "provides", "联通云", None) in rels
    assert ("湘江证券交易所股票上市规则", "issuedBy", "湘江证券交易所", None) in rels


def test_the_unit_a_text_is_about_is_the_subject_of_later_sentences():
    rels = relations("湖南联通召开大会。会上发布了星火智算平台，并与华为、中兴通讯签署合作协议。")
    assert ("湖南联通", "provides", "星火智算平台", None) in rels
    assert ("湖南联通", "partnerOf", "华为", None) in rels
    assert ("湖南联通", "partnerOf", "中兴通讯", None) in rels


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


def test_a_role_attaches_to_the_unit_nearest_the_person():
    rels = relations("浙江联通金华市分公司产互党支部书记李建国介绍情况。")
    assert ("李建国", "worksFor", "浙江联通金华市分公司", "产互党支部书记") in rels


def test_a_unit_inside_a_product_name_in_the_post_employs_nobody():
    # 阿里 of the product 阿里云 stands nearer the name, but the post is 阿里巴巴's, written whole
    rels = {r for r in relations("阿里巴巴首席技术官兼阿里云智能事业群总裁张建平先生当选董事。") if r[1] == "worksFor"}
    assert rels == {("张建平", "worksFor", "阿里巴巴", "首席技术官兼阿里云智能事业群总裁")}


def test_people_written_before_their_post_work_for_the_unit_the_text_is_about():
    rels = relations("湘江数码股份有限公司董事会第九次会议召开。出席会议的有王明辉董事、顾佳怡独立董事。")
    assert ("王明辉", "worksFor", "湘江数码股份有限公司", "董事") in rels
    assert ("顾佳怡", "worksFor", "湘江数码股份有限公司", "独立董事") in rels


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


def test_a_post_of_the_company_the_text_is_about_and_a_former_post():
    text = "中国联通发布年报。公司董事、总裁张建国先生辞职，公司高级副总裁王立新先生接任。子公司总经理李伟出席。"
    found = {(h, r, t, role) for h, r, t, role in relations(text) if r == "worksFor"}
    assert found == {("张建国", "worksFor", "中国联通", "董事、总裁"), ("王立新", "worksFor", "中国联通", "高级副总裁")}
    found = relations("2005年，时任中国联通副总裁的张建国表示，网络要升级。")
    assert ("张建国", "worksFor", "中国联通", "副总裁") in found


def test_a_level_or_a_clause_before_a_branch_is_no_district():
    text = "湖北联通加强县分公司建设，安徽联通首批县分公司挂牌，四川联通区县分公司参加，北京联通走访海淀区分公司。"
    assert mentions(text, "unicom_units") == [
        ("Subsidiary", "湖北联通"), ("Subsidiary", "安徽联通"), ("Subsidiary", "四川联通"), ("Subsidiary", "北京联通")]
    text = "江苏联通南京市鼓楼区分公司总经理李明表示。"
    assert mentions(text, "unicom_units") == [("Subsidiary", "江苏联通"), ("Subsidiary", "江苏联通南京市鼓楼区分公司")]
    found = relations(text)
    assert {("江苏联通南京市鼓楼区分公司", "subsidiaryOf", "江苏联通", None),
            ("李明", "worksFor", "江苏联通南京市鼓楼区分公司", "总经理")} <= found


def test_a_post_of_公司_after_another_unit_or_of_a_latin_named_company_is_not_the_topics():
    text = "中国联通召开会议。中国铁塔表示，公司总经理王立新将加快共享。3M公司大中华区总裁张建国表示。"
    assert not {r for r in relations(text) if r[1] == "worksFor" and r[2] == "中国联通"}


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


def test_a_rule_issued_under_a_law_is_not_the_law_issued():
    text = "美国商务部发布《数字资产安全法》中“互认条款”实施规则。工信部发布的《数据安全管理办法》中指出，要加强。"
    assert {(h, t) for h, label, t, _ in relations(text) if label == "issuedBy"} == {("数据安全管理办法", "工信部")}


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


def test_the_unit_opening_a_clause_does_what_the_partner_it_joins_later_does():
    rels = relations("湖南联通聚焦老年人需求，联合长沙市公益慈善联合会共同启动“湘江暖心行动”。")
    assert {("湖南联通", "undertakes", "湘江暖心行动"), ("长沙市公益慈善联合会", "undertakes", "湘江暖心行动")} <= {
        (h, label, t) for h, label, t, _ in rels}
    assert any(label == "partnerOf" and {h, t} == {"湖南联通", "长沙市公益慈善联合会"} for h, label, t, _ in rels)


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


def test_a_project_or_a_title_names_its_doer_after_由():
    rels = relations("济南智慧交通项目由山东联通承建。《数据安全管理办法》由工信部发布。")
    assert ("山东联通", "undertakes", "济南智慧交通项目", None) in rels
    assert ("数据安全管理办法", "issuedBy", "工信部", None) in rels
    # a list of bodies after 由 issued it together; a body that only explains it did not
    rels = relations("《数字中国建设整体布局规划》由中共中央、国务院印发。《某某办法》由工信部解读，网信办发布了指南。")
    assert {(h, t) for h, label, t, _ in rels if label == "issuedBy"} == {
        ("数字中国建设整体布局规划", "中共中央"), ("数字中国建设整体布局规划", "国务院")}
