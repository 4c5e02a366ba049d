//! The linear assignment problem for rotation plans: give every row (a person, or a post) its
//! own column at the least total cost, some pairs forbidden. Rectangular problems are padded;
//! a problem whose forbidden pairs leave no complete assignment is explained by Hall's theorem:
//! a set of rows together allowed fewer columns than they are.
//!
//! The solver is the shortest augmenting path method of Jonker and Volgenant (1987) on integer
//! costs: column reduction, reduction transfer, two rounds of augmenting row reduction, then a
//! Dijkstra-like search from each row still free. Integer costs keep it exact (no epsilon), so
//! ties (JPM-like costs have many) are decided the same way every time. Feasibility with forbidden
//! pairs is settled first by a bipartite matching on the allowed pairs (Hopcroft-Karp), so the
//! big cost that stands for "forbidden" inside the solver can never end in the answer.

use std::collections::VecDeque;

/// The cost of a forbidden pair.
pub const FORBIDDEN: i64 = i64::MAX;

const NONE: usize = usize::MAX;

/// An optimal assignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// The column of each row.
    pub row_to_col: Vec<usize>,
    /// The sum of the chosen costs.
    pub total: i64,
}

/// Why no assignment exists.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Infeasible {
    /// More rows than columns.
    #[error("{rows} baris tetapi hanya {cols} kolom")]
    TooFewColumns {
        /// Rows.
        rows: usize,
        /// Columns.
        cols: usize,
    },
    /// These rows are allowed only these columns, fewer than the rows (Hall's condition fails).
    #[error("{} baris hanya boleh memakai {} kolom", rows.len(), cols.len())]
    Hall {
        /// The rows.
        rows: Vec<usize>,
        /// Every column any of them is allowed.
        cols: Vec<usize>,
    },
    /// Costs so large that sums could overflow.
    #[error("biaya terlalu besar")]
    CostTooLarge,
}

/// Assigns each of `rows` rows a distinct column of `cols` (`rows <= cols`) at the least total
/// cost; `cost` is row-major, `FORBIDDEN` marks a pair that may not be used.
pub fn solve(rows: usize, cols: usize, cost: &[i64]) -> Result<Solution, Infeasible> {
    assert_eq!(cost.len(), rows * cols, "cost matrix is rows x cols");
    if rows > cols {
        return Err(Infeasible::TooFewColumns { rows, cols });
    }
    if rows == 0 {
        return Ok(Solution {
            row_to_col: Vec::new(),
            total: 0,
        });
    }
    // One pass: the range of the allowed costs, and whether any pair is forbidden.
    let (lo, hi, forbidden) = cost
        .iter()
        .fold((i64::MAX, i64::MIN, false), |(lo, hi, f), c| {
            if *c == FORBIDDEN {
                (lo, hi, true)
            } else {
                (lo.min(*c), hi.max(*c), f)
            }
        });
    if forbidden {
        hall_check(rows, cols, cost)?;
    }
    if lo > hi {
        // Every pair forbidden: the Hall check has already refused it.
        return Err(Infeasible::TooFewColumns { rows, cols: 0 });
    }
    let n = cols as i64;
    // A forbidden pair costs more than any assignment of allowed pairs can.
    let range = hi.checked_sub(lo).ok_or(Infeasible::CostTooLarge)?;
    let big = range
        .checked_mul(n + 1)
        .and_then(|b| b.checked_add(1))
        .ok_or(Infeasible::CostTooLarge)?;
    // Every path sum stays within n * (big + range) from zero after shifting by lo.
    big.checked_add(range)
        .and_then(|b| b.checked_mul(2 * n + 2))
        .ok_or(Infeasible::CostTooLarge)?;
    // Posts that share a standard give identical columns; when there are few kinds of column,
    // the problem is a transportation problem over the kinds, solved directly.
    if let Some(classes) = column_classes(rows, cols, cost) {
        return Ok(transport(rows, cols, cost, &classes));
    }
    Ok(shortest_paths(rows, cols, cost, lo, big, forbidden))
}

/// Jonker-Volgenant on the problem padded to a square with non-negative costs.
fn shortest_paths(
    rows: usize,
    cols: usize,
    cost: &[i64],
    lo: i64,
    big: i64,
    forbidden: bool,
) -> Solution {
    let square = rows == cols && !forbidden && lo >= 0;
    let owned;
    let matrix: &[i64] = if square {
        cost
    } else {
        // Shift to non-negative, forbidden to `big`, padding rows free (cost 0).
        let mut m = vec![0i64; cols * cols];
        for (i, row) in cost.chunks_exact(cols).enumerate() {
            for (j, c) in row.iter().enumerate() {
                m[i * cols + j] = if *c == FORBIDDEN { big } else { c - lo };
            }
        }
        owned = m;
        &owned
    };
    let row_to_col = lapjv(cols, matrix);
    let row_to_col: Vec<usize> = row_to_col.into_iter().take(rows).collect();
    let total = row_to_col
        .iter()
        .enumerate()
        .map(|(i, j)| cost[i * cols + j])
        .sum();
    Solution { row_to_col, total }
}

/// Identical columns grouped, when there are at most a quarter as many kinds as columns.
fn column_classes(rows: usize, cols: usize, cost: &[i64]) -> Option<Vec<Vec<usize>>> {
    use std::collections::HashMap;
    if cols < 16 {
        return None;
    }
    let limit = cols / 4;
    // A cheap fingerprint of each column from its first rows settles most cases (uniform costs:
    // every column differs) before the whole matrix is read.
    let fingerprint = |upto: usize| -> Vec<u64> {
        let mut f = vec![0xcbf2_9ce4_8422_2325u64; cols];
        for row in cost.chunks_exact(cols).take(upto) {
            for (h, c) in f.iter_mut().zip(row) {
                *h = (*h ^ (*c as u64)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        f
    };
    let mut distinct = fingerprint(rows.min(32));
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() > limit {
        return None;
    }
    let full = fingerprint(rows);
    let mut by_print: HashMap<u64, Vec<Vec<usize>>> = HashMap::new();
    let mut kinds = 0;
    for (j, h) in full.into_iter().enumerate() {
        let groups = by_print.entry(h).or_default();
        let same = |g: &Vec<usize>| (0..rows).all(|i| cost[i * cols + g[0]] == cost[i * cols + j]);
        match groups.iter_mut().find(|g| same(g)) {
            Some(g) => g.push(j),
            None => {
                kinds += 1;
                if kinds > limit {
                    return None;
                }
                groups.push(vec![j]);
            }
        }
    }
    let mut classes: Vec<Vec<usize>> = by_print.into_values().flatten().collect();
    classes.sort_by_key(|g| g[0]);
    Some(classes)
}

/// The assignment as a transportation problem: each row to a kind of column, a kind taking as
/// many rows as it has columns, by successive shortest paths with potentials (Dijkstra over
/// rows and kinds). Feasibility has been checked.
fn transport(rows: usize, cols: usize, cost: &[i64], classes: &[Vec<usize>]) -> Solution {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let k = classes.len();
    // Cost of row i in kind c (FORBIDDEN: not allowed).
    let cc: Vec<i64> = (0..rows)
        .flat_map(|i| classes.iter().map(move |g| cost[i * cols + g[0]]))
        .collect();
    let cap: Vec<usize> = classes.iter().map(Vec::len).collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
    let mut kind_of = vec![NONE; rows];
    // Node ids: rows 0..rows, kinds rows..rows+k, then the sink every kind with room leads to
    // (one sink, so paths to different kinds are compared on the same potentials).
    let nodes = rows + k + 1;
    let t = rows + k;
    // Potentials that make every row-to-kind cost non-negative to start with.
    let mut pot = vec![0i64; nodes];
    for c in 0..k {
        pot[rows + c] = (0..rows)
            .map(|i| cc[i * k + c])
            .filter(|x| *x != FORBIDDEN)
            .min()
            .unwrap_or(0);
    }
    pot[t] = pot[rows..rows + k].iter().copied().min().unwrap_or(0);
    let mut dist = vec![i64::MAX; nodes];
    let mut prev = vec![NONE; nodes];
    let mut done = vec![false; nodes];
    let mut touched: Vec<usize> = Vec::with_capacity(nodes);
    for s in 0..rows {
        for &v in &touched {
            dist[v] = i64::MAX;
            prev[v] = NONE;
            done[v] = false;
        }
        touched.clear();
        let mut heap = BinaryHeap::new();
        dist[s] = 0;
        touched.push(s);
        heap.push(Reverse((0i64, s)));
        let mut sink = NONE;
        while let Some(Reverse((d, u))) = heap.pop() {
            if done[u] || d > dist[u] {
                continue;
            }
            done[u] = true;
            if u == t {
                sink = t;
                break;
            }
            if u >= rows {
                let c = u - rows;
                if members[c].len() < cap[c] {
                    let nd = d + pot[u] - pot[t];
                    if nd < dist[t] {
                        if dist[t] == i64::MAX {
                            touched.push(t);
                        }
                        dist[t] = nd;
                        prev[t] = u;
                        heap.push(Reverse((nd, t)));
                    }
                }
                for &i in &members[c] {
                    // Back along row i's assignment: -cost, reduced.
                    let w = -cc[i * k + c] + pot[u] - pot[i];
                    let nd = d + w;
                    if nd < dist[i] {
                        if dist[i] == i64::MAX {
                            touched.push(i);
                        }
                        dist[i] = nd;
                        prev[i] = u;
                        heap.push(Reverse((nd, i)));
                    }
                }
            } else {
                let here = kind_of[u];
                for c in 0..k {
                    let x = cc[u * k + c];
                    if c == here || x == FORBIDDEN {
                        continue;
                    }
                    let v = rows + c;
                    let nd = d + x + pot[u] - pot[v];
                    if nd < dist[v] {
                        if dist[v] == i64::MAX {
                            touched.push(v);
                        }
                        dist[v] = nd;
                        prev[v] = u;
                        heap.push(Reverse((nd, v)));
                    }
                }
            }
        }
        debug_assert!(sink != NONE, "feasibility was checked");
        if sink == NONE {
            break;
        }
        let dt = dist[sink];
        for &v in &touched {
            if done[v] && dist[v] < dt {
                pot[v] += dist[v] - dt;
            }
        }
        // Walk back: sink <- kind <- row <- kind <- ... <- s; each row moves to the kind after it.
        let mut v = prev[sink];
        while v != s {
            let i = prev[v]; // a row
            let c = v - rows;
            let old = kind_of[i];
            if old != NONE {
                let pos = members[old].iter().position(|x| *x == i).unwrap_or(0);
                members[old].swap_remove(pos);
            }
            members[c].push(i);
            kind_of[i] = c;
            v = if i == s { s } else { prev[i] };
        }
    }
    // Columns of each kind to its rows.
    let mut row_to_col = vec![NONE; rows];
    for (c, g) in classes.iter().enumerate() {
        for (i, j) in members[c].iter().zip(g) {
            row_to_col[*i] = *j;
        }
    }
    let total = row_to_col
        .iter()
        .enumerate()
        .map(|(i, j)| cost[i * cols + j])
        .sum();
    Solution { row_to_col, total }
}

/// Maximum matching of rows to allowed columns (Hopcroft-Karp); when some row stays unmatched,
/// the rows reachable from it by alternating paths and their allowed columns break Hall's
/// condition.
fn hall_check(rows: usize, cols: usize, cost: &[i64]) -> Result<(), Infeasible> {
    let adj: Vec<Vec<usize>> = cost
        .chunks_exact(cols)
        .map(|r| (0..cols).filter(|j| r[*j] != FORBIDDEN).collect())
        .collect();
    let mut row_match = vec![NONE; rows];
    let mut col_match = vec![NONE; cols];
    let mut dist = vec![0usize; rows];
    loop {
        // BFS layers from free rows.
        let mut queue = VecDeque::new();
        for i in 0..rows {
            if row_match[i] == NONE {
                dist[i] = 0;
                queue.push_back(i);
            } else {
                dist[i] = usize::MAX;
            }
        }
        let mut found = false;
        while let Some(i) = queue.pop_front() {
            for &j in &adj[i] {
                let k = col_match[j];
                if k == NONE {
                    found = true;
                } else if dist[k] == usize::MAX {
                    dist[k] = dist[i] + 1;
                    queue.push_back(k);
                }
            }
        }
        if !found {
            break;
        }
        let mut progressed = false;
        for i in 0..rows {
            if row_match[i] == NONE && augment(i, &adj, &mut row_match, &mut col_match, &mut dist) {
                progressed = true;
            }
        }
        if !progressed {
            break;
        }
    }
    let Some(free) = (0..rows).find(|i| row_match[*i] == NONE) else {
        return Ok(());
    };
    let mut seen_rows = vec![false; rows];
    let mut seen_cols = vec![false; cols];
    let mut queue = VecDeque::from([free]);
    seen_rows[free] = true;
    while let Some(i) = queue.pop_front() {
        for &j in &adj[i] {
            if !seen_cols[j] {
                seen_cols[j] = true;
                let k = col_match[j];
                if k != NONE && !seen_rows[k] {
                    seen_rows[k] = true;
                    queue.push_back(k);
                }
            }
        }
    }
    Err(Infeasible::Hall {
        rows: (0..rows).filter(|i| seen_rows[*i]).collect(),
        cols: (0..cols).filter(|j| seen_cols[*j]).collect(),
    })
}

/// Depth-first augmentation along the BFS layers (iterative, so deep paths cannot overflow the
/// stack).
fn augment(
    start: usize,
    adj: &[Vec<usize>],
    row_match: &mut [usize],
    col_match: &mut [usize],
    dist: &mut [usize],
) -> bool {
    // Stack of (row, next edge index).
    let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
    while let Some(&mut (i, ref mut e)) = stack.last_mut() {
        if *e >= adj[i].len() {
            dist[i] = usize::MAX; // dead end: not tried again this phase
            stack.pop();
            continue;
        }
        let j = adj[i][*e];
        *e += 1;
        let k = col_match[j];
        if k == NONE {
            // Flip the path: each row on the stack takes the column it last tried.
            for &(r, next) in stack.iter().rev() {
                let c = adj[r][next - 1];
                row_match[r] = c;
                col_match[c] = r;
            }
            return true;
        }
        if dist[k] == dist[i] + 1 {
            stack.push((k, 0));
        }
    }
    false
}

/// Jonker-Volgenant on a square `n x n` matrix of non-negative costs; returns each row's column.
fn lapjv(n: usize, c: &[i64]) -> Vec<usize> {
    let mut rowsol = vec![NONE; n];
    let mut colsol = vec![NONE; n];
    let mut v = vec![0i64; n];
    let mut matches = vec![0u32; n];
    // Column reduction: each column to its cheapest row (the first one on a tie), the last
    // column first. The minima are found row by row, so the matrix is read in memory order.
    let mut col_min: Vec<i64> = c[..n].to_vec();
    let mut col_arg = vec![0usize; n];
    for (i, row) in c.chunks_exact(n).enumerate().skip(1) {
        for ((m, a), x) in col_min.iter_mut().zip(col_arg.iter_mut()).zip(row) {
            if *x < *m {
                *m = *x;
                *a = i;
            }
        }
    }
    for j in (0..n).rev() {
        let (min, imin) = (col_min[j], col_arg[j]);
        v[j] = min;
        matches[imin] += 1;
        if matches[imin] == 1 {
            rowsol[imin] = j;
            colsol[j] = imin;
        } else if v[j] < v[rowsol[imin]] {
            let j1 = rowsol[imin];
            rowsol[imin] = j;
            colsol[j] = imin;
            colsol[j1] = NONE;
        } else {
            colsol[j] = NONE;
        }
    }
    // Reduction transfer from rows assigned once.
    let mut free: Vec<usize> = Vec::with_capacity(n);
    for i in 0..n {
        if matches[i] == 0 {
            free.push(i);
        } else if matches[i] == 1 {
            let j1 = rowsol[i];
            let row = &c[i * n..(i + 1) * n];
            let mut min = i64::MAX;
            for (j, x) in row.iter().enumerate() {
                if j != j1 {
                    min = min.min(x - v[j]);
                }
            }
            if min != i64::MAX {
                v[j1] -= min;
            }
        }
    }
    // Augmenting row reduction, twice; a row may be re-queued only so often (ties could
    // otherwise make it chase itself), what remains goes to the augmentation below.
    for _ in 0..2 {
        let mut k = 0;
        let previous = std::mem::take(&mut free);
        let mut queue = previous;
        let mut budget = 4 * n + 16;
        while k < queue.len() {
            let i = queue[k];
            k += 1;
            let row = &c[i * n..(i + 1) * n];
            let (mut umin, mut j1) = (row[0] - v[0], 0usize);
            let (mut usubmin, mut j2) = (i64::MAX, NONE);
            for j in 1..n {
                let h = row[j] - v[j];
                if h < usubmin {
                    if h >= umin {
                        usubmin = h;
                        j2 = j;
                    } else {
                        usubmin = umin;
                        umin = h;
                        j2 = j1;
                        j1 = j;
                    }
                }
            }
            let mut i0 = colsol[j1];
            if umin < usubmin {
                v[j1] -= usubmin - umin;
            } else if i0 != NONE && j2 != NONE {
                j1 = j2;
                i0 = colsol[j2];
            }
            rowsol[i] = j1;
            colsol[j1] = i;
            if i0 != NONE {
                rowsol[i0] = NONE;
                if umin < usubmin && budget > 0 {
                    budget -= 1;
                    k -= 1;
                    queue[k] = i0;
                } else {
                    free.push(i0);
                }
            }
        }
    }
    // Augmentation: a shortest path from each free row to a free column.
    let mut d = vec![0i64; n];
    let mut pred = vec![0usize; n];
    let mut collist: Vec<usize> = (0..n).collect();
    for &freerow in &free {
        if rowsol[freerow] != NONE {
            continue;
        }
        let row = &c[freerow * n..(freerow + 1) * n];
        for j in 0..n {
            d[j] = row[j] - v[j];
            pred[j] = freerow;
            collist[j] = j;
        }
        let (mut low, mut up) = (0usize, 0usize);
        let mut last = 0usize; // columns collist[..last] are scanned
        let mut min = 0i64;
        let endofpath;
        'search: loop {
            if up == low {
                last = low;
                min = d[collist[up]];
                up += 1;
                // The columns from here on are compared with the running minimum; `up` moves
                // as tied ones are gathered at the front, the scan itself does not.
                let start = up;
                for k in start..n {
                    let j = collist[k];
                    let h = d[j];
                    if h <= min {
                        if h < min {
                            up = low;
                            min = h;
                        }
                        collist[k] = collist[up];
                        collist[up] = j;
                        up += 1;
                    }
                }
                for k in low..up {
                    if colsol[collist[k]] == NONE {
                        endofpath = collist[k];
                        break 'search;
                    }
                }
            }
            let j1 = collist[low];
            low += 1;
            let i = colsol[j1];
            let r = &c[i * n..(i + 1) * n];
            let h = r[j1] - v[j1] - min;
            let mut k = up;
            while k < n {
                let j = collist[k];
                let v2 = r[j] - v[j] - h;
                if v2 < d[j] {
                    pred[j] = i;
                    if v2 == min {
                        if colsol[j] == NONE {
                            endofpath = j;
                            break 'search;
                        }
                        collist[k] = collist[up];
                        collist[up] = j;
                        up += 1;
                    }
                    d[j] = v2;
                }
                k += 1;
            }
        }
        // Update the column prices of the scanned columns.
        for &j1 in &collist[..last] {
            v[j1] += d[j1] - min;
        }
        // Flip the path.
        let mut j = endofpath;
        loop {
            let i = pred[j];
            colsol[j] = i;
            let next = rowsol[i];
            rowsol[i] = j;
            if i == freerow {
                break;
            }
            j = next;
        }
    }
    rowsol
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(rows: usize, cols: usize, cost: &[i64]) -> Option<i64> {
        fn go(i: usize, rows: usize, cols: usize, cost: &[i64], used: &mut [bool]) -> Option<i64> {
            if i == rows {
                return Some(0);
            }
            let mut best: Option<i64> = None;
            for j in 0..cols {
                let c = cost[i * cols + j];
                if used[j] || c == FORBIDDEN {
                    continue;
                }
                used[j] = true;
                if let Some(rest) = go(i + 1, rows, cols, cost, used) {
                    best = Some(best.map_or(c + rest, |b| b.min(c + rest)));
                }
                used[j] = false;
            }
            best
        }
        go(0, rows, cols, cost, &mut vec![false; cols])
    }

    fn check(rows: usize, cols: usize, cost: &[i64]) {
        let expected = brute(rows, cols, cost);
        match solve(rows, cols, cost) {
            Ok(s) => {
                let mut used = vec![false; cols];
                for (i, j) in s.row_to_col.iter().enumerate() {
                    assert!(!used[*j], "column used twice");
                    used[*j] = true;
                    assert_ne!(cost[i * cols + j], FORBIDDEN, "a forbidden pair was used");
                }
                assert_eq!(Some(s.total), expected, "{rows}x{cols} {cost:?}");
            }
            Err(Infeasible::Hall { rows: r, cols: c }) => {
                assert_eq!(expected, None, "{cost:?}");
                assert!(c.len() < r.len());
                for i in &r {
                    for j in 0..cols {
                        if cost[i * cols + j] != FORBIDDEN {
                            assert!(c.contains(&j), "the violator's columns are all it may use");
                        }
                    }
                }
            }
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_three_by_three_problem_gets_the_optimum() {
        let s = solve(3, 3, &[1, 2, 3, 4, 5, 6, 7, 8, 9]).unwrap();
        assert_eq!(s.total, 15);
        let s = solve(3, 3, &[4, 1, 3, 2, 0, 5, 3, 2, 2]).unwrap();
        assert_eq!(s.row_to_col, vec![1, 0, 2]);
        assert_eq!(s.total, 5);
    }

    #[test]
    fn fewer_rows_than_columns_and_the_reverse() {
        let s = solve(2, 3, &[5, 1, 9, 2, 8, 9]).unwrap();
        assert_eq!(s.row_to_col, vec![1, 0]);
        assert_eq!(s.total, 3);
        assert_eq!(
            solve(3, 2, &[0; 6]),
            Err(Infeasible::TooFewColumns { rows: 3, cols: 2 })
        );
    }

    #[test]
    fn two_rows_allowed_only_one_column_are_named() {
        let f = FORBIDDEN;
        let err = solve(3, 3, &[1, f, f, 2, f, f, 3, 4, 5]).unwrap_err();
        assert_eq!(
            err,
            Infeasible::Hall {
                rows: vec![0, 1],
                cols: vec![0]
            }
        );
    }

    #[test]
    fn many_ties_terminate_with_the_optimum() {
        for n in [1, 2, 5, 8] {
            check(n, n, &vec![7; n * n]);
        }
        // JPM-like: few distinct values.
        let cost: Vec<i64> = (0..64).map(|k| [9000, 9000, 8500, 10000][k % 4]).collect();
        check(8, 8, &cost);
    }

    proptest::proptest! {
        #[test]
        fn few_kinds_of_column_solved_as_transport_equal_the_shortest_path_method(
            rows in 4usize..30,
            extra in 0usize..10,
            kinds in proptest::collection::vec(proptest::collection::vec(-50i64..50, 30), 1..4),
            pick in proptest::collection::vec(0usize..4, 40),
            holes in 0u64..5,
        ) {
            let cols = (rows + extra).max(16);
            let mut cost = vec![0i64; rows * cols];
            for j in 0..cols {
                let kind = &kinds[pick[j % pick.len()] % kinds.len()];
                for i in 0..rows {
                    cost[i * cols + j] = kind[i];
                }
            }
            // Some rows may not use the first kind at all.
            for i in 0..(holes as usize).min(rows) {
                for j in 0..cols {
                    if pick[j % pick.len()] % kinds.len() == 0 && kinds.len() > 1 {
                        cost[i * cols + j] = FORBIDDEN;
                    }
                }
            }
            let classes = column_classes(rows, cols, &cost);
            proptest::prop_assume!(classes.is_some());
            let jv = match hall_check(rows, cols, &cost) {
                Ok(()) => {
                    let (lo, hi) = cost.iter().filter(|c| **c != FORBIDDEN).fold((i64::MAX, i64::MIN), |(a, b), c| (a.min(*c), b.max(*c)));
                    shortest_paths(rows, cols, &cost, lo, (hi - lo) * (cols as i64 + 1) + 1, cost.contains(&FORBIDDEN)).total
                }
                Err(_) => return Ok(()),
            };
            let t = solve(rows, cols, &cost).unwrap();
            proptest::prop_assert_eq!(t.total, jv);
            let mut used = vec![false; cols];
            for (i, j) in t.row_to_col.iter().enumerate() {
                proptest::prop_assert!(!used[*j]);
                used[*j] = true;
                proptest::prop_assert!(cost[i * cols + j] != FORBIDDEN);
            }
        }

        #[test]
        fn equals_brute_force_on_small_problems(
            rows in 1usize..6,
            extra in 0usize..3,
            seed in proptest::collection::vec((0i64..6, 0u8..10), 64),
        ) {
            let cols = rows + extra;
            let cost: Vec<i64> = (0..rows * cols)
                .map(|k| { let (c, f) = seed[k % seed.len()]; if f == 0 { FORBIDDEN } else { c * ((k as i64 % 3) + 1) } })
                .collect();
            check(rows, cols, &cost);
        }
    }
}
