//! Servers by state over time, stacked.

use cascade_sim::sensitivity::band::Band;
use cascade_sim::Recording;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{time_chart, Theme, TimeAxis};
use crate::draw::look::{Look, LOOKS};

/// The looks the chart stacks, bottom first: every server in the fleet (not the pending ones).
pub fn stacked() -> impl Iterator<Item = Look> {
    LOOKS.into_iter().filter(|l| *l != Look::Pending)
}

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    run: &Recording,
    compare: Option<&Recording>,
    band: Option<&Band>,
    theme: &Theme,
) -> Result<TimeAxis, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = &run.series;
    let total = run.server_count() as f32;
    let mut chart = time_chart(root, run, theme, 0f32..total, &|v| format!("{v:.0}"))?;
    // Stack from the top state down, so each area covers the ones below it.
    let shown: Vec<Look> = stacked().collect();
    for top in (0..shown.len()).rev() {
        let color = super::rgb(shown[top].rgb());
        let points = (0..s.minute.len()).map(|k| {
            let height: f32 = shown[..=top].iter().map(|l| l.count(run, k)).sum();
            (s.minute[k], height)
        });
        chart.draw_series(AreaSeries::new(points, 0.0, color.filled()))?;
    }
    if let Some(other) = compare {
        // The run a branch forked from: its servers serving, the stack's bottom layer.
        let o = &other.series;
        chart.draw_series(LineSeries::new(
            (0..o.minute.len()).map(|k| (o.minute[k], Look::Serving.count(other, k))),
            theme.compare.stroke_width(theme.px(2.0)),
        ))?;
        super::label_compare(
            &mut chart,
            other,
            theme,
            |k| (o.minute[k], Look::Serving.count(other, k)),
            |k| (Look::Serving.count(other, k) - Look::Serving.count(run, k)).abs(),
        )?;
    }
    if let Some(b) = band {
        // The spread over seeds of the servers serving again after a restart: they sit at the
        // bottom of the stack, with the servers that never stopped serving (none by then).
        let base: Vec<f32> = (0..s.minute.len())
            .map(|k| s.servers_serving.get(k).copied().unwrap_or(0.0))
            .collect();
        let edge = |v: &[f32]| -> Vec<f32> { base.iter().zip(v).map(|(b, r)| b + r).collect() };
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
