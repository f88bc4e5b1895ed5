//! Each chapter's claim as a predicate on its run at the chapter's minute: what the chapter
//! says must be what the picture beside it shows. Checked natively over many seeds
//! (`tests.rs`), with the definitions of `cascade_sim::facts`.

use cascade_sim::clock::{self, Minute};
use cascade_sim::facts::{self, in_fleet, past_limit, wanting_more_than_limit};
use cascade_sim::{Milestone, Recording};

/// A failed claim, saying what the run shows instead.
fn fail(what: &str, t: Minute) -> Result<(), String> {
    Err(format!("at {}: {what}", clock::format(t)))
}

fn check(ok: bool, what: &str, t: Minute) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        fail(what, t)
    }
}

fn error_at(run: &Recording, t: Minute) -> f64 {
    let k = run.index_of(t);
    f64::from(run.series.kinesis_error.get(k).copied().unwrap_or(0.0))
}

/// Kinesis's errors at `t` under `level` (a share of requests), or the claim fails saying `what`.
fn errors_under(run: &Recording, t: Minute, level: f64, what: &str) -> Result<(), String> {
    check(error_at(run, t) < level, what, t)
}

/// The minute of milestone `m`, or why the claim fails without it.
fn when(run: &Recording, m: Milestone, t: Minute) -> Result<Minute, String> {
    run.milestones
        .get(m)
        .ok_or_else(|| format!("at {}: the run has no {}", clock::format(t), m.key()))
}

/// "Every front-end server keeps a thread for each of its peers."
pub fn rest(run: &Recording, t: Minute) -> Result<(), String> {
    let k = run.index_of(t);
    let fleet = in_fleet(run, k);
    let median = run.series.threads_median.get(k).copied().unwrap_or(0.0);
    check(
        past_limit(run, k) == 0.0 && median >= fleet - 1.0,
        &format!("median threads {median} for a fleet of {fleet}"),
        t,
    )?;
    errors_under(run, t, run.scenario.alarm.normal_error, "errors")
}

/// "A routine capacity addition begins at ... Nothing fails yet."
pub fn addition(run: &Recording, t: Minute) -> Result<(), String> {
    let start = when(run, Milestone::CapacityAddStarted, t)?;
    check(start == t, "the addition starts at another minute", t)?;
    errors_under(run, t, run.scenario.alarm.normal_error, "requests fail")
}

/// "Each server learns of the new peers over up to an hour."
pub fn discovery(run: &Recording, t: Minute) -> Result<(), String> {
    let k = run.index_of(t);
    let past = past_limit(run, k);
    check(
        past > 0.0 && past < in_fleet(run, k),
        &format!("{past} servers past the limit: discovery is not under way"),
        t,
    )?;
    let finished = when(run, Milestone::CapacityAddFinished, t)?;
    let all = facts::every_server_past_limit(run).unwrap_or(Minute::MAX);
    let hour = run.scenario.discovery.max_delay_min as Minute;
    check(
        all <= finished + hour,
        "servers learn of the new peers later than an hour after the addition",
        t,
    )?;
    errors_under(run, t, run.scenario.alarm.error_threshold, "requests fail")
}

/// "From ... every server is past the thread limit. Old shard-maps still route."
pub fn limit(run: &Recording, t: Minute) -> Result<(), String> {
    let k = run.index_of(t);
    check(
        in_fleet(run, k) > 0.0 && past_limit(run, k) == in_fleet(run, k),
        "not every server is past the limit",
        t,
    )?;
    errors_under(
        run,
        t,
        run.scenario.alarm.error_threshold,
        "the old maps no longer route",
    )
}

/// "The first alarm fires at ..., ... after the trigger."
pub fn alarm(run: &Recording, t: Minute) -> Result<(), String> {
    let alarm = when(run, Milestone::FirstAlarm, t)?;
    let finished = when(run, Milestone::CapacityAddFinished, t)?;
    check(alarm == t, "the alarm fires at another minute", t)?;
    check(
        finished < alarm,
        "the alarm fires before the addition is over",
        t,
    )
}

/// "Memory pressure looked like the cause. The thread limit was confirmed at ..."
pub fn diagnosis(run: &Recording, t: Minute) -> Result<(), String> {
    let narrowed = when(run, Milestone::CauseNarrowed, t)?;
    let confirmed = when(run, Milestone::RootCauseConfirmed, t)?;
    check(
        narrowed <= t && t < confirmed,
        "the chapter is not between the narrowing and the confirmation",
        t,
    )?;
    check(error_at(run, t) > 0.5, "Kinesis is not failing", t)
}

/// "Removing the new capacity is not enough: every server must restart."
pub fn removal(run: &Recording, t: Minute) -> Result<(), String> {
    let k = run.index_of(t);
    check(
        wanting_more_than_limit(run, k) == 0.0,
        "servers still want more threads than the limit",
        t,
    )?;
    check(
        past_limit(run, k) == in_fleet(run, k),
        "some servers are not broken: not every server must restart",
        t,
    )
}

/// "The fleet comes back ... servers an hour: faster would be slower."
pub fn restart(run: &Recording, t: Minute) -> Result<(), String> {
    let k = run.index_of(t);
    let rate = f64::from(run.series.restart_rate.get(k).copied().unwrap_or(0.0));
    check(
        rate > 0.0 && (rate - run.scenario.restart.per_hour).abs() < 1.0,
        &format!("the restart runs at {rate:.0} an hour"),
        t,
    )?;
    check(
        when(run, Milestone::FirstTrafficAfterRestart, t)? == t,
        "no restarted server takes traffic yet",
        t,
    )
}

/// "Kinesis fails at ...; CloudWatch, EventBridge and Cognito follow, as they run on it."
pub fn cascade(run: &Recording, t: Minute) -> Result<(), String> {
    let Some(kinesis) = facts::service_fails(run, "kinesis") else {
        return fail("Kinesis does not fail", t);
    };
    for id in ["cloudwatch", "eventbridge", "cognito"] {
        match facts::service_fails(run, id) {
            Some(f) if kinesis <= f && f <= t => {}
            other => return fail(&format!("{id} fails at {other:?}"), t),
        }
    }
    Ok(())
}

/// "Kinesis is fully back at ..., after ... of outage."
pub fn recovery(run: &Recording, t: Minute) -> Result<(), String> {
    let back = when(run, Milestone::KinesisRecovered, t)?;
    check(back == t, "Kinesis is back at another minute", t)?;
    errors_under(
        run,
        t,
        run.scenario.alarm.normal_error,
        "errors above normal",
    )?;
    check(
        facts::Outage::of(run).end() == Some(t),
        "the outage ends at another minute",
        t,
    )
}
