//! The fleet: every front-end server as a cell, coloured by state, painted into a pixel buffer
//! in wasm memory and put on the canvas in one call. Hovering or tapping a server shows it.

use std::rc::Rc;

use cascade_sim::{clock, ServerState};
use wasm_bindgen::Clamped;
use yew::prelude::*;

use crate::components::RunProps;

use crate::fleet_paint::{paint, Grid};
use crate::look::{look_at, Look, LOOKS};
use crate::palette::css;
use crate::store::use_store;

#[function_component(FleetView)]
pub fn fleet_view(props: &RunProps) -> Html {
    let canvas = use_node_ref();
    let buffer = use_mut_ref(Vec::<u8>::new);
    let hovered = use_state(|| None::<usize>);
    let store = use_store();
    let t = store.as_ref().map_or(0, |s| s.minute());
    let grid = Grid::for_servers(props.run.server_count());
    {
        let canvas = canvas.clone();
        let run = Rc::clone(&props.run);
        use_effect_with((Rc::as_ptr(&props.run) as usize, t), move |_| {
            let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() else {
                return;
            };
            // Resizing a canvas clears and reallocates it: only when the grid changes.
            if el.width() != grid.width() || el.height() != grid.height() {
                el.set_width(grid.width());
                el.set_height(grid.height());
            }
            let mut buf = buffer.borrow_mut();
            paint(&run, t, grid, &mut buf);
            let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
                Clamped(&buf[..]),
                grid.width(),
                grid.height(),
            );
            let ctx = el.get_context("2d").ok().flatten().and_then(|c| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::CanvasRenderingContext2d>(c).ok()
            });
            if let (Ok(image), Some(ctx)) = (image, ctx) {
                ctx.put_image_data(&image, 0.0, 0.0).ok();
            }
        });
    }
    let pick = {
        let hovered = hovered.clone();
        let canvas = canvas.clone();
        let n = props.run.server_count();
        move |x: i32, y: i32| {
            let Some(el) = canvas.cast::<web_sys::Element>() else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return;
            }
            let fx = (f64::from(x) - rect.left()) / rect.width() * f64::from(grid.cols);
            let fy = (f64::from(y) - rect.top()) / rect.height() * f64::from(grid.rows);
            let i = fy.floor() as i64 * i64::from(grid.cols) + fx.floor() as i64;
            hovered.set((0..n as i64).contains(&i).then_some(i as usize));
        }
    };
    let onmousemove = {
        let pick = pick.clone();
        Callback::from(move |e: MouseEvent| pick(e.client_x(), e.client_y()))
    };
    let onclick = Callback::from(move |e: MouseEvent| pick(e.client_x(), e.client_y()));
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_| hovered.set(None))
    };
    let detail = (*hovered)
        .and_then(|i| props.run.server_at(i, t))
        .map(|s| {
            let limit = props.run.scenario.threads.limit;
            let failing = s.threads_wanted > limit && s.state.running();
            let look = look_at(&props.run, s.server as usize, t);
            let restarted = s.state == ServerState::Recovered;
            html! {
                <div class="server-detail" role="status">
                    <strong>{ format!("Server {}{}", s.server, if s.added { " (new capacity)" } else { "" }) }</strong>
                    <span>{ format!("{}{} since {}", look.label(), if restarted { " (restarted)" } else { "" }, clock::format(s.since)) }</span>
                    <span>{ format!("{} threads of {} allowed; knows {} peers", s.threads, limit, s.known_peers) }</span>
                    if failing {
                        <span class="warn">{ format!("wants {}: {} thread creations fail", s.threads_wanted, s.threads_wanted - limit) }</span>
                    }
                </div>
            }
        })
        .unwrap_or_else(|| html! { <div class="server-detail muted hint">{ "Point at or tap a server to see it." }</div> });
    // Only what the fleet shows at this minute: a legend of seven states, most at zero, says
    // less than one of three.
    let counts: Vec<(Look, usize)> = {
        let k = props.run.index_of(t);
        LOOKS
            .iter()
            .filter(|l| **l != Look::Pending)
            .map(|l| (*l, l.count(&props.run, k) as usize))
            .filter(|(_, n)| *n > 0)
            .collect()
    };
    html! {
        <div class="fleet">
            <canvas ref={canvas} id="fleet-canvas" class="fleet-canvas" role="img"
                aria-label={format!("{} front-end servers coloured by state", props.run.server_count())}
                {onmousemove} {onclick} {onmouseleave}></canvas>
            <ul class="legend states">
                { for counts.iter().map(|(s, n)| html! {
                    <li><span class="swatch" style={format!("background:{}", css(s.rgb()))}></span>
                        { format!("{} ", s.label()) }<strong>{ n }</strong></li>
                }) }
                if grid.cell >= crate::fleet_paint::GAUGE_CELL {
                    <li><span class="swatch gauge"></span>{ "a serving server fills up as it uses its spare threads" }</li>
                }
                <li><span class="swatch dot"></span>{ "new capacity (dot)" }</li>
            </ul>
            { detail }
        </div>
    }
}
