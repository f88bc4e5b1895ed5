//! What the clock and the narration say at a minute: pure, so that the clock on the page, the
//! video and the tests all say the same.

use cascade_sim::clock::{self, historical, Minute};
use cascade_sim::Recording;

/// The clock's time, "HH:MM", of the day the minute falls on.
pub fn clock_text(t: Minute) -> String {
    clock::format(t.rem_euclid(clock::DAY))
}

/// The day of November 2020 the minute falls on.
pub fn day_of_month(t: Minute) -> i32 {
    25 + t.div_euclid(clock::DAY)
}

/// How long before or after the trigger (the start of the addition) the minute is.
pub fn relative_to_trigger(t: Minute, trigger: Minute) -> String {
    let since = i64::from(t - trigger);
    match since {
        0 => "at the trigger".to_string(),
        s if s > 0 => format!("{} after the trigger", cascade_sim::compare::duration(s)),
        s => format!("{} before the trigger", cascade_sim::compare::duration(-s)),
    }
}

/// What is happening at `t`: the last event of the run's log up to then.
pub fn narration(run: Option<&Recording>, t: Minute) -> String {
    run.and_then(|run| {
        run.events
            .iter()
            .rev()
            .find(|e| e.t <= t)
            .map(|e| format!("{}: {}", clock::format(e.t), e.text))
    })
    .unwrap_or_else(|| {
        format!(
            "Before {}: the fleet runs normally, each server holding threads for every peer.",
            clock::format(historical::CAPACITY_ADD_START)
        )
    })
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    #[test]
    fn the_clock_and_the_narration_follow_the_run() {
        let Ok(r) = cascade_sim::presets::scenario("historical").and_then(|s| cascade_sim::run(&s))
        else {
            panic!("run");
        };
        assert!(narration(Some(&r), 60).starts_with("Before 02:44"));
        assert!(
            narration(Some(&r), 400).starts_with("0"),
            "an event of the log"
        );
        assert_eq!(clock_text(1500), "01:00");
        assert_eq!(day_of_month(1500), 26);
        assert_eq!(
            relative_to_trigger(164 + 75, 164),
            "1 h 15 min after the trigger"
        );
        assert_eq!(
            relative_to_trigger(100, 164),
            "1 h 04 min before the trigger"
        );
    }
}
