"""Projects (``projects``) on sentences written for the test."""
from tests.extracting import mentions


def test_projects_named_and_quoted_but_not_generic():
    found = mentions("四川联通开展“红色驿站”创建工作，推进湘西光网提速工程，这一项目和重大项目除外。", "projects")
    assert found == [("Project", "“红色驿站”创建工作"), ("Project", "湘西光网提速工程")]


def test_a_quoted_word_right_before_the_project_word_starts_the_name():
    found = mentions("山东联通积极参与国家“算力下乡”工程，推进“5G+智慧港口”项目。", "projects")
    assert found == [("Project", "“算力下乡”工程"), ("Project", "“5G+智慧港口”项目")]
    # a quoted part further on opens the name too; a name quoted whole is a name, however short
    found = mentions("湘潭联通持续完善“银发专享”服务计划，响应“三湘行动”号召，认领“书记项目”，形成“数据工程”方法论。",
                     "projects")
    assert found == [("Project", "“银发专享”服务计划"), ("Project", "三湘行动"), ("Project", "书记项目")]


def test_an_adverb_before_action_is_no_project_name():
    assert mentions("全体员工用实际行动践行承诺，各部门迅速行动。", "projects") == []
    assert mentions("湖南联通启动青苗护航行动。", "projects") == [("Project", "青苗护航行动")]


def test_verbs_that_make_up_names_stay_inside_project_names():
    found = mentions("湖南联通全面实施湘江开放合作计划和一系列合作计划。", "projects")
    assert found == [("Project", "湘江开放合作计划")]


def test_accounting_lines_counts_and_cut_words_are_no_project_names():
    text = ("非经常性损益项目和金额；单位：元币种：人民币项目本期金额。批准2025年度审计计划，主要资本开支项目如下。"
            "这些矿山项目很大，设立党员攻关项目300余个，在思想上行动上保持一致，一批智慧养老项目落地。湘江联通推进沅水光网工程。")
    assert mentions(text, "projects") == [("Project", "沅水光网工程")]


def test_a_quoted_project_name_is_taken_whole_and_a_count_after_a_list_is_no_project():
    text = "共同启动“湘江联通智慧助老慈善空间为老暖心行动”，发布了“湘江数据联合出海计划”。"
    assert mentions(text, "projects") == [("Project", "湘江联通智慧助老慈善空间为老暖心行动"), ("Project", "湘江数据联合出海计划")]
    text = "启动了“湘江数据基础研究共研行动”“湘江应用创新基地共建行动”两项行动，湖南联通开展服务提升、作风改进四项行动。"
    assert mentions(text, "projects") == [("Project", "湘江数据基础研究共研行动"), ("Project", "湘江应用创新基地共建行动")]


def test_a_project_word_before_平台_names_a_platform_not_a_project():
    assert mentions("云服务商竞相打造智算云工程平台，并推进东湖智算工程。", "projects") == [("Project", "东湖智算工程")]
