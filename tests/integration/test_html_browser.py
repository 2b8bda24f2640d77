"""Open the exported HTML page in a real headless Chromium (Debian's
/usr/bin/chromium, driven by the `playwright` Python package; no browser is
downloaded) and check what a person would see.

Install the browser with tools/install-chromium.sh. Under CI=true a missing
browser or playwright is a failure, elsewhere a skip.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from kg.export.html import write_html

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions",
]


def _unavailable(why: str) -> None:
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"{why} (CI=true: the browser test must run; see tools/install-chromium.sh)")
    pytest.skip(why)


def _ev(doc: str, sentence: str) -> list[dict]:
    return [{"doc": doc, "sentence": sentence}]


PERSON_SENTENCE = "青川县委书记赵明远主持召开县委常委会议，研究部署乡村振兴重点工作。"


def sample_view() -> dict:
    """A small hand-made view graph (all names invented)."""
    return {
        "title": "青川县新闻知识图谱（示例）",
        "nodes": [
            {"id": "p:zhao", "type": "Person", "name": "赵明远", "aliases": ["赵书记"],
             "attributes": {"性别": "男", "出生年份": 1972},
             "posts": [{"title": "县委书记", "body": "g:qc-cpc", "body_name": "中共青川县委员会",
                        "evidence": _ev("doc-001", PERSON_SENTENCE)}],
             "sources": ["doc-001", "doc-003"]},
            {"id": "p:lin", "type": "Person", "name": "林秀华", "aliases": [],
             "attributes": {}, "posts": [{"title": "县长", "body": "g:qc-gov",
                                          "body_name": "青川县人民政府",
                                          "evidence": _ev("doc-002", "县长林秀华在会上作政府工作报告。")}],
             "sources": ["doc-002"]},
            {"id": "g:qc-cpc", "type": "GovBody", "name": "中共青川县委员会", "aliases": ["青川县委"],
             "attributes": {"级别": "县级"}, "posts": [], "sources": ["doc-001"]},
            {"id": "g:qc-gov", "type": "GovBody", "name": "青川县人民政府", "aliases": ["青川县政府"],
             "attributes": {}, "posts": [], "sources": ["doc-002"]},
            {"id": "pl:qc", "type": "Place", "name": "青川县", "aliases": [], "attributes": {"行政区划代码": "519901"},
             "posts": [], "sources": ["doc-001"]},
            {"id": "pl:shixia", "type": "Place", "name": "石峡镇", "aliases": [], "attributes": {},
             "posts": [], "sources": ["doc-003"]},
            {"id": "i:rural", "type": "Initiative", "name": "乡村振兴“百村示范”行动", "aliases": ["百村示范"],
             # hostile text: must neither break the page nor run as markup
             "attributes": {"备注": "</script><script>window.pwned=1</script><!--"},
             "posts": [], "sources": ["doc-003"]},
            {"id": "c:tea", "type": "Company", "name": "青川茶业有限公司", "aliases": [], "attributes": {},
             "posts": [], "sources": ["doc-003"]},
            {"id": "pr:road", "type": "Project", "name": "石峡镇产业路改造工程", "aliases": [], "attributes": {},
             "posts": [], "sources": ["doc-003"]},
        ],
        "edges": [
            {"id": "e1", "source": "p:zhao", "target": "g:qc-cpc", "type": "HOLDS_POST", "title": "县委书记",
             "evidence": _ev("doc-001", PERSON_SENTENCE), "sources": ["doc-001"]},
            {"id": "e2", "source": "p:lin", "target": "g:qc-gov", "type": "HOLDS_POST", "title": "县长",
             "evidence": _ev("doc-002", "县长林秀华在会上作政府工作报告。"), "sources": ["doc-002"]},
            {"id": "e3", "source": "g:qc-cpc", "target": "pl:qc", "type": "LOCATED_IN", "title": None,
             "evidence": [], "sources": ["doc-001"]},
            {"id": "e4", "source": "g:qc-gov", "target": "pl:qc", "type": "LOCATED_IN", "title": None,
             "evidence": [], "sources": ["doc-002"]},
            {"id": "e5", "source": "pl:shixia", "target": "pl:qc", "type": "PART_OF", "title": None,
             "evidence": _ev("doc-003", "石峡镇位于青川县东部。"), "sources": ["doc-003"]},
            {"id": "e6", "source": "p:zhao", "target": "i:rural", "type": "LEADS", "title": None,
             "evidence": _ev("doc-003", "赵明远担任“百村示范”行动领导小组组长。"), "sources": ["doc-003"]},
            {"id": "e7", "source": "pl:shixia", "target": "i:rural", "type": "PARTICIPATES_IN", "title": None,
             "evidence": _ev("doc-003", "石峡镇被列入首批“百村示范”行动试点。"), "sources": ["doc-003"]},
            {"id": "e8", "source": "c:tea", "target": "g:qc-gov", "type": "COOPERATES_WITH", "title": None,
             "evidence": _ev("doc-003", "青川县政府与青川茶业有限公司签订合作协议。"), "sources": ["doc-003"]},
            {"id": "e9", "source": "c:tea", "target": "pr:road", "type": "OPERATES", "title": None,
             "evidence": _ev("doc-003", "产业路改造工程由青川茶业有限公司负责建设运营。"), "sources": ["doc-003"]},
            {"id": "e10", "source": "pr:road", "target": "pl:shixia", "type": "LOCATED_IN", "title": None,
             "evidence": [], "sources": ["doc-003"]},
        ],
        # optional article metadata; the URL is only a link, never fetched
        "articles": {"doc-001": {"title": "县委常委会研究部署乡村振兴工作", "date": "2024-03-05",
                                 "url": "https://www.qingchuan.example/news/001.html"}},
    }


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the 'playwright' Python package is not installed")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _unavailable(f"{CHROMIUM} not found (run tools/install-chromium.sh)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1440, "height": 900}, device_scale_factor=1,
            locale="zh-CN", service_workers="block")
        try:
            yield context
        finally:
            context.close()


def test_page_in_real_browser(browser_context, tmp_path):
    started = time.monotonic()
    view = sample_view()
    page_path = write_html(view, tmp_path / "graph.html")
    url = page_path.resolve().as_uri()

    page = browser_context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on("request", lambda r: requests.append(r.url))

    page.goto(url, wait_until="load")
    page.wait_for_function("window.kgView && window.kgView.ready === true", timeout=20_000)

    # every node is drawn, nothing hidden, and the hostile attribute stayed data
    assert page.evaluate("kgView.nodeCount()") == len(view["nodes"])
    assert page.evaluate("kgView.visibleNodeCount()") == len(view["nodes"])
    assert page.evaluate("kgView.edgeCount()") == len(view["edges"])
    assert page.evaluate("window.pwned") is None
    assert page.locator("#legend input[type=checkbox]").count() >= 8

    # search by name selects the person; search by alias finds him too
    ids = page.evaluate("kgView.search('赵明远')")
    assert ids[0] == "p:zhao"
    assert page.evaluate("kgView.selected()") == "p:zhao"
    assert page.locator("#selected-id").text_content() == "p:zhao"
    page.evaluate("kgView.select(null)")
    assert page.evaluate("kgView.selected()") is None
    page.locator("#search").fill("赵书记")  # the alias, typed into the search box
    page.locator("#search").press("Enter")
    page.wait_for_function("kgView.selected() === 'p:zhao'", timeout=5_000)

    # type filter hides Person nodes; turning it back on restores them
    page.locator("#legend input[data-type=Person]").uncheck()
    assert page.evaluate("kgView.visibleNodeCount()") == len(view["nodes"]) - 2
    page.locator("#legend input[data-type=Person]").check()
    assert page.evaluate("kgView.visibleNodeCount()") == len(view["nodes"])

    # a real mouse click on the node's rendered position fills the side panel
    page.evaluate("kgView.select(null); kgView.cy.fit(undefined, 40); null")
    box = page.locator("#cy").bounding_box()
    pos = page.evaluate("(() => { const p = kgView.cy.getElementById('p:zhao').renderedPosition();"
                        " return [p.x, p.y]; })()")
    page.mouse.click(box["x"] + pos[0], box["y"] + pos[1])
    page.wait_for_function("kgView.selected() === 'p:zhao'", timeout=5_000)
    panel = page.locator("#panel")
    panel_text = panel.inner_text()
    for expected in ("赵明远", "县委书记", "中共青川县委员会", PERSON_SENTENCE, "doc-001", "赵书记", "人物",
                     "县委常委会研究部署乡村振兴工作"):
        assert expected in panel_text, f"{expected!r} missing from the side panel"

    # neighbourhood focus: depth 1 via the selector + a real double-click keeps
    # the person and his two direct neighbours; "显示全部" brings all back
    page.select_option("#depth", "1")
    page.mouse.dblclick(box["x"] + pos[0], box["y"] + pos[1])
    page.wait_for_function("kgView.visibleNodeCount() === 3", timeout=10_000)
    page.locator("#reset-btn").click()
    assert page.evaluate("kgView.visibleNodeCount()") == len(view["nodes"])
    page.evaluate("kgView.focus('p:zhao', 2)")  # depth 2 adds 县委 -> 青川县, 百村示范 <- 石峡镇
    page.wait_for_function("kgView.visibleNodeCount() === 5", timeout=10_000)
    page.evaluate("kgView.reset()")

    # clicking an edge shows its type, title and evidence
    page.evaluate("kgView.cy.getElementById('e6').emit('tap'); null")
    assert page.evaluate("kgView.selected()") == "e6"
    edge_text = panel.inner_text()
    assert "LEADS" in edge_text and "赵明远担任“百村示范”行动领导小组组长。" in edge_text and "doc-003" in edge_text

    # the screenshot shows the whole graph, the person selected, his panel
    assert page.evaluate("kgView.visibleNodeCount()") == len(view["nodes"])
    page.evaluate("kgView.select(null); kgView.cy.fit(undefined, 40); null")
    page.wait_for_timeout(600)  # so that the next click cannot count as a double-click
    pos = page.evaluate("(() => { const p = kgView.cy.getElementById('p:zhao').renderedPosition();"
                        " return [p.x, p.y]; })()")
    box = page.locator("#cy").bounding_box()
    page.mouse.click(box["x"] + pos[0], box["y"] + pos[1])
    page.wait_for_function("kgView.selected() === 'p:zhao'", timeout=5_000)
    assert page.evaluate("kgView.visibleNodeCount()") == len(view["nodes"])
    page.wait_for_timeout(150)  # let the canvas repaint
    shot = tmp_path / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("KG_SCREENSHOT_DIR"):
        out_dir = Path(os.environ["KG_SCREENSHOT_DIR"])
        out_dir.mkdir(parents=True, exist_ok=True)
        # graph.png is the corpus page (test_html_corpus.py), this is the sample
        shutil.copyfile(shot, out_dir / "graph-sample.png")

    assert not errors, "console errors:\n" + "\n".join(errors)
    assert requests == [url], f"unexpected requests: {requests}"
    page.close()
    print(f"browser test body took {time.monotonic() - started:.2f}s")
