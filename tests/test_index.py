"""The prior-art index: build, update, search, duplicates and families folded, match --index, the commands."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CORPUS

from claimcheck.errors import InputError
from claimcheck.index import build_index, open_store, prior_art, search, update_index
from claimcheck.index.collect import iter_files, norm_number, publication_from_name
from claimcheck.index.search import make_query
from claimcheck.index.tokens import index_tokens
from claimcheck.parse import parse_text
from claimcheck.readers import read_file_bytes

CN = ["CN117439507A", "CN119696475A", "CN218546910U", "CN101243817A", "CN86105254A", "CN201094265Y"]
EN = ["EP3383757B1", "US4254395A", "EP2716170B2"]

# a granted version of CN119696475A: claim 1 amended (a later publication of the same application)
GRANTED = """1.一种分布式光伏电站，其特征在于，包括平行设置的两个底杆，两所述底杆上方均间隔对应设置多个立杆，两对应立杆之间可转动设置安装板，所述安装板顶面设置光伏板，底面设置直角连杆，所述直角连杆通过推杆驱动转动，所述推杆由太阳位置传感器控制。
2.根据权利要求1所述的分布式光伏电站，其特征在于，所述安装板周侧设置多个固定件，用于固定所述光伏板。
"""
# written as a translator would render a utility-model description, with values to find
HEATSINK = [
    "一种用于逆变器的散热器",
    "本实用新型涉及散热技术领域，具体涉及一种用于光伏逆变器的铝制散热器。",
    "散热器包括基板和多片散热翅片，散热翅片的厚度为3.5mm，相邻散热翅片之间的间距为8mm。",
    "基板的底面贴合逆变器的功率模块，导热硅脂的厚度不超过0.2mm。",
]


def _pdf(pages: list[str]) -> bytes:
    """A small PDF with a text layer: one line of ASCII text per page."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font = 3 + 2 * len(pages)
    for i, text in enumerate(pages):
        stream = f"BT /F1 12 Tf 50 700 Td ({text}) Tj ET".encode()
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out, offsets = b"%PDF-1.4\n", []
    for n, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


def make_collection(root: Path) -> Path:
    """A small firm collection: CN claims and descriptions, EN claims, an EPO XML, a .docx, a PDF,
    a re-typeset duplicate, a granted family member and an unreadable file."""
    col = root / "collection"
    (col / "cn").mkdir(parents=True)
    (col / "en").mkdir()
    (col / "xml").mkdir()
    (col / "misc" / "copies").mkdir(parents=True)
    for n in CN:
        shutil.copy(CORPUS / "cn" / f"{n}.txt", col / "cn")
        shutil.copy(CORPUS / "cn" / f"{n}.desc.txt", col / "cn")
    for n in EN:
        shutil.copy(CORPUS / "en" / f"{n}.txt", col / "en")
    shutil.copy(CORPUS / "xml" / "EP2716170B2.xml", col / "xml")
    # the same description saved again with other line breaks: one wording, folded
    text = (CORPUS / "cn" / "CN218546910U.desc.txt").read_text(encoding="utf-8")
    (col / "misc" / "copies" / "故障定点仪说明书.txt").write_text(text.replace("\n\n", "\n"), encoding="utf-8")
    (col / "misc" / "CN119696475B.txt").write_text(GRANTED, encoding="utf-8")
    import docx

    d = docx.Document()
    for para in HEATSINK:
        d.add_paragraph(para)
    d.save(str(col / "misc" / "散热器交底.docx"))
    (col / "misc" / "hinge.pdf").write_bytes(
        _pdf(["A vehicle display comprises a screen.", "The screen is mounted on a bracket with a friction hinge."])
    )
    (col / "misc" / "empty.txt").write_bytes(b"")
    (col / ".git").mkdir()
    (col / ".git" / "HEAD.txt").write_text("ignored", encoding="utf-8")
    return col


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("index")
    col = make_collection(root)
    index = root / "prior-art.db"
    stats = build_index([col], str(index), jobs=1)
    assert stats.errors and "empty" in stats.errors[0]
    return col, index


def test_tokens_keep_chinese_words_english_words_and_numbers() -> None:
    toks = index_tokens("所述散热翅片的厚度为3.5mm，采用PLC控制器和马达")
    assert {"散热", "厚度", "3.5", "mm", "plc", "控制器"} <= set(toks) or {"散热翅片"} <= set(toks)
    assert "3.5" in toks and "所述" not in toks and "的" not in toks
    assert "电机" in toks  # 马达 folds to its synonym group
    assert index_tokens("The screws are fastened, wherein said springs (12) press") == [
        "screw",
        "fastened",
        "spring",
        "12",
        "press",
    ]


def test_numbers_and_publications() -> None:
    assert norm_number("201810358967.X") == "201810358967"
    assert norm_number("18877305.5") == "18877305"
    assert publication_from_name("CN101223695A.desc") == ("CN101223695", "A")
    assert publication_from_name("EP 2716170 B2") == ("EP2716170", "B2")
    assert publication_from_name("散热器交底") is None


def test_folders_are_listed_lazily_in_order_hidden_ones_skipped(tmp_path: Path) -> None:
    col = make_collection(tmp_path)
    files = list(iter_files([col]))
    assert files == sorted(files)
    assert not any(".git" in f.parts for f in files)
    assert {f.suffix for f in files} == {".txt", ".xml", ".docx", ".pdf"}


def test_the_bibliographic_data_of_an_xml_document_is_read_within_the_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck.index import collect

    xml = tmp_path / "CN101223695A.xml"
    xml.write_text(
        "<doc><B540>散热器</B540><description><p>一种散热装置，包括底板和风扇。</p></description></doc>",
        encoding="utf-8",
    )
    limits: list[int | None] = []

    def bounded(path: Path, max_bytes: int | None = None) -> bytes:
        limits.append(max_bytes)
        return read_file_bytes(path, max_bytes)

    monkeypatch.setattr(collect, "read_file_bytes", bounded)
    assert collect.read_record(xml, 4096).number.startswith("CN101223695")
    assert limits == [4096]
    with pytest.raises(InputError, match="limit"):
        collect.read_record(xml, 50)


def test_build_counts_documents_duplicates_and_families(built: tuple[Path, Path]) -> None:
    col, index = built
    with open_store(str(index), readonly=True) as store:
        counts = store.counts()
    files = len(list(iter_files([col])))
    assert counts["files"] == files - 1  # the empty file is not indexed
    assert counts["documents"] == files - 2  # the re-typeset copy is folded into its original
    # claims + description of each CN publication are one family, and so are the A and B publications of
    # CN119696475 and the text and XML of EP2716170B2; the docx and the PDF stand alone
    assert counts["families"] == len(CN) + len(EN) + 2


def test_search_finds_the_document_and_quotes_verbatim_passages(built: tuple[Path, Path]) -> None:
    _, index = built
    with open_store(str(index), readonly=True) as store:
        hits = search(store, "分布式光伏板 安装支架 板面支架 翻转", top=3)
    assert hits[0].number == "CN117439507A"
    assert hits[0].passages and hits[0].doc is not None
    for p in hits[0].passages:
        assert hits[0].doc.text[p.start : p.end] == p.text
        assert p.location.startswith("¶")
    assert [h.rank for h in hits] == [1, 2, 3]


def test_one_hit_per_family_with_the_other_members_named(built: tuple[Path, Path]) -> None:
    _, index = built
    with open_store(str(index), readonly=True) as store:
        hits = search(store, "分布式光伏电站 底杆 立杆 安装板 直角连杆 推杆", top=10)
        families = [h.doc.family for h in hits if h.doc is not None]
    assert len(families) == len(set(families))
    top = hits[0]
    assert top.number.startswith("CN119696475")
    assert {n for n, _ in top.family} >= {"CN119696475A", "CN119696475B"} - {top.number}
    assert len(top.family) == 2  # the other two files of the family


def test_duplicates_are_folded_and_listed(built: tuple[Path, Path]) -> None:
    _, index = built
    with open_store(str(index), readonly=True) as store:
        hits = search(store, "配电网故障定点仪 减震弹簧 散热风扇", top=5)
    top = hits[0]
    assert top.number == "CN218546910U"
    paths = [top.path, *(p for _, p in top.family)]
    assert any(p.endswith("故障定点仪说明书.txt") for p in paths)
    assert sum(h.number == "CN218546910U" for h in hits) == 1


def test_values_english_docx_and_pdf_are_found(built: tuple[Path, Path]) -> None:
    _, index = built
    with open_store(str(index), readonly=True) as store:
        heat = search(store, "散热翅片厚度3.5mm", top=1)[0]
        assert heat.path.endswith("散热器交底.docx")
        assert any("3.5mm" in p.text for p in heat.passages)
        pdf = search(store, "display screen on a bracket with a friction hinge", top=1)[0]
        assert pdf.path.endswith("hinge.pdf") and pdf.passages[0].location.endswith("p.2")
        closure = search(store, "container closure with a screw thread and magnets", top=1)[0]
        assert closure.number == "EP3383757B1"


def test_query_keeps_the_rarest_tokens_and_ignores_unknown_ones(built: tuple[Path, Path]) -> None:
    _, index = built
    with open_store(str(index), readonly=True) as store:
        q = make_query(store, "光伏板 钛合金蜂窝 翻转")
        df = store.doc_freq(list(q.tokens))
    assert {"光伏", "翻转"} <= set(q.tokens) and "钛合金" not in q.idf
    assert list(q.tokens) == sorted(q.tokens, key=lambda t: (df[t], t))


def test_update_reads_only_what_changed(built: tuple[Path, Path], tmp_path: Path) -> None:
    col, _ = built
    mine = tmp_path / "col"
    shutil.copytree(col, mine)
    idx = tmp_path / "i.db"
    build_index([mine], str(idx), jobs=1)
    changed = mine / "cn" / "CN101243817A.desc.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n萎凋槽底部铺设钛合金蜂窝夹层网板。\n", encoding="utf-8")
    (mine / "cn" / "CN86105254A.desc.txt").unlink()
    (mine / "cn" / "CN86105254A.txt").unlink()
    (mine / "misc" / "new.txt").write_text(
        "一种茶叶揉捻机，包括揉桶和揉盘，揉盘表面设有钛合金棱骨。\n", encoding="utf-8"
    )
    stats = update_index([mine], str(idx), jobs=1)
    assert (stats.added, stats.removed) == (2, 2)
    assert stats.unchanged == len(list(iter_files([mine]))) - 3  # the changed, the new and the empty file
    with open_store(str(idx), readonly=True) as store:
        hits = search(store, "钛合金蜂窝夹层", top=3)
        assert hits[0].path == str(changed)
        assert not any(h.number == "CN86105254A" for h in search(store, "侧传动钻井 井架 被驱动装置", top=20))
    again = update_index([mine], str(idx), jobs=1)
    assert (again.added, again.removed, again.files) == (0, 0, 1)  # only the unreadable file is read again


def test_build_on_two_processes_gives_the_same_index(built: tuple[Path, Path], tmp_path: Path) -> None:
    col, index = built
    idx = tmp_path / "two.db"
    build_index([col], str(idx), jobs=2)
    query = "散热器 散热翅片 基板 功率模块"
    with open_store(str(index), readonly=True) as one, open_store(str(idx), readonly=True) as two:
        assert one.counts() == two.counts()
        a = [(h.number, h.score, [p.text for p in h.passages]) for h in search(one, query)]
        b = [(h.number, h.score, [p.text for p in h.passages]) for h in search(two, query)]
    assert a == b


def test_rebuild_replaces_the_index(built: tuple[Path, Path], tmp_path: Path) -> None:
    col, _ = built
    idx = tmp_path / "r.db"
    build_index([col / "en"], str(idx), jobs=1)
    build_index([col / "xml"], str(idx), jobs=1)
    with open_store(str(idx), readonly=True) as store:
        assert store.counts()["documents"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["r.db"]  # no temporary file left behind


def test_bad_locations_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such index"):
        open_store(str(tmp_path / "missing.db"))
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(InputError, match="not a claimcheck index"):
        open_store(str(junk))
    with pytest.raises(InputError, match="unknown index URL"):
        open_store("mysql://host/db")
    with pytest.raises(InputError, match="no such file or folder"):
        build_index([tmp_path / "nowhere"], str(tmp_path / "x.db"))


def test_prior_art_takes_folders_and_index_candidates(built: tuple[Path, Path]) -> None:
    col, index = built
    cs = parse_text((CORPUS / "cn" / "CN101243817A.txt").read_text(encoding="utf-8"))
    docs = prior_art(cs, [col / "en"], str(index), top=4)
    labels = [d.label for d in docs]
    assert labels == [f"D{i}" for i in range(1, len(docs) + 1)]
    assert len(docs) == 3 + 4
    assert any(Path(d.path).name.startswith("CN101243817A") for d in docs[3:])
    for d in docs[3:]:
        assert all(d.text[p.span.start : p.span.end] == p.text for p in d.passages)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200", "CLAIMCHECK_INDEX": ""}
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


def test_commands_build_search_and_match(built: tuple[Path, Path], tmp_path: Path) -> None:
    col, _ = built
    (tmp_path / "claimcheck.toml").write_text('index = "firm.db"\n', encoding="utf-8")
    r = run("index", "build", str(col / "cn"), str(col / "misc"), "--jobs", "1", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "indexed" in r.stderr and (tmp_path / "firm.db").is_file()  # the configured index
    r = run("search", "firm.db", "散热翅片 基板 逆变器", "--top", "2", "-f", "json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    hits = json.loads(r.stdout)["hits"]
    assert hits[0]["path"].endswith("散热器交底.docx") and hits[0]["passages"]
    claims = tmp_path / "claims.txt"
    claims.write_text("1.一种茶叶萎凋处理设备，包括萎凋槽和鼓风机，所述萎凋槽底部设有网板。\n", encoding="utf-8")
    r = run("match", str(claims), "--index", "firm.db", "--top", "3", "-f", "json", "--no-reply", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    chart = json.loads(r.stdout)
    matched = {m["document"] for f in chart["features"] for m in f["matches"] if m["verdict"] == "disclosed"}
    assert matched  # the tea withering plant CN101243817A is among the candidates and discloses features


def test_command_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcheck.cli import main

    claims = tmp_path / "claims.txt"
    claims.write_text("1.一种茶叶萎凋处理设备，包括萎凋槽。\n", encoding="utf-8")
    for args, expected in [
        (["search", str(tmp_path / "missing.db"), "x"], "no such index"),
        (["match", str(claims)], "--index"),
        (["index", "build", str(tmp_path / "nowhere"), "--index", str(tmp_path / "i.db")], "no such file or folder"),
    ]:
        monkeypatch.setattr(sys, "argv", ["claimcheck", *args])
        with pytest.raises(SystemExit) as exit_:
            main()
        err = capsys.readouterr().err
        assert exit_.value.code == 2 and err.count("\n") == 1 and expected in err, err


def test_a_folder_given_to_match_leaves_translations_to_their_originals(tmp_path: Path) -> None:
    (tmp_path / "D1.txt").write_text("A bracket carries a display screen on a hinge.\n", encoding="utf-8")
    (tmp_path / "D1.zh.txt").write_text("支架通过铰链承载显示屏。\n", encoding="utf-8")
    (tmp_path / "notes.zh.txt").write_text("一种支架，包括铰链。\n", encoding="utf-8")  # no original beside it
    cs = parse_text("1. 一种显示装置，包括支架和显示屏。\n")
    docs = prior_art(cs, [tmp_path])
    assert [Path(d.path).name for d in docs] == ["D1.txt", "notes.zh.txt"]
    assert [Path(d.path).name for d in prior_art(cs, [tmp_path / "D1.zh.txt"])] == ["D1.zh.txt"]
