"""Peer of `talenta-bench integrate`: the same integration from the same SQLite file in Python
(sqlite3 + numpy) with the same query (the same covering index): every submitted rating of
the event, the mean per participant and competency
rounded to the nearest half step (ties up, in tenths), spreads over one level flagged, and JPM
(sum achieved / sum required x 100) against each participant's current post over the
competencies of its standard. Prints JSON with the best time of 5 and the checksums."""
import json, sqlite3, sys, time
import numpy as np

path, tenant_id, event_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
COMP = ["M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"]
CIDX = {c: i for i, c in enumerate(COMP)}


def run():
    db = sqlite3.connect(path)
    rows = db.execute(
        "SELECT employee_id, competency, level_tenths FROM scores "
        "WHERE tenant_id = ? AND event_id = ? AND submitted = 1 AND level_tenths IS NOT NULL",
        (tenant_id, event_id),
    ).fetchall()
    emp = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    comp = np.fromiter((CIDX[r[1]] for r in rows), dtype=np.int64, count=len(rows))
    lvl = np.fromiter((r[2] for r in rows), dtype=np.int64, count=len(rows))
    people, pidx = np.unique(emp, return_inverse=True)
    P = len(people)
    key = pidx * 9 + comp
    s = np.bincount(key, weights=lvl, minlength=P * 9).astype(np.int64)
    n = np.bincount(key, minlength=P * 9)
    mx = np.full(P * 9, -1, dtype=np.int64); np.maximum.at(mx, key, lvl)
    mn = np.full(P * 9, 99, dtype=np.int64); np.minimum.at(mn, key, lvl)
    level = ((2 * s + 5 * n) // (10 * n)) * 5  # nearest half step, ties up
    flagged = int(((mx - mn) > 10).sum())
    level = level.reshape(P, 9)
    # JPM against the current post's standard.
    pos = dict(db.execute(
        "SELECT e.id, e.position_id FROM employees e JOIN event_participants p ON p.employee_id = e.id WHERE p.event_id = ?",
        (event_id,),
    ).fetchall())
    std = {}
    for pid, c, t in db.execute("SELECT position_id, competency, required_tenths FROM position_standards"):
        if c in CIDX:
            std.setdefault(pid, np.zeros(9, dtype=np.int64))[CIDX[c]] = t
    jpm_sum = 0.0
    for i, e in enumerate(people):
        req = std.get(pos.get(int(e)))
        if req is None:
            continue
        mask = req > 0
        jpm_sum += 100.0 * level[i][mask].sum() / req[mask].sum()
    db.close()
    return int(level.sum()), jpm_sum, flagged


best = float("inf")
for _ in range(5):
    t = time.perf_counter()
    out = run()
    best = min(best, time.perf_counter() - t)
print(json.dumps({"seconds": best, "level_sum": out[0], "jpm_sum": out[1], "flagged": out[2]}))
