"""The extractor registry and what every rule extractor keeps: offsets, exact edges, name edges."""
import pytest

from kg import registry
from kg.pipeline import Pipeline, parse, run
from tests.extracting import mentions


def test_registry_finds_every_builtin_by_name_and_rejects_unknown():
    for name in registry.DEFAULT_PIPELINE:
        assert registry.get(name).name == name
    with pytest.raises(Exception, match="unknown extractor 'nope'; choose from"):
        registry.get("nope")


def test_registering_a_name_twice_fails():
    with pytest.raises(Exception, match="registered twice"):
        registry.register("provinces", "somewhere.else", "Other")


def test_names_from_lists_and_titles_have_exact_edges_and_names_from_patterns_do_not():
    text = "中国农业银行与华为合作。联通发布元景大模型，推出数字孪生分水江平台，成立宏远智能科技公司，落实《数据安全法》，服务北京市。"
    doc = run(parse(text), ["provinces", "organizations", "policies", "products"])
    exact = {(m.label, m.text): m.exact for m in doc.mentions if not m.implied}
    assert exact == {("Organization", "中国农业银行"): True, ("Organization", "华为"): True,
                     ("Product", "元景大模型"): True, ("Product", "数字孪生分水江平台"): False,
                     ("Organization", "宏远智能科技公司"): False, ("Policy", "数据安全法"): True,
                     ("Province", "北京市"): True}


def test_a_name_never_starts_inside_a_run_of_latin_letters_and_digits():
    from extractors.spans import left_edge
    text = "双方与5G湘云智算实验室合作"
    end = text.index("实验室")
    assert text[left_edge(text, end, 12):end] == "湘云智算"
    assert text[left_edge(text, end, 12, alnum=True):end] == "5G湘云智算"


def test_pipeline_keeps_offsets_of_every_mention():
    text = "前言。湖南联通推出星火智算平台。"
    doc = Pipeline()(parse(text))
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text


def test_places_words_and_dates_around_the_new_checks_keep_their_names():
    text = ("5月8日本溪市商业银行与余杭区第一人民医院、个旧市人民医院、杭州百大集团股份有限公司签约，"
            "湘江大学生物系参加。记者参观这些医院。")
    assert [name for _, name in mentions(text, "organizations")] == [
        "本溪市商业银行", "余杭区第一人民医院", "个旧市人民医院", "杭州百大集团股份有限公司", "湘江大学"]
    text = "实施余杭数字乡村项目，推进多场景5G应用项目，沅水光网工程余下部分完成。投资者看好这些项目。"
    assert [name for _, name in mentions(text, "projects")] == ["余杭数字乡村项目", "多场景5G应用项目", "沅水光网工程"]
    assert [name for _, name in mentions("推动我省乡村振兴战略。", "policies")] == ["乡村振兴战略"]
