//! Fleet membership over time, per cell, and each server's lagged view of it.
//!
//! AWS: "It takes up to an hour for any existing front-end fleet member to learn of new
//! participants." The model gives every server its own lag `d` (uniform in 0..=max, seeded) and
//! lets it see the membership as it was `d` minutes ago, but never as it was before the server
//! itself booted: a (re)started server reads the current membership when it boots. This keeps a
//! tick O(1) per server; per-pair delays would cost servers x new servers.

use crate::clock::Minute;

/// Members per cell at every simulated minute so far.
#[derive(Debug, Clone, Default)]
pub struct MembershipHistory {
    start: Minute,
    per_cell: Vec<Vec<u32>>,
}

impl MembershipHistory {
    /// An empty history for `cells` cells starting at `start`.
    pub fn new(cells: usize, start: Minute, capacity: usize) -> Self {
        Self {
            start,
            per_cell: (0..cells).map(|_| Vec::with_capacity(capacity)).collect(),
        }
    }

    /// Appends the member counts of the current minute (one per cell).
    pub fn push(&mut self, counts: &[u32]) {
        for (cell, c) in self.per_cell.iter_mut().zip(counts) {
            cell.push(*c);
        }
    }

    /// Members of `cell` at minute `t`, clamped to the recorded span.
    #[inline]
    pub fn at(&self, cell: usize, t: Minute) -> u32 {
        let Some(series) = self.per_cell.get(cell) else {
            return 0;
        };
        if series.is_empty() {
            return 0;
        }
        let idx = (t - self.start).clamp(0, series.len() as Minute - 1) as usize;
        series[idx]
    }

    /// The peers a server knows at `t`: the members of its cell as of its lagged view, minus
    /// itself.
    #[inline]
    pub fn known(&self, cell: usize, lag: u8, boot: Minute, t: Minute) -> u32 {
        let view = (t - Minute::from(lag)).max(boot).min(t);
        self.at(cell, view).saturating_sub(1)
    }

    /// Most members `cell` had from minute `from` to now.
    pub fn most_since(&self, cell: usize, from: Minute) -> u32 {
        let Some(series) = self.per_cell.get(cell) else {
            return 0;
        };
        let first = (from - self.start).clamp(0, series.len() as Minute) as usize;
        series[first..].iter().copied().max().unwrap_or(0)
    }

    /// Number of cells.
    pub fn cells(&self) -> usize {
        self.per_cell.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history() -> MembershipHistory {
        let mut h = MembershipHistory::new(1, 0, 10);
        for c in [10, 10, 11, 12, 13, 13, 12] {
            h.push(&[c]);
        }
        h
    }

    #[test]
    fn view_lags_by_the_servers_delay() {
        let h = history();
        assert_eq!(h.known(0, 0, -100, 4), 12);
        assert_eq!(h.known(0, 2, -100, 4), 10);
        assert_eq!(h.known(0, 4, -100, 4), 9);
    }

    #[test]
    fn a_booting_server_reads_the_membership_of_its_boot() {
        let h = history();
        assert_eq!(h.known(0, 60, 4, 4), 12);
        assert_eq!(h.known(0, 60, 3, 6), 11);
    }

    #[test]
    fn out_of_range_is_clamped() {
        let h = history();
        assert_eq!(h.at(0, -5), 10);
        assert_eq!(h.at(0, 500), 12);
        assert_eq!(h.at(3, 0), 0);
    }
}
