//! The assessment schedule: participants into days and sessions within capacity, and assessors
//! to participants without conflicts of interest and with balanced workloads. Both are flows;
//! when no schedule exists the minimum cut names the binding limits, so the answer is "day 3
//! is 12 seats short" or "no conflict-free assessor for these 4 people", never a partial plan.

use std::fmt;

use crate::flow::Network;

/// One day of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// Most participants that day (e.g. 48 under a health protocol).
    pub capacity: u32,
    /// Capacity of each session (room x slot) that day.
    pub sessions: Vec<u32>,
}

/// One participant as the placement sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Their unit (index into `Placement::unit_day_cap`).
    pub unit: usize,
    /// The days they can come.
    pub available: Vec<bool>,
}

/// Participants into days and sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementProblem {
    /// The days.
    pub days: Vec<Day>,
    /// The cohort.
    pub participants: Vec<Participant>,
    /// Per unit: most of its people away on one day (so a unit is not emptied); `u32::MAX`: no limit.
    pub unit_day_cap: Vec<u32>,
}

/// Where each participant goes: (day, session) by participant index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// Day and session of each participant.
    pub slot: Vec<(usize, usize)>,
}

/// Why there is no placement (Bahasa Indonesia in `Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementError {
    /// These participants can come on no day at all.
    NoDay {
        /// Participant indices.
        participants: Vec<usize>,
    },
    /// Not enough seats: `short` participants cannot be placed; the full days and the units
    /// at their daily limit are the binding constraints.
    Short {
        /// How many cannot be placed.
        short: u32,
        /// Days whose capacity is binding (0-based).
        days: Vec<usize>,
        /// (unit, day) pairs at their limit that bind.
        unit_days: Vec<(usize, usize)>,
    },
}

impl fmt::Display for PlacementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlacementError::NoDay { participants } => {
                write!(
                    f,
                    "{} peserta tidak dapat hadir pada hari mana pun",
                    participants.len()
                )
            }
            PlacementError::Short {
                short,
                days,
                unit_days,
            } => {
                let names: Vec<String> = days.iter().map(|d| (d + 1).to_string()).collect();
                match days.len() {
                    0 => write!(f, "kurang {short} kursi")?,
                    1 => write!(f, "hari {} kurang {short} kursi", names[0])?,
                    _ => write!(
                        f,
                        "hari {} bersama-sama kurang {short} kursi",
                        names.join(", ")
                    )?,
                }
                if !unit_days.is_empty() {
                    let units: Vec<String> = unit_days
                        .iter()
                        .map(|(u, d)| format!("unit #{u} hari {}", d + 1))
                        .collect();
                    write!(
                        f,
                        "; batas per unit per hari mengikat: {}",
                        units.join(", ")
                    )?;
                }
                Ok(())
            }
        }
    }
}

/// Builds the network with each day limited to `min(capacity, level)`.
struct PlacementNet {
    net: Network,
    s: usize,
    t: usize,
    day_edges: Vec<usize>,
    unit_day_edges: Vec<((usize, usize), usize)>,
    choice: Vec<Vec<(usize, usize)>>, // per participant: (day, edge id)
}

fn seats(d: &Day) -> u32 {
    d.capacity.min(d.sessions.iter().sum())
}

fn build(p: &PlacementProblem, level: u32) -> PlacementNet {
    let n_days = p.days.len();
    let mut net = Network::new(2);
    let (s, t) = (0, 1);
    let day_in: Vec<usize> = (0..n_days).map(|_| net.add_node()).collect();
    let day_edges: Vec<usize> = p
        .days
        .iter()
        .enumerate()
        .map(|(d, day)| net.add_edge(day_in[d], t, i64::from(seats(day).min(level))))
        .collect();
    let mut unit_day: std::collections::HashMap<(usize, usize), usize> =
        std::collections::HashMap::new();
    let mut unit_day_edges = Vec::new();
    let mut choice = Vec::with_capacity(p.participants.len());
    for part in &p.participants {
        let node = net.add_node();
        net.add_edge(s, node, 1);
        let mut mine = Vec::new();
        for (d, &day_node) in day_in.iter().enumerate() {
            if !part.available.get(d).copied().unwrap_or(false) {
                continue;
            }
            let ud = *unit_day.entry((part.unit, d)).or_insert_with(|| {
                let v = net.add_node();
                let cap = p.unit_day_cap.get(part.unit).copied().unwrap_or(u32::MAX);
                let e = net.add_edge(v, day_node, i64::from(cap));
                unit_day_edges.push(((part.unit, d), e));
                v
            });
            mine.push((d, net.add_edge(node, ud, 1)));
        }
        choice.push(mine);
    }
    PlacementNet {
        net,
        s,
        t,
        day_edges,
        unit_day_edges,
        choice,
    }
}

/// Places every participant, spreading them as evenly over the days as the limits allow (the
/// busiest day is as light as possible), then over the sessions of each day.
pub fn place(p: &PlacementProblem) -> Result<Placement, PlacementError> {
    let nobody: Vec<usize> = p
        .participants
        .iter()
        .enumerate()
        .filter(|(_, x)| !x.available.iter().any(|a| *a))
        .map(|(i, _)| i)
        .collect();
    if !nobody.is_empty() {
        return Err(PlacementError::NoDay {
            participants: nobody,
        });
    }
    let n = p.participants.len() as i64;
    let max_level = p.days.iter().map(seats).max().unwrap_or(0);
    let mut full = build(p, max_level);
    let flow = full.net.max_flow(full.s, full.t);
    if flow < n {
        let side = full.net.source_side(full.s);
        let days = full
            .day_edges
            .iter()
            .enumerate()
            .filter(|(_, e)| full.net.in_cut(**e, &side))
            .map(|(d, _)| d)
            .collect();
        let mut unit_days: Vec<(usize, usize)> = full
            .unit_day_edges
            .iter()
            .filter(|(_, e)| full.net.in_cut(*e, &side))
            .map(|(k, _)| *k)
            .collect();
        unit_days.sort_unstable();
        return Err(PlacementError::Short {
            short: (n - flow) as u32,
            days,
            unit_days,
        });
    }
    // The lightest busiest day: binary search on a common ceiling.
    let (mut lo, mut hi) = (0u32, max_level);
    let mut best = full;
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut trial = build(p, mid);
        if trial.net.max_flow(trial.s, trial.t) == n {
            hi = mid;
            best = trial;
        } else {
            lo = mid + 1;
        }
    }
    // Day of each participant from the flow, then sessions of that day round-robin by unit
    // (people of one unit spread over the sessions).
    let mut day_of = vec![0usize; p.participants.len()];
    for (i, options) in best.choice.iter().enumerate() {
        day_of[i] = options
            .iter()
            .find(|(_, e)| best.net.flow(*e) > 0)
            .map(|(d, _)| *d)
            .unwrap_or(0);
    }
    let mut slot = vec![(0usize, 0usize); p.participants.len()];
    for (d, day) in p.days.iter().enumerate() {
        let mut people: Vec<usize> = (0..p.participants.len())
            .filter(|i| day_of[*i] == d)
            .collect();
        people.sort_by_key(|i| (p.participants[*i].unit, *i));
        let mut left: Vec<u32> = day.sessions.clone();
        let mut k = 0usize;
        for i in people {
            // next session with room, starting after the last one used
            for step in 0..left.len() {
                let s = (k + step) % left.len();
                if left[s] > 0 {
                    left[s] -= 1;
                    slot[i] = (d, s);
                    k = s + 1;
                    break;
                }
            }
        }
    }
    Ok(Placement { slot })
}

/// Every violated constraint of a placement, described; empty when it holds.
pub fn check_placement(p: &PlacementProblem, pl: &Placement) -> Vec<String> {
    let mut out = Vec::new();
    if pl.slot.len() != p.participants.len() {
        out.push(format!(
            "{} slots for {} participants",
            pl.slot.len(),
            p.participants.len()
        ));
        return out;
    }
    let mut per_day = vec![0u32; p.days.len()];
    let mut per_session: Vec<Vec<u32>> = p.days.iter().map(|d| vec![0; d.sessions.len()]).collect();
    let mut per_unit_day: std::collections::HashMap<(usize, usize), u32> =
        std::collections::HashMap::new();
    for (i, &(d, s)) in pl.slot.iter().enumerate() {
        let part = &p.participants[i];
        if d >= p.days.len() || s >= p.days[d].sessions.len() {
            out.push(format!("participant {i}: no such slot ({d}, {s})"));
            continue;
        }
        if !part.available.get(d).copied().unwrap_or(false) {
            out.push(format!(
                "participant {i} placed on day {d} when unavailable"
            ));
        }
        per_day[d] += 1;
        per_session[d][s] += 1;
        *per_unit_day.entry((part.unit, d)).or_default() += 1;
    }
    for (d, day) in p.days.iter().enumerate() {
        if per_day[d] > day.capacity {
            out.push(format!(
                "day {d}: {} > capacity {}",
                per_day[d], day.capacity
            ));
        }
        for (s, cap) in day.sessions.iter().enumerate() {
            if per_session[d][s] > *cap {
                out.push(format!(
                    "day {d} session {s}: {} > {cap}",
                    per_session[d][s]
                ));
            }
        }
    }
    for ((u, d), c) in per_unit_day {
        if c > p.unit_day_cap.get(u).copied().unwrap_or(u32::MAX) {
            out.push(format!("unit {u} day {d}: {c} away"));
        }
    }
    out
}

/// One assessor as the assignment sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessor {
    /// The days they are available.
    pub available: Vec<bool>,
    /// Most assessees per day (setting).
    pub max_per_day: u32,
}

/// Assessors to participants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessorProblem {
    /// The assessors.
    pub assessors: Vec<Assessor>,
    /// Day of each participant (from the placement).
    pub day_of: Vec<usize>,
    /// Assessors each participant needs (at least 2 by default).
    pub per_participant: u32,
    /// `conflict[p][a]`: assessor `a` may not assess participant `p` (same unit, direct line,
    /// declared relation, previous cycle, or the assessor is a participant).
    pub conflict: Vec<Vec<bool>>,
}

/// Why assessors cannot be assigned (Bahasa Indonesia in `Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AssessorError {
    /// These participants have fewer conflict-free assessors available on their day than needed.
    NoFreeAssessor {
        /// Participant indices.
        participants: Vec<usize>,
        /// Needed per participant.
        needed: u32,
    },
    /// A day needs more assessments than the assessors available can give.
    DayShort {
        /// Day (0-based).
        day: usize,
        /// Assessments needed.
        needed: u32,
        /// Assessments the day's assessors can give.
        possible: u32,
    },
}

impl fmt::Display for AssessorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssessorError::NoFreeAssessor {
                participants,
                needed,
            } => write!(
                f,
                "tidak ada {needed} asesor bebas konflik kepentingan untuk {} orang ini",
                participants.len()
            ),
            AssessorError::DayShort {
                day,
                needed,
                possible,
            } => write!(
                f,
                "hari {}: dibutuhkan {needed} penilaian, asesor yang tersedia hanya sanggup {possible}",
                day + 1
            ),
        }
    }
}

/// The assessors of every participant, with the busiest assessor of each day as light as
/// possible; conflicts of interest are never broken.
pub fn assign_assessors(p: &AssessorProblem) -> Result<Vec<Vec<usize>>, AssessorError> {
    let k = p.per_participant;
    // Participants with too few conflict-free assessors on their day, whatever the loads.
    let lacking: Vec<usize> = p
        .day_of
        .iter()
        .enumerate()
        .filter(|(i, d)| {
            let free = p
                .assessors
                .iter()
                .enumerate()
                .filter(|(a, x)| {
                    x.available.get(**d).copied().unwrap_or(false)
                        && !p.conflict[*i][*a]
                        && x.max_per_day > 0
                })
                .count();
            (free as u32) < k
        })
        .map(|(i, _)| i)
        .collect();
    if !lacking.is_empty() {
        return Err(AssessorError::NoFreeAssessor {
            participants: lacking,
            needed: k,
        });
    }
    let mut out = vec![Vec::new(); p.day_of.len()];
    let days = p.day_of.iter().copied().max().map_or(0, |d| d + 1);
    for day in 0..days {
        let people: Vec<usize> = (0..p.day_of.len())
            .filter(|i| p.day_of[*i] == day)
            .collect();
        if people.is_empty() {
            continue;
        }
        let present: Vec<usize> = (0..p.assessors.len())
            .filter(|a| p.assessors[*a].available.get(day).copied().unwrap_or(false))
            .collect();
        let needed = people.len() as i64 * i64::from(k);
        let solve = |ceiling: u32| -> (i64, Network, Vec<Vec<(usize, usize)>>) {
            let mut net = Network::new(2);
            let (s, t) = (0, 1);
            let anodes: Vec<usize> = present
                .iter()
                .map(|a| {
                    let v = net.add_node();
                    net.add_edge(v, t, i64::from(p.assessors[*a].max_per_day.min(ceiling)));
                    v
                })
                .collect();
            let mut edges = Vec::with_capacity(people.len());
            for &i in &people {
                let v = net.add_node();
                net.add_edge(s, v, i64::from(k));
                let mut mine = Vec::new();
                for (j, &a) in present.iter().enumerate() {
                    if !p.conflict[i][a] {
                        mine.push((a, net.add_edge(v, anodes[j], 1)));
                    }
                }
                edges.push(mine);
            }
            let f = net.max_flow(s, t);
            (f, net, edges)
        };
        let top = present
            .iter()
            .map(|a| p.assessors[*a].max_per_day)
            .max()
            .unwrap_or(0);
        let (f, mut net, mut edges) = solve(top);
        if f < needed {
            let possible = present
                .iter()
                .map(|a| p.assessors[*a].max_per_day)
                .sum::<u32>();
            return Err(AssessorError::DayShort {
                day,
                needed: needed as u32,
                possible: possible.min(f as u32),
            });
        }
        let (mut lo, mut hi) = (0u32, top);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let (f2, n2, e2) = solve(mid);
            if f2 == needed {
                hi = mid;
                net = n2;
                edges = e2;
            } else {
                lo = mid + 1;
            }
        }
        for (idx, &i) in people.iter().enumerate() {
            out[i] = edges[idx]
                .iter()
                .filter(|(_, e)| net.flow(*e) > 0)
                .map(|(a, _)| *a)
                .collect();
        }
    }
    Ok(out)
}

/// Every violated constraint of an assignment, described; empty when it holds.
pub fn check_assessors(p: &AssessorProblem, assigned: &[Vec<usize>]) -> Vec<String> {
    let mut out = Vec::new();
    let mut load: std::collections::HashMap<(usize, usize), u32> = std::collections::HashMap::new();
    for (i, list) in assigned.iter().enumerate() {
        let d = p.day_of[i];
        if (list.len() as u32) < p.per_participant {
            out.push(format!("participant {i}: {} assessors", list.len()));
        }
        let mut seen = std::collections::HashSet::new();
        for &a in list {
            if !seen.insert(a) {
                out.push(format!("participant {i}: assessor {a} twice"));
            }
            if p.conflict[i][a] {
                out.push(format!("participant {i}: assessor {a} has a conflict"));
            }
            if !p.assessors[a].available.get(d).copied().unwrap_or(false) {
                out.push(format!(
                    "participant {i}: assessor {a} unavailable on day {d}"
                ));
            }
            *load.entry((a, d)).or_default() += 1;
        }
    }
    for ((a, d), l) in load {
        if l > p.assessors[a].max_per_day {
            out.push(format!(
                "assessor {a} day {d}: {l} > {}",
                p.assessors[a].max_per_day
            ));
        }
    }
    out
}

/// Group sizes for a group exercise of `n` people with groups of `min..=max`: as few groups as
/// possible, sizes differing by at most one. `None` when no split exists (e.g. 3 people, min 4).
pub fn group_sizes(n: u32, min: u32, max: u32) -> Option<Vec<u32>> {
    if n == 0 {
        return Some(Vec::new());
    }
    if min == 0 || min > max {
        return None;
    }
    let groups = n.div_ceil(max);
    let base = n / groups;
    let extra = n % groups;
    let sizes: Vec<u32> = (0..groups).map(|g| base + u32::from(g < extra)).collect();
    sizes
        .iter()
        .all(|s| (min..=max).contains(s))
        .then_some(sizes)
}
