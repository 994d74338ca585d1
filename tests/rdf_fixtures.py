"""A small graph built from a few sentences written for the RDF tests (rules only, no NER model)."""
from __future__ import annotations

from functools import lru_cache

TEXT = ("广东联通推出联通云。中国联通董事长陈忠岳表示，中国联通与华为公司签署战略合作协议。"
        "浙江联通承建了“数字乡村”项目。工业和信息化部发布《5G应用扬帆行动计划》。"
        "联通金华市分公司总经理张伟负责智慧城市项目。")


def rules():
    from kg import registry
    from kg.pipeline import Pipeline

    return Pipeline([n for n in registry.DEFAULT_PIPELINE if n != "ner"])


@lru_cache(maxsize=1)
def small_graph(tmp: str):
    """The networkx graph of TEXT (written into ``tmp``)."""
    from pathlib import Path

    from kg.build import extract_graph

    path = Path(tmp) / "公司新闻.txt"
    path.write_text(TEXT, encoding="utf-8")
    graph, _ = extract_graph([path], rules(), jobs=1)
    return graph
