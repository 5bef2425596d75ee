"""Screenshots of the review panel's main pages, for a reviewer to look at.

python benchmarks/panel_screenshots.py [OUT_DIR]      (default: claimcheck-panel-screenshots in the temp folder)

Starts the web application on a temporary SQLite file, fills a round with the keyed disclosures of
tests/disclosures (and one prior-art document), two members' ratings and a chair's decision, then saves PNG
screenshots taken in Debian's Chromium (headless, through chromedriver): the login page, the rounds, the ranked
overview, an assessment with its highlighted evidence, an assessment with a risk, and the audit log.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _timing import ROOT

sys.path.insert(0, str(ROOT / "tests"))

from test_web_browser import browser_missing, chromium, panel_app, running, sign_in, sign_out

FOLDER = ROOT / "tests" / "disclosures"


def seed(app: object) -> tuple[int, dict[str, int]]:
    """A round with every keyed disclosure, a prior-art document, ratings and a decision."""
    from sqlalchemy import select

    from claimcheck.web import db, service
    from claimcheck.web.auth import User

    engine = app.extensions["claimcheck"]["engine"]  # type: ignore[attr-defined]
    with engine.begin() as conn:
        users = {r.username: User(r.id, r.username, r.display_name, r.role) for r in conn.execute(select(db.users))}
        rid = service.create_round(conn, users["chair"], "2025年第三次预审", [u.id for u in users.values()])
        files = [(p.name, p.read_bytes()) for p in sorted(FOLDER.glob("*.*")) if p.suffix in (".md", ".txt")]
        service.upload(conn, users["chair"], rid, [f for f in files if f[0] != "key.toml"], "disclosure", 10 << 20)
        prior = FOLDER / "prior" / "CN-demo-robot-guide.txt"
        service.upload(conn, users["chair"], rid, [(prior.name, prior.read_bytes())], "prior-art", 10 << 20)
        ids = {r.filename: r.id for r in conn.execute(select(db.documents.c.id, db.documents.c.filename))}
        for name, (md, cr, gp) in {"li": (5, 2, 4), "wang": (4, 3, 4)}.items():
            service.rate(
                conn,
                users[name],
                ids["mech-excellent.md"],
                {"market_demand": md, "commercial_risk": cr, "grant_prospect": gp},
                "运维市场需求大",
            )
        service.rate(
            conn,
            users["li"],
            ids["chem-mediocre.txt"],
            {"market_demand": 3, "commercial_risk": 3, "grant_prospect": 2},
            "需补充对比实验",
        )
        service.decide(conn, users["chair"], ids["mech-excellent.md"], "file", "发明+实用新型同日申请", False, "")
        service.decide(
            conn, users["chair"], ids["chem-mediocre.txt"], "improve", "发明", False, "补充对比例和盐雾试验条件"
        )
    return rid, ids


def main() -> None:
    default = Path(tempfile.gettempdir()) / "claimcheck-panel-screenshots"
    out = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else default
    reason = browser_missing()
    if reason:
        sys.exit(f"panel_screenshots: {reason}")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        app = panel_app(f"sqlite:///{Path(tmp) / 'panel.sqlite3'}")
        rid, ids = seed(app)
        with running(app) as base, chromium(Path(tmp), 1400, 1500) as driver:
            driver.get(f"{base}/login")
            driver.save_screenshot(str(out / "1-login.png"))
            sign_in(driver, base, "chair")
            driver.save_screenshot(str(out / "2-rounds.png"))
            pages = {
                "3-overview.png": f"/rounds/{rid}",
                "4-assessment.png": f"/documents/{ids['mech-excellent.md']}",
                "5-risk.png": f"/documents/{ids['risk-prior-use.txt']}",
                "6-audit.png": "/audit",
            }
            for name, path in pages.items():
                driver.get(base + path)
                driver.save_screenshot(str(out / name))
            sign_out(driver)
    for p in sorted(out.glob("*.png")):
        print(p)


if __name__ == "__main__":
    main()
