//! The spread over seeds of the series the page's charts shade behind the run: per minute, the
//! lowest and highest Kinesis error rate and number of servers serving again after the restart
//! over many seeds.

use super::{scenario, Variant};
use crate::clock::Minute;
use crate::params::ParamError;
use crate::scenario::Scenario;
use crate::sim::Simulation;

/// Per minute, the range of two series over the seeds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Band {
    /// The minutes.
    pub minute: Vec<Minute>,
    /// Lowest share of Kinesis requests failing.
    pub error_low: Vec<f32>,
    /// Highest share of Kinesis requests failing.
    pub error_high: Vec<f32>,
    /// Fewest servers serving again after a restart.
    pub recovered_low: Vec<f32>,
    /// Most servers serving again after a restart.
    pub recovered_high: Vec<f32>,
    /// Seeds run.
    pub seeds: u32,
}

/// Runs `base` over `seeds` seeds (its own first) and keeps each minute's range.
pub fn band(base: &Scenario, seeds: u32) -> Result<Band, ParamError> {
    let mut out = Band {
        seeds,
        ..Band::default()
    };
    for k in 0..seeds {
        let mut sim = Simulation::new(&scenario(base, Variant::Seed(k)))?;
        while !sim.finished() {
            sim.step();
        }
        let s = &sim.series;
        let serving = s.servers_recovered.clone();
        if k == 0 {
            out.minute = s.minute.clone();
            out.error_low = s.kinesis_error.clone();
            out.error_high = s.kinesis_error.clone();
            out.recovered_low = serving.clone();
            out.recovered_high = serving;
            continue;
        }
        let widen = |low: &mut Vec<f32>, high: &mut Vec<f32>, xs: &[f32]| {
            for ((l, h), x) in low.iter_mut().zip(high.iter_mut()).zip(xs) {
                *l = l.min(*x);
                *h = h.max(*x);
            }
        };
        widen(&mut out.error_low, &mut out.error_high, &s.kinesis_error);
        widen(&mut out.recovered_low, &mut out.recovered_high, &serving);
    }
    Ok(out)
}

/// The band as text: a line of seeds, then one line per minute `minute error_low error_high
/// recovered_low recovered_high`.
pub fn to_text(b: &Band) -> String {
    let mut text = format!("{}\n", b.seeds);
    for k in 0..b.minute.len() {
        text.push_str(&format!(
            "{} {} {} {} {}\n",
            b.minute[k], b.error_low[k], b.error_high[k], b.recovered_low[k], b.recovered_high[k]
        ));
    }
    text
}

/// Reads what `to_text` wrote.
pub fn from_text(text: &str) -> Option<Band> {
    let mut lines = text.lines();
    let mut b = Band {
        seeds: lines.next()?.trim().parse().ok()?,
        ..Band::default()
    };
    for line in lines {
        let mut w = line.split(' ');
        b.minute.push(w.next()?.parse().ok()?);
        for v in [
            &mut b.error_low,
            &mut b.error_high,
            &mut b.recovered_low,
            &mut b.recovered_high,
        ] {
            v.push(w.next()?.parse().ok()?);
        }
    }
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The band holds the scenario's own run (its first seed) and reads back from its text.
    #[test]
    fn the_band_brackets_the_run_and_survives_its_text() {
        let base = Scenario::default();
        let b = band(&base, 3).expect("band");
        let run = crate::sim::run(&base).expect("run");
        assert_eq!(b.minute, run.series.minute);
        let mut wider = 0;
        for k in 0..b.minute.len() {
            let e = run.series.kinesis_error[k];
            assert!(b.error_low[k] <= e && e <= b.error_high[k], "minute {k}");
            wider += usize::from(b.recovered_low[k] < b.recovered_high[k]);
        }
        assert!(wider > 60, "the seeds differ somewhere: {wider} minutes");
        assert_eq!(from_text(&to_text(&b)), Some(b));
        assert!(from_text("3\n1 2\n").is_none());
    }
}
