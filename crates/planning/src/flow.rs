//! Maximum flow (Dinic) on small integer networks, with the minimum cut, which explains an
//! infeasible schedule: the saturated edges leaving the source side are the binding limits.

/// A directed network with integer capacities.
#[derive(Debug, Clone, Default)]
pub struct Network {
    head: Vec<usize>,
    to: Vec<usize>,
    cap: Vec<i64>,
    next: Vec<usize>,
    level: Vec<i32>,
    iter: Vec<usize>,
}

const NONE: usize = usize::MAX;

impl Network {
    /// A network of `n` nodes and no edges.
    pub fn new(n: usize) -> Network {
        Network {
            head: vec![NONE; n],
            ..Default::default()
        }
    }

    /// Adds a node; returns its index.
    pub fn add_node(&mut self) -> usize {
        self.head.push(NONE);
        self.head.len() - 1
    }

    /// Adds an edge `u -> v` with capacity `c`; returns the edge id (its reverse is `id ^ 1`).
    pub fn add_edge(&mut self, u: usize, v: usize, c: i64) -> usize {
        let id = self.to.len();
        for (a, b, cc) in [(u, v, c), (v, u, 0)] {
            self.to.push(b);
            self.cap.push(cc);
            self.next.push(self.head[a]);
            self.head[a] = self.to.len() - 1;
        }
        id
    }

    /// Flow currently on edge `id`.
    pub fn flow(&self, id: usize) -> i64 {
        self.cap[id ^ 1]
    }

    /// Remaining capacity of edge `id`.
    pub fn residual(&self, id: usize) -> i64 {
        self.cap[id]
    }

    fn bfs(&mut self, s: usize, t: usize) -> bool {
        self.level = vec![-1; self.head.len()];
        let mut queue = std::collections::VecDeque::new();
        self.level[s] = 0;
        queue.push_back(s);
        while let Some(u) = queue.pop_front() {
            let mut e = self.head[u];
            while e != NONE {
                let v = self.to[e];
                if self.cap[e] > 0 && self.level[v] < 0 {
                    self.level[v] = self.level[u] + 1;
                    queue.push_back(v);
                }
                e = self.next[e];
            }
        }
        self.level[t] >= 0
    }

    fn dfs(&mut self, u: usize, t: usize, f: i64) -> i64 {
        if u == t {
            return f;
        }
        while self.iter[u] != NONE {
            let e = self.iter[u];
            let v = self.to[e];
            if self.cap[e] > 0 && self.level[v] == self.level[u] + 1 {
                let d = self.dfs(v, t, f.min(self.cap[e]));
                if d > 0 {
                    self.cap[e] -= d;
                    self.cap[e ^ 1] += d;
                    return d;
                }
            }
            self.iter[u] = self.next[e];
        }
        0
    }

    /// Pushes as much flow as possible from `s` to `t` (on top of flow already pushed);
    /// returns the amount added.
    pub fn max_flow(&mut self, s: usize, t: usize) -> i64 {
        let mut total = 0;
        while self.bfs(s, t) {
            self.iter = self.head.clone();
            loop {
                let f = self.dfs(s, t, i64::MAX);
                if f == 0 {
                    break;
                }
                total += f;
            }
        }
        total
    }

    /// Nodes reachable from `s` in the residual network (the source side of a minimum cut).
    pub fn source_side(&self, s: usize) -> Vec<bool> {
        let mut seen = vec![false; self.head.len()];
        let mut stack = vec![s];
        seen[s] = true;
        while let Some(u) = stack.pop() {
            let mut e = self.head[u];
            while e != NONE {
                let v = self.to[e];
                if self.cap[e] > 0 && !seen[v] {
                    seen[v] = true;
                    stack.push(v);
                }
                e = self.next[e];
            }
        }
        seen
    }

    /// Whether edge `id` crosses a minimum cut given the source side.
    pub fn in_cut(&self, id: usize, side: &[bool]) -> bool {
        let from = self.to[id ^ 1];
        side[from] && !side[self.to[id]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_maximum_flow_of_a_small_network_is_found_and_its_cut_is_the_bottleneck() {
        // s -> a (3), s -> b (2), a -> b (1), a -> t (2), b -> t (3): max flow 5.
        let mut n = Network::new(4);
        let (s, a, b, t) = (0, 1, 2, 3);
        let sa = n.add_edge(s, a, 3);
        let sb = n.add_edge(s, b, 2);
        n.add_edge(a, b, 1);
        n.add_edge(a, t, 2);
        n.add_edge(b, t, 3);
        assert_eq!(n.max_flow(s, t), 5);
        let side = n.source_side(s);
        assert!(n.in_cut(sa, &side) && n.in_cut(sb, &side));
        assert_eq!(n.flow(sa) + n.flow(sb), 5);
    }
}
