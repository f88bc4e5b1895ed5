//! The fleet on its canvas: painted into a pixel buffer in wasm memory and put on the canvas in
//! one call, when the run, the minute, the layout or the ringed server changes; and the server
//! under a point of the canvas.

use std::cell::RefCell;
use std::rc::Rc;

use cascade_sim::clock::Minute;
use cascade_sim::Recording;
use wasm_bindgen::Clamped;
use yew::prelude::*;

use crate::draw::fleet_histogram::{self as hist, Histogram};
use crate::draw::fleet_paint::{paint, ring, Grid};
use crate::state::ById;

/// How the fleet is laid out: its grid and its histogram, and which of them is shown.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct Layout {
    pub(super) grid: Grid,
    pub(super) histogram: Histogram,
    pub(super) arranged: bool,
}

impl Layout {
    /// The canvas's size in pixels.
    pub(super) fn size(&self) -> (u32, u32) {
        if self.arranged {
            (self.histogram.width(), self.histogram.height())
        } else {
            (self.grid.width(), self.grid.height())
        }
    }

    /// The server at the fraction (`fx`, `fy`) of the canvas at minute `t`.
    pub(super) fn server_at(&self, run: &Recording, t: Minute, fx: f64, fy: f64) -> Option<usize> {
        if !(0.0..1.0).contains(&fx) || !(0.0..1.0).contains(&fy) {
            return None;
        }
        let (grid, histogram) = (self.grid, &self.histogram);
        if self.arranged {
            let placed = hist::place(run, t, histogram);
            hist::server_at_pixel(
                histogram,
                &placed,
                (fx * f64::from(histogram.width())) as usize,
                (fy * f64::from(histogram.height())) as usize,
            )
        } else {
            let i = (fy * f64::from(grid.rows)).floor() as usize * grid.cols as usize
                + (fx * f64::from(grid.cols)).floor() as usize;
            (i < run.server_count()).then_some(i)
        }
    }
}

/// Paints the fleet at minute `t` on `canvas`, with the server `ringed` ringed.
#[hook]
pub(super) fn use_fleet_paint(
    canvas: NodeRef,
    run: Rc<Recording>,
    t: Minute,
    layout: Layout,
    ringed: Option<usize>,
) {
    let buffer = use_mut_ref(Vec::<u8>::new);
    let key = (ById(Rc::clone(&run)), t, layout.arranged, ringed);
    use_effect_with(key, move |_| {
        if let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() {
            draw(&el, &run, t, layout, ringed, &buffer);
        }
    });
}

fn draw(
    el: &web_sys::HtmlCanvasElement,
    run: &Recording,
    t: Minute,
    layout: Layout,
    ringed: Option<usize>,
    buffer: &RefCell<Vec<u8>>,
) {
    let (width, height) = layout.size();
    // Resizing a canvas clears and reallocates it: only when the layout changes.
    if el.width() != width || el.height() != height {
        el.set_width(width);
        el.set_height(height);
    }
    let mut buf = buffer.borrow_mut();
    if layout.arranged {
        hist::paint(run, t, &layout.histogram, ringed, &mut buf);
    } else {
        paint(run, t, layout.grid, &mut buf);
        if let Some(i) = ringed {
            ring(layout.grid, i, &mut buf);
        }
    }
    let image =
        web_sys::ImageData::new_with_u8_clamped_array_and_sh(Clamped(&buf[..]), width, height);
    let ctx =
        el.get_context("2d").ok().flatten().and_then(|c| {
            wasm_bindgen::JsCast::dyn_into::<web_sys::CanvasRenderingContext2d>(c).ok()
        });
    if let (Ok(image), Some(ctx)) = (image, ctx) {
        ctx.put_image_data(&image, 0.0, 0.0).ok();
    }
}
