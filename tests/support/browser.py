"""Debian's headless Chromium driven by the `playwright` Python package (no
browser download), launched as tests/integration/test_html_browser.py does,
for the page tests and bench/html_view.py.

Under CI=true a missing browser or playwright is a failure, elsewhere a skip.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-default-apps", "--disable-extensions",
]
VIEWPORT = {"width": 1440, "height": 900}


def browser_missing() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the 'playwright' Python package is not installed"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"{CHROMIUM} not found (run tools/install-chromium.sh)"
    return None


def skip_or_fail_without_browser() -> None:
    import pytest

    why = browser_missing()
    if why is None:
        return
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"{why} (CI=true: the browser test must run; see tools/install-chromium.sh)")
    pytest.skip(why)


@contextmanager
def chromium_context(profile: Path) -> Iterator:
    """A persistent headless Chromium context with a fresh *profile* folder."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport=VIEWPORT, device_scale_factor=1, locale="zh-CN", service_workers="block")
        try:
            yield context
        finally:
            context.close()


class PageWatch:
    """Console errors, page errors and every request of one page."""

    def __init__(self, page) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))
        page.on("request", lambda r: self.requests.append(r.url))


def open_graph_page(context, path: Path, timeout_ms: int = 30_000):
    """Open the kg HTML page at *path*; return (page, watch, url) once the
    page says the graph is laid out (window.kgView.ready)."""
    page = context.new_page()
    watch = PageWatch(page)
    url = Path(path).resolve().as_uri()
    page.goto(url, wait_until="load")
    page.wait_for_function("window.kgView && window.kgView.ready === true", timeout=timeout_ms)
    return page, watch, url
