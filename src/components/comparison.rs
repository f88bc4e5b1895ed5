//! The comparison table: a branch against the run it forked from, in postmortem terms.

use std::rc::Rc;

use cascade_sim::branch::Change;
use cascade_sim::clock::{self, Minute};
use cascade_sim::compare::{headline, impact, Impact};
use cascade_sim::services::graph::SERVICES;
use cascade_sim::Recording;
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct Props {
    /// The run the branch forked from, or the day as it happened.
    pub base: Rc<Recording>,
    /// The branch, or the what-if.
    pub branch: Rc<Recording>,
    /// Whether `base` is the day and `branch` a what-if (else a branch and its base).
    #[prop_or(false)]
    pub against_day: bool,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.base, &other.base)
            && Rc::ptr_eq(&self.branch, &other.branch)
            && self.against_day == other.against_day
    }
}

pub use cascade_sim::compare::duration;

/// A signed difference in minutes: "+2 h 10 min", "−15 min", "same".
fn delta(a: i64, b: i64) -> String {
    match b - a {
        0 => "same".to_string(),
        d if d > 0 => format!("+{}", duration(d)),
        d => format!("−{}", duration(-d)),
    }
}

fn at(t: Option<Minute>, end: &str) -> String {
    t.map_or_else(|| end.to_string(), clock::format)
}

/// One row: what, the two values, and the difference.
fn row(what: &str, a: String, b: String, diff: String) -> Html {
    html! { <tr><th scope="row">{ what.to_string() }</th><td>{ a }</td><td>{ b }</td><td>{ diff }</td></tr> }
}

fn rows(a: &Impact, b: &Impact) -> Vec<Html> {
    let mut out = vec![
        row(
            "first alarm",
            at(a.first_alarm, "none"),
            at(b.first_alarm, "none"),
            match (a.time_to_alarm(), b.time_to_alarm()) {
                (Some(x), Some(y)) => delta(i64::from(x), i64::from(y)),
                (None, None) => "same".into(),
                _ => "one has no alarm".into(),
            },
        ),
        row(
            "Kinesis outage (first alarm to fully back)",
            duration(i64::from(a.kinesis_outage_min)),
            duration(i64::from(b.kinesis_outage_min)),
            delta(
                i64::from(a.kinesis_outage_min),
                i64::from(b.kinesis_outage_min),
            ),
        ),
        row(
            "Kinesis fully back",
            at(a.kinesis_recovered, "not by the end"),
            at(b.kinesis_recovered, "not by the end"),
            String::new(),
        ),
        row(
            "failed requests (hours of the full request rate; demand assumed steady)",
            format!("{:.1}", a.failed_request_hours),
            format!("{:.1}", b.failed_request_hours),
            format!("{:+.1}", b.failed_request_hours - a.failed_request_hours),
        ),
        row(
            "servers evicted by health checks",
            a.evictions.to_string(),
            b.evictions.to_string(),
            format!("{:+}", b.evictions as i64 - a.evictions as i64),
        ),
    ];
    for ((id, x), (_, y)) in a.degraded_min.iter().zip(&b.degraded_min) {
        let name = SERVICES
            .iter()
            .find(|s| s.id == *id)
            .map_or(*id, |s| s.name);
        out.push(row(
            &format!("{name}: time degraded"),
            duration(i64::from(*x)),
            duration(i64::from(*y)),
            delta(i64::from(*x), i64::from(*y)),
        ));
    }
    out
}

/// The impacts of a branch's base run and of the branch, computed when either run changes.
#[hook]
fn use_impacts(base: &Rc<Recording>, branch: &Rc<Recording>) -> Rc<(Impact, Impact)> {
    let key = (Rc::as_ptr(base) as usize, Rc::as_ptr(branch) as usize);
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
            <tbody>{ for rows(&impacts.0, &impacts.1) }</tbody>
        </table>
    }
}

#[derive(Properties, Clone)]
pub struct BannerProps {
    /// The run the branch forked from.
    pub base: Rc<Recording>,
    /// The branch.
    pub branch: Rc<Recording>,
    /// The branch's changes, to name it.
    pub changes: Vec<Change>,
}

impl PartialEq for BannerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.base, &other.base)
            && Rc::ptr_eq(&self.branch, &other.branch)
            && self.changes == other.changes
    }
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
