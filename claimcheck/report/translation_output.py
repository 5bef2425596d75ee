"""Output of ``claimcheck translation``: compiler-style text or one JSON object, both sides quoted."""

from __future__ import annotations

import json

from claimcheck.translation import Quote, TranslationFinding


def _side(label: str, path: str, q: Quote | None) -> str:
    if q is None:
        return f"    {label}: —"
    if q.claim is None and q.source.path:  # a quote from a description
        path = q.source.path
    return f"    {label}: {path}:{q.where()}: “{' '.join(q.text.split())}”"


def translation_text(findings: list[TranslationFinding], original: str, translation: str, lang: str = "both") -> str:
    """One block per finding: where, severity, kind, the message, then the original and the translation quoted."""
    lines: list[str] = []
    for f in findings:
        claim = f"claim {f.claim}" if f.claim is not None else "claim set"
        if f.kind.startswith("description"):
            claim = "description"
        where = translation
        if f.translation is not None:
            where = f"{f.translation.source.path if f.claim is None else translation}:{f.translation.where()}"
        head = f.message_en if lang == "en" else f.message_zh
        lines.append(f"{where}: {f.severity.label} {f.kind} ({claim}): {head}")
        if lang == "both":
            lines.append(f"    {f.message_en}")
        lines.append(_side("original   ", original, f.original))
        lines.append(_side("translation", translation, f.translation))
    errors = sum(f.severity.label == "error" for f in findings)
    warnings = sum(f.severity.label == "warning" for f in findings)
    verdict = "OK" if not findings else "DIFFERENCES"
    lines.append(f"{verdict}: {translation} against {original}: {errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


def _quote_json(q: Quote | None) -> dict[str, object] | None:
    if q is None:
        return None
    loc = q.source.locate(q.span)
    return {"text": q.text, "claim": q.claim, "file": q.source.path, "line": loc.line, "column": loc.column}


def translation_json(findings: list[TranslationFinding], original: str, translation: str) -> str:
    """``{"version", "original", "translation", "findings": [...], "summary"}``."""
    data = {
        "version": 1,
        "original": original,
        "translation": translation,
        "findings": [
            {
                "kind": f.kind,
                "severity": f.severity.label,
                "claim": f.claim,
                "message": f.message_zh,
                "message_en": f.message_en,
                "original": _quote_json(f.original),
                "translation": _quote_json(f.translation),
            }
            for f in findings
        ],
        "summary": {
            "errors": sum(f.severity.label == "error" for f in findings),
            "warnings": sum(f.severity.label == "warning" for f in findings),
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
