//! Predict, then reveal: the learner commits a guess before the answer exists on the page. The
//! answer's figures come from the model's runs; guesses stay in the browser.

use std::rc::Rc;

use cascade_sim::clock;
use cascade_sim::compare::impact;
use cascade_sim::fleet::ServerState;
use cascade_sim::{Milestone, Recording, Scenario, Simulation};
use yew::prelude::*;

use crate::hooks::compute::{run_in_slices, SliceHandle};
use crate::story::Checkpoint;

#[derive(Properties, Clone)]
pub struct Props {
    /// The question.
    pub checkpoint: Checkpoint,
    /// The historical run, for the answer's figures.
    pub run: Rc<Recording>,
}

impl PartialEq for Props {
    fn eq(&self, other: &Self) -> bool {
        self.checkpoint.id == other.checkpoint.id && Rc::ptr_eq(&self.run, &other.run)
    }
}

/// The scenario a checkpoint's answer needs a run of besides the historical one, if any.
fn other_scenario(id: &str, run: &Recording) -> Option<Scenario> {
    (id == "faster-restart").then(|| {
        let mut fast: Scenario = run.scenario.clone();
        fast.restart.per_hour *= 3.0;
        // Long enough for the setback to play out: three days.
        fast.time.end_min = fast.time.end_min.max(3 * clock::DAY);
        fast
    })
}

/// What the model says, in figures from its runs (`other`: the run of `other_scenario`).
fn model_answer(
    id: &str,
    run: &Recording,
    other: Option<&Result<Rc<Recording>, String>>,
) -> String {
    match id {
        "first-alarm" => match (
            run.milestones.get(Milestone::CapacityAddStarted),
            run.milestones.get(Milestone::FirstAlarm),
        ) {
            (Some(add), Some(alarm)) => format!(
                "The model's first alarm fires at {} PST, {} h {:02} min after the addition started (AWS: 05:15).",
                clock::format(alarm),
                (alarm - add) / 60,
                (alarm - add) % 60
            ),
            _ => "In this scenario no alarm fires.".into(),
        },
        "operators" => {
            let now = clock::at(6, 30);
            let sight = crate::operators::Sight::of(run);
            let k = run.index_of(now);
            let error = run.series.kinesis_error.get(k).copied().unwrap_or(0.0);
            format!(
                "In the model at 06:30 the CloudWatch alarm on Kinesis errors is {}, the newest Kinesis datapoint on the dashboard is {}, and the Service Health Dashboard shows {}; in truth Kinesis fails {:.0}% of requests.",
                sight.alarm(now).name(),
                crate::operators::newest_text(&sight, now),
                crate::operators::status_page(run, now),
                error * 100.0
            )
        }
        "removal" => {
            let done = run
                .milestones
                .get(Milestone::CapacityRemovalFinished)
                .unwrap_or(clock::at(9, 38));
            let k = run.index_of(done);
            let failing = run.series.servers_map_failing.get(k).copied().unwrap_or(0.0);
            let over = run.series.servers_over_limit.get(k).copied().unwrap_or(0.0);
            format!(
                "In the model, when the removal finishes at {} PST, {over:.0} servers want more threads than the limit, yet {failing:.0} servers still have failing shard-maps: they recover only when restarted.",
                clock::format(done)
            )
        }
        "faster-restart" => match other {
            None => "Running the model at three times the rate…".into(),
            Some(Err(e)) => format!("The faster restart could not be run: {e}"),
            Some(Ok(other)) => {
                let (a, b) = (impact(run), impact(other));
                let back = |t: Option<i32>| t.map_or("not within three days".to_string(), |t| format!("at {}", clock::format(t)));
                let evicted = other.servers_ever_in(ServerState::Evicted);
                format!(
                    "In the model, restarting at {:.0} servers an hour evicts {} servers (history: {}); Kinesis is fully back {} instead of {}, after {} h of outage instead of {} h.",
                    other.scenario.restart.per_hour,
                    evicted,
                    a.evictions,
                    back(b.kinesis_recovered),
                    back(a.kinesis_recovered),
                    b.kinesis_outage_min / 60,
                    a.kinesis_outage_min / 60
                )
            }
        },
        _ => String::new(),
    }
}

#[function_component(CheckpointView)]
pub fn checkpoint_view(props: &Props) -> Html {
    let id = props.checkpoint.id;
    let saved = crate::storage::guesses()
        .into_iter()
        .find(|(k, _)| k == id)
        .map(|(_, c)| c);
    let committed = use_state(|| saved);
    let choice = use_state(|| None::<usize>);
    {
        // Another chapter's checkpoint: its own saved guess.
        let (committed, choice) = (committed.clone(), choice.clone());
        use_effect_with(id, move |_| {
            committed.set(saved);
            choice.set(None);
        });
    }
    let c = props.checkpoint;
    let commit = {
        let (committed, choice) = (committed.clone(), choice.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(k) = *choice {
                crate::storage::save_guess(id, k);
                committed.set(Some(k));
            }
        })
    };
    let forget = {
        let committed = committed.clone();
        Callback::from(move |_: MouseEvent| {
            crate::storage::forget_guesses();
            committed.set(None);
        })
    };
    // The answer's other run is computed in slices, like every run, once the answer is shown:
    // never inside a render.
    let other = use_state(|| None::<Result<Rc<Recording>, String>>);
    {
        let other = other.clone();
        let run = Rc::clone(&props.run);
        use_effect_with(((*committed).is_some(), id), move |(shown, id)| {
            let handle = SliceHandle::default();
            other.set(None);
            if let Some(scenario) = other_scenario(id, &run).filter(|_| *shown) {
                run_in_slices(
                    &handle,
                    move || Simulation::new(&scenario),
                    move |result, _| other.set(Some(result)),
                );
            }
            move || handle.set(true)
        });
    }
    let answer = (*committed)
        .is_some()
        .then(|| model_answer(id, &props.run, (*other).as_ref()));
    html! {
        <div class="checkpoint" role="group" aria-labelledby={format!("q-{id}")}>
            <p class="checkpoint-label">{ "Predict, then reveal" }</p>
            <p id={format!("q-{id}")} class="question">{ c.question }</p>
            <div class="choices">
                { for c.choices.iter().enumerate().map(|(k, text)| {
                    let pick = { let choice = choice.clone(); Callback::from(move |_: Event| choice.set(Some(k))) };
                    let checked = committed.map_or(*choice == Some(k), |g| g == k);
                    html! {
                        <label class="choice">
                            <input type="radio" name={format!("guess-{id}")} checked={checked}
                                disabled={committed.is_some()} onchange={pick} />
                            { *text }
                        </label>
                    }
                }) }
            </div>
            { match *committed {
                None => html! {
                    <button class="linklike commit" onclick={commit} disabled={choice.is_none()}>
                        { "Commit my guess and reveal the answer" }
                    </button>
                },
                Some(g) => html! {
                    <div class="answer" aria-live="polite">
                        <p><strong>{ if g == c.answer { "Right. " } else { "Not quite. " } }</strong>
                            { format!("Your guess: {}. The answer: {}.", c.choices.get(g).copied().unwrap_or("?"), c.choices[c.answer]) }</p>
                        <p>{ c.why }</p>
                        <p class="model-answer" aria-live="polite">{ answer.unwrap_or_default() }</p>
                        <button class="linklike" onclick={forget}>{ "Forget my guesses" }</button>
                    </div>
                },
            } }
        </div>
    }
}
