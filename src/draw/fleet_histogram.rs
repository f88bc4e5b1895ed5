//! The fleet arranged by threads: the same dots as the rack, moved into a histogram of the
//! threads each running server wants, in columns of ten threads with the operating-system limit
//! on a column boundary. Over the hour after the addition the fleet drifts right, across the
//! limit, as each server learns of the new peers. Pure, so it is tested natively.

use cascade_sim::Recording;

use crate::draw::look::look_at;

/// Threads per column of the histogram.
pub const BIN: i64 = 10;
/// Dot slots across one column.
const SLOTS: usize = 40;
// A dot is one canvas pixel, so that the canvas is scaled up, never down (scaled down without
// smoothing, dots and the limit's line would drop out).
/// The most rows of dots; beyond it a dot stands for several servers.
const MAX_ROWS: usize = 150;

/// Where the histogram's columns fall and how many servers a dot stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Histogram {
    /// Threads at the left edge of the first column.
    pub lo: i64,
    /// Columns.
    pub bins: usize,
    /// Rows of dots.
    pub rows: usize,
    /// Servers per dot (1 at the default fleet).
    pub per_dot: usize,
    /// The thread limit (a column boundary).
    pub limit: i64,
}

impl Histogram {
    /// The columns for a run: from a column left of what a server wanted as the day began to a
    /// column right of what it wants once it knows every peer, the limit always inside.
    pub fn for_run(run: &Recording) -> Self {
        let limit = i64::from(run.scenario.threads.limit);
        let start = run.scenario.time.start_min;
        let before = run
            .server_at(0, start)
            .map_or(limit, |s| i64::from(s.threads_wanted));
        let peers = run.server_count().saturating_sub(1) as u32;
        let after = i64::from(cascade_sim::phases::threads::threads_for(&run.scenario, peers).0)
            .max(before);
        let below = ((limit - before.min(limit)) + BIN - 1) / BIN + 1;
        let above = ((after.max(limit) - limit) + BIN - 1) / BIN + 1;
        let bins = (below + above).clamp(2, 40) as usize;
        let n = run.server_count().max(1);
        let per_dot = n.div_ceil(SLOTS * MAX_ROWS).max(1);
        let rows = n.div_ceil(per_dot).div_ceil(SLOTS).clamp(1, MAX_ROWS);
        Self {
            lo: limit - below * BIN,
            bins,
            rows,
            per_dot,
            limit,
        }
    }

    /// Canvas width in pixels.
    pub fn width(&self) -> u32 {
        (self.bins * SLOTS) as u32
    }

    /// Canvas height in pixels.
    pub fn height(&self) -> u32 {
        self.rows as u32
    }

    /// The column of a server wanting `wanted` threads (clamped to the ends). Columns hold
    /// (lo, lo + 10]: a server wanting exactly the limit is under it, not past it.
    pub fn bin_of(&self, wanted: i64) -> usize {
        ((wanted - self.lo - 1).div_euclid(BIN)).clamp(0, self.bins as i64 - 1) as usize
    }

    /// The limit's place across the canvas, as a share of its width.
    pub fn limit_at(&self) -> f64 {
        (self.limit - self.lo) as f64 / (self.bins as i64 * BIN) as f64
    }
}

/// Each running server's dot at `t`: its column and its place in the column's stack, and the
/// servers drawn (one dot stands for `per_dot` servers, the first of them picked by pointing).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placed {
    /// (server, column, slot in the column's stack) of each dot, bottom up.
    pub dots: Vec<(usize, usize, usize)>,
    /// Running servers per column.
    pub per_bin: Vec<usize>,
}

/// Places the running servers at `t`, in server order within each column.
pub fn place(run: &Recording, t: i32, h: &Histogram) -> Placed {
    let mut per_bin = vec![0usize; h.bins];
    let mut dots = Vec::new();
    for i in 0..run.server_count() {
        let Some(s) = run.server_at(i, t) else {
            continue;
        };
        if !s.state.running() {
            continue;
        }
        let b = h.bin_of(i64::from(s.threads_wanted));
        let k = per_bin[b];
        per_bin[b] += 1;
        if k % h.per_dot == 0 {
            dots.push((i, b, k / h.per_dot));
        }
    }
    Placed { dots, per_bin }
}

/// The canvas position (left, top, in pixels) of a dot.
pub fn dot_xy(h: &Histogram, bin: usize, slot: usize) -> (usize, usize) {
    let col = slot % SLOTS;
    // Stacks taller than the canvas fold back over themselves rather than run off it.
    let row = (slot / SLOTS) % h.rows;
    (bin * SLOTS + col, h.rows - 1 - row)
}

/// The server whose dot is at canvas pixel (x, y), if any.
pub fn server_at_pixel(h: &Histogram, placed: &Placed, x: usize, y: usize) -> Option<usize> {
    placed
        .dots
        .iter()
        .find(|(_, b, k)| dot_xy(h, *b, *k) == (x, y))
        .map(|(i, _, _)| *i)
}

/// Paints the histogram at `t` into an RGBA buffer, each dot in its server's look, the limit
/// as a line of ink and `ringed` server's dot with a ring around it.
pub fn paint(run: &Recording, t: i32, h: &Histogram, ringed: Option<usize>, buf: &mut Vec<u8>) {
    let (w, ht) = (h.width() as usize, h.height() as usize);
    buf.clear();
    buf.resize(w * ht * 4, 0);
    let placed = place(run, t, h);
    let mut put = |x: usize, y: usize, c: [u8; 3]| {
        if x < w && y < ht {
            let p = (y * w + x) * 4;
            buf[p..p + 4].copy_from_slice(&[c[0], c[1], c[2], 255]);
        }
    };
    let ink = crate::draw::palette::LIGHT.ink;
    let line = (h.limit_at() * w as f64).round() as usize;
    for y in 0..ht {
        put(line.saturating_sub(1), y, ink);
    }
    let mut ring = None;
    for (i, b, k) in &placed.dots {
        let (x, y) = dot_xy(h, *b, *k);
        let c = look_at(run, *i, t).rgb();
        put(x, y, c);
        if Some(*i) == ringed {
            ring = Some((x, y));
        }
    }
    if let Some((x, y)) = ring {
        // A square ring two pixels out from the dot, in ink.
        let (x0, y0) = (x.saturating_sub(2), y.saturating_sub(2));
        for d in 0..=4 {
            put(x0 + d, y0, ink);
            put(x0 + d, y0 + 4, ink);
            put(x0, y0 + d, ink);
            put(x0 + 4, y0 + d, ink);
        }
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::draw::look::Look;
    use cascade_sim::clock::at;
    use cascade_sim::{presets, run};

    /// Share of running servers at `t` in columns at or past the limit.
    fn share_past_limit(run: &Recording, t: i32, h: &Histogram) -> f64 {
        let placed = place(run, t, h);
        let first_past = h.bin_of(h.limit + 1);
        let total: usize = placed.per_bin.iter().sum();
        let past: usize = placed.per_bin[first_past..].iter().sum();
        past as f64 / total.max(1) as f64
    }

    /// Whether a dot in the look `look` counts as past the limit in the picture's words.
    fn is_past(look: Look) -> bool {
        matches!(look, Look::PastLimit | Look::MapFailing)
    }

    fn historical(seed: u64) -> Recording {
        let Ok(mut s) = presets::scenario("historical") else {
            panic!("no historical preset");
        };
        s.seed = seed;
        match run(&s) {
            Ok(r) => r,
            Err(e) => panic!("the run failed: {e}"),
        }
    }

    #[test]
    fn the_limit_is_a_column_boundary_with_the_fleet_on_both_sides_of_it() {
        let r = historical(1);
        let h = Histogram::for_run(&r);
        assert_eq!((h.limit - h.lo) % BIN, 0);
        assert!(h.limit_at() > 0.0 && h.limit_at() < 1.0);
        assert_eq!(h.per_dot, 1, "one dot per server at the default fleet");
        assert!(h.rows * SLOTS >= r.server_count());
    }

    #[test]
    fn the_fleet_drifts_across_the_limit_between_three_and_four() {
        for seed in [1, 2, 3, 4, 5] {
            let r = historical(seed);
            let h = Histogram::for_run(&r);
            let before = share_past_limit(&r, at(2, 30), &h);
            let three = share_past_limit(&r, at(3, 0), &h);
            let four = share_past_limit(&r, at(4, 0), &h);
            assert_eq!(
                before, 0.0,
                "seed {seed}: all under the limit before the addition"
            );
            assert!(three < 0.5, "seed {seed}: {three} past at 03:00");
            assert!(
                four > 0.5 && four > three + 0.4,
                "seed {seed}: {four} past at 04:00"
            );
        }
    }

    #[test]
    fn every_running_server_has_a_dot_and_dots_past_the_line_look_past_the_limit() {
        let r = historical(1);
        let h = Histogram::for_run(&r);
        let t = at(3, 30);
        let placed = place(&r, t, &h);
        let running = (0..r.server_count())
            .filter(|i| r.server_at(*i, t).is_some_and(|s| s.state.running()))
            .count();
        assert_eq!(placed.dots.len(), running);
        let first_past = h.bin_of(h.limit + 1);
        for (i, b, _) in &placed.dots {
            let look = look_at(&r, *i, t);
            assert_eq!(
                *b >= first_past,
                is_past(look),
                "server {i} in column {b}: {look:?}"
            );
        }
    }

    #[test]
    fn pointing_at_a_dot_finds_its_server_and_the_ring_is_drawn() {
        let r = historical(1);
        let h = Histogram::for_run(&r);
        let t = at(3, 30);
        let placed = place(&r, t, &h);
        let (i, b, k) = placed.dots[placed.dots.len() / 2];
        let (x, y) = dot_xy(&h, b, k);
        assert_eq!(server_at_pixel(&h, &placed, x, y), Some(i));
        let (mut plain, mut ringed) = (Vec::new(), Vec::new());
        paint(&r, t, &h, None, &mut plain);
        paint(&r, t, &h, Some(i), &mut ringed);
        assert_ne!(plain, ringed);
    }
}
