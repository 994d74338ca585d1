"""China Unicom's units (``unicom_units``) and provinces (``provinces``) on sentences written for the test."""
from kg.pipeline import parse, run
from tests.extracting import mentions, unit_keys


def test_provinces_full_and_short_forms():
    assert mentions("内蒙古自治区和广东省、北京的企业", "provinces") == [
        ("Province", "内蒙古自治区"), ("Province", "广东省"), ("Province", "北京")]


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


def test_a_branch_of_another_company_is_not_a_unicom_unit():
    doc = run(parse("本公司股份由湘江证券登记结算有限责任公司湖南分公司托管。"))
    labels = {(m.label, m.surface) for m in doc.mentions if not m.implied}
    assert ("Organization", "湘江证券登记结算有限责任公司湖南分公司") in labels
    assert not any(label == "Subsidiary" for label, _ in labels)


def test_the_groups_named_centres_and_laboratories_are_units():
    text = "中国联通数字乡村创新中心、中国联通反诈中心与中国联通湘江AI联合实验室成立，中国联通与紫金山实验室合作。"
    assert mentions(text, "unicom_units") == [
        ("Subsidiary", "中国联通数字乡村创新中心"), ("Subsidiary", "中国联通反诈中心"), ("Subsidiary", "中国联通湘江AI联合实验室")]


def test_a_countys_unit_named_under_its_city():
    assert unit_keys("湘潭韶山联通推出助老套餐，杭州携手联通发展。") == [("湘潭韶山联通", "unit:district:city:湘潭:韶山")]


def test_a_district_named_和平_is_a_district_and_和_elsewhere_joins_clauses():
    text = "天津联通和平区分公司开展活动，天津联通和各区分公司参加。"
    assert sorted(name for _, name in mentions(text, "unicom_units")) == ["天津联通", "天津联通", "天津联通和平区分公司"]


def test_a_district_or_county_named_like_a_city_is_a_district_branch_but_a_city_branch_is_not():
    text = "北京联通朝阳区分公司开展活动，湖南联通长沙县分公司上线平台，广东联通广州市分公司发布。"
    assert [name for _, name in mentions(text, "unicom_units")] == [
        "北京联通", "北京联通朝阳区分公司", "湖南联通", "湖南联通长沙县分公司", "广东联通", "广东联通广州市分公司"]
