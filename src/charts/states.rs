//! Servers by state over time, stacked.

use cascade_sim::fleet::STATES;
use cascade_sim::{Recording, ServerState};
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{hour_marks, time_label, Theme, TimeAxis};
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
    theme: &Theme,
) -> Result<TimeAxis, DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let s = &run.series;
    let start = *s.minute.first().unwrap_or(&0);
    let end = *s.minute.last().unwrap_or(&1);
    let total = run.server_count() as f32;
    let mut chart = ChartBuilder::on(root)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(24.0))
        .y_label_area_size(theme.px(46.0))
        .build_cartesian_2d(
            (start..end).with_key_points(hour_marks(start, end)),
            0f32..total,
        )?;
    chart
        .configure_mesh()
        .x_labels(7)
        .y_labels(5)
        .x_label_formatter(&time_label)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(theme.font(11.0))
        .axis_style(theme.ink)
        .light_line_style(theme.grid)
        .bold_line_style(theme.grid)
        .draw()?;
    // Stack from the top state down, so each area covers the ones below it.
    let shown: Vec<ServerState> = STATES
        .iter()
        .copied()
        .filter(|st| *st != ServerState::Pending)
        .collect();
    for top in (0..shown.len()).rev() {
        let [r, g, b] = state_rgb(shown[top]);
        let color = RGBColor(r, g, b);
        let points = (0..s.minute.len()).map(|k| {
            let height: f32 = shown[..=top].iter().map(|st| counts(run, *st)[k]).sum();
            (s.minute[k], height)
        });
        chart.draw_series(AreaSeries::new(points, 0.0, color.filled()))?;
    }
    Ok(TimeAxis::from_range(
        chart.plotting_area().get_pixel_range(),
    ))
}
