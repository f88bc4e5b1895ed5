//! Servers by state over time, stacked.

use cascade_sim::fleet::STATES;
use cascade_sim::sensitivity::band::Band;
use cascade_sim::{Recording, ServerState};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{time_chart, Theme, TimeAxis};
use crate::palette::state_rgb;

/// The series of servers in `state`.
pub fn counts(run: &Recording, state: ServerState) -> &[f32] {
    let s = &run.series;
    match state {
        ServerState::Pending => &s.servers_pending,
        ServerState::Serving => &s.servers_serving,
        ServerState::LimitHit => &s.servers_limit_hit,
        ServerState::Removed => &s.servers_removed,
        ServerState::ColdStart => &s.servers_cold_start,
        ServerState::Evicted => &s.servers_evicted,
        ServerState::Recovered => &s.servers_recovered,
    }
}

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    run: &Recording,
    _compare: Option<&Recording>,
    band: Option<&Band>,
    theme: &Theme,
) -> Result<TimeAxis, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = &run.series;
    let total = run.server_count() as f32;
    let mut chart = time_chart(root, run, theme, 0f32..total, &|v| format!("{v:.0}"))?;
    // Stack from the top state down, so each area covers the ones below it.
    let shown: Vec<ServerState> = STATES
        .iter()
        .copied()
        .filter(|st| *st != ServerState::Pending)
        .collect();
    for top in (0..shown.len()).rev() {
        let color = super::rgb(state_rgb(shown[top]));
        let points = (0..s.minute.len()).map(|k| {
            let height: f32 = shown[..=top].iter().map(|st| counts(run, *st)[k]).sum();
            (s.minute[k], height)
        });
        chart.draw_series(AreaSeries::new(points, 0.0, color.filled()))?;
    }
    if let Some(b) = band {
        // The spread over seeds of the servers serving again: where the lower edge of their
        // area (on top of the stack) lies over the seeds, during the restart.
        let stack: Vec<f32> = (0..s.minute.len())
            .map(|k| shown.iter().map(|st| counts(run, *st)[k]).sum())
            .collect();
        let edge = |v: &[f32]| -> Vec<f32> { stack.iter().zip(v).map(|(t, r)| t - r).collect() };
        chart.draw_series(std::iter::once(super::band_polygon(
            &b.minute,
            &edge(&b.recovered_high),
            &edge(&b.recovered_low),
            1.0,
            theme.ink.mix(0.45),
        )))?;
    }
    Ok(TimeAxis::from_range(
        chart.plotting_area().get_pixel_range(),
    ))
}
