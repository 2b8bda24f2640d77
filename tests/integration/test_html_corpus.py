"""The HTML view of the real corpus in headless Chromium: the graph.html that
`kg build` writes beside the store, the `kg export --format html` page, and
a `--focus 丹江口市 --depth 2` page. A person sees every node, finds 武小凯
by name, clicks him and reads his posts with the sentence that states them.

With KG_SCREENSHOT_DIR set, the corpus page with 武小凯 selected is saved
there as graph.png (docs/img/graph.png is made this way).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.export.html import focus_view
from tests.conftest import CORPUS, require_shared
from tests.support.browser import chromium_context, open_graph_page, skip_or_fail_without_browser

PERSON, PLACE, TOWN = "武小凯", "丹江口市", "习家店镇"
LABEL_PX, LABEL_MIN_PX = 13, 8  # node label size and the size below which it is hidden


def _kg(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def corpus_pages(tmp_path_factory) -> dict:
    """Build ../shared/corpus once; return the pages and the store's view."""
    require_shared()
    from kg.export.view import view_from_store
    from kg.store.oxigraph import GraphStore

    root = tmp_path_factory.mktemp("corpus-html")
    store = root / "store"
    _kg("build", str(CORPUS), "--store", str(store))
    _kg("export", "--store", str(store), "--format", "html", "-o", str(root / "export.html"))
    _kg("export", "--store", str(store), "--format", "html", "-o", str(root / "focus.html"),
        "--focus", PLACE, "--depth", "2")
    with GraphStore(str(store), read_only=True) as opened:
        view = view_from_store(opened)
    return {"build": root / "graph.html", "export": root / "export.html",
            "focus": root / "focus.html", "view": view}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    skip_or_fail_without_browser()
    with chromium_context(tmp_path_factory.mktemp("chromium-profile")) as context:
        yield context


def _node_id(view: dict, name: str) -> str:
    ids = [n["id"] for n in view["nodes"] if n["name"] == name]
    assert len(ids) == 1, f"{name}: {ids}"
    return ids[0]


def _clean(watch, url: str) -> None:
    assert not watch.errors, "console errors:\n" + "\n".join(watch.errors)
    assert watch.requests == [url], f"requests other than the page: {watch.requests}"


def _rendered(page, node_id: str) -> tuple[float, float]:
    box = page.locator("#cy").bounding_box()
    x, y = page.evaluate("(id) => { const p = kgView.cy.getElementById(id).renderedPosition();"
                         " return [p.x, p.y]; }", node_id)
    return box["x"] + x, box["y"] + y


def test_built_page_shows_the_corpus_and_his_posts(corpus_pages, browser, tmp_path):
    started = time.monotonic()
    view = corpus_pages["view"]
    assert corpus_pages["build"].is_file(), "kg build wrote no graph.html beside the store"
    page, watch, url = open_graph_page(browser, corpus_pages["build"])

    # every node and edge of the store's view is drawn
    assert page.evaluate("kgView.nodeCount()") == len(view["nodes"])
    assert page.evaluate("kgView.visibleNodeCount()") == len(view["nodes"])
    assert page.evaluate("kgView.edgeCount()") == len(view["edges"])

    # typing his name into the search box selects him
    person = _node_id(view, PERSON)
    page.locator("#search").fill(PERSON)
    page.locator("#search").press("Enter")
    page.wait_for_function("(id) => kgView.selected() === id", arg=person, timeout=5_000)

    # a real click on him (after clearing the selection) shows his posts and
    # the sentence that states them in the side panel
    page.evaluate("kgView.select(null); null")
    page.wait_for_timeout(400)  # so that the click is not taken as a double-click
    page.mouse.click(*_rendered(page, person))
    page.wait_for_function("(id) => kgView.selected() === id", arg=person, timeout=5_000)
    panel = page.locator("#panel").inner_text()
    posts = next(n["posts"] for n in view["nodes"] if n["id"] == person)
    assert {"市委书记", "市长"} <= {p["title"] for p in posts}
    for post in posts:
        assert post["title"] in panel and post["body_name"] in panel
        for ev in post["evidence"]:
            assert ev["sentence"] in panel
    assert PERSON in panel and "市委书记" in panel
    assert any("市委书记" in ev["sentence"] and PERSON in ev["sentence"]
               for p in posts for ev in p["evidence"])

    if os.environ.get("KG_SCREENSHOT_DIR"):
        # his two-hop neighbourhood fills the canvas: names readable, the rest dimmed around it
        page.evaluate("(id) => { const n = kgView.cy.getElementById(id);"
                      " kgView.cy.fit(n.closedNeighborhood().closedNeighborhood(), 30); }", person)
        page.wait_for_timeout(200)  # let the canvas repaint
        out_dir = Path(os.environ["KG_SCREENSHOT_DIR"])
        out_dir.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out_dir / "graph.png"))

    _clean(watch, url)
    page.close()
    print(f"corpus page: {len(view['nodes'])} nodes, {time.monotonic() - started:.1f}s")


def test_exported_page_draws_every_node(corpus_pages, browser):
    view = corpus_pages["view"]
    page, watch, url = open_graph_page(browser, corpus_pages["export"])
    assert page.evaluate("kgView.nodeCount()") == len(view["nodes"])
    assert page.evaluate("kgView.edgeCount()") == len(view["edges"])
    assert page.evaluate("(q) => kgView.search(q)", PERSON)[0] == _node_id(view, PERSON)
    _clean(watch, url)
    page.close()


def test_focus_page_is_smaller_and_readable(corpus_pages, browser):
    view = corpus_pages["view"]
    place, town = _node_id(view, PLACE), _node_id(view, TOWN)
    expected = focus_view(view, PLACE, 2)
    page, watch, url = open_graph_page(browser, corpus_pages["focus"])

    count = page.evaluate("kgView.nodeCount()")
    assert count == len(expected["nodes"]) < len(view["nodes"])
    for node in (place, town):
        assert page.evaluate("(id) => kgView.cy.getElementById(id).nonempty()", node)
    assert PLACE in page.locator("#title").inner_text()

    # it opens on the place, selected, zoomed so that node labels are drawn
    assert page.evaluate("kgView.selected()") == place
    assert page.evaluate("kgView.cy.zoom()") * LABEL_PX >= LABEL_MIN_PX
    x, y = _rendered(page, place)
    box = page.locator("#cy").bounding_box()
    assert box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"]
    assert PLACE in page.locator("#panel").inner_text()
    _clean(watch, url)
    page.close()
