"""Policies (``policies``) on sentences written for the test."""
from kg.pipeline import parse, run
from tests.extracting import mentions


def test_policies_keep_laws_and_plans_and_drop_papers_reports_announcements():
    text = "据《通信人报》，《数字乡村建设指南2.0》与《关于召开股东大会的公告》、《年度社会责任报告》、《中华人民共和国数据安全法》。"
    assert mentions(text, "policies") == [("Policy", "数字乡村建设指南2.0"), ("Policy", "中华人民共和国数据安全法")]


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


def test_policies_known_by_number_and_titles_with_page_header_residue():
    text = "落实省政府发布的数字乡村建设7号文和“数据十五条”，以及《网络数据安数字化转型蓝皮书（2024年）7全管理条例》。"
    found = mentions(text, "policies")
    assert ("Policy", "数字乡村建设7号文") in found
    assert ("Policy", "数据十五条") in found
    assert ("Policy", "网络数据安全管理条例") in found  # the leaked page header is cut out of the name


def test_bills_are_policies_and_named_strategies_keep_their_first_word():
    assert mentions("湘江议会通过《湘江芯片法案》。", "policies") == [("Policy", "湘江芯片法案")]
    text = "深入实施创新驱动发展战略，坚持人才强企战略，落实国家大数据战略，推进“1+2+3”战略规划体系，完成5大强企战略。"
    assert [name for _, name in mentions(text, "policies")] == [
        "创新驱动发展战略", "人才强企战略", "国家大数据战略", "“1+2+3”战略规划体系"]


def test_laws_cited_without_book_title_marks_but_not_words_that_start_with_them():
    text = "依据个人信息保护法和中华人民共和国网络安全法，完善网络安全法律体系，并由分公司法人签字。"
    assert mentions(text, "policies") == [("Policy", "个人信息保护法"), ("Policy", "中华人民共和国网络安全法")]


def test_strategy_names_without_words_around_them_and_bare_back_references():
    text = "自数字乡村战略实施以来，推动我国乡村振兴战略，湘江联通践行京津冀协同发展战略。2018年中央1号文件和《条例》要求。"
    assert {name for _, name in mentions(text, "policies")} == {
        "数字乡村战略", "乡村振兴战略", "京津冀协同发展战略", "中央1号文"}


def test_directives_orders_declarations_frameworks_and_numbered_rules_are_policies():
    text = ("欧盟通过《数据治理指令》，美国发布《促进算力发展行政令》，多国签署《数字合作宣言》和《数据资产发展框架》，"
            "公司执行《企业会计准则第14号——收入（修订）》和《企业会计准则解释第15号》，发布《关于召开股东大会的公告》。")
    assert [name for _, name in mentions(text, "policies")] == [
        "数据治理指令", "促进算力发展行政令", "数字合作宣言", "数据资产发展框架", "企业会计准则第14号——收入（修订）",
        "企业会计准则解释第15号"]
