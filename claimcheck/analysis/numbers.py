"""Numbers that are values: quantities with units, ranges, ratios, numbers in formulae, codes and dates.

A value is never a reference sign: ``4-20mA``, ``5-8％``, ``20～30℃``, ``3相``, ``1：2.4``, ``(1≤n)``, ``0.5``,
``2008年``, ``GB/T 1234-2008``, ``Q235``, ``S101``.  :func:`values` finds them in a text; the reader of
reference signs (:mod:`claimcheck.analysis.signs`) rejects every number inside one.  Texts are read after
:func:`fold` (full-width digits, letters and signs to ASCII, one character for one, so offsets are kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck.lazyre import lazy

DASHES = "-‐‑‒–—―－～~〜"
"""Every dash that joins the two ends of a range (图1‑5, 5-8％, 20～30℃)."""

_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
        "．": ".",
        "＋": "+",
        "＝": "=",
        "＜": "<",
        "＞": ">",
        "／": "/",
        "＊": "*",
        "％": "%",
        "\u3000": " ",
        "\xa0": " ",
    }
)

_N = r"[0-9]+(?:\.[0-9]+)?"
_DASH = "[" + re.escape(DASHES) + "]"
# units written in Latin letters or signs: matched case-sensitively, never followed by another letter
_LATIN_UNITS = (
    "%|‰|‱|℃|℉|°C|°F|°|Ω|kΩ|MΩ|mΩ|μm|um|nm|mm|cm|dm|km|m|Å|in|inch|ft|"
    "mA|μA|uA|nA|kA|mV|kV|μV|V|mW|kW|MW|GW|W|VA|kVA|Wh|kWh|mAh|Ah|"
    "Hz|kHz|MHz|GHz|pF|nF|μF|uF|mF|F|mH|μH|uH|H|"
    "kg|mg|μg|ug|ng|g|t|mL|ml|μL|μl|uL|ul|L|l|cc|"
    "ms|μs|us|ns|s|min|h|hr|rpm|r/min|rps|"
    "MPa|kPa|GPa|hPa|Pa|bar|mbar|atm|psi|mmHg|kN|N|Nm|N·m|J|kJ|MJ|cal|kcal|"
    "mmol|mol|M|mM|μM|uM|nM|ppm|ppb|wt|vol|dB|dBm|dBi|lm|lx|cd|K|bit|bps|kbps|Mbps|Gbps|"
    "KB|kB|MB|GB|TB|px|dpi|mesh|Mesh|eV|keV|MeV|HP|hp|kcal|lb|oz|P|cP|cps|rad|sr|pH|Gy|Bq"
)
# units written in Chinese: each with the words it must not begin (底座1相连 is a sign, 3相 a value)
_CJK_UNITS = (
    "相(?!对|连|互|应|邻|同|反|交于|交叉|交汇|交错|配|接|抵|贴|向|平|垂|切|比|较|当|等|似|关|符|适|结|隔|距|啮|持|近|通|扣|衔|错|背|间|继|差)|"
    "级(?!联|连)|倍|个|根(?!部|据|本)|块(?!状)|条(?!件|形|状|纹|带|码)|层(?!叠|压|状|面)|次(?!级|序|要)|"
    "度(?!量)|秒|分钟|分之|小时|天|年|月(?!牙)|日|号|种(?!子)|份|寸|英寸|米|厘米|毫米|微米|纳米|千米|公里|"
    "公斤|千克|克(?!服)|毫克|吨|升(?!降|高|起|温|压|华|级)|毫升|伏|安培|瓦|千瓦|欧姆|赫兹|帕|兆帕|千帕|"
    "目(?!的|标|前)|匝|圈(?!内|外|上)|维(?!持|护|修)|万|千|百|亿|余|位(?!于|置|移|线|点)|段(?!落)|"
    "片(?!状)|颗|粒(?!径|子|度)|滴|件(?!上|下|内|外|中|的|与|和|及|之)|台(?!面|阶|架|上)|节(?!点|流)|"
    "道(?!路|口)|元(?!件|素|器)|阶(?!梯)|排(?!列|出|放|气|水|布)|路(?!径|线|由)|档(?!位|案)|"
    "齿(?!轮|条|形|圈|面|部)|期|周期|等分|等份|以上|以下|以内|倍数|摄氏度|转/分"
)


def _apart(alternation: str) -> str:
    """Each negative lookahead of ``alternation`` as one lookahead per word: ``(?!对|连)`` as ``(?!对)(?!连)``.

    Both match the same; the second compiles several times faster (a lookahead of single characters is compiled
    into a map of 65,536 characters).
    """
    return re.sub(r"\(\?!([^()]*)\)", lambda m: "".join(f"(?!{w})" for w in m.group(1).split("|")), alternation)


_UNIT = rf"(?:(?:{_LATIN_UNITS})(?![A-Za-z])|(?:{_apart(_CJK_UNITS)}))"
_RANGE_SEP = rf"\s*(?:{_DASH}{{1,4}}|至|到)\s*"
_QUANTITY = re.compile(rf"(?<![0-9.]){_N}(?:\s*{_UNIT})?{_RANGE_SEP}{_N}\s*{_UNIT}|(?<![0-9.]){_N}\s?{_UNIT}")
# a match never starts inside a run of digits (?<![0-9]): it would start at the run's first digit anyway, and
# trying every digit of a long run made these searches quadratic
_RATIO = re.compile(rf"(?<![0-9]){_N}(?:\s*[:：∶]\s*{_N})+")
_FORMULA = re.compile(rf"[<>≤≥≦≧=≠≈≌±×÷*/^+√∑∫]\s*{_N}|(?<![0-9]){_N}\s*[<>≤≥≦≧=≠≈≌±×÷*/^+]")
_DECIMAL = re.compile(r"(?<![0-9])[0-9]+\.[0-9]+")
_CODE = re.compile(r"(?<![0-9])[A-Za-z][A-Za-z/#\-]*\s?[0-9][0-9A-Za-z.#\-/:]*")
_UNIT_AT = lazy(r"\s?" + _UNIT)
_SUPERSCRIPT = re.compile(r"(?<![0-9])[0-9]+[²³⁰¹⁴⁵⁶⁷⁸⁹⁻]+")

VALUE_BEFORE = re.compile(
    r"(?:约|大约|近|共|合计|总计|达到|仅|各|每|为|是|取|选|设为|占|等于|大于|小于|高于|低于|超过|少于|多于|"
    r"不少于|不多于|不低于|不高于|不超过|不小于|不大于|乘以|除以|加上|减去|之|编号|型号|序号|批号|代号|"
    r"温度|长度|宽度|高度|厚度|深度|直径|半径|内径|外径|孔径|粒径|角度|速度|转速|压力|压强|电压|电流|功率|"
    r"频率|浓度|含量|比例|重量|质量|体积|面积|容积|时间|距离|数量|个数|湿度|粘度|黏度|硬度|强度|精度|"
    r"密度|纯度|流量|流速|用量|比值|阻值|范围|倍率|效率|系数)$"
)
"""Words after which a number is a value (温度20, 约3, 为5), not a reference sign."""


@dataclass(frozen=True, slots=True)
class Value:
    """A number that is a value, and what kind: quantity, ratio, formula, decimal or code."""

    start: int
    end: int
    kind: str


def fold(text: str) -> str:
    """Full-width digits, letters and signs as ASCII; offsets unchanged."""
    return text.translate(_FOLD)


def values(text: str) -> list[Value]:
    """Every value in ``text`` (already folded), in order of position; spans may overlap."""
    out: list[Value] = []
    for kind, pattern in (
        ("quantity", _QUANTITY),
        ("ratio", _RATIO),
        ("formula", _FORMULA),
        ("decimal", _DECIMAL),
        ("code", _CODE),
        ("formula", _SUPERSCRIPT),
    ):
        out.extend(Value(m.start(), m.end(), kind) for m in pattern.finditer(text))
    return sorted(out, key=lambda v: (v.start, v.end))


def value_mask(text: str) -> bytearray:
    """One byte per character of ``text`` (folded): 1 where the character belongs to a value."""
    mask = bytearray(len(text))
    for v in values(text):
        mask[v.start : v.end] = b"\x01" * (v.end - v.start)
    return mask


def is_unit_at(text: str, pos: int) -> bool:
    """Whether a unit of measure starts at ``pos`` (after a number): mm, mA, %, ℃, 相, 级, 倍, 个 …"""
    return _UNIT_AT().match(text, pos) is not None
