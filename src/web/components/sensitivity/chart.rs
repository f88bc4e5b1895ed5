//! The tornado chart of an analysis, drawn on a canvas when runs come in or the milestone
//! changes.

use cascade_sim::sensitivity::Report;
use cascade_sim::Milestone;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use yew::prelude::*;

use crate::draw::charts::{tornado, Theme};
use crate::state::ById;

#[derive(Properties, PartialEq)]
pub(super) struct Props {
    pub(super) report: ById<Report>,
    pub(super) milestone: Milestone,
    /// The canvas, which the PNG export reads too.
    pub(super) canvas: NodeRef,
}

#[function_component(Chart)]
pub(super) fn chart(props: &Props) -> Html {
    {
        let (canvas, report, m) = (props.canvas.clone(), props.report.clone(), props.milestone);
        use_effect_with((report.clone(), m), move |_| {
            if let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() {
                let bars = tornado::shown(&report, m).len();
                let ratio = crate::web::dom::fit_canvas(&el, f64::from(tornado::height(bars)));
                let theme = Theme::new(crate::web::dom::dark_scheme(), ratio);
                if let Some(backend) = CanvasBackend::with_canvas_object(el) {
                    // A failed drawing leaves the table, which holds the same numbers.
                    tornado::draw(&backend.into_drawing_area(), &report, m, &theme).ok();
                }
            }
        });
    }
    let label = format!(
        "Tornado chart: the assumptions that move {} most, at the low and the high end of their ranges",
        props.milestone.label()
    );
    html! {
        <div class="chart">
            <canvas ref={props.canvas.clone()} class="sensitivity-canvas" role="img" aria-label={label} />
        </div>
    }
}
