//! The fleet: every front-end server as a cell, coloured by state (`paint.rs`); or, arranged by
//! threads, the same dots in a histogram of the threads each server wants against the limit.
//! Hovering or tapping a server shows it, ringed in both layouts (`words.rs`).

mod paint;
mod words;

use std::rc::Rc;

use yew::prelude::*;

use crate::draw::fleet_histogram::Histogram;
use crate::draw::fleet_paint::Grid;
use crate::web::components::RunProps;
use crate::web::store::use_store;
use paint::{use_fleet_paint, Layout};

#[function_component(FleetView)]
pub fn fleet_view(props: &RunProps) -> Html {
    let canvas = use_node_ref();
    let hovered = use_state(|| None::<usize>);
    // A tapped server stays chosen (ringed, its details shown) until tapped again: switching
    // the layout keeps it.
    let selected = use_state(|| None::<usize>);
    let arranged = use_state(|| false);
    let store = use_store();
    let t = store.as_ref().map_or(0, |s| s.minute());
    let histogram = *use_memo(props.run.clone(), {
        let run = Rc::clone(&props.run);
        move |_| Histogram::for_run(&run)
    });
    let layout = Layout {
        grid: Grid::for_servers(props.run.server_count()),
        histogram,
        arranged: *arranged,
    };
    let ringed = (*selected).or(*hovered);
    use_fleet_paint(canvas.clone(), Rc::clone(&props.run), t, layout, ringed);
    let find = {
        let (canvas, run) = (canvas.clone(), Rc::clone(&props.run));
        move |e: &MouseEvent| -> Option<usize> {
            let rect = canvas
                .cast::<web_sys::Element>()?
                .get_bounding_client_rect();
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return None;
            }
            let fx = (f64::from(e.client_x()) - rect.left()) / rect.width();
            let fy = (f64::from(e.client_y()) - rect.top()) / rect.height();
            layout.server_at(&run, t, fx, fy)
        }
    };
    let onmousemove = {
        let (find, hovered) = (find.clone(), hovered.clone());
        Callback::from(move |e: MouseEvent| hovered.set(find(&e)))
    };
    let onclick = {
        let selected = selected.clone();
        Callback::from(move |e: MouseEvent| {
            let found = find(&e);
            selected.set(if found == *selected { None } else { found });
        })
    };
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_| hovered.set(None))
    };
    let toggle = {
        let arranged = arranged.clone();
        Callback::from(move |_: MouseEvent| arranged.set(!*arranged))
    };
    let run = &props.run;
    let (width, height) = layout.size();
    let label = if layout.arranged {
        format!(
            "{} front-end servers by the threads each wants, against the limit of {}",
            run.server_count(),
            run.scenario.threads.limit
        )
    } else {
        format!("{} front-end servers coloured by state", run.server_count())
    };
    // The legend above the canvas, so that it is read before the picture and stays on the
    // first screen.
    html! {
        <div class="fleet">
            <div class="fleet-tools">
                <button class="arrange" aria-pressed={layout.arranged.to_string()} onclick={toggle}>{ "Arrange by threads" }</button>
            </div>
            { words::legend(run, t, &layout) }
            <div class={if layout.arranged { "fleet-frame arranged" } else { "fleet-frame" }}>
                <canvas ref={canvas} id="fleet-canvas" class="fleet-canvas" role="img"
                    width={width.to_string()} height={height.to_string()} aria-label={label}
                    {onmousemove} {onclick} {onmouseleave}></canvas>
                if layout.arranged {
                    { words::limit_label(run, &layout) }
                }
            </div>
            if layout.arranged {
                { words::histogram_axis(run, &layout) }
            }
            { words::detail(run, (*hovered).or(*selected), t) }
        </div>
    }
}
