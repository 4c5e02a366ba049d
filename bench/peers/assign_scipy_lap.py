"""Peers of `talenta-bench assign`: scipy.optimize.linear_sum_assignment and the `lap` package
(lapjv in C++) on the same int64 cost matrix talenta solved (raw little-endian, n x n). Prints
JSON with the best time of 3 of each and their totals (which must equal talenta's)."""
import json, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment
import lap

path, n = sys.argv[1], int(sys.argv[2])
c = np.fromfile(path, dtype="<i8").reshape(n, n)
cf = c.astype(np.float64)


def best(f, runs=3):
    b, out = float("inf"), None
    for _ in range(runs):
        t = time.perf_counter()
        out = f()
        b = min(b, time.perf_counter() - t)
    return b, out


t_scipy, (r, k) = best(lambda: linear_sum_assignment(c))
t_lap, (_, x, _) = best(lambda: lap.lapjv(cf, extend_cost=False))
print(json.dumps({
    "scipy_seconds": t_scipy, "scipy_total": int(c[r, k].sum()),
    "lap_seconds": t_lap, "lap_total": int(c[np.arange(n), x].sum()),
}))
