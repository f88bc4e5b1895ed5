//! The comparison table: a branch against the run it forked from, in postmortem terms.

use crate::state::ById;
use std::rc::Rc;

use cascade_sim::branch::Change;
use cascade_sim::clock;
use cascade_sim::compare::{headline, impact, table, Impact, Row};
use cascade_sim::Recording;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// The run the branch forked from, or the day as it happened.
    pub base: ById<Recording>,
    /// The branch, or the what-if.
    pub branch: ById<Recording>,
    /// Whether `base` is the day and `branch` a what-if (else a branch and its base).
    #[prop_or(false)]
    pub against_day: bool,
}

/// One row: what, the two values, and the difference in words.
fn row(r: &Row) -> Html {
    html! { <tr><th scope="row">{ r.what.clone() }</th><td>{ r.a.clone() }</td><td>{ r.b.clone() }</td><td>{ r.difference.clone() }</td></tr> }
}

/// The impacts of a branch's base run and of the branch, computed when either run changes.
#[hook]
fn use_impacts(base: &Rc<Recording>, branch: &Rc<Recording>) -> Rc<(Impact, Impact)> {
    let key = (ById(base.clone()), ById(branch.clone()));
    let (base, branch) = (Rc::clone(base), Rc::clone(branch));
    use_memo(key, move |_| (impact(&base), impact(&branch)))
}

#[function_component(Comparison)]
pub fn comparison(props: &Props) -> Html {
    let impacts = use_impacts(&props.base, &props.branch);
    let (caption, a, b) = if props.against_day {
        (
            "This what-if against the day as it happened (both the model's runs)",
            "the day",
            "what-if",
        )
    } else {
        (
            "The branch against the run it forked from",
            "forked from",
            "branch",
        )
    };
    html! {
        <table class="comparison">
            <caption>{ caption }</caption>
            <thead><tr><th scope="col">{ "" }</th><th scope="col">{ a }</th><th scope="col">{ b }</th><th scope="col">{ "difference" }</th></tr></thead>
            <tbody>{ for table(&impacts.0, &impacts.1).iter().map(row) }</tbody>
        </table>
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct BannerProps {
    /// The run the branch forked from.
    pub base: ById<Recording>,
    /// The branch.
    pub branch: ById<Recording>,
    /// The branch's changes, to name it.
    pub changes: Vec<Change>,
}

/// The banner over a branch: which branch is on screen, and the one difference it makes.
#[function_component(BranchBanner)]
pub fn branch_banner(props: &BannerProps) -> Html {
    let impacts = use_impacts(&props.base, &props.branch);
    let text = headline(&impacts.0, &impacts.1);
    let named: Vec<String> = props
        .changes
        .iter()
        .map(|c| format!("{}={} from {}", c.key, c.value, clock::format(c.at)))
        .collect();
    html! {
        <p class="banner branch-banner" role="status">
            <strong>{ format!("A branch ({}). ", named.join(", ")) }</strong>
            { text }
            { " Every chart over time draws the run it forked from as a line." }
        </p>
    }
}
