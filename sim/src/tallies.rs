//! Running totals over the fleet, kept up to date as servers change, so that a minute in which
//! little changes costs little: threads held by running servers (for min / median / max), servers
//! over the limit, failing shard-maps by the minute of their last good build, and the servers
//! cold-starting.

use std::collections::BTreeMap;

use crate::clock::Minute;

/// Running totals over the fleet.
#[derive(Debug, Clone, Default)]
pub struct Tallies {
    /// Running servers by the threads they want (what they hold is this capped at the limit).
    pub threads: BTreeMap<u32, u32>,
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

    /// Fewest, median and most threads wanted by a running server.
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
