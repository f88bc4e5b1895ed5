//! Pictures drawn off the page, for the video and the PNG export: the fleet and any chart drawn
//! from the recording by the same code as on screen, never read back from other components'
//! elements.

use cascade_sim::Recording;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{Clamped, JsCast};

use crate::draw::charts::registry::Chart;
use crate::draw::charts::{Theme, TimeAxis};
use crate::draw::fleet_paint::{paint, Grid};

/// A 2D drawing context.
pub type Ctx = web_sys::CanvasRenderingContext2d;

/// A canvas of `w` x `h` pixels that is not on the page, and its context.
pub fn canvas(w: u32, h: u32) -> Result<(web_sys::HtmlCanvasElement, Ctx), String> {
    let doc = crate::web::dom::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = doc
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or("no canvas")?;
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: Ctx = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or("no 2d context")?;
    Ok((canvas, ctx))
}

/// The fleet at `t`, painted into `target` (sized to the fleet's grid), reusing `buf`.
pub fn paint_fleet(
    target: &(web_sys::HtmlCanvasElement, Ctx),
    run: &Recording,
    t: i32,
    buf: &mut Vec<u8>,
) -> Result<(), String> {
    let grid = Grid::for_servers(run.server_count());
    let (canvas, ctx) = target;
    if canvas.width() != grid.width() || canvas.height() != grid.height() {
        canvas.set_width(grid.width());
        canvas.set_height(grid.height());
    }
    paint(run, t, grid, buf);
    let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
        Clamped(&buf[..]),
        grid.width(),
        grid.height(),
    )
    .map_err(|_| "the fleet could not be painted")?;
    ctx.put_image_data(&image, 0.0, 0.0)
        .map_err(|_| "the fleet could not be painted".to_string())
}

/// `chart` drawn in light colours on a canvas of `w` x `h` pixels; its time axis, for a cursor.
pub fn chart(
    chart: Chart,
    run: &Recording,
    compare: Option<&Recording>,
    w: u32,
    h: u32,
) -> Result<(web_sys::HtmlCanvasElement, TimeAxis), String> {
    chart_with_text(chart, run, compare, (w, h), 1.0)
}

/// The same with text `text` times its usual size (a frame scaled down for a GIF stays legible).
pub fn chart_with_text(
    chart: Chart,
    run: &Recording,
    compare: Option<&Recording>,
    (w, h): (u32, u32),
    text: f64,
) -> Result<(web_sys::HtmlCanvasElement, TimeAxis), String> {
    let (el, _) = canvas(w, h)?;
    let backend = CanvasBackend::with_canvas_object(el.clone()).ok_or("no canvas backend")?;
    let axis = chart
        .draw(
            &backend.into_drawing_area(),
            run,
            compare,
            None,
            &Theme {
                text,
                ..Theme::on_canvas(false, 1.0)
            },
        )
        .map_err(|e| format!("the chart could not be drawn: {e}"))?;
    Ok((el, axis))
}
