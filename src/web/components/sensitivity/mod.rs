//! "How sure is the model?": the assumptions ranked by how far they move a chosen milestone (a
//! tornado chart and the table under it), and the milestone's spread over seeds. The runs are a
//! batch (`batch.rs`, `hooks::batch`): the workers do them, or the page when there are none; the
//! progress shows at once, a run can be cancelled, and a finished analysis is kept per scenario.

mod chart;
mod controls;
mod exports;
mod kept;
mod table;

use std::rc::Rc;

use cascade_sim::params::{Plausible, Status, PARAMS};
use cascade_sim::sensitivity::SEEDS;
use cascade_sim::{Milestone, Scenario};
use yew::prelude::*;

use crate::explain::sensitivity::{spread, Gathered};
use crate::jobs::sensitivity::SensitivityBatch;
use crate::state::ById;
use crate::web::hooks::batch::{use_batch, BatchProgress, Stage};
use chart::{chart, use_tornado};
use controls::controls;
use exports::exports;
use kept::{cached, keep};
use table::table;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    /// The scenario whose assumptions are varied.
    pub scenario: Scenario,
    /// Start computing as soon as the section shows (a link or an embed named the view).
    #[prop_or_default]
    pub autostart: bool,
}

#[function_component(SensitivityPanel)]
pub fn sensitivity_panel(props: &Props) -> Html {
    let key = cascade_sim::jobs::scenario_lines(&props.scenario);
    let batch = use_batch::<SensitivityBatch>();
    let milestone = use_state(|| Milestone::KinesisRecovered);
    let canvas = use_node_ref();
    let note = use_state(|| None::<String>);
    let start = {
        let (batch, scenario, key) = (batch.clone(), props.scenario.clone(), key.clone());
        Callback::from(move |()| match cached(&key) {
            Some(p) => batch.show(p),
            None => batch.start(key.clone(), SensitivityBatch::new(scenario.clone())),
        })
    };
    // A new scenario shows its kept analysis, or computes it at once when a link or an embed
    // named the view; what ran for the scenario before stops.
    {
        let (batch, start, autostart) = (batch.clone(), start.clone(), props.autostart);
        use_effect_with(key.clone(), move |key| match cached(key) {
            Some(p) => batch.show(p),
            None if autostart => start.emit(()),
            None => batch.show(BatchProgress::default()),
        });
    }
    let p = &*batch.progress;
    {
        let p = p.clone();
        use_effect_with((p.key.clone(), p.stage.clone()), move |_| {
            if p.stage == Stage::Done {
                keep(&p);
            }
        });
    }
    let analysis = p.view.clone().filter(|_| p.key == key);
    let report = use_memo(analysis.as_ref().map(|a| a.gathered.clone()), |g| {
        g.as_ref()
            .and_then(|g| g.report())
            .map(|r| ById(Rc::new(r)))
    });
    let on_cancel = {
        let batch = batch.clone();
        Callback::from(move |()| batch.cancel())
    };
    let total = use_memo((), |_| Gathered::new(SEEDS).total());
    let stage = if p.key == key {
        p.stage.clone()
    } else {
        Stage::Idle
    };
    let running = stage == Stage::Running;
    let m = *milestone;
    use_tornado(canvas.clone(), (*report).clone(), m);
    let controls = controls(&controls::Props {
        milestone: milestone.clone(),
        stage: stage.clone(),
        received: p.received,
        total: *total,
        ms: p.ms,
        on_start: start,
        on_cancel,
    });
    html! {
        <section class="panel sensitivity" aria-labelledby="sensitivity-title">
            <h2 id="sensitivity-title">{ "How sure is the model?" }</h2>
            <p class="small">
                { crate::explain::sensitivity::INTRO }
                { " " }
                <strong>{ "The longest bars are the assumptions a conclusion leans on" }</strong>
                { "; short or missing bars are assumptions it does not depend on. The light bar is the low end of the range, the dark bar the high end; each is labelled with its value. The spread over seeds shows how much of a time is chance rather than assumption. For a workshop: pick a milestone, ask the room which assumption they expect on top, then compute." }
            </p>
            { controls }
            if let Stage::Failed(e) = &stage {
                <p class="param-error" role="alert">{ format!("The analysis stopped: {e}") }</p>
            }
            if let (Some(report), Some(a)) = ((*report).clone(), analysis) {
                <p class="sensitivity-spread">
                    <strong>{ format!("{}: ", m.label()) }</strong>
                    { format!("{} with the scenario's values; ", crate::explain::sensitivity::time(report.baseline.milestones.get(m))) }
                    if report.seeds.is_empty() {
                        { "the seeds are still to come." }
                    } else {
                        { format!("{}.", spread(&report, m)) }
                    }
                </p>
                { chart(&canvas, m) }
                { table(&report, m) }
                { not_varied() }
                if !running {
                    { exports(&exports::Props { report, lines: a.lines, milestone: m, canvas: canvas.clone(), note: note.clone() }) }
                }
            }
        </section>
    }
}

/// The parameters the analysis does not vary: those AWS gives, and the assumed ones fixed, each
/// with the reason.
fn not_varied() -> Html {
    let fixed: Vec<(&str, &str)> = PARAMS
        .iter()
        .filter_map(|p| match p.plausible {
            Plausible::Fixed(why) => Some((p.key, why)),
            _ => None,
        })
        .collect();
    let sourced = PARAMS
        .iter()
        .filter(|p| p.status == Status::Sourced)
        .count();
    html! {
        <p class="small">
            { format!("Not varied: the {sourced} parameters AWS gives, and {} assumed ones: ", fixed.len()) }
            { for fixed.iter().enumerate().map(|(k, (key, why))| html! {
                <>{ if k > 0 { "; " } else { "" } }<code>{ *key }</code>{ format!(" ({why})") }</>
            }) }
            { "." }
        </p>
    }
}
