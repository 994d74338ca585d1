"""People (``people``) on sentences written for the test."""
from kg.pipeline import parse, run
from tests.extracting import mentions


def test_people_after_titles_with_two_and_three_character_names():
    found = mentions("集团董事长王大明表示，网格长李强在现场，总经理郭年介绍。", "people")
    assert found == [("Person", "王大明"), ("Person", "李强"), ("Person", "郭年")]


def test_people_before_a_talk_after_的_and_after_party_membership():
    text = "欧洲科学院院士金明远带来了报告，保障团队的刘晓申表示满意，老党员赵文伦表示感谢。"
    assert [name for _, name in mentions(text, "people")] == ["金明远", "刘晓申", "赵文伦"]


def test_a_name_found_once_is_found_where_it_recurs():
    doc = run(parse("董事长王大明表示要创新。随后王大明参观了展台。"), ["people"])
    assert [(m.start, m.surface) for m in doc.mentions] == [(3, "王大明"), (14, "王大明")]


def test_name_boundaries_from_words_that_follow_or_precede_a_name():
    found = mentions("支部书记李杰根据安排发言。王明辉董事、顾佳怡董事出席。在唐永强看来，方向正确。", "people")
    assert ("Person", "李杰") in found
    assert ("Person", "王明辉") in found and ("Person", "顾佳怡") in found
    assert ("Person", "唐永强") in found


def test_common_phrases_after_a_post_are_not_names():
    assert mentions("党委书记高度重视此事，支部书记项目管理到位。", "people") == []


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


def test_people_before_an_adverb_and_a_verb_of_speech_in_a_talk_and_after_a_school():
    text = "此外，孙立平还分享了经验。钱志远进一步指出，要加快。最后，韩文博在会上宣布。邀请中央党校李清明教授讲课。" \
           "”项目负责人刘亚明如是说。"
    assert [name for _, name in mentions(text, "people")] == ["孙立平", "钱志远", "韩文博", "李清明", "刘亚明"]


def test_common_nouns_and_plurals_before_a_verb_of_speech_are_not_people():
    text = "文件指出，要加强。方案强调，要推进。常委会强调，要落实。居民们也坦言，很方便。向记者介绍了情况。"
    assert mentions(text, "people") == []


def test_a_foreign_head_of_state_named_without_a_chinese_surname_is_a_person():
    text = "美国总统拜登签署行政令。日本首相岸田文雄首相出席。法国总统在会上表示。美国前总统于2020年签署。"
    assert [name for _, name in mentions(text, "people")] == ["拜登", "岸田文雄"]


def test_a_name_after_据_包括_or_a_units_name_before_a_post_or_a_verb_of_speech_is_a_person():
    text = "据钱立新表示，进展顺利。包括孙志平董事、周文斌董事。湖南联通韩立董事长致辞，中国移动韩立新总经理出席。"
    # alone, the people rules do not know where a unit's name ends
    assert [name for _, name in mentions(text, "people")] == ["钱立新", "孙志平", "周文斌"]
    doc = run(parse(text), ["unicom_units", "organizations", "people"])
    assert [m.surface for m in doc.mentions if m.label == "Person"] == ["钱立新", "孙志平", "周文斌", "韩立", "韩立新"]
