"""Protection-strategy rules (P): narrow-independent, category-coverage.  Advisory, never errors."""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from typing import Any, ClassVar

from claimcheck.analysis.features import ClaimFeature, claim_features
from claimcheck.lexicon import Lexicons
from claimcheck.model import Category, Claim, ClaimSet
from claimcheck.model.diagnostic import Diagnostic, Fix, Severity
from claimcheck.rules.base import Context, Rule

_NUMBER = re.compile(
    r"(?<![0-9])[0-9]+(?:\.[0-9]+)?\s*(?:℃|°C|MPa|kPa|Pa|%|mm|cm|nm|μm|m|kV|V|A|W|Hz|kg|g|mg|mol|s|min|h|r/min|rpm)"
)
_MATERIAL = re.compile(r"制成|材料|材质|钢|铝|铜|塑料|橡胶|合金")
_DETAIL = re.compile(r"呈\S{0,6}(?:形|状)|形状|大小|尺寸|均布|间隔|相匹配|颜色")


def features(claim: Claim, lex: Lexicons | None = None) -> list[str]:
    """The technical features of a claim (its subject and phrases such as 其特征在于, 包括以下步骤 are none)."""
    return [f.text for f in claim_features(claim, lex) if f.kind != "subject"]


def _movable(parts: list[ClaimFeature], limit: int = 3) -> list[str]:
    """Whole features that could move to dependent claims: exact values or materials, shape details, the last ones."""
    pool = [f for f in parts if f.kind == "characterizing"] or parts
    ranked = [f for f in pool if _NUMBER.search(f.text) or _MATERIAL.search(f.plain)][:limit]
    taken = {id(f) for f in ranked}  # by identity: a claim of thousands of features is not compared pairwise
    for f in pool:
        if len(ranked) < limit and id(f) not in taken and _DETAIL.search(f.plain):
            ranked.append(f)
            taken.add(id(f))
    for f in reversed(pool):
        if len(ranked) < limit and id(f) not in taken:
            ranked.append(f)
            taken.add(id(f))
    return [f.text for f in ranked]


class NarrowIndependent(Rule):
    """An independent claim is likely narrower than it needs to be.

    ## What it flags
    An independent claim with more than ``max-features`` technical features, or longer than
    ``length-ratio`` times the median independent claim of the reference corpus or of the set's other
    independent claims; a closed transition (由……组成) outside compositions; exact values (5mm, 80℃) in
    the independent claim.  Features are counted as an attorney counts them
    (:mod:`claimcheck.analysis.features`: clauses, list items, method steps; the subject and phrases such as
    其特征在于 or 包括以下步骤 are none).  The message gives the feature count and length against the other
    independent claims and the corpus median, and names up to three whole features that could move to
    dependent claims: those with exact values or materials first, then shape details, then the last
    features of the characterizing part.

    ## Why
    Drafting practice: every feature of an independent claim limits the protection; 专利法实施细则
    第23条第2款 asks only for the essential technical features. An examiner does not object to a long
    claim, so this is advice (info), to be read with 专利法 第26条第4款 support in mind.

    ## Bad
        1. 一种夹具，包括底座、立柱、横梁、滑块、导轨、丝杠、手轮、压板、弹簧、螺母、垫片、定位销和把手，所述底座的长度为500mm，所述立柱的高度为300mm，所述横梁由45号钢制成，所述滑块的宽度为40mm，所述导轨的长度为200mm，所述丝杠的螺距为4mm，所述手轮的直径为80mm，所述压板为铝制。

    ## Good
        1. 一种夹具，包括底座、设置在所述底座上的导轨和沿所述导轨滑动的压板。

    ## Options
    ``max-features`` (20), ``length-ratio`` (2.5), ``corpus-median-length`` and
    ``corpus-median-features`` (from ``lexicons/strategy.toml``, measured on the shipped corpus).
    """

    name = "narrow-independent"
    code = "P001"
    severity = Severity.INFO
    catalogue = ("CN-IND-005",)
    source = "专利法实施细则 第23条第2款"
    options: ClassVar[dict[str, Any]] = {"max-features": 20, "length-ratio": 2.5}

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        stats = ctx.lexicons.load("strategy").get("corpus", {})
        med_len = float(ctx.option(self.name, "corpus-median-length", stats.get("median-length", 150)))
        med_feat = float(ctx.option(self.name, "corpus-median-features", stats.get("median-features", 6)))
        max_features = int(ctx.option(self.name, "max-features", 20))
        ratio = float(ctx.option(self.name, "length-ratio", 2.5))
        independents = [c for c in cs.independent if c.flat is not None]
        for c in independents:
            assert c.flat is not None
            parts = [f for f in claim_features(c, ctx.lexicons) if f.kind != "subject"]
            feats = [f.text for f in parts]
            length = len(c.flat.text)
            others = [len(o.flat.text) for o in independents if o is not c and o.flat is not None]
            reasons_zh: list[str] = []
            reasons_en: list[str] = []
            if len(feats) > max_features:
                reasons_zh.append(f"技术特征{len(feats)}个（语料中位数{med_feat:.0f}个）")
                reasons_en.append(f"{len(feats)} features (corpus median {med_feat:.0f})")
            if length > ratio * med_len:
                reasons_zh.append(f"长度{length}字（语料中位数{med_len:.0f}字）")
                reasons_en.append(f"{length} characters (corpus median {med_len:.0f})")
            if others and length > ratio * statistics.median(others) and length > med_len:
                reasons_zh.append(f"是本申请其他独立权利要求中位长度的{length / statistics.median(others):.1f}倍")
                reasons_en.append(f"{length / statistics.median(others):.1f}× the other independent claims")
            if (
                c.transition_type == "closed"
                and c.category is Category.PRODUCT
                and not re.search(r"组合物|合金|溶液|制剂|材料|涂料|树脂", c.subject.text if c.subject else "")
            ):
                reasons_zh.append("使用封闭式过渡语（由……组成）")
                reasons_en.append("closed transition (由……组成)")
            if not reasons_zh:
                continue
            movable = _movable(parts)
            zh_list = "；".join(f"“{f}”" for f in movable)
            en_list = "; ".join(movable)
            yield self.report(
                c,
                c.subject.span if c.subject is not None else c.label.span,
                zh=f"独立权利要求{c.number}可能过窄（撰写建议）：{'，'.join(reasons_zh)}。"
                f"请确认每个特征都是解决技术问题所必需的，可考虑移入从属权利要求的特征：{zh_list}",
                en=f"independent claim {c.number} may be narrower than needed (drafting advice): {', '.join(reasons_en)}. "
                f"Check that each feature is essential; features that could move to dependent claims: {en_list}",
                features=len(feats),
                length=length,
            )


_PROCESS_HINT = re.compile(
    r"制备|制造|加工|生产|合成|成型|焊接|烧结|浇注|混合|搅拌|加热|冷却|干燥|固化|注塑|装配|锻造|铸造|压铸|冲压|轧制|淬火|调质|热处理|热压"
)
_APPARATUS_HINT = re.compile(r"装置|设备|系统|机构|反应釜|容器|模具|传感器|控制器|处理器")
_COMPOSITION = re.compile(r"组合物|制剂|药物|化合物|涂料|肥料|试剂|材料$")


class CategoryCoverage(Rule):
    """The claims protect one side only: a product without its method, a method without its apparatus or product, a composition without its use.

    ## What it flags
    A set whose independent claims are all products while the claims (or a description given with
    ``--description``) describe how to make or use them; all methods while they name the apparatus or
    the product obtained; a composition without a use claim.  The message proposes a concrete subject
    for the missing independent claim (一种制备所述正极材料的方法).

    ## Why
    Drafting practice: product, process and use claims protect different acts (专利法 第11条); one
    application may hold them where they share a special technical feature (专利法 第31条第1款,
    实施细则 第39条). Advice only (info).

    ## Bad
        1. 一种正极材料，包括磷酸铁锂颗粒和包覆在所述磷酸铁锂颗粒表面的碳层，所述碳层经烧结形成。

    ## Good
        1. 一种正极材料，包括磷酸铁锂颗粒和包覆在所述磷酸铁锂颗粒表面的碳层，所述碳层经烧结形成。
        2. 一种制备权利要求1所述正极材料的方法，包括将磷酸铁锂颗粒与碳源混合并烧结。

    ## Options
    Switched off by the ``cn-utility-model`` profile (utility models protect products only).
    """

    name = "category-coverage"
    code = "P002"
    severity = Severity.INFO
    catalogue = ("CN-UNI-001",)
    source = "专利法 第11条、第31条"

    def check(self, cs: ClaimSet, ctx: Context) -> Iterator[Diagnostic]:
        ind = cs.independent
        if not ind:
            return
        cats = {c.category for c in ind}
        all_text = "".join(c.flat.folded for c in cs if c.flat is not None)
        desc = ctx.description
        first = ind[0]
        subj = first.subject.text if first.subject is not None else "产品"
        subj = re.sub(r"^(?:一种|一个)", "", subj)
        span = first.subject.span if first.subject is not None else first.label.span
        if cats == {Category.PRODUCT}:
            if _PROCESS_HINT.search(all_text) or re.search(r"(?:制备|制造|生产|使用)方法", desc):
                yield self.report(
                    first,
                    span,
                    zh=f"只有产品权利要求；权利要求{('及说明书' if desc else '')}中记载了制造或使用方式，"
                    f"可考虑增加方法独立权利要求，如“一种制备权利要求{first.number}所述{subj}的方法”",
                    en=f"only product claims, but the claims{' and description' if desc else ''} describe how to make or use it: "
                    f"consider an independent method claim such as 一种制备权利要求{first.number}所述{subj}的方法",
                    fix=Fix(f"增加“一种制备权利要求{first.number}所述{subj}的方法”", "add a method-of-making claim"),
                )
            if _COMPOSITION.search(subj) and Category.USE not in cats:
                yield self.report(
                    first,
                    span,
                    zh=f"组合物类产品未要求保护其用途，可考虑增加“权利要求{first.number}所述{subj}在……中的应用”",
                    en=f"a composition without a use claim: consider 权利要求{first.number}所述{subj}在……中的应用",
                )
        elif cats <= {Category.METHOD, Category.USE}:
            m = re.match(r"(.+?)的(?:制备|制造|生产)方法$", subj)
            if m:
                yield self.report(
                    first,
                    span,
                    zh=f"只有方法权利要求；可考虑增加产品独立权利要求，如“一种由权利要求{first.number}所述方法制得的{m.group(1)}”",
                    en=f"only method claims: consider a product claim such as 一种由权利要求{first.number}所述方法制得的{m.group(1)}",
                )
            elif _APPARATUS_HINT.search(all_text):
                yield self.report(
                    first,
                    span,
                    zh=f"只有方法权利要求，而权利要求中使用了装置或设备；可考虑增加“一种用于实施权利要求{first.number}所述方法的装置”",
                    en=f"only method claims, which use an apparatus: consider 一种用于实施权利要求{first.number}所述方法的装置",
                )
