"""Peer of `talenta-bench schedule`: scipy.optimize.milp (HiGHS) solving the same instance to the
same objectives. Stage 1: place every participant on a day they can come, within the day
capacity (the sum of its sessions) and the per-unit-per-day limit, minimising the busiest day.
Stage 2, per day, for the day each participant was given by talenta (so both sides face the
same sub-problems): give each participant 2 assessors without a conflict (same unit), at most 45
a day each, minimising the busiest assessor. Prints JSON with the time (all, and inside milp()
alone, which is the figure the comparison uses) and both objectives."""
import json, sys, time
import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds
from scipy.sparse import coo_matrix

inst = json.load(open(sys.argv[1]))
D = inst["days"]
units = inst["units"]
avail = inst["available"]
n = len(units)
cap = min(inst["day_capacity"], sum(inst["session_capacity"]))
ucap = inst["unit_day_cap"]
U = len(ucap)

t0 = time.perf_counter()
# ---- stage 1: x[p,d] for available pairs, then L
pairs = [(p, d) for p in range(n) for d in range(D) if avail[p][d]]
V = len(pairs) + 1
L = V - 1
rows, cols, vals, lo, hi = [], [], [], [], []
r = 0
# each participant exactly once
by_p = {}
for k, (p, d) in enumerate(pairs):
    by_p.setdefault(p, []).append(k)
for p in range(n):
    for k in by_p[p]:
        rows.append(r); cols.append(k); vals.append(1)
    lo.append(1); hi.append(1); r += 1
# day load <= L and <= cap
for d in range(D):
    for k, (p, dd) in enumerate(pairs):
        if dd == d:
            rows.append(r); cols.append(k); vals.append(1)
    rows.append(r); cols.append(L); vals.append(-1)
    lo.append(-np.inf); hi.append(0); r += 1
    for k, (p, dd) in enumerate(pairs):
        if dd == d:
            rows.append(r); cols.append(k); vals.append(1)
    lo.append(-np.inf); hi.append(cap); r += 1
# unit per day
for u in range(U):
    for d in range(D):
        ks = [k for k, (p, dd) in enumerate(pairs) if dd == d and units[p] == u]
        if not ks:
            continue
        for k in ks:
            rows.append(r); cols.append(k); vals.append(1)
        lo.append(-np.inf); hi.append(ucap[u]); r += 1
A = coo_matrix((vals, (rows, cols)), shape=(r, V)).tocsr()
c = np.zeros(V); c[L] = 1
integrality = np.ones(V)
ts = time.perf_counter()
res = milp(c, constraints=LinearConstraint(A, lo, hi), integrality=integrality,
           bounds=Bounds(np.zeros(V), np.concatenate([np.ones(V - 1), [n]])))
solve = time.perf_counter() - ts
assert res.success, res.message
busiest_day = int(round(res.fun))

# ---- stage 2 per day
au = inst["assessor_unit"]
A_n = len(au)
per = inst["per_participant"]
amax = inst["assessor_max_per_day"]
day_of = inst["day_of"]
busiest_assessor = []
for d in range(D):
    people = [p for p in range(n) if day_of[p] == d]
    pairs2 = [(i, a) for i, p in enumerate(people) for a in range(A_n) if au[a] != units[p]]
    V2 = len(pairs2) + 1
    M = V2 - 1
    rows, cols, vals, lo, hi = [], [], [], [], []
    r = 0
    by_i = {}
    by_a = {}
    for k, (i, a) in enumerate(pairs2):
        by_i.setdefault(i, []).append(k)
        by_a.setdefault(a, []).append(k)
    for i in range(len(people)):
        for k in by_i[i]:
            rows.append(r); cols.append(k); vals.append(1)
        lo.append(per); hi.append(per); r += 1
    for a in range(A_n):
        for k in by_a.get(a, []):
            rows.append(r); cols.append(k); vals.append(1)
        rows.append(r); cols.append(M); vals.append(-1)
        lo.append(-np.inf); hi.append(0); r += 1
    A2 = coo_matrix((vals, (rows, cols)), shape=(r, V2)).tocsr()
    c2 = np.zeros(V2); c2[M] = 1
    ts = time.perf_counter()
    res2 = milp(c2, constraints=LinearConstraint(A2, lo, hi), integrality=np.ones(V2),
                bounds=Bounds(np.zeros(V2), np.concatenate([np.ones(V2 - 1), [amax]])))
    solve += time.perf_counter() - ts
    assert res2.success, res2.message
    busiest_assessor.append(int(round(res2.fun)))
secs = time.perf_counter() - t0
print(json.dumps({"seconds": secs, "solve_seconds": solve, "busiest_day": busiest_day, "busiest_assessor": busiest_assessor}))
