"""Shared grammar for names that end in a head noun (…有限公司, …项目,
…大会): where such a name starts, and whether it is specific or generic."""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from kg.text import sentence_at

# Words that end a name's left edge: the name starts right after them.
_FUNCTION_WORDS = frozenset("""
开展 启动 推行 实施 构建 建立 实行 组建 探索 打造 召开 举行 出席 参加 宣布 投资 谋划 推进 加快 深入 走进 参观
调研 落户 引进 签约 观摩 考察 视察 完善 优化 抓好 做好 围绕 聚焦 依托 支持 实现 形成 推动 开工 竣工 投产 达产
来到 前往 位于 包括 分别 以及 听取 关于 拟 先后 首先 随后 还 并 和 与 及 或 由 在 于 对 向 从 把 将 为 被 让 使
的 了 是 等 到 入 赴 据 已 正 也 又 再 就 即 其中 其 有关 相关 一批 这些 该 此 各 全力
是 成为 获评 获批 荣获 入列 跻身 参与 协调 负责 陪同 带领 率 作为 通过 以 开启 全力 加速 持续 大力 积极 着力 重点
""".split())
# Verbs of government prose that take a project, meeting or company as
# object and never occur inside such a name (狠抓项目, 筹备举办论坛).
ACTION_VERBS = frozenset("""
紧盯 盯紧 紧抓 狠抓 抢抓 抓实 抓紧 抓牢 分析 确保 洽谈 严格 严把 解除 满足 掀起 按照 依照 遵照 贯彻 落实 贯彻落实
举办 承办 主办 进行 筹备 筹办 督促 督导 争取 对接 跟踪 压实 助推 助力 带动 审议 通报 学习 传达
做好 抓好 搞好 管好 建好 用好 办好 谋划好 全面 加紧 加大 强化 加强 聚力 发力 深化 力促 力争 促进 推介 招引
""".split())
STOP_WORDS = tuple(sorted(_FUNCTION_WORDS | ACTION_VERBS, key=len, reverse=True))
_STOP_BY_LENGTH: dict[int, frozenset[str]] = {}
for _w in STOP_WORDS:
    _STOP_BY_LENGTH.setdefault(len(_w), set()).add(_w)
_STOP_BY_LENGTH = {n: frozenset(ws) for n, ws in _STOP_BY_LENGTH.items()}

_EDGE_STOP_CHARS = frozenset("，。、；：！？《》\n ,.;:!?|")
GENERIC_WORDS = tuple(sorted(set("""
重点 重大 招商 招商引资 投资 在建 新建 续建 签约 产业 前期 谋划 储备 民生 基础设施 工业 农业 旅游 这些 各 该 此 本
个 批 类 汽车类 建设 开工 集中开工 拟推进 市级 省级 县级 国家级 大 小 多 项 家 所 座 条 相关 有关 主要 专题 工作
调研 座谈 全体 各类 一批 若干 新 老 现代化 该市 该县 全市 全县 我市 我县 上述 以上 这 那 其 共 同类 优质 知名 龙头
集中 洽谈 在谈 在库 入库 落地 竣工 投产 春季 夏季 秋季 冬季 年度 季度 全年 今年 明年 当年 中长期 长期 短期 好 好的
""".split()), key=len, reverse=True))
_NUMERALS = re.compile(r"[\d０-９.一二三四五六七八九十百千万亿两几余多第]+")


def _stop_word_ending_at(text: str, i: int, floor: int, keep: frozenset[str]) -> bool:
    for n, words in _STOP_BY_LENGTH.items():
        if i - n >= floor and text[i - n:i] in words and text[i - n:i] not in keep:
            return True
    return False


# Stop words by an automaton: every occurrence, overlapping ones included.
_STOP_AUTOMATON = ahocorasick.Automaton()
for _w in STOP_WORDS:
    _STOP_AUTOMATON.add_word(_w, len(_w))
_STOP_AUTOMATON.make_automaton()


@lru_cache(maxsize=4)
def _stop_ends(text: str) -> frozenset[int]:
    """Every offset where a stop word ends, the longest stop word at each
    start counting (so 开展 in 开展的 ends at 展, not 的...): one pass
    of an automaton per document."""
    longest: dict[int, int] = {}
    get = longest.get
    for last, n in _STOP_AUTOMATON.iter(text):
        start = last - n + 1
        if get(start, 0) < n:
            longest[start] = n
    return frozenset([start + n for start, n in longest.items()])


def left_edge(text: str, end: int, floor: int, max_len: int = 24, barriers: set[int] | frozenset = frozenset(),
              keep: frozenset[str] = frozenset()) -> int:
    """Start of the name whose head begins at `end`: scan left over name
    characters until punctuation, a stop word, a barrier (the end of another
    entity) or max_len. Quotes and brackets are name characters, and a
    quoted part is taken whole: words inside quotes do not end the name.
    `keep` lists stop words that are name parts for the caller's kind of
    name (投资 in …城市建设投资集团有限公司)."""
    stops = _stop_ends(text)
    i = end
    while i > floor and end - i < max_len:
        if i in barriers:
            break
        if i in stops and (not keep or _stop_word_ending_at(text, i, 0, keep)):
            break
        ch = text[i - 1]
        if ch == "”":
            opening = text.rfind("“", max(floor, end - max_len), i - 1)
            if opening >= 0 and "”" not in text[opening + 1:i - 1]:
                i = opening
                continue
        if ch in _EDGE_STOP_CHARS:
            break
        if ch == "“" and text.find("”", i, end) < 0:
            break
        i -= 1
    while i < end and text[i] in "”）)":
        i += 1
    return i


_GENERIC_RANK = {w: i for i, w in enumerate(GENERIC_WORDS)}
_GENERIC_LENGTHS = sorted({len(w) for w in GENERIC_WORDS}, reverse=True)


def is_generic(modifier: str) -> bool:
    """True when what precedes the head noun names nothing specific
    (重点项目, 8个项目, 相关部门): generic words peeled off both ends, first
    the one that comes first in GENERIC_WORDS (longest first), leave less
    than two characters."""
    rest = _NUMERALS.sub("", modifier.replace("“", "").replace("”", ""))
    rank = _GENERIC_RANK.get
    while rest:
        size = len(rest)
        for n in _GENERIC_LENGTHS:
            if n > size:
                continue
            front = rank(rest[:n])
            if front is not None and n == 1 and rest.startswith("项目"):
                front = None  # 项 counts, 项目 names
            back = rank(rest[-n:]) if size > n else None
            if front is not None and (back is None or front <= back):
                rest = rest[n:]
                break
            if back is not None:
                rest = rest[:-n]
                break
        else:
            break
    return len(rest) < 2


def clause_floor(doc, position: int) -> int:
    sentence = sentence_at(doc, position)
    return sentence.start if sentence else 0


def barrier_ends(mentions, types) -> set[int]:
    return {m.end for m in mentions if m.type in types}
