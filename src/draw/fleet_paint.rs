//! The fleet as pixels: every front-end server a cell, coloured by how it looks at the cursor
//! (`look.rs`), painted into an RGBA buffer that the fleet view puts on its canvas in one call.
//! Where cells are large enough, a serving server's cell is a gauge of its thread headroom: a
//! light cell fills from the bottom as the server learns new peers and uses up the threads it
//! had to spare, and tips over to past the limit when it is full. Pure, so it is tested natively.

use cascade_sim::Recording;

use crate::draw::look::{look_at, Look};

/// How the servers are laid out on the canvas.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grid {
    /// Servers per row.
    pub cols: u32,
    /// Rows.
    pub rows: u32,
    /// Side of a cell in canvas pixels.
    pub cell: u32,
}

impl Grid {
    /// A grid for `n` servers, about 16:10, cells of at most 8 pixels.
    pub fn for_servers(n: usize) -> Self {
        let n = n.max(1) as f64;
        let cols = (n * 1.6).sqrt().ceil().max(1.0) as u32;
        let rows = (n / f64::from(cols)).ceil().max(1.0) as u32;
        // Small cells keep the buffer small (CSS scales the canvas up without smoothing); at the
        // default fleet they are large enough to show each server's headroom.
        let cell = (640 / cols).clamp(1, GAUGE_CELL + 2);
        Self { cols, rows, cell }
    }

    /// Canvas width in pixels.
    pub fn width(&self) -> u32 {
        self.cols * self.cell
    }

    /// Canvas height in pixels.
    pub fn height(&self) -> u32 {
        self.rows * self.cell
    }
}

/// The smallest cell, in pixels, drawn as a headroom gauge (below it, cells are solid).
pub const GAUGE_CELL: u32 = 6;

/// Share of server `i`'s spare threads used at `t`: 0 with as much headroom as it had when the
/// day began (`floor` threads wanted by server 0, moved by the two servers' threads at rest:
/// servers are not identical), 1 at the limit.
pub fn headroom_used(run: &Recording, i: usize, t: i32, floor: u32) -> f32 {
    let limit = run.scenario.threads.limit;
    let th = &run.scenario.threads;
    let rest = |k: usize| {
        let u = run.servers.rest.get(k).copied().unwrap_or(0.0);
        i64::from(cascade_sim::fleet::threads_at_rest(
            th.base,
            th.base_spread,
            u,
        ))
    };
    let floor = (i64::from(floor) + rest(i) - rest(0)).clamp(0, i64::from(u32::MAX)) as u32;
    let wanted = run.server_at(i, t).map_or(floor, |s| s.threads_wanted);
    if limit <= floor {
        return 1.0;
    }
    (wanted.saturating_sub(floor) as f32 / (limit - floor) as f32).clamp(0.0, 1.0)
}

/// Threads a server of the original fleet wanted when the day began (the headroom's zero).
pub fn floor(run: &Recording) -> u32 {
    let start = run.scenario.time.start_min;
    run.server_at(0, start).map_or(0, |s| s.threads_wanted)
}

/// `c` mixed with `onto` (a share `k` of `c`).
fn mix(c: [u8; 3], onto: [u8; 3], k: f32) -> [u8; 3] {
    let m = |a: u8, b: u8| (f32::from(a) * k + f32::from(b) * (1.0 - k)).round() as u8;
    [m(c[0], onto[0]), m(c[1], onto[1]), m(c[2], onto[2])]
}

/// Paints the states of every server at `t` into an RGBA buffer (reused between frames).
pub fn paint(run: &Recording, t: i32, grid: Grid, buf: &mut Vec<u8>) {
    let (w, h) = (grid.width() as usize, grid.height() as usize);
    buf.clear();
    buf.resize(w * h * 4, 0);
    let cell = grid.cell as usize;
    let gap = usize::from(cell >= 4);
    let existing = run.servers.existing as usize;
    let gauge = grid.cell >= GAUGE_CELL;
    let zero = if gauge { floor(run) } else { 0 };
    let inner = cell - gap;
    let paper = crate::draw::palette::LIGHT.background;
    for i in 0..run.server_count() {
        let look = look_at(run, i, t);
        let solid = look.rgb();
        let alpha = if look == Look::Pending { 40 } else { 255 };
        let (cx, cy) = (
            (i % grid.cols as usize) * cell,
            (i / grid.cols as usize) * cell,
        );
        // A serving server's spare threads: the inner rows above its fill are still free.
        let free_rows = if gauge && look == Look::Serving {
            let used = headroom_used(run, i, t, zero);
            ((1.0 - used) * (inner - 2) as f32).round() as usize
        } else {
            0
        };
        let light = mix(solid, paper, 0.3);
        for (dy, y) in (cy..cy + inner).enumerate() {
            let row = (y * w + cx) * 4;
            for dx in 0..inner {
                let edge = dx == 0 || dx + 1 == inner || dy == 0 || dy + 1 == inner;
                let [r, g, b] = if !edge && dy <= free_rows {
                    light
                } else {
                    solid
                };
                let p = row + dx * 4;
                buf[p..p + 4].copy_from_slice(&[r, g, b, alpha]);
            }
        }
        // New capacity: a dot in the middle of the cell (dark on a gauge's light inside).
        if i >= existing && cell >= 3 && look != Look::Pending {
            let (mx, my) = (cx + inner / 2, cy + inner / 2);
            let p = (my * w + mx) * 4;
            let [r, g, b] = if gauge {
                crate::draw::palette::LIGHT.ink
            } else {
                paper
            };
            buf[p..p + 4].copy_from_slice(&[r, g, b, 255]);
        }
    }
}

/// Rings server `i`'s cell in ink, one pixel outside it (over the gaps between cells).
pub fn ring(grid: Grid, i: usize, buf: &mut [u8]) {
    let (w, h) = (grid.width() as i64, grid.height() as i64);
    let cell = i64::from(grid.cell);
    let (cx, cy) = (
        (i % grid.cols as usize) as i64 * cell,
        (i / grid.cols as usize) as i64 * cell,
    );
    let [r, g, b] = crate::draw::palette::LIGHT.ink;
    let mut put = |x: i64, y: i64| {
        if (0..w).contains(&x) && (0..h).contains(&y) {
            let p = ((y * w + x) * 4) as usize;
            buf[p..p + 4].copy_from_slice(&[r, g, b, 255]);
        }
    };
    for d in -2..=cell + 1 {
        for k in [-2, -1] {
            put(cx + d, cy + k);
            put(cx + k, cy + d);
        }
        for k in [cell, cell + 1] {
            put(cx + d, cy + k);
            put(cx + k, cy + d);
        }
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use cascade_sim::{presets, run};

    fn cell_colour(buf: &[u8], grid: Grid, i: usize) -> [u8; 3] {
        let (x, y) = (
            (i % grid.cols as usize) * grid.cell as usize,
            (i / grid.cols as usize) * grid.cell as usize,
        );
        let p = (y * grid.width() as usize + x) * 4;
        [buf[p], buf[p + 1], buf[p + 2]]
    }

    #[test]
    fn grid_holds_every_server() {
        for n in [1usize, 10, 3_800, 41_081] {
            let g = Grid::for_servers(n);
            assert!((g.cols * g.rows) as usize >= n, "{n}");
            assert!(g.width() <= 1_024);
        }
    }

    #[test]
    fn paint_shows_the_states_at_the_cursor() {
        let Ok(r) = presets::scenario("historical").and_then(|s| run(&s)) else {
            panic!("the historical run failed");
        };
        let grid = Grid::for_servers(r.server_count());
        let mut buf = Vec::new();
        paint(&r, 60, grid, &mut buf);
        assert_eq!(cell_colour(&buf, grid, 0), Look::Serving.rgb());
        let existing = r.servers.existing as usize;
        let showing = |buf: &[u8], look: Look| {
            (0..existing)
                .filter(|i| cell_colour(buf, grid, *i) == look.rgb())
                .count()
        };
        // At 03:30 most servers are past the limit, but their old maps still route.
        paint(&r, 3 * 60 + 30, grid, &mut buf);
        assert!(showing(&buf, Look::PastLimit) > 500);
        assert!(showing(&buf, Look::MapFailing) < 100);
        // By 07:00 the old maps are useless.
        paint(&r, 7 * 60, grid, &mut buf);
        let failing = showing(&buf, Look::MapFailing);
        assert!(failing * 10 > existing * 9, "{failing}");
    }

    #[test]
    fn a_serving_server_uses_up_its_headroom_as_it_learns_new_peers() {
        let Ok(r) = presets::scenario("historical").and_then(|s| run(&s)) else {
            panic!("the historical run failed");
        };
        let zero = floor(&r);
        let existing = r.servers.existing as usize;
        let used = |t: i32| -> Vec<f32> {
            (0..existing)
                .filter(|&i| look_at(&r, i, t) == Look::Serving)
                .map(|i| headroom_used(&r, i, t, zero))
                .collect()
        };
        assert!(
            used(2 * 60).iter().all(|u| *u == 0.0),
            "a normal day: all headroom free"
        );
        // Half an hour into the addition, many of the servers still serving have used some of it,
        // and not all the same amount (each learns of the new peers at its own pace).
        let mid = used(3 * 60 + 15);
        assert!(mid.len() > 100);
        let partly = mid.iter().filter(|u| **u > 0.0 && **u < 1.0).count();
        assert!(partly * 3 > mid.len(), "{partly} of {}", mid.len());
        let (lo, hi) = mid
            .iter()
            .fold((1.0f32, 0.0f32), |(a, b), u| (a.min(*u), b.max(*u)));
        assert!(hi - lo > 0.2, "{lo} to {hi}");
        // A gauge cell shows it: more of a server's cell is filled as its headroom goes.
        let grid = Grid::for_servers(r.server_count());
        assert!(grid.cell >= GAUGE_CELL);
        let solid_pixels = |t: i32, buf: &mut Vec<u8>| {
            paint(&r, t, grid, buf);
            buf.chunks(4)
                .filter(|p| p[..3] == Look::Serving.rgb())
                .count()
        };
        let mut buf = Vec::new();
        let before = solid_pixels(2 * 60, &mut buf);
        let during = solid_pixels(3 * 60 + 5, &mut buf);
        let serving_then = used(3 * 60 + 5).len();
        assert!(
            during as f32 / serving_then as f32 > before as f32 / existing as f32,
            "fuller cells during the addition"
        );
    }
}
