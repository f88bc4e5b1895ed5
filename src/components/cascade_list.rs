//! The cascade in a few lines: each service with its state at the cursor and the minute it first
//! failed in this run, in the order they failed. It stands beside the fleet on the first screen,
//! and replaces the drawing of the graph on a narrow screen, where the drawing's text would be
//! too small to read.

use std::rc::Rc;

use cascade_sim::clock::{self, Minute};
use cascade_sim::services::graph::{ServiceNode, SERVICES};
use cascade_sim::Recording;
use yew::prelude::*;

use crate::charts::health::series;
use crate::components::RunProps;
use crate::palette::{health_class, health_words};
use crate::store::use_store;

/// The health below which a service counts as failing (the graph's "failing" class).
const FAILING: f32 = 0.6;

/// The minute a service's health first fell below `FAILING` in `run`, if it ever did.
pub fn first_failing(run: &Recording, node: &ServiceNode) -> Option<Minute> {
    let values = series(run, node.health_series)?;
    let k = values.iter().position(|h| *h < FAILING)?;
    run.series.minute.get(k).copied()
}

/// The services in the order they first failed; those that never failed last, in the graph's
/// order.
pub fn in_failing_order(run: &Recording) -> Vec<(&'static ServiceNode, Option<Minute>)> {
    let mut rows: Vec<_> = SERVICES
        .iter()
        .map(|n| (n, first_failing(run, n)))
        .collect();
    rows.sort_by_key(|(_, t)| t.unwrap_or(Minute::MAX));
    rows
}

/// The services in failing order, computed once per run (not in every frame of the replay).
#[hook]
pub fn use_failing_order(run: &Rc<Recording>) -> Rc<Vec<(&'static ServiceNode, Option<Minute>)>> {
    use_memo(Rc::as_ptr(run) as usize, {
        let run = Rc::clone(run);
        move |_| in_failing_order(&run)
    })
}

/// When a service first failed, in words.
pub fn when_text(failed: Option<Minute>) -> String {
    failed.map_or_else(
        || "does not fail in this run".to_string(),
        |t| format!("fails at {}", clock::format(t)),
    )
}

#[function_component(CascadeList)]
pub fn cascade_list(props: &RunProps) -> Html {
    let rows = use_failing_order(&props.run);
    let Some(store) = use_store() else {
        return html! {};
    };
    let run = &props.run;
    let k = run.index_of(store.minute());
    html! {
        <ol class="cascade-list" aria-label="Services, in the order they failed">
            { for rows.iter().map(|(node, failed)| {
                let h = series(run, node.health_series).and_then(|v| v.get(k).copied()).unwrap_or(1.0);
                let when = when_text(*failed);
                html! {
                    <li class={health_class(h)} data-cascade={node.id}>
                        <span class="name">{ node.name }</span>
                        <span class="state">{ health_words(h) }</span>
                        <span class="when">{ when }</span>
                    </li>
                }
            }) }
        </ol>
    }
}
