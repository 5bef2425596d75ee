"""Hostile and pathological input: time and peak memory of one claimcheck process per input.

Every input of the hostile-input issue is generated here (nothing is shipped) and given to a fresh
``claimcheck`` process; the wall time, the process's peak resident memory (``os.wait4`` rusage, so each
figure is that one process's), its exit code and the first line it printed on standard error are shown.
The ratios are against a floor measured in the same run: linting a normal published claim set.

    python benchmarks/hostile.py                  # every input (a few minutes on a busy machine)
    python benchmarks/hostile.py --only docx      # the inputs whose name contains "docx"
    python benchmarks/hostile.py --big 200        # the large text file at 200 MB (default 5)
    python benchmarks/hostile.py --limit 60       # seconds before an input is reported as a hang

An input that must be refused (a claim number of 200,000,000, a zip bomb, an encrypted PDF …) is expected to
end with exit code 2 and one line; the others are expected to lint (exit 0 or 1).
"""

from __future__ import annotations

import argparse
import io
import os
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT / "sample_claims" / "CN86105254A.txt"
sys.path.insert(0, str(ROOT / "tests"))
from pdf_files import make_pdf  # noqa: E402

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
HEAD = "1. 一种夹具，包括底座、滑块和导轨，所述滑块设置在所述导轨上。\n"


@dataclass
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes the input into a folder, returns the claimcheck arguments
    refused: bool = False  # a clear error (exit 2) is the right outcome


PKG = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CONTENT_TYPES = (
    f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{PKG}/content-types">'
    f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    f'<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{WML}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{WML}.styles+xml"/>'
    f'<Override PartName="/word/numbering.xml" ContentType="{WML}.numbering+xml"/></Types>'
)
PACKAGE_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _package(zf: zipfile.ZipFile, styles: bool, numbering: bool) -> None:
    """The parts every Word document has, so that any reader (python-docx too) opens it."""
    zf.writestr("[Content_Types].xml", CONTENT_TYPES)
    zf.writestr("_rels/.rels", PACKAGE_RELS)
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{OFFICE}/{kind}" Target="{kind}.xml"/>'
        for i, (kind, present) in enumerate((("styles", styles), ("numbering", numbering)), start=1)
        if present
    )
    zf.writestr(
        "word/_rels/document.xml.rels",
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}/relationships">{rels}</Relationships>',
    )


def _docx(body: str, styles: str = "", numbering: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        _package(zf, bool(styles), bool(numbering))
        zf.writestr("word/document.xml", f"<w:document {W_NS}><w:body>{body}</w:body></w:document>")
        if styles:
            zf.writestr("word/styles.xml", f"<w:styles {W_NS}>{styles}</w:styles>")
        if numbering:
            zf.writestr("word/numbering.xml", f"<w:numbering {W_NS}>{numbering}</w:numbering>")
    return buf.getvalue()


def _para(text: str, style: str = "", num: tuple[str, str] | None = None) -> str:
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def _style(sid: str, based_on: str) -> str:
    return f'<w:style w:type="paragraph" w:styleId="{sid}"><w:basedOn w:val="{based_on}"/></w:style>'


CLAIMS_BODY = _para("1. 一种夹具，包括底座和滑块。", "Claim") + _para(
    "2. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。", "Claim"
)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def docx_self_style(d: Path) -> list[str]:
    return ["lint", str(write(d, "self.docx", _docx(CLAIMS_BODY, _style("Claim", "Claim"))))]


def docx_cycle(d: Path) -> list[str]:
    styles = _style("Claim", "Other") + _style("Other", "Claim")
    return ["lint", str(write(d, "cycle.docx", _docx(CLAIMS_BODY, styles)))]


def docx_numbering_cycle(d: Path) -> list[str]:
    styles = (
        '<w:style w:type="paragraph" w:styleId="L"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="L"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = _para("一种夹具，包括底座。", num=("1", "0")) + _para(
        "根据权利要求1所述的夹具，所述底座为钢制。", num=("1", "0")
    )
    return ["lint", str(write(d, "numcycle.docx", _docx(body, styles, numbering)))]


def docx_level_not_number(d: Path) -> list[str]:
    body = _para("一种夹具，包括底座。", num=("1", "x")) + _para(
        "根据权利要求1所述的夹具，所述底座为钢制。", num=("1", "x")
    )
    return ["lint", str(write(d, "level.docx", _docx(body)))]


def docx_empty(count: int) -> Callable[[Path], list[str]]:
    def make(d: Path) -> list[str]:
        return ["lint", str(write(d, f"empty{count}.docx", _docx("<w:p/>" * count + CLAIMS_BODY)))]

    return make


def docx_bomb(d: Path) -> list[str]:
    """A .docx whose headers say document.xml is 2 kB; it inflates to 256 MB."""
    path = d / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        _package(zf, False, False)
        with zf.open("word/document.xml", "w") as fh:
            fh.write(f"<w:document {W_NS}><w:body>".encode())
            chunk = b"<w:p/>" * (1 << 18)
            for _ in range(256 * 1024 * 1024 // len(chunk)):
                fh.write(chunk)
    data = bytearray(path.read_bytes())
    for sig, field in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        i = data.find(sig)
        while i != -1:
            struct.pack_into("<I", data, i + field, 2000)
            i = data.find(sig, i + 4)
    path.write_bytes(bytes(data))
    return ["lint", str(path)]


def xml_huge_num(d: Path) -> list[str]:
    xml = (
        '<?xml version="1.0"?><claims><claim num="1"><claim-text>1. 一种夹具，包括底座。</claim-text></claim>'
        '<claim num="200000000"><claim-text>如前述权利要求中任一项所述的夹具，所述底座为钢制。</claim-text></claim></claims>'
    )
    return ["lint", str(write(d, "num.xml", xml))]


def xml_max_claims_all_preceding(d: Path) -> list[str]:
    xml = (
        '<?xml version="1.0"?><claims><claim num="1"><claim-text>1. 一种夹具，包括底座。</claim-text></claim>'
        '<claim num="10000"><claim-text>如前述权利要求中任一项所述的夹具，所述底座为钢制。</claim-text></claim></claims>'
    )
    return ["lint", str(write(d, "num10000.xml", xml))]


def xml_entity_description(d: Path) -> list[str]:
    body = "".join(f'<p num="{i:05d}">所述底座&amp;滑块{i}。</p>' for i in range(1, 60_001))
    claims = '<claims><claim num="1"><claim-text>1. 一种夹具，包括底座和滑块。</claim-text></claim></claims>'
    xml = f'<?xml version="1.0"?><doc><description>{body}</description>{claims}</doc>'
    return ["lint", str(write(d, "entities.xml", xml))]


def text(name: str, body: str, *extra: str) -> Callable[[Path], list[str]]:
    def make(d: Path) -> list[str]:
        return ["lint", str(write(d, name, body)), *extra]

    return make


def preceding(n: int) -> str:
    return HEAD + "".join(f"{i}. 如前述权利要求中任一项所述的夹具，所述滑块为钢制。\n" for i in range(2, n + 1))


def unsupported(n: int) -> str:
    return HEAD + "".join(f"{i}. 如前述权利要求中任一项所述的夹具，所述部件{i}为钢制。\n" for i in range(2, n + 1))


def identical(n: int) -> str:
    return HEAD + "".join(f"{i}. 根据权利要求1所述的夹具，其特征在于，所述底座为钢制。\n" for i in range(2, n + 1))


def chain(n: int) -> str:
    return HEAD + "".join(
        f"{i}. 根据权利要求{i - 1}所述的夹具，其特征在于，所述滑块为钢制。\n" for i in range(2, n + 1)
    )


def labels_of_four_digits() -> str:
    return HEAD + "".join(f"{i}. 根据权利要求{i - 1}所述的夹具，所述底座为钢制。\n" for i in range(2, 1002))


def big_text(mb: int, command: str = "lint") -> Callable[[Path], list[str]]:
    def make(d: Path) -> list[str]:
        piece = "所述底座为钢制，所述滑块设置在所述导轨上，"
        count = mb * 1024 * 1024 // len(piece.encode())
        path = d / f"big{mb}.txt"
        with path.open("w", encoding="utf-8") as fh:
            fh.write("1. 一种夹具，包括底座、滑块和导轨，")
            for _ in range(count // 10_000):
                fh.write(piece * 10_000)
            fh.write("。\n")
        return [command, str(path), "--max-size", str(mb + 1)]

    return make


def pdf_prior_art(kind: str) -> Callable[[Path], list[str]]:
    def make(d: Path) -> list[str]:
        claims = write(d, "claims.txt", HEAD)
        extra = b"/Deep " + b"[" * 50_000 + b"]" * 50_000 if kind == "deep" else b""
        encrypt = None
        if kind == "encrypted":
            encrypt = (
                b"<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /Length 16 >> >> "
                b"/StmF /StdCF /StrF /StdCF /O <" + b"00" * 32 + b"> /U <" + b"11" * 32 + b"> /P -4 >>",
                b"\x22" * 16,
            )
        pdf = write(d, f"{kind}.pdf", make_pdf(["A clamp with a base"], encrypt, extra))
        return ["match", str(claims), "--against", str(pdf), "--no-reply"]

    return make


def cases(big_mb: int) -> list[Case]:
    digits = "1. 一种夹具，包括底座，所述底座的长度为" + "1234567890" * 2000 + "mm。\n"
    parts = (
        "1. 一种夹具，包括"
        + "、".join(f"部件{i}" for i in range(1, 201))
        + "，"
        + "，".join(f"所述部件{i % 200 + 1}与所述底座连接" for i in range(10_000))
        + "。\n"
    )
    unclear = "1. 一种夹具，包括底座，" + "，".join(["所述底座约为较薄的左右形状等"] * 1500) + "。\n"
    return [
        Case("docx: style based on itself", docx_self_style),
        Case("docx: styles A→B→A", docx_cycle),
        Case("docx: numbering linked back to itself", docx_numbering_cycle),
        Case("docx: numbering level not a number", docx_level_not_number),
        Case("docx: 20,000 empty paragraphs", docx_empty(20_000)),
        Case("docx: 1,600,000 empty paragraphs", docx_empty(1_600_000)),
        Case("docx: headers understate 256 MB", docx_bomb, refused=True),
        Case("xml: num=200000000 with 前述", xml_huge_num, refused=True),
        Case("xml: num=10000 with 前述", xml_max_claims_all_preceding),
        Case("xml: 60,000 paragraphs with entities", xml_entity_description),
        Case("text: 300 claims 如前述…任一项", text("preceding300.txt", preceding(300))),
        Case("text: 200 such claims, one unsupported term each", text("unsupported200.txt", unsupported(200))),
        Case("text: 999 identical claims", text("identical999.txt", identical(999))),
        Case("text: 20,000 digits in one claim", text("digits.txt", digits)),
        Case("text: 10,000 所述部件i in one claim", text("parts.txt", parts)),
        Case("text: 6,000 unclear words in one claim", text("unclear.txt", unclear)),
        Case("text: chain of 332 claims", text("chain332.txt", chain(332))),
        Case("text: chain of 3,000 claims", text("chain3000.txt", chain(3000))),
        Case("text: claims 1 … 1001 (four-digit labels)", text("labels.txt", labels_of_four_digits())),
        Case("text: 13 claims with old Mac line ends", text("mac.txt", chain(13).replace("\n", "\r"))),
        Case(f"text: {big_mb} MB in one claim (parse: read and parse only)", big_text(big_mb, "parse")),
        Case(f"text: {big_mb} MB in one claim", big_text(big_mb)),
        Case("pdf: prior art nested too deeply", pdf_prior_art("deep"), refused=True),
        Case("pdf: prior art encrypted", pdf_prior_art("encrypted"), refused=True),
    ]


def run(args: list[str], limit: float) -> tuple[float, float, int, str]:
    """Wall seconds, peak resident MB, exit code and the first error line of one process."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "claimcheck", *args], stdout=out, stderr=err, env=env, cwd=ROOT)
        deadline = t0 + limit
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.send_signal(signal.SIGKILL)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        lines = []
        for stream in (err, out):
            stream.seek(0)
            lines += stream.read().decode("utf-8", "replace").splitlines()
        first = next((line for line in lines if "error:" in line), "")
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return seconds, peak_mb, proc.returncode, first.split("error:", 1)[-1].strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help="run the inputs whose name contains this")
    ap.add_argument("--big", type=int, default=5, help="size in MB of the large text input")
    ap.add_argument("--limit", type=float, default=120.0, help="seconds before an input is called a hang")
    opts = ap.parse_args()
    floor_s, floor_mb, _, _ = run(["lint", str(FLOOR)], opts.limit)
    print(f"floor: lint {FLOOR.name}: {floor_s:.2f} s, {floor_mb:.0f} MB peak")
    print(f"{'input':50} {'size':>9} {'time':>8} {'×floor':>7} {'peak':>8} {'×floor':>7} {'rc':>4}  outcome")
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases(opts.big):
            if opts.only and opts.only not in case.name:
                continue
            folder = Path(tmp) / str(abs(hash(case.name)))
            folder.mkdir()
            args = case.make(folder)
            size = sum(f.stat().st_size for f in folder.iterdir())
            seconds, peak, rc, first = run(args, opts.limit)
            hang = seconds >= opts.limit
            ok = not hang and ((rc == 2) if case.refused else rc in (0, 1))
            bad += not ok
            outcome = (
                "HANG (killed)" if hang else ("ok" if ok else "UNEXPECTED") + (f": {first[:70]}" if rc == 2 else "")
            )
            shown = f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} kB"
            print(
                f"{case.name:50} {shown:>9} {seconds:7.2f}s {seconds / floor_s:6.1f}× {peak:6.0f}MB "
                f"{peak / floor_mb:6.1f}× {rc:>4}  {outcome}"
            )
            for f in folder.iterdir():
                f.unlink()
    print(f"{bad} input(s) with an unexpected outcome")


if __name__ == "__main__":
    main()
