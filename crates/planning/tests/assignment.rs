//! The assignment solver against the `lapjv` crate (Jonker-Volgenant in floating point) on large
//! random problems, uniform and JPM-like (few distinct values, many ties): the same optimum.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failure must stop loudly

use talenta_planning::assignment::{FORBIDDEN, solve};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

fn lapjv_total(n: usize, cost: &[i64]) -> i64 {
    let m =
        ndarray::Array2::from_shape_vec((n, n), cost.iter().map(|c| *c as f64).collect()).unwrap();
    let (rows, _) = lapjv::lapjv(&m).unwrap();
    rows.iter().enumerate().map(|(i, j)| cost[i * n + j]).sum()
}

/// JPM in basis points of a person's level sums against a post's required sum, as a cost.
fn jpm_like(n: usize, rng: &mut Rng) -> Vec<i64> {
    let achieved: Vec<u64> = (0..n).map(|_| 90 + rng.next() % 200).collect();
    let required: Vec<u64> = (0..n).map(|_| 90 + 45 * (rng.next() % 4)).collect();
    let mut c = Vec::with_capacity(n * n);
    for a in &achieved {
        for r in &required {
            c.push(-(((20000 * a + r) / (2 * r)) as i64));
        }
    }
    c
}

#[test]
fn the_optimum_equals_lapjv_on_random_problems() {
    let mut rng = Rng(6);
    for n in [50, 200, 500] {
        let uniform: Vec<i64> = (0..n * n).map(|_| (rng.next() % 10_000) as i64).collect();
        assert_eq!(
            solve(n, n, &uniform).unwrap().total,
            lapjv_total(n, &uniform),
            "uniform {n}"
        );
        let jpm = jpm_like(n, &mut rng);
        assert_eq!(
            solve(n, n, &jpm).unwrap().total,
            lapjv_total(n, &jpm),
            "jpm-like {n}"
        );
        let small: Vec<i64> = (0..n * n).map(|_| (rng.next() % 3) as i64).collect();
        assert_eq!(
            solve(n, n, &small).unwrap().total,
            lapjv_total(n, &small),
            "ties {n}"
        );
    }
}

#[test]
fn forbidden_pairs_are_never_used_and_a_rectangular_problem_matches_its_padded_square() {
    let mut rng = Rng(7);
    let (rows, cols) = (150, 200);
    let cost: Vec<i64> = (0..rows * cols)
        .map(|_| {
            if rng.next().is_multiple_of(5) {
                FORBIDDEN
            } else {
                (rng.next() % 1000) as i64
            }
        })
        .collect();
    let s = solve(rows, cols, &cost).unwrap();
    assert!(
        s.row_to_col
            .iter()
            .enumerate()
            .all(|(i, j)| cost[i * cols + j] != FORBIDDEN)
    );
    // The same problem squared with zero rows and forbidden as a cost above any optimum.
    let big = 1_000_000i64;
    let mut square = vec![0i64; cols * cols];
    for i in 0..rows {
        for j in 0..cols {
            let c = cost[i * cols + j];
            square[i * cols + j] = if c == FORBIDDEN { big } else { c };
        }
    }
    assert_eq!(s.total, lapjv_total(cols, &square));
}
