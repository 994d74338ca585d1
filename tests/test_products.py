"""Products (``products``) on sentences written for the test."""
from kg.pipeline import parse, run
from tests.extracting import mentions


def test_products_need_a_brand_or_a_launch_verb_and_are_not_categories():
    found = mentions("联通推出沃家看护APP，建设政务云，打造星火智算平台。", "products")
    assert ("Product", "沃家看护APP") in found and ("Product", "星火智算平台") in found
    assert all(name != "政务云" for _, name in found)


def test_a_verb_of_use_is_no_part_of_a_name():
    assert mentions("华为采用元景大模型。", "products") == [("Product", "元景大模型")]
    assert mentions("这意味着“星河”设备管理平台将开放。", "products") == [("Product", "“星河”设备管理平台")]
    doc = run(parse("中国联通携手东方电气股份有限公司签约。"), ["unicom_units", "organizations"])
    assert [(m.label, m.text) for m in doc.mentions if not m.implied] == [
        ("Organization", "中国联通"), ("Organization", "东方电气股份有限公司")]


def test_a_verb_phrase_or_a_description_is_no_product():
    found = mentions("通过提升仓储系统运行效率，湘江联通打造更多优质特色产品，并推出HX300算力集群产品。", "products")
    assert found == [("Product", "HX300算力集群")]


def test_brand_names_drop_the_word_brand_and_reject_category_brands():
    found = mentions("湖南联通推广联通沃视界品牌和联通5G品牌。", "products")
    assert found == [("Product", "联通沃视界")]


def test_products_in_a_list_after_a_launch_and_companies_listed_as_platforms():
    found = mentions("湖南联通推出湘江智慧水务平台、城市安全综合平台等。用户常用淘宝、京东、拼多多购物。", "products")
    assert ("Product", "城市安全综合平台") in found
    assert ("Product", "京东") in found and ("Product", "拼多多") in found
    doc = run(parse("京东与湖南联通签约。"))
    assert [m.label for m in doc.mentions if m.surface == "京东"] == ["Organization"]


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


def test_launched_products_named_as_product_or_in_quotes():
    found = mentions("湖南联通推出XY算力集群产品，并打造“湘江智算云”，建立“反诈大数据平台”。我们提供优质产品。", "products")
    assert ("Product", "XY算力集群") in found
    assert ("Product", "湘江智算云") in found and ("Product", "反诈大数据平台") in found
    assert all(name != "优质" for _, name in found)


def test_latin_model_names_after_their_kind_versions_and_lines_of_known_products():
    found = mentions("芯片H200、超级计算机Falcon和操作系统CUOS2发布，进入超级计算机TOP500；芯片design另算。", "products")
    assert [name for _, name in found] == ["H200", "Falcon", "CUOS2"]
    found = mentions("元景3.0上线，还有元景医疗大模型，天翼云5.0占2.5%。", "products")
    assert [name for _, name in found] == ["元景3.0", "元景医疗大模型", "天翼云5.0"]


def test_kinds_of_platform_and_the_whole_organisation_are_no_products():
    text = ("联通打造隐私计算平台和算力调度平台，研发基础大模型，升级分布式云，湘江联通全系统开展学习，"
            "联通研究院泛终端研究中心成立，搭起“2345678”平台，推出“沅水”安全平台和联通沅水大模型。")
    assert mentions(text, "products") == [("Product", "“沅水”安全平台"), ("Product", "联通沅水大模型")]


def test_quoted_names_after_their_kind_and_before_an_app_word_are_products():
    text = "发布统一承载平台“星云链”，推出专网产品“致远、比邻”，打造业务平台“双轮驱动”，自主研发“易购铺子”小程序，推出“联通护家宝”产品。"
    assert [name for _, name in mentions(text, "products")] == ["星云链", "致远", "比邻", "易购铺子", "联通护家宝"]


def test_items_of_a_list_named_after_a_known_product_are_products_of_its_line():
    text = "推出了元景热线、元景编程、元景运维四大通用产品，支持微信扫码报修、微信扫码盘点。"
    assert [name for _, name in mentions(text, "products")] == ["元景热线", "元景编程", "元景运维", "微信", "微信"]


def test_a_premium_network_launched_or_known_and_a_named_chain_in_quotes_are_products():
    text = "中国联通打造跨境电商精品网，加快部署政企精品网，发布精品网络方案。湘江省主导建设的“湘信链”已接入，通过“可信区块链”评测，“串珠成链”。"
    assert mentions(text, "products") == [("Product", "跨境电商精品网"), ("Product", "政企精品网"), ("Product", "湘信链")]


def test_a_product_heading_run_into_its_text_is_named_once_per_copy():
    assert mentions("聚焦湘江AI发布湘江大模型湘江大模型，智联新世界。", "products") == [
        ("Product", "湘江大模型"), ("Product", "湘江大模型")]
