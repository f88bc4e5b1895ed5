//! The tornado chart of an analysis, drawn on a canvas when runs come in or the milestone
//! changes.

use cascade_sim::sensitivity::Report;
use cascade_sim::Milestone;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::draw::charts::{tornado, Theme};
use crate::state::ById;

/// Draws the tornado chart of `report` for the milestone `m` on `canvas` when either changes
/// (and once the canvas is there).
#[hook]
pub(super) fn use_tornado(canvas: NodeRef, report: Option<ById<Report>>, m: Milestone) {
    use_effect_with((report, m), move |(report, m)| {
        let m = *m;
        if let Some(report) = report {
            if let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                let bars = tornado::shown(report, m).len();
                let ratio = crate::web::dom::fit_canvas(&el, f64::from(tornado::height(bars)));
                let theme = Theme::on_canvas(crate::web::dom::dark_scheme(), ratio);
                if let Some(backend) = CanvasBackend::with_canvas_object(el) {
                    // A failed drawing leaves the table, which holds the same numbers.
                    tornado::draw(&backend.into_drawing_area(), report, m, &theme).ok();
                }
            }
        }
    });
}

/// The chart's canvas, for the milestone `m`.
pub(super) fn chart(canvas: &NodeRef, m: Milestone) -> Html {
    let label = format!(
        "Tornado chart: the assumptions that move {} most, at the low and the high end of their ranges",
        m.label()
    );
    html! {
        <div class="chart">
            <canvas ref={canvas.clone()} class="sensitivity-canvas" role="img" aria-label={label} />
        </div>
    }
}
