//! A range of the day typed by the reader ("02:30" to "10:30"), one parser for every place that
//! asks for one (the embed's loop, the video, the GIF): a range is two clock times, the first
//! before the second, within the run.

use cascade_sim::clock::{self, Minute};

/// The range typed as `from` and `to` if both are clock times, the first before the second and
/// both within `within` (the run's first and last minute); otherwise what it needs, in words
/// that follow "The ... needs".
pub fn parse(from: &str, to: &str, within: (Minute, Minute)) -> Result<(Minute, Minute), String> {
    let (first, last) = within;
    clock::parse(from)
        .zip(clock::parse(to))
        .filter(|(a, b)| a < b && *a >= first && *b <= last)
        .ok_or_else(|| {
            format!(
                "two times such as 02:30 and 10:30, the first before the second, within the run ({} to {})",
                clock::format(first),
                clock::format(last)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: (Minute, Minute) = (0, 1559);

    #[test]
    fn two_times_in_order_within_the_run() {
        assert_eq!(parse("02:30", "10:30", DAY), Ok((150, 630)));
        assert_eq!(parse("23:00", "01:00 +1d", DAY), Ok((1380, 1500)));
    }

    #[test]
    fn anything_else_says_what_it_needs() {
        for (from, to) in [
            ("10:30", "02:30"),
            ("02:30", "02:30"),
            ("2.30", "10:30"),
            ("", ""),
            ("02:30", "03:00 +1d"),
        ] {
            let e = parse(from, to, DAY).expect_err(from);
            assert!(
                e.contains("the first before the second") && e.contains("00:00 to 01:59 +1d"),
                "{e}"
            );
        }
    }
}
