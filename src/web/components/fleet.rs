//! The fleet: every front-end server as a cell, coloured by state, painted into a pixel buffer
//! in wasm memory and put on the canvas in one call; or, arranged by threads, the same dots in a
//! histogram of the threads each server wants against the limit. Hovering or tapping a server
//! shows it, ringed in both layouts.

use crate::state::ById;
use std::rc::Rc;

use cascade_sim::{clock, ServerState};
use wasm_bindgen::Clamped;
use yew::prelude::*;

use crate::web::components::RunProps;

use crate::draw::fleet_histogram::{self as hist, Histogram};
use crate::draw::fleet_paint::{paint, ring, Grid};
use crate::draw::palette::css;
use crate::explain::look::{look_at, Look, LOOKS};
use crate::web::store::use_store;

#[function_component(FleetView)]
pub fn fleet_view(props: &RunProps) -> Html {
    let canvas = use_node_ref();
    let buffer = use_mut_ref(Vec::<u8>::new);
    let hovered = use_state(|| None::<usize>);
    // A tapped server stays chosen (ringed, its details shown) until tapped again: switching
    // the layout keeps it.
    let selected = use_state(|| None::<usize>);
    let shown = (*hovered).or(*selected);
    let arranged = use_state(|| false);
    let store = use_store();
    let t = store.as_ref().map_or(0, |s| s.minute());
    let grid = Grid::for_servers(props.run.server_count());
    let histogram = *use_memo(ById(props.run.clone()), {
        let run = Rc::clone(&props.run);
        move |_| Histogram::for_run(&run)
    });
    let (width, height) = if *arranged {
        (histogram.width(), histogram.height())
    } else {
        (grid.width(), grid.height())
    };
    {
        let canvas = canvas.clone();
        let run = Rc::clone(&props.run);
        let key = (
            ById(props.run.clone()),
            t,
            *arranged,
            (*selected).or(*hovered),
        );
        use_effect_with(key, move |(_, _, arranged, ringed)| {
            let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() else {
                return;
            };
            // Resizing a canvas clears and reallocates it: only when the layout changes.
            if el.width() != width || el.height() != height {
                el.set_width(width);
                el.set_height(height);
            }
            let mut buf = buffer.borrow_mut();
            if *arranged {
                hist::paint(&run, t, &histogram, *ringed, &mut buf);
            } else {
                paint(&run, t, grid, &mut buf);
                if let Some(i) = ringed {
                    ring(grid, *i, &mut buf);
                }
            }
            let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
                Clamped(&buf[..]),
                width,
                height,
            );
            let ctx = el.get_context("2d").ok().flatten().and_then(|c| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::CanvasRenderingContext2d>(c).ok()
            });
            if let (Ok(image), Some(ctx)) = (image, ctx) {
                ctx.put_image_data(&image, 0.0, 0.0).ok();
            }
        });
    }
    let find = {
        let canvas = canvas.clone();
        let run = Rc::clone(&props.run);
        let arranged = *arranged;
        move |x: i32, y: i32| -> Option<usize> {
            let el = canvas.cast::<web_sys::Element>()?;
            let rect = el.get_bounding_client_rect();
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return None;
            }
            let fx = (f64::from(x) - rect.left()) / rect.width();
            let fy = (f64::from(y) - rect.top()) / rect.height();
            if !(0.0..1.0).contains(&fx) || !(0.0..1.0).contains(&fy) {
                return None;
            }
            if arranged {
                let placed = hist::place(&run, t, &histogram);
                hist::server_at_pixel(
                    &histogram,
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
    };
    let onmousemove = {
        let find = find.clone();
        let hovered = hovered.clone();
        Callback::from(move |e: MouseEvent| hovered.set(find(e.client_x(), e.client_y())))
    };
    let onclick = {
        let selected = selected.clone();
        Callback::from(move |e: MouseEvent| {
            let found = find(e.client_x(), e.client_y());
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
    let detail = shown
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
    let limit = props.run.scenario.threads.limit;
    let at_rest = crate::draw::fleet_paint::floor(&props.run);
    // Only what the fleet shows at this minute (servers not yet added included): a legend of
    // seven states, most at zero, says less than one of three. Above the canvas, so that it is
    // read before the picture and stays on the first screen.
    let counts: Vec<(Look, usize)> = {
        let k = props.run.index_of(t);
        LOOKS
            .iter()
            .map(|l| (*l, l.count(&props.run, k) as usize))
            .filter(|(_, n)| *n > 0)
            .collect()
    };
    html! {
        <div class="fleet">
            <div class="fleet-tools">
                <button class="arrange" aria-pressed={(*arranged).to_string()} onclick={toggle}>{ "Arrange by threads" }</button>
            </div>
            <ul class="legend states">
                { for counts.iter().map(|(s, n)| html! {
                    <li><span class="swatch" style={format!("background:{}", css(s.rgb()))}></span>
                        { format!("{} ", s.label()) }<strong>{ n }</strong></li>
                }) }
                if grid.cell >= crate::draw::fleet_paint::GAUGE_CELL && !*arranged {
                    <li><span class="swatch gauge"></span>{ "a serving server fills up as it uses its spare threads" }</li>
                }
                if !*arranged {
                    <li><span class="swatch dot"></span>{ "new capacity (dot)" }</li>
                }
            </ul>
            <div class={if *arranged { "fleet-frame arranged" } else { "fleet-frame" }}>
                <canvas ref={canvas} id="fleet-canvas" class="fleet-canvas" role="img"
                    width={width.to_string()} height={height.to_string()}
                    aria-label={if *arranged {
                        format!("{} front-end servers by the threads each wants, against the limit of {}", props.run.server_count(), limit)
                    } else {
                        format!("{} front-end servers coloured by state", props.run.server_count())
                    }}
                    {onmousemove} {onclick} {onmouseleave}></canvas>
                if *arranged {
                    // The label on the side of the line with more room.
                    <span class={if histogram.limit_at() > 0.5 { "limit-label to-left" } else { "limit-label" }}
                        style={if histogram.limit_at() > 0.5 {
                            format!("right:{:.2}%", 100.0 - histogram.limit_at() * 100.0)
                        } else {
                            format!("left:{:.2}%", histogram.limit_at() * 100.0)
                        }}>
                        { format!("limit {limit} threads") }<br />
                        { format!("at rest a server wants {at_rest}: {} to spare (assumed)", limit.saturating_sub(at_rest)) }
                    </span>
                }
            </div>
            if *arranged {
                <div class="hist-axis" aria-hidden="true">
                    <span style="left:0%">{ histogram.lo }</span>
                    <span style={format!("left:{:.2}%", histogram.limit_at() * 100.0)}>{ limit }</span>
                    <span style="left:100%">{ histogram.lo + hist::BIN * histogram.bins as i64 }</span>
                </div>
                <p class="small muted hist-note">{ format!("Threads each running server wants, in columns of {} threads; {}. Left of the line a server has threads to spare; right of it, thread creations fail.",
                    hist::BIN, if histogram.per_dot == 1 { "one dot per server".to_string() } else { format!("one dot per {} servers", histogram.per_dot) }) }</p>
            }
            { detail }
        </div>
    }
}
