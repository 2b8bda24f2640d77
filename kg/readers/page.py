"""Strip page furniture from an article saved as text and keep what the
article says: title, subtitle, date, section, bylines, body and captions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.text import normalise

_DATE = re.compile(r"(20\d{2}|19\d{2})[-年/.](\d{1,2})[-月/.](\d{1,2})日?")

# Whole lines that are site furniture.
_FURNITURE = [
    re.compile(p) for p in (
        r"^返回.{0,10}首页",
        r"^\[?\s*字号",
        r"字体[：:]?\s*(【|\[|大|中|小|打印|$)",
        r"^本期推荐",
        r"版权所有|版权声明|未经.{0,6}(同意|授权|许可).{0,6}(复制|转载|镜像)|Copyright|©",
        r"^(主管|主办|承办|协办|编辑部|广告部|技术部|联系电话|联系我们|地址|邮编|备案|ICP)[：:]",
        r"ICP[备证]",
        r"^[（(]?\s*(责任编辑|编辑|责编|审核|校对|审校|终审|编审|监制)[：: ]",
        r"^(关于我们|网站地图|设为首页|加入收藏|联系我们|推荐显示设置)",
        r"(网站地图|在线投稿|合作伙伴|广告业务).*(网站地图|在线投稿|合作伙伴|广告业务)",
        r"推荐显示设置|分辨率|像素\*",
        r"^(上一篇|下一篇|相关新闻|相关阅读|分享到|扫一扫|打印本页|关闭窗口)",
        r"^\d{3,4}-\d{7,8}",
    )
]

# A line of menu items: several short words separated by spaces or bars.
_MENU = re.compile(r"^(?:[\u4e00-\u9fffA-Za-z]{1,5}[ |丨·]+){3,}[\u4e00-\u9fffA-Za-z]{1,5}$")

_META = re.compile(r"(时间|发布时间|发布日期|日期|来源|信息来源|作者|点击|浏览|阅读)[：:]")
_AUTHOR = re.compile(r"(?:作者|记者|通讯员|撰稿)[：: ]\s*((?:[\u4e00-\u9fff]{2,4}[ 、，,]*)+)")
_BYLINE = re.compile(r"^(?:本报|本台|本网)?(?:特约)?(?:记者|通讯员|作者|文|撰稿|摄影|文/图|图/文)[：: ]*"
                     r"((?:[\u4e00-\u9fff]{2,4}[ 、，,]*){1,6})$")
_SECTION = re.compile(r"^[|｜]\s*([\u4e00-\u9fff]{2,8})\s*[|｜]")


@dataclass
class PageParts:
    title: str = ""
    subtitle: str = ""
    date: str = ""
    section: str = ""
    bylines: list[str] = field(default_factory=list)
    lines: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)


def is_furniture(line: str) -> bool:
    if any(p.search(line) for p in _FURNITURE):
        return True
    return bool(_MENU.match(line)) and len(line) < 60


def _names(chunk: str) -> list[str]:
    return [n for n in re.split(r"[ 、，,]+", chunk.strip()) if 2 <= len(n) <= 4]


def clean_page(raw: str) -> PageParts:
    parts = PageParts()
    for line in normalise(raw).split("\n"):
        line = line.strip()
        if not line:
            continue
        date = _DATE.search(line)
        if date and not parts.date and (len(line) < 50 or _META.search(line) or line.startswith(("返回", "|", "｜"))):
            parts.date = f"{int(date.group(1)):04d}-{int(date.group(2)):02d}-{int(date.group(3)):02d}"
        section = _SECTION.match(line)
        if section:
            parts.section = section.group(1)
            continue
        if _META.search(line) and len(line) < 120 and not re.search(r"[。！？]", line):
            author = _AUTHOR.search(line)
            if author:
                names = _names(_META.split(author.group(1))[0])
                names = [n for n in names if not n.endswith(("发布", "时间", "来源", "日期"))]
                parts.bylines.extend(names)
                parts.lines.append(("byline", "作者：" + " ".join(names)))
            continue
        if is_furniture(line):
            continue
        byline = _BYLINE.match(line)
        if byline and len(line) <= 40:
            parts.bylines.extend(_names(byline.group(1)))
            parts.lines.append(("byline", line))
            continue
        if line.startswith(("——", "--", "—")) and not parts.subtitle and len(parts.lines) <= 3:
            parts.subtitle = line.lstrip("—- ")
            parts.lines.append(("subtitle", line))
            continue
        if not parts.title and len(parts.lines) <= 2 and len(line) <= 60 and not re.search(r"[。！？]$", line):
            parts.title = line
            parts.lines.append(("title", line))
            continue
        parts.lines.append(("body", line))
    _mark_captions(parts)
    return parts


def _mark_captions(parts: PageParts) -> None:
    """Short single-sentence lines after the last long paragraph are photo captions."""
    last_long = max((i for i, (k, t) in enumerate(parts.lines) if k == "body" and len(t) > 80), default=-1)
    for i in range(last_long + 1, len(parts.lines)):
        kind, text = parts.lines[i]
        if kind == "body" and len(text) <= 60 and text.count("。") <= 1:
            parts.lines[i] = ("caption", text)
