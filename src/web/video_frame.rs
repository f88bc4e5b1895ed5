//! One frame of the video and the GIF, drawn from the recording: the clock, the narration, the
//! fleet and the Kinesis error chart with its cursor, in the light colours of paper.

use std::rc::Rc;

use cascade_sim::Recording;

use crate::draw::charts::registry::Chart;
use crate::draw::charts::TimeAxis;
use crate::explain::narration;
use crate::web::offscreen::{self, Ctx};

/// Frame width (pixels of the drawing; a GIF scales it down).
pub const W: f64 = 1280.0;
/// Frame height.
pub const H: f64 = 720.0;

/// What a frame is drawn from: the recording, the fleet's canvas and buffer off the page, and
/// the Kinesis error chart drawn once with its time axis.
pub struct Sources {
    run: Rc<Recording>,
    fleet: (web_sys::HtmlCanvasElement, Ctx),
    buffer: Vec<u8>,
    chart: web_sys::HtmlCanvasElement,
    axis: TimeAxis,
}

impl Sources {
    /// Draws what does not change from frame to frame.
    pub fn new(run: Rc<Recording>) -> Result<Self, String> {
        // Drawn at the size it is shown, its text half as large again: read on a slide, and
        // still 12 px in a GIF scaled to 800 pixels wide.
        let (chart, axis) = offscreen::chart_with_text(Chart::Errors, &run, None, (580, 300), 1.6)?;
        Ok(Self {
            fleet: offscreen::canvas(1, 1)?,
            buffer: Vec::new(),
            chart,
            axis,
            run,
        })
    }
}

/// Draws one frame of minute `t` from the recording.
pub fn compose(ctx: &Ctx, sources: &mut Sources, t: f64) {
    let minute = t.floor() as i32;
    let light = crate::draw::palette::LIGHT;
    ctx.set_fill_style_str(&crate::draw::palette::hex(light.background));
    ctx.fill_rect(0.0, 0.0, W, H);
    ctx.set_fill_style_str(&crate::draw::palette::hex(light.ink));
    ctx.set_font("bold 40px sans-serif");
    let _ = ctx.fill_text(
        &format!("{} PST", narration::clock_text(minute)),
        30.0,
        60.0,
    );
    ctx.set_font("22px sans-serif");
    let said: String = narration::narration(Some(&sources.run), minute)
        .chars()
        .take(110)
        .collect();
    let _ = ctx.fill_text(&said, 30.0, 100.0);
    if offscreen::paint_fleet(&sources.fleet, &sources.run, minute, &mut sources.buffer).is_ok() {
        let fleet = &sources.fleet.0;
        let h = 560.0;
        let w = (h * f64::from(fleet.width()) / f64::from(fleet.height().max(1))).min(620.0);
        // Cells stay crisp when scaled up.
        ctx.set_image_smoothing_enabled(false);
        let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(fleet, 30.0, 130.0, w, h);
        ctx.set_image_smoothing_enabled(true);
    }
    let chart = &sources.chart;
    let (x0, w) = (670.0, 580.0);
    let scale = w / f64::from(chart.width().max(1));
    let h = f64::from(chart.height()) * scale;
    let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(chart, x0, 130.0, w, h);
    // Named under the chart: the narration above may run across the frame.
    ctx.set_font("bold 22px sans-serif");
    let _ = ctx.fill_text(
        "Share of Kinesis requests failing",
        x0 + 8.0,
        130.0 + h + 34.0,
    );
    // The fleet's colours, named: a frame on its own has no page around it to explain them.
    ctx.set_font("20px sans-serif");
    let mut y = 130.0 + h + 80.0;
    for look in crate::draw::charts::states::stacked() {
        ctx.set_fill_style_str(&crate::draw::palette::hex(look.rgb()));
        ctx.fill_rect(x0 + 8.0, y - 16.0, 18.0, 18.0);
        ctx.set_fill_style_str(&crate::draw::palette::hex(light.ink));
        let _ = ctx.fill_text(look.label(), x0 + 36.0, y);
        y += 28.0;
    }
    // The cursor over the chart, where the minute falls on its time axis.
    let (start, end) = crate::draw::charts::time_span(&sources.run);
    let share = (t - f64::from(start)) / f64::from((end - start).max(1));
    let x = x0 + (sources.axis.left + share * (sources.axis.right - sources.axis.left)) * scale;
    ctx.set_stroke_style_str(&crate::draw::palette::hex(light.ink));
    ctx.begin_path();
    ctx.move_to(x, 130.0);
    ctx.line_to(x, 130.0 + h);
    ctx.stroke();
    ctx.set_font("16px sans-serif");
    ctx.set_fill_style_str(&crate::draw::palette::hex(light.muted));
    let _ = ctx.fill_text(
        "kinesis-cascade: a model of the Kinesis outage of 25 November 2020",
        30.0,
        H - 16.0,
    );
}
