//! Running totals over the fleet, kept up to date as servers change, so that a minute in which
//! little changes costs little: threads held by running servers (for min / median / max), servers
//! over the limit, failing shard-maps by the minute of their last good build, and the servers
//! cold-starting.

use std::collections::BTreeMap;

use crate::clock::Minute;

/// Running totals over the fleet.
#[derive(Debug, Clone, Default)]
pub struct Tallies {
    /// Running servers by the threads they hold.
    pub threads: BTreeMap<u32, u32>,
    /// Running servers past the limit by the threads they want (index: threads), an array
    /// rather than a map: while the fleet restarts, what they want moves every minute, and an
    /// array's count costs one step to move.
    pub wanted_over: Vec<u32>,
    /// Number of servers counted in `wanted_over`.
    pub wanted_over_n: u32,
    /// Number of running servers counted in `threads`.
    pub running: u32,
    /// Running servers whose wanted threads exceed the limit.
    pub over_limit: u32,
    /// Servers past the limit with a failing map, by the minute of their last good map.
    pub failing_maps: BTreeMap<Minute, u32>,
    /// Servers cold-starting, in the order they were restarted (may hold servers that have
    /// since left that state; see `retain`).
    pub cold: Vec<u32>,
    /// Restarted servers in their warm-up (may hold servers that have since left it).
    pub warming: Vec<u32>,
}

fn bump<K: Ord>(map: &mut BTreeMap<K, u32>, key: K, up: bool) {
    if up {
        *map.entry(key).or_insert(0) += 1;
    } else if let Some(n) = map.get_mut(&key) {
        *n -= 1;
        if *n == 0 {
            map.remove(&key);
        }
    }
}

impl Tallies {
    /// A running server's threads go from `old` to `new` (`None`: not counted).
    pub fn threads_changed(&mut self, old: Option<u32>, new: Option<u32>) {
        if old == new {
            return;
        }
        if let Some(o) = old {
            bump(&mut self.threads, o, false);
            self.running -= 1;
        }
        if let Some(n) = new {
            bump(&mut self.threads, n, true);
            self.running += 1;
        }
    }

    /// A server's map starts (`up`) or stops failing; `last_good` is its last good build.
    pub fn failing_map(&mut self, last_good: Minute, up: bool) {
        bump(&mut self.failing_maps, last_good, up);
    }

    /// A running server past the limit wants `new` threads instead of `old` (`None`: not
    /// past the limit, or not running).
    pub fn wanted_changed(&mut self, old: Option<u32>, new: Option<u32>) {
        if old == new {
            return;
        }
        if let Some(o) = old {
            if let Some(n) = self.wanted_over.get_mut(o as usize) {
                *n -= 1;
                self.wanted_over_n -= 1;
            }
        }
        if let Some(w) = new {
            let w = w as usize;
            if self.wanted_over.len() <= w {
                self.wanted_over.resize(w + 1, 0);
            }
            self.wanted_over[w] += 1;
            self.wanted_over_n += 1;
        }
    }

    /// The median and most threads a running server wants: past the limit from the array,
    /// otherwise what it holds (`held`: the held median and most).
    pub fn wanted_median_max(&self, held: (u32, u32)) -> (u32, u32) {
        let over = self.wanted_over_n;
        if over == 0 {
            return held;
        }
        let top = self.wanted_over.iter().rposition(|n| *n > 0).unwrap_or(0) as u32;
        let mid = self.running.saturating_sub(1) / 2;
        let under = self.running.saturating_sub(over);
        if mid < under {
            return (held.0, top);
        }
        // The median is past the limit: its rank from the top among those past it.
        let from_top = over - 1 - (mid - under);
        let mut seen = 0u32;
        for (w, n) in self.wanted_over.iter().enumerate().rev() {
            seen += n;
            if seen > from_top {
                return (w as u32, top);
            }
        }
        (held.0, top)
    }

    /// Fewest, median and most threads held by a running server.
    pub fn threads_min_median_max(&self) -> Option<(u32, u32, u32)> {
        let (&lo, _) = self.threads.first_key_value()?;
        let (&hi, _) = self.threads.last_key_value()?;
        let mid = (self.running.saturating_sub(1) / 2) as u64;
        let mut seen = 0u64;
        for (&v, &n) in &self.threads {
            seen += u64::from(n);
            if seen > mid {
                return Some((lo, v, hi));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_follows_changes() {
        let mut t = Tallies::default();
        for v in [5u32, 9, 7, 7, 6, 100, 8] {
            t.threads_changed(None, Some(v));
        }
        assert_eq!(t.threads_min_median_max(), Some((5, 7, 100)));
        t.threads_changed(Some(100), None);
        t.threads_changed(Some(5), Some(50));
        assert_eq!(t.threads_min_median_max(), Some((6, 7, 50)));
        assert_eq!(t.running, 6);
        assert_eq!(Tallies::default().threads_min_median_max(), None);
    }

    #[test]
    fn the_wanted_median_and_most_follow_the_servers_past_the_limit() {
        // Five servers hold 10 (the limit); three want more: 12, 15, 15.
        let mut t = Tallies::default();
        for v in [8u32, 10, 10, 10, 10] {
            t.threads_changed(None, Some(v));
        }
        assert_eq!(
            t.wanted_median_max((10, 10)),
            (10, 10),
            "none past the limit"
        );
        for w in [12u32, 15, 15] {
            t.wanted_changed(None, Some(w));
        }
        // Wanted, in order: 8, 10, 12, 15, 15: the median is 12, the most 15.
        assert_eq!(t.wanted_median_max((10, 10)), (12, 15));
        t.wanted_changed(Some(15), Some(11));
        // 8, 10, 11, 12, 15.
        assert_eq!(t.wanted_median_max((10, 10)), (11, 15));
        t.wanted_changed(Some(15), None);
        t.wanted_changed(Some(12), None);
        // 8, 10, 10, 10, 11: the median is held's.
        assert_eq!(t.wanted_median_max((10, 10)), (10, 11));
    }

    #[test]
    fn failing_maps_count_up_and_down() {
        let mut t = Tallies::default();
        t.failing_map(10, true);
        t.failing_map(10, true);
        t.failing_map(12, true);
        t.failing_map(10, false);
        assert_eq!(t.failing_maps.get(&10), Some(&1));
        t.failing_map(10, false);
        assert_eq!(t.failing_maps.get(&10), None);
    }
}
