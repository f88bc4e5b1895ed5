//! The fleet as pixels: every front-end server a cell, coloured by its state at the cursor,
//! painted into an RGBA buffer that the fleet view puts on its canvas in one call. Pure, so it
//! is tested natively.

use cascade_sim::Recording;

use crate::look::{look_at, Look};

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
    /// A grid for `n` servers, about 16:10, cells of at most 4 pixels.
    pub fn for_servers(n: usize) -> Self {
        let n = n.max(1) as f64;
        let cols = (n * 1.6).sqrt().ceil().max(1.0) as u32;
        let rows = (n / f64::from(cols)).ceil().max(1.0) as u32;
        // Small cells keep the buffer small; CSS scales the canvas up without smoothing.
        let cell = (640 / cols).clamp(1, 4);
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

/// Paints the states of every server at `t` into an RGBA buffer (reused between frames).
pub fn paint(run: &Recording, t: i32, grid: Grid, buf: &mut Vec<u8>) {
    let (w, h) = (grid.width() as usize, grid.height() as usize);
    buf.clear();
    buf.resize(w * h * 4, 0);
    let cell = grid.cell as usize;
    let gap = usize::from(cell >= 4);
    let existing = run.servers.existing as usize;
    for i in 0..run.server_count() {
        let look = look_at(run, i, t);
        let [r, g, b] = look.rgb();
        let alpha = if look == Look::Pending { 40 } else { 255 };
        let (cx, cy) = (
            (i % grid.cols as usize) * cell,
            (i / grid.cols as usize) * cell,
        );
        for y in cy..cy + cell - gap {
            let row = (y * w + cx) * 4;
            for x in 0..cell - gap {
                let p = row + x * 4;
                buf[p..p + 4].copy_from_slice(&[r, g, b, alpha]);
            }
        }
        // New capacity: a light dot in the middle of the cell.
        if i >= existing && cell >= 3 && look != Look::Pending {
            let (mx, my) = (cx + (cell - gap) / 2, cy + (cell - gap) / 2);
            let p = (my * w + mx) * 4;
            let [r, g, b] = crate::palette::LIGHT.background;
            buf[p..p + 4].copy_from_slice(&[r, g, b, 255]);
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
}
