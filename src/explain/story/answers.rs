//! The checkpoints' answers, in figures from the model's runs: the same definitions as every
//! other text (`cascade_sim::facts`), so that an answer cannot disagree with the page beside it.

use std::rc::Rc;

use cascade_sim::clock::{self, Minute};
use cascade_sim::compare::{duration, impact};
use cascade_sim::facts::{self, Outage};
use cascade_sim::fleet::ServerState;
use cascade_sim::{Milestone, Recording, Scenario};

use super::Checkpoint;

/// The minute the operators' checkpoint asks about when it names none.
const OPERATORS_DEFAULT: Minute = clock::at(6, 30);

/// The scenario a checkpoint's answer needs a run of besides the historical one, if any.
pub fn other_scenario(id: &str, run: &Recording) -> Option<Scenario> {
    (id == "faster-restart").then(|| {
        let mut fast: Scenario = run.scenario.clone();
        fast.restart.per_hour *= 3.0;
        // Long enough for the setback to play out: three days.
        fast.time.end_min = fast.time.end_min.max(3 * clock::DAY);
        fast
    })
}

/// The minute a checkpoint's answer is about, which the picture moves to when it is revealed
/// (none for an answer about another run).
pub fn reveal_minute(c: &Checkpoint, run: &Recording) -> Option<Minute> {
    match c.id {
        "first-alarm" => run.milestones.get(Milestone::FirstAlarm),
        "operators" => Some(c.at.unwrap_or(OPERATORS_DEFAULT)),
        "removal" => run.milestones.get(Milestone::CapacityRemovalFinished),
        _ => None,
    }
}

/// When Kinesis is fully back, in words.
fn back(o: Outage) -> String {
    match o {
        Outage::None => "never fails".into(),
        Outage::Over { end, .. } => format!("is fully back at {}", clock::format(end)),
        Outage::Ongoing { run_end, .. } => format!(
            "is still failing when the run ends at {}",
            clock::format(run_end)
        ),
    }
}

/// What the model says, in figures from its runs (`other`: the run of `other_scenario`).
pub fn model_answer(
    c: &Checkpoint,
    run: &Recording,
    other: Option<&Result<Rc<Recording>, String>>,
) -> String {
    match c.id {
        "first-alarm" => match (
            run.milestones.get(Milestone::CapacityAddStarted),
            run.milestones.get(Milestone::FirstAlarm),
        ) {
            (Some(add), Some(alarm)) => format!(
                "The model's first alarm fires at {} PST, {} after the addition started ({}).",
                clock::format(alarm),
                duration(i64::from(alarm - add)),
                facts::aws(cascade_sim::clock::historical::FIRST_ALARM)
            ),
            _ => "In this scenario no alarm fires.".into(),
        },
        "operators" => {
            let now = c.at.unwrap_or(OPERATORS_DEFAULT);
            let sight = crate::explain::dashboard::Sight::of(run);
            let k = run.index_of(now);
            let error = run.series.kinesis_error.get(k).copied().unwrap_or(0.0);
            format!(
                "In the model at {} the CloudWatch alarm on Kinesis errors is {}, the newest Kinesis datapoint on the dashboard is {}, and the Service Health Dashboard shows {}; in truth Kinesis fails {:.0}% of requests.",
                clock::format(now),
                sight.alarm(now).name(),
                crate::explain::dashboard::newest_text(&sight, now),
                crate::explain::dashboard::status_page(run, now),
                error * 100.0
            )
        }
        "removal" => match run.milestones.get(Milestone::CapacityRemovalFinished) {
            None => "In this run the added capacity is not removed.".into(),
            Some(done) => {
                let k = run.index_of(done);
                format!(
                    "In the model, when the removal finishes at {} PST, {} servers want more threads than the limit, yet {} are still past it, their shard-maps broken: they recover only when restarted.",
                    clock::format(done),
                    facts::count(facts::wanting_more_than_limit(run, k) as u64),
                    facts::count(facts::past_limit(run, k) as u64),
                )
            }
        },
        "faster-restart" => match other {
            None => "Running the model at three times the rate…".into(),
            Some(Err(e)) => format!("The faster restart could not be run: {e}"),
            Some(Ok(other)) => {
                let (a, b) = (Outage::of(run), Outage::of(other));
                let length = |o: Outage| {
                    o.length().map_or_else(
                        || "an outage still under way".to_string(),
                        |m| format!("{} of outage", duration(i64::from(m))),
                    )
                };
                format!(
                    "In the model, restarting at {:.0} servers an hour evicts {} servers (on the day: {}); Kinesis {} instead of {}: {} instead of {}.",
                    other.scenario.restart.per_hour,
                    facts::count(other.servers_ever_in(ServerState::Evicted) as u64),
                    facts::count(impact(run).evictions as u64),
                    back(b),
                    back(a).trim_start_matches("is fully back "),
                    length(b),
                    length(a)
                )
            }
        },
        _ => String::new(),
    }
}
