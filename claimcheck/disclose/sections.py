"""Find the sections of an invention disclosure (技术交底书), by heading and, failing that, by content.

Disclosure templates differ from firm to firm: headings may be numbered (一、技术领域), bracketed (【背景技术】),
end with a colon, or be missing.  A heading is a short line that names a section; a paragraph under no
recognised heading is assigned by its content (本发明涉及… is the field, 实施例1 an embodiment …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimcheck.model import SourceText, Span
from claimcheck.model.language import language_of

SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "title": ("发明名称", "专利名称", "名称", "技术名称", "题目"),
    "field": ("技术领域", "所属技术领域", "应用领域"),
    "background": ("背景技术", "现有技术", "技术背景", "现有技术方案", "现有技术的缺点", "现有技术缺点", "背景"),
    "problem": ("要解决的技术问题", "发明目的", "技术问题", "本发明的目的", "发明要解决的问题", "解决的问题"),
    "solution": ("技术方案", "发明内容", "实用新型内容", "本发明的技术方案", "详细技术方案"),
    "effects": ("有益效果", "技术效果", "优点", "本发明的优点", "有益技术效果"),
    "embodiments": ("具体实施方式", "实施例", "具体实施例", "实施方式", "实现方式"),
    "drawings": ("附图说明", "附图", "附图及附图说明", "图示说明"),
    "key-points": ("关键点", "欲保护点", "保护点", "发明点", "创新点", "关键点和欲保护点", "技术关键点"),
    "alternatives": ("替代方案", "其他实施方式", "可替代方案", "变形例", "其他替代方案"),
    "status": ("公开情况", "申请前公开情况", "成果公开情况", "其他情况", "其他说明", "备注", "应用情况", "使用情况"),
}
_EN_HEADINGS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "field": ("technical field", "field"),
    "background": ("background", "prior art", "background art"),
    "problem": ("problem", "object of the invention", "technical problem"),
    "solution": ("summary", "solution", "summary of the invention"),
    "effects": ("advantages", "advantageous effects", "benefits"),
    "embodiments": ("detailed description", "embodiments", "examples", "description of embodiments"),
    "drawings": ("brief description of the drawings", "drawings", "figures"),
    "key-points": ("key points", "claims to protect", "inventive points"),
    "alternatives": ("alternatives", "variants"),
}
_NUMBERING = re.compile(
    r"^\s*(?:(?:#+|>|[*_]{2})\s*|[一二三四五六七八九十]+\s*[、.．]\s*|(?:第[一二三四五六七八九十0-9]+部分)\s*[、.．:：]?\s*"
    r"|[0-9]+(?:\.[0-9]+)*\s*[、.．)）]?\s*|[（(][一二三四五六七八九十0-9]+[)）]\s*|[【\[]\s*)+"
)
# what may follow a section name in a heading: 背景技术及其缺陷, 现有技术的不足, 技术方案说明
_HEADING_TAIL = re.compile(
    r"^(?:及其?|和|与|的|中|存在的)?(?:缺陷|缺点|不足|问题|缺点分析|简介|概述|说明|介绍|描述|详述|部分|内容|"
    r"优点|有益效果|技术效果|技术方案|详细说明)*$"
)
_DOC_HEADER = re.compile(r"^[#*_\s]*(?:(?:发明|实用新型|专利)(?:专利)?)?(?:技术)?交底书[*_\s]*$")
_OWN = re.compile(r"^(?:本发明|本实用新型|本申请|本方案|本项目|本技术)的?")
_CONTENT_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("field", re.compile(r"^(?:本发明|本实用新型|本申请)(?:涉及|属于|关于)")),
    ("background", re.compile(r"^(?:现有技术|目前|传统的|现有的|以往)")),
    ("problem", re.compile(r"(?:要解决的技术问题|目的在于|目的是|旨在|为了解决|为解决)")),
    ("effects", re.compile(r"^(?:与现有技术相比|本发明的有益效果|有益效果|本发明具有以下优点)")),
    ("embodiments", re.compile(r"^(?:实施例\s*[0-9一二三四五六七八九十]+|具体实施例)")),
    ("drawings", re.compile(r"^图\s*[0-9]+\s*(?:为|是|示出)")),
)


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of the disclosure: its section, text, span and 1-based line."""

    section: str
    text: str
    span: Span
    line: int


@dataclass
class Disclosure:
    """A disclosure split into sections."""

    source: SourceText
    blocks: list[Block]
    headings: dict[str, int] = field(default_factory=dict)  # section -> line of its heading
    title: str | None = None

    def section(self, name: str) -> list[Block]:
        """Blocks of one section."""
        return [b for b in self.blocks if b.section == name]

    def text_of(self, *names: str) -> str:
        """The joined text of some sections (all when none named)."""
        return "\n".join(b.text for b in self.blocks if not names or b.section in names)

    @property
    def present(self) -> set[str]:
        """Sections that have a heading or content."""
        return {b.section for b in self.blocks} | set(self.headings) | ({"title"} if self.title else set())


def _heading_of(line: str, english: bool) -> tuple[str, str] | None:
    """(section, rest of line) when ``line`` is a section heading (maybe followed by text after a colon).

    Headings come numbered (五、技术方案, 3.1 技术方案), in Markdown (``## 五、技术方案``, ``**技术领域**``), bracketed
    (【背景技术】) and with a tail (背景技术及其缺陷, 现有技术的不足).
    """
    stripped = _NUMBERING.sub("", line).strip().strip("*_#").strip()
    if stripped.endswith(("】", "]")):
        stripped = stripped[:-1]
    m = re.match(r"^(.*?)[：:】\]](.*)$", stripped)
    head, rest, sep = (m.group(1), m.group(2), True) if m else (stripped, "", False)
    if english:
        key = head.strip().lower()
        for section, names in _EN_HEADINGS.items():
            if key in names and (sep or len(stripped) <= 40):
                return section, rest.strip()
        return None
    key = re.sub(r"[\s\u3000】\]*_]", "", head)
    if not sep and (len(stripped) > 20 or re.search(r"[。，；,;]", stripped)):
        return None
    best: tuple[int, str] | None = None
    for candidate in dict.fromkeys((key, _OWN.sub("", key))):
        for section, names in SECTION_HEADINGS.items():
            for name in names:
                fits = candidate.startswith(name) and _HEADING_TAIL.match(candidate[len(name) :])
                if fits and (best is None or len(name) > best[0]):
                    best = (len(name), section)
    return (best[1], rest.strip()) if best else None


def split_disclosure(src: SourceText) -> Disclosure:
    """Sections of a disclosure."""
    text = src.text
    english = language_of(text, 5000) != "zh"
    blocks: list[Block] = []
    headings: dict[str, int] = {}
    title: str | None = None
    section = "other"
    offset = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        start = offset
        offset += len(line) + 1
        if not line.strip():
            continue
        h = _heading_of(line, english)
        if h is not None:
            section = h[0]
            headings.setdefault(section, lineno)
            if h[1]:
                if section == "title":
                    title = h[1]
                    section = "other"
                else:
                    s = start + line.find(h[1])
                    blocks.append(Block(section, h[1], Span(s, s + len(h[1])), lineno))
            continue
        body = line.strip()
        s = start + line.find(body)
        if _DOC_HEADER.match(body):
            continue
        if title is None and section == "title":
            title = re.sub(r"^[#*_\s]+|[*_\s]+$", "", body)
            section = "other"
            continue
        if (
            title is None
            and not blocks
            and section == "other"
            and len(body) <= 40
            and not re.search(r"[。；;：:]", body)
        ):
            title = re.sub(r"^[#*_\s]+|[*_\s]+$", "", body)
            continue
        assigned = section
        if section in ("other", "solution", "background"):
            for name, pattern in _CONTENT_HINTS:
                if pattern.search(body) and (section == "other" or name in ("effects", "problem", "embodiments")):
                    assigned = name
                    if section != "other":
                        break
        blocks.append(Block(assigned, body, Span(s, s + len(body)), lineno))
    return Disclosure(src, blocks, headings, title)
