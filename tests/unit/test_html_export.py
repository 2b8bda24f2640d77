"""Unit tests for kg.export.html: focus_view and safe inlining of the data."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from kg.export.html import focus_view, generate_html, write_html

HOSTILE = "</script><script>alert(1)</script><!-- \u2028 & </SCRIPT >"


def _node(nid: str, type_: str, name: str, aliases=(), **extra) -> dict:
    return {"id": nid, "type": type_, "name": name, "aliases": list(aliases),
            "attributes": {}, "posts": [], "sources": ["doc-1"], **extra}


def _edge(eid: str, s: str, t: str, type_: str = "PART_OF", title=None) -> dict:
    return {"id": eid, "source": s, "target": t, "type": type_, "title": title,
            "evidence": [{"doc": "doc-1", "sentence": f"{s}与{t}。"}], "sources": ["doc-1"]}


@pytest.fixture
def chain() -> dict:
    # p1 -HOLDS_POST-> g1 -LOCATED_IN-> pl1 <-PART_OF- pl2 <-LOCATED_IN- c1 ; i1 isolated
    return {
        "title": "测试",
        "nodes": [
            _node("p1", "Person", "赵明远", ["赵书记"]),
            _node("g1", "GovBody", "中共青川县委员会", ["青川县委"]),
            _node("pl1", "Place", "青川县"),
            _node("pl2", "Place", "石峡镇"),
            _node("c1", "Company", "青川茶业有限公司"),
            _node("i1", "Initiative", "百村示范"),
        ],
        "edges": [
            _edge("e1", "p1", "g1", "HOLDS_POST", "县委书记"),
            _edge("e2", "g1", "pl1", "LOCATED_IN"),
            _edge("e3", "pl2", "pl1", "PART_OF"),
            _edge("e4", "c1", "pl2", "LOCATED_IN"),
        ],
    }


def _ids(view: dict) -> set[str]:
    return {n["id"] for n in view["nodes"]}


# ---- focus_view -------------------------------------------------------------

def test_focus_by_id_name_and_alias_same_result(chain):
    by_id = focus_view(chain, "p1", 1, None)
    assert _ids(by_id) == {"p1", "g1"}
    assert focus_view(chain, "赵明远", 1, None)["nodes"] == by_id["nodes"]
    assert focus_view(chain, "赵书记", 1, None)["nodes"] == by_id["nodes"]


def test_focus_depth_counts_hops_undirected(chain):
    assert _ids(focus_view(chain, "p1", 0, None)) == {"p1"}
    assert _ids(focus_view(chain, "p1", 2, None)) == {"p1", "g1", "pl1"}
    # pl1 is only ever a target: undirected traversal still reaches its sources
    assert _ids(focus_view(chain, "青川县", 1, None)) == {"g1", "pl1", "pl2"}
    assert _ids(focus_view(chain, "p1", 10, None)) == {"p1", "g1", "pl1", "pl2", "c1"}


def test_focus_keeps_only_edges_between_kept_nodes(chain):
    sub = focus_view(chain, "pl1", 1, None)
    assert {e["id"] for e in sub["edges"]} == {"e2", "e3"}
    assert all(e["source"] in _ids(sub) and e["target"] in _ids(sub) for e in sub["edges"])
    assert sub["title"].startswith("测试") and "青川县" in sub["title"]
    assert chain["nodes"][0]["id"] == "p1" and len(chain["edges"]) == 4  # input untouched


def test_focus_type_filter(chain):
    sub = focus_view(chain, "pl1", 2, {"Place", "Company"})
    assert _ids(sub) == {"pl1", "pl2", "c1"}
    assert {e["id"] for e in sub["edges"]} == {"e3", "e4"}
    # the focus node itself is kept even when its type is filtered out
    assert _ids(focus_view(chain, "p1", 2, {"Place"})) == {"p1", "pl1"}


def test_focus_not_found_is_a_clear_value_error(chain):
    with pytest.raises(ValueError, match=r"'李四'.*matches no node id, name or alias"):
        focus_view(chain, "李四", 1, None)


def test_focus_ambiguous_and_invalid_arguments(chain):
    chain["nodes"].append(_node("p2", "Person", "赵明远"))
    with pytest.raises(ValueError, match="ambiguous.*p1.*p2"):
        focus_view(chain, "赵明远", 1, None)
    assert _ids(focus_view(chain, "p2", 1, None)) == {"p2"}  # ids still work
    with pytest.raises(ValueError, match="depth"):
        focus_view(chain, "p1", -1, None)
    with pytest.raises(ValueError, match="unknown node type"):
        focus_view(chain, "p1", 1, {"Persn"})


# ---- generated page -----------------------------------------------------------

class _Scripts(HTMLParser):
    """Collect <script> elements the way a browser's tokenizer splits them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self._cur: tuple[dict, list[str]] | None = None
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "script":
            self._cur = (dict(attrs), [])

    def handle_endtag(self, tag):
        if tag == "script" and self._cur is not None:
            self.scripts.append((self._cur[0], "".join(self._cur[1])))
            self._cur = None

    def handle_data(self, data):
        if self._cur is not None:
            self._cur[1].append(data)


def _page(view: dict) -> str:
    return "".join(generate_html(view))


def test_hostile_name_does_not_break_the_page(chain):
    chain["nodes"][0]["name"] = HOSTILE
    chain["nodes"][0]["aliases"] = [HOSTILE]
    chain["edges"][0]["evidence"][0]["sentence"] = HOSTILE
    chain["title"] = HOSTILE
    page = _page(chain)
    parser = _Scripts()
    parser.feed(page)
    # exactly the page's own four scripts: data, config, library, UI code
    assert len(parser.scripts) == 4, [a for a, _ in parser.scripts]
    assert page.lower().count("</script") == 4
    assert "<!--" not in page.split("<body>", 1)[1]
    data_attrs, data_text = parser.scripts[0]
    assert data_attrs == {"id": "kg-data", "type": "application/json"}
    assert "<" not in data_text and "\u2028" not in data_text
    data = json.loads(data_text)
    assert data["nodes"][0]["name"] == HOSTILE
    assert data["nodes"][0]["aliases"] == [HOSTILE]
    assert data["edges"][0]["evidence"][0]["sentence"] == HOSTILE
    # the <title>/<h1> text is HTML-escaped
    assert "<title>&lt;/script&gt;" in page


def test_page_is_self_contained(chain):
    page = _page(chain)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert "@import" not in page
    assert "cytoscape" in page and "window.kgView" in page
    for font in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                 "Microsoft YaHei", "PingFang SC"):
        assert font in page
    assert not re.search(r"\{\{[A-Z_]+\}\}", page)  # every placeholder filled


def test_generate_yields_chunks_and_write_html_matches(chain, tmp_path):
    chunks = list(generate_html(chain))
    assert len(chunks) > 3 and all(isinstance(c, str) for c in chunks)
    out = write_html(chain, tmp_path / "g.html")
    assert out == tmp_path / "g.html"
    assert out.read_text(encoding="utf-8") == "".join(chunks)
    assert list(tmp_path.iterdir()) == [out]  # no temp file left behind


def test_bad_references_are_dropped_not_fatal(chain):
    chain["nodes"].append(_node("p1", "Person", "重复"))            # duplicate id
    chain["edges"].append(_edge("e9", "p1", "ghost", "LEADS"))      # missing endpoint
    chain["edges"].append(_edge("e1", "c1", "pl1", "LOCATED_IN"))   # duplicate edge id
    chain["nodes"].append(_node("e2", "Event", "与关系同名的节点"))   # node id = edge id
    parser = _Scripts()
    parser.feed(_page(chain))
    data = json.loads(parser.scripts[0][1])
    node_ids = [n["id"] for n in data["nodes"]]
    edge_ids = [e["id"] for e in data["edges"]]
    assert len(node_ids) == len(set(node_ids)) == 7
    assert len(edge_ids) == len(set(edge_ids)) == 5
    assert not set(node_ids) & set(edge_ids)
    assert data["dropped_edges"] == 1


def test_article_metadata_is_passed_through(chain):
    chain["articles"] = {"doc-1": {"title": "标题", "date": "2024-01-02", "url": "https://x.example/1"}}
    parser = _Scripts()
    parser.feed(_page(chain))
    assert json.loads(parser.scripts[0][1])["articles"]["doc-1"]["title"] == "标题"
    assert focus_view(chain, "p1", 1)["articles"] == chain["articles"]


def test_focused_page_names_its_focus_node(chain):
    sub = focus_view(chain, "赵书记", 1)
    assert sub["focus"] == "p1"
    parser = _Scripts()
    parser.feed(_page(sub))
    assert json.loads(parser.scripts[0][1])["focus"] == "p1"
    # no focus, or one that is not a node of the page: the page opens on the whole graph
    parser = _Scripts()
    parser.feed(_page(dict(chain, focus="ghost")))
    assert json.loads(parser.scripts[0][1])["focus"] is None
