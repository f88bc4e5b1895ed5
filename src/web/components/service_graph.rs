//! The service graph (SVG): Kinesis and the services that depend on it, coloured by health at
//! the cursor, with degradation flowing along the edges. A click opens a service's details and
//! its own timeline.

use crate::state::ById;
use std::rc::Rc;

use cascade_sim::services::graph::{ServiceNode, SERVICES};
use cascade_sim::Recording;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::web::components::RunProps;

use crate::draw::charts::health::series;
use crate::draw::palette::{health_class, health_words};
use crate::state::Action;
use crate::web::store::use_store;

const NODE_W: f64 = 172.0;
const NODE_H: f64 = 50.0;

/// The value of a series at row `k`.
fn value(run: &Recording, name: &str, k: usize) -> f32 {
    series(run, name)
        .and_then(|v| v.get(k).copied())
        .unwrap_or(1.0)
}

/// The key quantity of a service at row `k`, in words (its format is the graph's).
fn key_text(run: &Recording, node: &ServiceNode, k: usize) -> String {
    node.key_text(value(run, node.key_series.0, k))
}

/// Room for a label inside a node, in the drawing's units.
const LABEL_ROOM: f64 = NODE_W - 12.0;

/// Fits every node's name into its node, measured in the reader's own font: a name wider than
/// the room is condensed to it (the drawing is scaled, so the ratio of the text's width to the
/// node's, both on screen, says how wide it is in the drawing's units).
fn fit_names(svg: &web_sys::Element) {
    let Ok(nodes) = svg.query_selector_all("g.node") else {
        return;
    };
    for k in 0..nodes.length() {
        let Some(g) = nodes
            .item(k)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let (Ok(Some(rect)), Ok(Some(name))) =
            (g.query_selector("rect"), g.query_selector(".node-name"))
        else {
            continue;
        };
        let box_w = rect.get_bounding_client_rect().width();
        let text_w = name.get_bounding_client_rect().width();
        if box_w <= 0.0 {
            continue;
        }
        let width = text_w / box_w * NODE_W;
        if width > LABEL_ROOM {
            name.set_attribute("textLength", &LABEL_ROOM.to_string())
                .ok();
            name.set_attribute("lengthAdjust", "spacingAndGlyphs").ok();
        }
    }
}

#[function_component(ServiceGraph)]
pub fn service_graph(props: &RunProps) -> Html {
    let failing = crate::web::components::cascade_list::use_failing_order(&props.run);
    let svg = use_node_ref();
    {
        let svg = svg.clone();
        use_effect_with((), move |_| {
            crate::web::dom::next_task(move || {
                if let Some(el) = svg.cast::<web_sys::Element>() {
                    fit_names(&el);
                }
            });
        });
    }
    let Some(store) = use_store() else {
        return html! {};
    };
    let run = &props.run;
    let k = run.index_of(store.minute());
    let health = |node: &ServiceNode| value(run, node.health_series, k);
    let edges = SERVICES.iter().flat_map(|node| {
        node.depends_on.iter().filter_map(move |up| {
            let upstream = SERVICES.iter().find(|n| n.id == *up)?;
            Some((upstream, node))
        })
    });
    let select = |id: &'static str| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| {
            let open = store.selected_service == Some(id);
            store.send(Action::SelectService((!open).then_some(id)));
        })
    };
    let detail = store
        .selected_service
        .and_then(|id| SERVICES.iter().find(|n| n.id == id))
        .map(|node| html! { <ServiceDetail run={Rc::clone(run)} id={node.id} /> });
    html! {
        <div class="graph">
            <svg ref={svg} viewBox="0 0 790 360" class="service-graph" role="group" aria-label="Service dependency graph">
                { for edges.map(|(up, down)| {
                    let (x1, y1) = up.position;
                    let (x2, y2) = down.position;
                    let (sx, sy) = (x1 + NODE_W, y1 + NODE_H / 2.0);
                    let (ex, ey) = (x2, y2 + NODE_H / 2.0);
                    let mid = (sx + ex) / 2.0;
                    let class = format!("edge {}", health_class(health(up)));
                    html! { <path class={class} d={format!("M{sx},{sy} C{mid},{sy} {mid},{ey} {ex},{ey}")} /> }
                }) }
                { for SERVICES.iter().map(|node| {
                    let (x, y) = node.position;
                    let h = health(node);
                    let class = format!("node {}{}", health_class(h),
                        if store.selected_service == Some(node.id) { " selected" } else { "" });
                    // The accessible name is the visible text, in the same order.
                    let label = format!("{} {} {}", node.name, key_text(run, node, k), health_words(h));
                    html! {
                        <g class={class} data-service={node.id} onclick={select(node.id)}
                            role="button" tabindex="0" aria-label={label}>
                            <rect x={x.to_string()} y={y.to_string()} width={NODE_W.to_string()} height={NODE_H.to_string()} rx="8" />
                            <text x={(x + 8.0).to_string()} y={(y + 18.0).to_string()} class="node-name">{ node.name }{ " " }</text>
                            <text x={(x + 8.0).to_string()} y={(y + 34.0).to_string()} class="node-key">{ key_text(run, node, k) }{ " " }</text>
                            <text x={(x + 8.0).to_string()} y={(y + 46.0).to_string()} class="node-health">{ health_words(h) }</text>
                        </g>
                    }
                }) }
            </svg>
            // On a narrow screen the drawing is small: the same facts as a list.
            <ul class="service-list">
                { for SERVICES.iter().map(|node| {
                    let h = health(node);
                    html! {
                        <li class={health_class(h)}>
                            <button class="linklike" onclick={select(node.id)}>{ node.name }</button>
                            <span class="state">{ health_words(h) }</span>
                            <span class="muted">{ key_text(run, node, k) }</span>
                            <span class="muted">{ crate::web::components::cascade_list::when_text(
                                failing.iter().find(|(n, _)| n.id == node.id).and_then(|(_, t)| *t)
                                    .filter(|t| *t <= store.minute())) }</span>
                        </li>
                    }
                }) }
            </ul>
            { detail.unwrap_or_else(|| html! {
                <p class="muted small hint">{ "Select a service to see its mechanism and its own timeline." }</p>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DetailProps {
    run: ById<Recording>,
    id: &'static str,
}

/// A service's mechanism and its health over the day, with the cursor.
#[function_component(ServiceDetail)]
fn service_detail(props: &DetailProps) -> Html {
    let Some(store) = use_store() else {
        return html! {};
    };
    let Some(node) = SERVICES.iter().find(|n| n.id == props.id) else {
        return html! {};
    };
    let run = &props.run;
    let values = series(run, node.health_series).unwrap_or(&[]);
    let n = values.len().max(2);
    let step = (n / 300).max(1);
    // Formatted once per run and service, not in every frame of the replay.
    let points: Rc<AttrValue> = use_memo((run.clone(), node.id), |_| {
        values
            .iter()
            .enumerate()
            .step_by(step)
            .map(|(k, v)| {
                format!(
                    "{:.1},{:.1} ",
                    k as f64 / (n - 1) as f64 * 600.0,
                    60.0 - f64::from(*v) * 56.0
                )
            })
            .collect::<String>()
            .into()
    });
    let cursor = run.index_of(store.minute()) as f64 / (n - 1) as f64 * 600.0;
    html! {
        <div class="service-detail" id="service-detail">
            <h3>{ node.name }</h3>
            <p>{ node.mechanism }</p>
            <svg viewBox="0 0 600 64" class="sparkline" role="img"
                aria-label={format!("{} health over the day", node.name)}>
                <polyline points={(*points).clone()} />
                <line x1={cursor.to_string()} x2={cursor.to_string()} y1="0" y2="64" class="spark-cursor" />
            </svg>
            <p class="small muted">{ "Source: AWS summary, section on " }{ node.name }
                { ". " }<a href="https://aws.amazon.com/message/11201/" target="_blank" rel="noopener">{ "aws.amazon.com/message/11201" }</a></p>
        </div>
    }
}
