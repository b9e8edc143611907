#!/usr/bin/env python3
"""Fills an ArchiveOps operations database (created by `archive-ops init`) with synthetic report data:
daily inspection runs with findings that open and close over time, tickets with the SLA facts the ticket
importer stores, the bureau's query aggregates (2020-2023-H1, 1,542,832 in total) and daily query figures
from the detailed log. Every value is synthetic (seeded random): no real person, ID or phone number.

  site-fixture.py DB --days 1100 --tickets 5000          fill an empty database
  site-fixture.py DB --add-run                           append one inspection run after the latest
"""
import argparse, datetime as dt, random, sqlite3

CODES = [
    ("sync", "sync.missing", "critical"), ("sync", "sync.corrupt", "critical"), ("sync", "sync.misplaced", "warning"),
    ("efile", "efile.failed", "critical"), ("efile", "efile.backlog", "warning"), ("seal", "seal.backlog", "warning"),
    ("seal", "seal.invalid", "critical"), ("anomaly", "anomaly.stale_lock", "warning"),
    ("anomaly", "anomaly.page_sequence", "warning"), ("anomaly", "anomaly.invalid_uscc", "warning"),
    ("notfound", "notfound.former_name", "info"), ("notfound", "notfound.name_variant", "info"),
    ("notfound", "notfound.not_synced", "warning"), ("notfound", "notfound.unknown", "info"),
    ("disk", "disk.usage", "warning"),
]
SITES = ["dc", "branch-humen", "branch-changan", "cloud"]
CATS = ["sync", "seal", "efile", "disk", "notfound", "anomaly", "kiosk", "install", "training", "hardware", "other"]
UNITS = ["市局登记注册科", "虎门分局", "长安分局", "南城分局", "松山湖分局"]
ENGINEERS = ["张工", "李工", "王工", "陈工"]
TZ = dt.timezone(dt.timedelta(hours=8))


def iso(t): return t.strftime("%Y-%m-%dT%H:%M:%S+08:00")


def synthetic_id(rng):
    return f"4419{rng.randint(10, 99)}19{rng.randint(60, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}{rng.choice('0123456789X')}"


def uscc_of(volume):
    """The owner of a synthetic volume: a synthetic code derived from its number (no random draw, so the
    rest of the data stays as it was), so findings name enterprises and the site has enterprise pages."""
    return f"91441900MA{volume[1:]}X2" if volume else None


def synthetic_mobile(rng): return f"13{rng.randint(8, 9)}{rng.randint(10000000, 99999999)}"


def add_run(db, rng, day, open_problems, with_queries=True):
    start = dt.datetime(day.year, day.month, day.day, 7, 30, tzinfo=TZ)
    run_id = start.strftime("%Y%m%dT%H%M%S") + "-inspector"
    # Some problems get fixed, some appear.
    open_problems[:] = [p for p in open_problems if rng.random() > 0.25]
    for _ in range(rng.randint(0, 4)):
        check, code, sev = rng.choice(CODES)
        vol = f"V{rng.randint(1, 99999):06d}"
        p = dict(check=check, code=code, severity=sev, site=None if check == "disk" else rng.choice(SITES),
                 volume=vol if check in ("sync", "efile", "seal", "anomaly") else None,
                 query=rng.randint(1, 10**7) if check == "notfound" else None,
                 host="archive-dc-01" if check == "disk" else None, mount="/data" if check == "disk" else None,
                 detail=f"{code} 于 {day.isoformat()} 发现：案卷 {vol}")
        open_problems.append(p)
    db.execute("DELETE FROM inspection_run WHERE id = ?", (run_id,))
    db.execute("INSERT INTO inspection_run (id, started_at, finished_at, host, center, \"window\", coverage, source) VALUES (?,?,?,?,?,?,?,?)",
               (run_id, iso(start), iso(start + dt.timedelta(minutes=12)), "inspector", "dongguan",
                f"{(day - dt.timedelta(days=1)).isoformat()}T00:00:00+08:00/{day.isoformat()}T00:00:00+08:00",
                "检查项：sync, efile, seal, disk, notfound, anomaly, fixity；抽检 1/30 页面文件", "local"))
    for seq, p in enumerate(open_problems):
        db.execute("INSERT INTO finding (run_id, seq, \"check\", code, severity, site, volume, uscc, query, host, mount, path, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (run_id, seq, p["check"], p["code"], p["severity"], p["site"], p["volume"], uscc_of(p["volume"]), p["query"], p["host"], p["mount"], None, p["detail"]))
    if with_queries:
        for ch, base in (("kiosk", 900), ("window", 200), ("online", 300)):
            q = base + rng.randint(0, base // 3)
            db.execute("INSERT OR REPLACE INTO query_stat (period, level, channel, queries, not_found, source) VALUES (?,?,?,?,?,?)",
                       (day.isoformat(), "day", ch, q, q // 40 + rng.randint(0, 5), "detail"))


def add_ticket(db, rng, n, t):
    cat = rng.choice(CATS)
    pri = rng.choices(["normal", "urgent", "critical"], [70, 22, 8])[0]
    resp = rng.choice([3, 5, 8, 10, 12, 14, 15, 18, 25])
    onsite = resp + rng.choice([20, 35, 50, 58, 70]) if pri == "critical" else None
    resolved = (onsite or resp) + rng.randint(30, 600)
    status = rng.choices(["closed", "resolved", "in_progress", "open"], [70, 20, 6, 4])[0]
    desc = f"{rng.choice(UNITS)}报告{cat}问题，联系人手机 {synthetic_mobile(rng)}"
    if n % 97 == 0: desc += f"，当事人身份证 {synthetic_id(rng)}"
    if n % 211 == 0: desc += " <script>alert('x')</script>"
    open_ = status in ("open", "in_progress")
    db.execute("""INSERT OR REPLACE INTO ticket (id, reported_at, unit, reporter, category, priority, description, responded_at,
               onsite_at, resolved_at, actions, resolution, engineer, status, response_minutes, onsite_minutes,
               resolution_minutes, response_met, onsite_met) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
               (f"GD{t.strftime('%Y%m%d')}{n:05d}", iso(t), rng.choice(UNITS), "赵科员", cat, pri, desc,
                iso(t + dt.timedelta(minutes=resp)), iso(t + dt.timedelta(minutes=onsite)) if onsite else None,
                None if open_ else iso(t + dt.timedelta(minutes=resolved)), "远程检查并处理" if not open_ else None,
                "已恢复正常" if not open_ else None, rng.choice(ENGINEERS), status, resp, onsite,
                None if open_ else resolved, 1 if resp <= 15 else 0, (1 if onsite <= 60 else 0) if onsite else None))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--days", type=int, default=1100)
    ap.add_argument("--tickets", type=int, default=5000)
    ap.add_argument("--start", default="2020-07-01")
    ap.add_argument("--add-run", action="store_true")
    a = ap.parse_args()
    db = sqlite3.connect(a.db)
    rng = random.Random(20230630)
    if a.add_run:
        last = db.execute("SELECT max(started_at) FROM inspection_run").fetchone()[0]
        day = dt.date.fromisoformat(last[:10]) + dt.timedelta(days=1)
        rows = db.execute("SELECT \"check\", code, severity, site, volume, query, host, mount, detail FROM finding WHERE run_id = (SELECT id FROM inspection_run ORDER BY started_at DESC LIMIT 1)").fetchall()
        open_problems = [dict(zip(["check", "code", "severity", "site", "volume", "query", "host", "mount", "detail"], r)) for r in rows]
        add_run(db, rng, day, open_problems)
        db.commit()
        print(f"added run {day}")
        return
    start = dt.date.fromisoformat(a.start)
    open_problems = []
    for i in range(a.days):
        add_run(db, rng, start + dt.timedelta(days=i), open_problems)
    span = (a.days - 1) * 86400
    for n in range(a.tickets):
        t = dt.datetime(start.year, start.month, start.day, 8, 0, tzinfo=TZ) + dt.timedelta(seconds=int(span * n / max(1, a.tickets)))
        add_ticket(db, rng, n, t)
    for period, level, q in (("2020", "year", 221736), ("2021", "year", 501080), ("2022", "year", 560908), ("2023-H1", "half", 259108)):
        db.execute("INSERT OR REPLACE INTO query_stat (period, level, channel, queries, not_found, source) VALUES (?,?,?,?,?,?)",
                   (period, level, "all", q, None, "aggregate"))
    db.commit()
    print(f"{a.days} runs, {a.tickets} tickets")


main()
