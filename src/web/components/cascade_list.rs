//! The cascade in a few lines: each service with its state at the cursor and, once the cursor
//! has passed it, the minute it first failed (`cascade_sim::facts`), in the order they failed.
//! It stands beside the fleet on the first screen, and replaces the drawing of the graph on a
//! narrow screen, where the drawing's text would be too small to read.

use crate::state::ById;
use std::rc::Rc;

use cascade_sim::clock::{self, Minute};
use cascade_sim::facts::{failed_by, in_failing_order};
use cascade_sim::services::graph::ServiceNode;
use cascade_sim::Recording;
use yew::prelude::*;

use crate::draw::charts::health::series;
use crate::draw::palette::{health_class, health_words};
use crate::web::components::RunProps;
use crate::web::store::use_store;

/// The services in failing order, computed once per run (not in every frame of the replay).
#[hook]
pub fn use_failing_order(run: &Rc<Recording>) -> Rc<Vec<(&'static ServiceNode, Option<Minute>)>> {
    use_memo(ById(run.clone()), {
        let run = Rc::clone(run);
        move |_| in_failing_order(&run)
    })
}

/// When a service failed, in words, as far as the cursor has come.
pub fn when_text(failed: Option<Minute>) -> String {
    failed.map_or_else(
        || "not failed so far".to_string(),
        |t| format!("failed at {}", clock::format(t)),
    )
}

#[function_component(CascadeList)]
pub fn cascade_list(props: &RunProps) -> Html {
    let rows = use_failing_order(&props.run);
    let Some(store) = use_store() else {
        return html! {};
    };
    let run = &props.run;
    let now = store.minute();
    let k = run.index_of(now);
    if store.operators {
        return as_the_status_page_showed(run, now);
    }
    html! {
        <ol class="cascade-list" aria-label="Services, in the order they failed so far">
            { for failed_by(&rows, now).iter().map(|(node, failed)| {
                let h = series(run, node.health_series).and_then(|v| v.get(k).copied()).unwrap_or(1.0);
                let when = when_text(*failed);
                html! {
                    <li class={health_class(h)} data-cascade={node.id}>
                        <span class="name">{ node.name }</span>
                        <span class="state">{ health_words(h) }</span>
                        if failed.is_some() {
                            <span class="when">{ when }</span>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}

/// The cascade in the operators' view: what customers and operators read on the Service Health
/// Dashboard at `now`, not the truth. Before its first post every service is shown operating
/// normally; from it on, the services failing when it went up are named in it.
fn as_the_status_page_showed(run: &Recording, now: Minute) -> Html {
    let posted = run
        .milestones
        .get(cascade_sim::Milestone::ShdFirstPost)
        .filter(|t| *t <= now);
    html! {
        <>
            <p class="small status-page-note">{ format!("As the Service Health Dashboard showed it at {}: {}.",
                clock::format(now), crate::explain::dashboard::status_page(run, now)) }</p>
            <ol class="cascade-list as-shown" aria-label="Services, as the status page showed them">
                { for cascade_sim::services::graph::SERVICES.iter().map(|node| {
                    let named = posted.is_some_and(|t| {
                        cascade_sim::facts::first_failing(run, node).is_some_and(|f| f <= t)
                    });
                    html! {
                        <li class={if named { "posted" } else { "shown" }} data-cascade={node.id}>
                            <span class="name">{ node.name }</span>
                            <span class="state">{ if named { "named in the post" } else { "shown normal" } }</span>
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}
