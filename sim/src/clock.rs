//! Simulated time: whole minutes since 00:00 PST on 25 November 2020.
//!
//! The model never reads a clock; time is a number it is handed and advances.

/// Minutes since 00:00 PST (UTC-8) on 25 November 2020. Negative values are the day before.
pub type Minute = i32;

/// Minutes in a day.
pub const DAY: Minute = 24 * 60;

/// A clock time on 25 November 2020 (PST) as minutes since midnight.
pub const fn at(hour: i32, minute: i32) -> Minute {
    hour * 60 + minute
}

/// "HH:MM" for a minute, with "+1d" when it falls on the 26th.
pub fn format(minute: Minute) -> String {
    let day = minute.div_euclid(DAY);
    let m = minute.rem_euclid(DAY);
    let text = format!("{:02}:{:02}", m / 60, m % 60);
    match day {
        0 => text,
        d if d > 0 => format!("{text} +{d}d"),
        d => format!("{text} {d}d"),
    }
}

/// Parses "HH:MM" (optionally "+1d") back into minutes; `None` when it is not a clock time.
pub fn parse(text: &str) -> Option<Minute> {
    let (clock, day) = match text.split_once(' ') {
        Some((c, d)) => (
            c,
            d.trim_start_matches('+')
                .trim_end_matches('d')
                .parse::<i32>()
                .ok()?,
        ),
        None => (text, 0),
    };
    let (h, m) = clock.split_once(':')?;
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if !(0..24).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    Some(day * DAY + h * 60 + m)
}

/// The historical times of AWS's summary (its timeline, PST).
pub mod historical {
    use super::{at, Minute};
    /// Capacity addition to the front-end fleet starts.
    pub const CAPACITY_ADD_START: Minute = at(2, 44);
    /// Capacity addition finished.
    pub const CAPACITY_ADD_END: Minute = at(3, 47);
    /// First alarms for errors putting and getting records.
    pub const FIRST_ALARM: Minute = at(5, 15);
    /// Lambda invocation errors rise.
    pub const LAMBDA_ERRORS: Minute = at(6, 15);
    /// Cognito error rates rise sharply.
    pub const COGNITO_SPIKE: Minute = at(7, 1);
    /// Cause narrowed to a couple of candidates; full restart judged necessary.
    pub const CANDIDATES_NARROWED: Minute = at(7, 51);
    /// Root cause confirmed; capacity removal just completed; restart proceeds.
    pub const ROOT_CAUSE: Minute = at(9, 39);
    /// First group of restarted servers takes traffic.
    pub const FIRST_TRAFFIC: Minute = at(10, 7);
    /// Cognito starts deploying its change.
    pub const COGNITO_FIX: Minute = at(10, 15);
    /// Lambda engineers mitigate the memory contention.
    pub const LAMBDA_MITIGATION: Minute = at(10, 36);
    /// Kinesis error rate steadily dropping from noon on.
    pub const KINESIS_FALLING: Minute = at(12, 0);
    /// Cognito errors significantly reduced.
    pub const COGNITO_REDUCED: Minute = at(12, 15);
    /// Cognito operating normally.
    pub const COGNITO_NORMAL: Minute = at(14, 18);
    /// Majority of the ECS / EKS issues resolved.
    pub const ECS_EKS_RESOLVED: Minute = at(16, 15);
    /// CloudWatch early signs of recovery; reactive Auto Scaling delays end.
    pub const CLOUDWATCH_EARLY: Minute = at(17, 47);
    /// Kinesis fully back to normal.
    pub const KINESIS_NORMAL: Minute = at(22, 23);
    /// CloudWatch metrics and alarms fully recovered.
    pub const CLOUDWATCH_NORMAL: Minute = at(22, 31);

    /// AWS's timeline in words, as the app's timeline marks it: (minute, what happened).
    pub const TIMELINE: &[(Minute, &str)] = &[
        (CAPACITY_ADD_START, "Capacity addition starts (the trigger)"),
        (CAPACITY_ADD_END, "Capacity addition finished"),
        (
            FIRST_ALARM,
            "First alarms: errors putting and getting records",
        ),
        (LAMBDA_ERRORS, "Lambda invocation errors rise"),
        (COGNITO_SPIKE, "Cognito error rates rise sharply"),
        (
            CANDIDATES_NARROWED,
            "Cause narrowed; a full restart is needed",
        ),
        (ROOT_CAUSE, "Root cause confirmed: the OS thread limit"),
        (FIRST_TRAFFIC, "First restarted servers take traffic"),
        (COGNITO_FIX, "Cognito starts deploying its fix"),
        (LAMBDA_MITIGATION, "Lambda memory contention mitigated"),
        (KINESIS_FALLING, "Kinesis errors steadily dropping"),
        (COGNITO_NORMAL, "Cognito operating normally"),
        (ECS_EKS_RESOLVED, "Most ECS / EKS issues resolved"),
        (
            CLOUDWATCH_EARLY,
            "CloudWatch recovering; Auto Scaling delays end",
        ),
        (KINESIS_NORMAL, "Kinesis fully back to normal"),
        (CLOUDWATCH_NORMAL, "CloudWatch fully recovered"),
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_round_trip() {
        for m in [0, 164, 315, 1439, 1440, 1560] {
            assert_eq!(parse(&format(m)), Some(m), "{}", format(m));
        }
        assert_eq!(format(at(5, 15)), "05:15");
        assert_eq!(format(DAY + 120), "02:00 +1d");
    }

    #[test]
    fn rejects_non_times() {
        for bad in ["", "5", "25:00", "12:60", "aa:bb", "12:00 +xd"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
