"""A prior-art collection at scale: index build, search and match --index on a synthetic collection.

python benchmarks/index_scale.py [--docs 100000] [--jobs 2] [--dir DIR] [--keep] [--engines N]

Builds a collection of ``--docs`` documents from the corpus (tests/corpus: the CN descriptions and claims, the EN
claims) with the wording varied so that no two documents are the same: paragraphs of one publication drawn and
reordered, a paragraph of another mixed in, part names swapped, values changed, an application number on the
head line, and every 25th document a later publication (B) of the one before it, with an amended paragraph (a
family). Then, for a floor collection of a tenth of the size and for the whole one, in the same run:

* ``claimcheck index build`` wall time, documents per second, index size, peak memory of the build;
* ``search`` latency (median and worst over word queries and claim-set queries; target < 1 s);
* ``match`` of a 20-claim set against the collection (retrieve 20 candidates, align every feature; target < 5 s);
* peak memory of a process that opens the index, searches and matches (flat in the collection size: the ratio
  whole / floor is printed).

With ``--engines N`` (default 20000, 0 to skip) the same token streams of N documents go into SQLite FTS5 and
into tantivy (``pip install tantivy``), and their build time, size and query latency are printed side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"

PARTS = ["支架", "壳体", "电机", "齿轮", "弹簧", "底座", "滑块", "导轨", "叶片", "阀门", "连杆", "转轴", "轴承", "箱体"]
PARTS += ["挡板", "卡扣", "螺杆", "丝杠", "皮带", "链轮", "风扇", "散热片", "传感器", "控制器", "气缸", "活塞", "喷嘴"]
WORDS_QUERIES = [
    "分布式光伏板 安装支架 翻转",
    "配电网故障定点仪 减震弹簧",
    "茶叶萎凋 鼓风机 网板",
    "钻井 井架 被驱动装置 侧传动",
    "巴旦姆 破壳 滚筒",
    "继电保护 整定计算",
    "container closure magnet screw thread",
    "electromechanical force converter pressure",
]


def paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 20]


def sources() -> list[tuple[str, list[str]]]:
    """(language, paragraphs) of every corpus document usable as a base."""
    out = []
    for f in sorted((CORPUS / "cn").glob("*.txt")):
        out.append(("zh", paragraphs(f)))
    for f in sorted((CORPUS / "en").glob("*.txt")):
        out.append(("en", paragraphs(f)))
    return [(lang, ps) for lang, ps in out if len(ps) >= 2]


def vary(text: str, rng: random.Random) -> str:
    """Swap a part name for another and change the values, as another drafter of a similar device would."""
    a, b = rng.sample(PARTS, 2)
    text = text.replace(a, b)
    return re.sub(r"\d+(?:\.\d+)?", lambda m: str(round(float(m.group(0)) * rng.uniform(0.5, 2.0), 1)), text)


def make_collection(folder: Path, n: int, seed: int = 15) -> None:
    """``n`` synthetic documents in folders of 1,000."""
    rng = random.Random(seed)
    bases = sources()
    previous = ""
    for i in range(n):
        sub = folder / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        if i % 25 == 24 and previous:
            lines = previous.split("\n")
            k = rng.randrange(2, len(lines)) if len(lines) > 2 else 1
            lines[k] = vary(lines[k], rng)
            text = "\n".join(lines)
            name = f"CN{300000000 + i - 1:09d}B.txt"
        else:
            lang, ps = bases[rng.randrange(len(bases))]
            chosen = rng.sample(ps, min(len(ps), rng.randint(4, 10)))
            other = [p for p in bases[rng.randrange(len(bases))][1] if p][:1]
            body = [vary(p, rng) for p in chosen + other]
            head = f"申请号：CN20{i % 90 + 10:02d}1{i:07d}.X" if lang == "zh" else f"Application No.: EP{i:08d}.5"
            text = "\n".join([head, *body])
            name = f"CN{300000000 + i:09d}A.txt"
        (sub / name).write_text(text + "\n", encoding="utf-8")
        previous = text


def claim_set_20() -> Path:
    """A 20-claim set (the first 20 claims of CN101223695A) in a temporary file."""
    claims = paragraphs(CORPUS / "cn" / "CN101223695A.txt")[:20]
    f = Path(tempfile.mkstemp(suffix=".txt")[1])
    f.write_text("\n".join(claims) + "\n", encoding="utf-8")
    return f


def probe(index: str, claims: str) -> None:
    """(run in a fresh process) search and match against one index; print the figures as JSON."""
    from claimcheck.index import open_store, prior_art, search
    from claimcheck.match import build_chart
    from claimcheck.parse import parse_text

    queries = [*WORDS_QUERIES, Path(claims).read_text(encoding="utf-8")]
    queries += [p for p in paragraphs(CORPUS / "cn" / "CN117439507A.txt")[:1]]
    times = []
    t0 = time.perf_counter()
    with open_store(index, readonly=True) as store:
        first = None
        for q in queries:
            t = time.perf_counter()
            hits = search(store, q, top=10)
            times.append(time.perf_counter() - t)
            first = first if first is not None else time.perf_counter() - t0
            assert hits, q
    cs = parse_text(Path(claims).read_text(encoding="utf-8"))
    t = time.perf_counter()
    docs = prior_art(cs, [], index, top=20)
    retrieved = time.perf_counter() - t
    chart = build_chart(cs, docs)
    matched = time.perf_counter() - t
    out = {
        "first_search_s": first,
        "search_median_s": statistics.median(times),
        "search_max_s": max(times),
        "match_retrieve_s": retrieved,
        "match_total_s": matched,
        "claims": len(cs),
        "features": len(chart.features),
        "documents": len(docs),
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(out))


def children_maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def build(folder: Path, index: Path, jobs: int) -> dict[str, float]:
    t = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "claimcheck", "index", "build", str(folder), "--index", str(index), "-j", str(jobs)],
        capture_output=True,
        text=True,
        check=False,
    )
    dt = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"index build failed: {r.stderr}")
    print("   ", r.stderr.strip().splitlines()[-1])
    return {"seconds": dt, "size_mib": index.stat().st_size / 1_048_576, "maxrss_mib": children_maxrss_mib()}


def run_probe(index: Path, claims: Path) -> dict[str, float]:
    r = subprocess.run(
        [sys.executable, __file__, "--probe", str(index), str(claims)], capture_output=True, text=True, check=False
    )
    if r.returncode != 0:
        sys.exit(f"probe failed: {r.stderr}")
    result: dict[str, float] = json.loads(r.stdout.strip().splitlines()[-1])
    return result


def engines(folder: Path, n: int, workdir: Path) -> None:
    """SQLite FTS5 and tantivy on the same pre-segmented tokens of ``n`` documents."""
    import sqlite3

    from claimcheck.index.collect import iter_files
    from claimcheck.index.tokens import index_tokens

    docs = []
    for i, f in enumerate(iter_files([folder])):
        if i >= n:
            break
        docs.append(" ".join(index_tokens(f.read_text(encoding="utf-8"))))
    rng = random.Random(7)
    queries = []
    for _ in range(30):
        words = docs[rng.randrange(len(docs))].split()
        queries.append(list(dict.fromkeys(rng.sample(words, min(len(words), 30)))))
    print(f"engines on the same tokens of {len(docs):,} documents (30 OR-queries of up to 30 tokens, top 40):")

    db = workdir / "fts5.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(tokens, content='', tokenize=\"unicode61 tokenchars '.'\")")
    t = time.perf_counter()
    conn.executemany("INSERT INTO f (rowid, tokens) VALUES (?, ?)", enumerate(docs, start=1))
    conn.commit()
    sq_build = time.perf_counter() - t
    conn.close()
    conn = sqlite3.connect(db)
    lat = []
    for q in queries:
        t = time.perf_counter()
        conn.execute(
            "SELECT rowid FROM f WHERE f MATCH ? ORDER BY rank LIMIT 40", (" OR ".join(f'"{w}"' for w in q),)
        ).fetchall()
        lat.append(time.perf_counter() - t)
    print(
        f"  SQLite FTS5   build {sq_build:6.1f} s  size {db.stat().st_size / 1_048_576:7.1f} MiB"
        f"  query median {statistics.median(lat) * 1000:6.1f} ms  worst {max(lat) * 1000:6.1f} ms"
    )
    try:
        import tantivy
    except ImportError:
        print("  tantivy       not installed (pip install tantivy)")
        return
    tdir = workdir / "tantivy"
    tdir.mkdir()
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("id", stored=True, indexed=False, fast=False)
    sb.add_text_field("tokens", stored=False, tokenizer_name="ws", index_option="freq")
    schema = sb.build()
    index = tantivy.Index(schema, path=str(tdir))
    index.register_tokenizer("ws", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
    t = time.perf_counter()
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for i, d in enumerate(docs, start=1):
        writer.add_document(tantivy.Document(id=i, tokens=d))
    writer.commit()
    writer.wait_merging_threads()
    tv_build = time.perf_counter() - t
    index.reload()
    searcher = index.searcher()
    lat = []
    for q in queries:
        t = time.perf_counter()
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "tokens", w)) for w in q]
        )
        hits = searcher.search(query, 40).hits
        [searcher.doc(a)["id"] for _, a in hits]
        lat.append(time.perf_counter() - t)
    size = sum(p.stat().st_size for p in tdir.rglob("*") if p.is_file())
    print(
        f"  tantivy       build {tv_build:6.1f} s  size {size / 1_048_576:7.1f} MiB"
        f"  query median {statistics.median(lat) * 1000:6.1f} ms  worst {max(lat) * 1000:6.1f} ms"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--dir", type=Path, default=None, help="where to write the collection (default: a temp folder)")
    ap.add_argument("--keep", action="store_true", help="keep the collection and the indexes")
    ap.add_argument("--engines", type=int, default=20_000, help="documents for the FTS5 / tantivy comparison")
    ap.add_argument("--probe", nargs=2, metavar=("INDEX", "CLAIMS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.probe:
        probe(*args.probe)
        return
    work = args.dir or Path(tempfile.mkdtemp(prefix="claimcheck-scale-"))
    claims = claim_set_20()
    floor_n = max(1000, args.docs // 10)
    rows = []
    try:
        for n in (floor_n, args.docs):
            folder = work / f"collection-{n}"
            t = time.perf_counter()
            if not folder.is_dir():
                make_collection(folder, n)
            gen = time.perf_counter() - t
            print(f"{n:,} documents ({gen:.0f} s to generate, {du(folder):.0f} MiB of text):")
            index = work / f"index-{n}.db"
            b = build(folder, index, args.jobs)
            p = run_probe(index, claims)
            rows.append((n, b, p))
            print(
                f"    build {b['seconds']:.1f} s ({n / b['seconds']:,.0f} docs/s, jobs {args.jobs}), "
                f"index {b['size_mib']:.1f} MiB ({b['size_mib'] * 1024 * 1024 / n / 1024:.1f} KiB/doc)"
            )
            print(
                f"    search: first {p['first_search_s'] * 1000:.0f} ms, median {p['search_median_s'] * 1000:.0f} ms, "
                f"worst {p['search_max_s'] * 1000:.0f} ms (target < 1000 ms)"
            )
            print(
                f"    match of a {p['claims']:.0f}-claim set ({p['features']:.0f} features) against the collection: "
                f"{p['match_total_s']:.2f} s, of which retrieval {p['match_retrieve_s']:.2f} s (target < 5 s)"
            )
            print(f"    peak memory: search + match {p['maxrss_mib']:.0f} MiB")
        (n0, b0, p0), (n1, b1, p1) = rows
        print(f"whole / floor ({n1:,} / {n0:,} documents, x{n1 / n0:.0f}):")
        print(f"    build time x{b1['seconds'] / b0['seconds']:.1f}, index size x{b1['size_mib'] / b0['size_mib']:.1f}")
        print(
            f"    search median x{p1['search_median_s'] / p0['search_median_s']:.2f}, "
            f"match x{p1['match_total_s'] / p0['match_total_s']:.2f}, "
            f"peak memory of search + match x{p1['maxrss_mib'] / p0['maxrss_mib']:.2f}"
        )
        if args.engines:
            engines(work / f"collection-{args.docs}", args.engines, Path(tempfile.mkdtemp(dir=work)))
    finally:
        claims.unlink()
        if not args.keep and args.dir is None:
            shutil.rmtree(work, ignore_errors=True)


def du(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1_048_576


if __name__ == "__main__":
    main()
