"""The PostgreSQL index backend, on a throwaway cluster (skipped, visibly, without PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pgserver import PgServer, free_port, libpq_url, pg_server, pg_url  # noqa: F401  (pytest fixtures)
from test_index import make_collection

from claimcheck.errors import InputError
from claimcheck.index import build_index, configured_location, open_store, search, update_index

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed: pip install '.[test]'")


def test_the_throwaway_cluster_answers(pg_url: str, pg_server: PgServer) -> None:  # noqa: F811
    with psycopg.connect(libpq_url(pg_url)) as conn:
        assert conn.execute("SELECT current_setting('server_encoding')").fetchone() == ("UTF8",)
    other = pg_server.create_database()
    assert other != pg_url
    with psycopg.connect(libpq_url(other)) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    pg_server.drop_database(other.rsplit("/", 1)[1])


def test_the_same_collection_in_postgresql_gives_the_same_documents(
    pg_server: PgServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    col = make_collection(tmp_path)
    url = pg_server.create_database()
    stats = build_index([col], url, jobs=1)
    lite = tmp_path / "i.db"
    build_index([col], str(lite), jobs=1)
    with open_store(url) as pg, open_store(str(lite), readonly=True) as sq:
        assert (
            pg.counts()
            == sq.counts()
            == {"documents": stats.documents, "files": stats.files - 1, "families": stats.families}
        )
        for query, expected in [
            ("分布式光伏板 安装支架 板面支架 翻转", "CN117439507A"),
            ("散热翅片厚度3.5mm", "散热器交底"),
            ("container closure with a screw thread and magnets", "EP3383757B1"),
        ]:
            a, b = search(pg, query, top=3), search(sq, query, top=3)
            assert expected in a[0].number and a[0].number == b[0].number
            assert a[0].passages and a[0].doc is not None
            assert all(a[0].doc.text[p.start : p.end] == p.text for p in a[0].passages)
        top = search(pg, "配电网故障定点仪 减震弹簧 散热风扇", top=1)[0]
        assert any(p.endswith("故障定点仪说明书.txt") for p in [top.path, *(p for _, p in top.family)])


def test_postgresql_update_and_the_configured_url(pg_server: PgServer, tmp_path: Path) -> None:  # noqa: F811
    col = make_collection(tmp_path)
    url = pg_server.create_database()
    build_index([col / "cn"], url, jobs=1)
    (col / "cn" / "CN86105254A.txt").unlink()
    (col / "cn" / "new.txt").write_text("一种茶叶揉捻机，包括揉桶和揉盘，揉盘表面设有钛合金棱骨。\n", encoding="utf-8")
    stats = update_index([col / "cn"], url, jobs=1)
    assert (stats.added, stats.removed) == (1, 1)
    (tmp_path / "claimcheck.toml").write_text(f'index = "{url}"\n', encoding="utf-8")
    assert configured_location(tmp_path) == url
    with open_store(url) as store:
        assert search(store, "钛合金棱骨 揉盘", top=1)[0].path.endswith("new.txt")
    with pytest.raises(InputError, match="no claimcheck index"):
        open_store(pg_server.create_database())
    with pytest.raises(InputError, match="cannot connect"):
        open_store(f"postgresql://nobody@127.0.0.1:{free_port()}/none")
