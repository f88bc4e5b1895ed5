//! What the operators saw, in words: the dashboards' sight of the run
//! (`cascade_sim::services::cloudwatch_sight`, derived from the model's CloudWatch series), and
//! the Service Health Dashboard as customers saw it (AWS summary, the last paragraphs: the posting
//! tool signed in through Cognito; the backup tool was slow).

use cascade_sim::clock::{self, Minute};
use cascade_sim::{Milestone, Recording};

pub use cascade_sim::services::cloudwatch_sight::Sight;

/// When `m` happened in the run, if it had by `now`.
fn by(run: &Recording, m: Milestone, now: Minute) -> Option<Minute> {
    run.milestones.get(m).filter(|t| *t <= now)
}

/// The Service Health Dashboard at `now`, as customers saw it.
pub fn status_page(run: &Recording, now: Minute) -> String {
    match by(run, Milestone::ShdFirstPost, now) {
        // AWS gives no time for its first post: the model's timing is assumed (sim/MODEL.md).
        Some(t) => format!("first post up since {} (assumed timing)", clock::format(t)),
        None if by(run, Milestone::ShdPostingBlocked, now).is_some() => {
            "nothing posted: every service still shown as operating normally (the posting tool cannot sign in; support is using the slower backup tool)".into()
        }
        None => "nothing posted: every service shown as operating normally".into(),
    }
}

/// What the operators knew of the cause at `now`.
pub fn known_cause(run: &Recording, now: Minute) -> String {
    let alarm = by(run, Milestone::FirstAlarm, now);
    let narrowed = by(run, Milestone::CauseNarrowed, now);
    let confirmed = by(run, Milestone::RootCauseConfirmed, now);
    match (alarm, narrowed, confirmed) {
        (_, _, Some(t)) => format!("the OS thread limit, confirmed at {}", clock::format(t)),
        (_, Some(t), None) => format!(
            "narrowed at {} to a couple of candidates, memory pressure the leading one",
            clock::format(t)
        ),
        (Some(t), None, None) => format!(
            "unknown: Kinesis's own alarms have fired on errors since {}",
            clock::format(t)
        ),
        (None, None, None) => "nothing looks wrong: no alarm has fired".into(),
    }
}

/// The newest datapoint at `now`, in words: "05:37, 53 min old".
pub fn newest_text(sight: &Sight, now: Minute) -> String {
    match sight.newest(now) {
        Some(m) if m >= now - 1 => format!("{} (current)", clock::format(m)),
        Some(m) => {
            let age = now - m;
            let age = if age >= 120 {
                format!("{} old", cascade_sim::compare::duration(i64::from(age)))
            } else {
                format!("{age} min old")
            };
            format!("{}, {age}", clock::format(m))
        }
        None => "none".into(),
    }
}

/// A share in words, to the nearest tenth ("about 30%"), or "under 5%".
fn about(share: f32) -> String {
    if share < 0.05 {
        "under 5%".into()
    } else {
        format!("about {:.0}%", (share * 10.0).round() * 10.0)
    }
}

/// The narration's contrast at `now`: what was known, then what was true. Its figures are
/// rounded so that the words (a live region a screen reader speaks) change only when the
/// picture does, not every minute of playback.
pub fn contrast(run: &Recording, sight: &Sight, now: Minute) -> (String, String) {
    let error_at = |m: Minute| {
        run.series
            .kinesis_error
            .get(run.index_of(m))
            .copied()
            .unwrap_or(0.0)
    };
    let seen = match sight.newest(now) {
        Some(m) if m >= now - 1 => {
            format!("dashboards current, Kinesis errors {}", about(error_at(m)))
        }
        Some(m) => format!(
            "no datapoint since {} (Kinesis errors {} then)",
            clock::format(m),
            about(error_at(m))
        ),
        None => "no Kinesis datapoint".into(),
    };
    let known = format!(
        "Known: alarm {}; {}; cause {}.",
        sight.alarm(now).name(),
        seen,
        known_cause(run, now)
    );
    let truth = format!("True: Kinesis fails {} of requests.", about(error_at(now)));
    (known, truth)
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;
