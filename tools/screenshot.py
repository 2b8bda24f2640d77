"""Make the README's screenshot: the graph page of examples/ in headless
Chromium, with one official selected.

    .venv/bin/python tools/screenshot.py  →  docs/img/graph.png
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from support.browser import chromium_context  # noqa: E402


def main(person: str = "郭振宇") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        subprocess.run([str(ROOT / ".venv/bin/kg"), "build", str(ROOT / "examples"), "--store", str(store)],
                       check=True, capture_output=True)
        page_path = Path(tmp) / "graph.html"
        with chromium_context(Path(tmp) / "profile") as context:
            page = context.new_page()
            page.set_viewport_size({"width": 1440, "height": 900})
            page.goto(page_path.as_uri())
            page.wait_for_function("document.body.dataset.ready === 'true'")
            page.fill("input", person)
            page.keyboard.press("Enter")
            page.wait_for_timeout(1500)
            out = ROOT / "docs" / "img" / "graph.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            print(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
