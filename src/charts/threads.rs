//! Threads per running server over time: the min-max band, the median, and the OS limit.

use cascade_sim::sensitivity::band::Band;
use cascade_sim::Recording;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{time_chart, time_span, Theme, TimeAxis};

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    run: &Recording,
    compare: Option<&Recording>,
    _band: Option<&Band>,
    theme: &Theme,
) -> Result<TimeAxis, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = &run.series;
    let limit = run.scenario.threads.limit as f32;
    let (start, end) = time_span(run);
    let running = |v: &f32| *v > 0.0;
    let lo = s
        .threads_min
        .iter()
        .copied()
        .filter(running)
        .fold(limit, f32::min);
    let hi = s.threads_max.iter().copied().fold(limit, f32::max);
    let pad = ((hi - lo) * 0.15).max(5.0);
    let mut chart = time_chart(root, run, theme, (lo - pad)..(hi + pad), &|v| {
        format!("{v:.0}")
    })?;
    let band_color = super::rgb(crate::palette::SKY_BLUE);
    let shown = |k: usize| s.threads_max[k] > 0.0;
    let mut band: Vec<(i32, f32)> = (0..s.minute.len())
        .filter(|k| shown(*k))
        .map(|k| (s.minute[k], s.threads_max[k]))
        .collect();
    band.extend(
        (0..s.minute.len())
            .rev()
            .filter(|k| shown(*k))
            .map(|k| (s.minute[k], s.threads_min[k])),
    );
    chart.draw_series(std::iter::once(Polygon::new(
        band,
        band_color.mix(0.25).filled(),
    )))?;
    chart.draw_series(LineSeries::new(
        (0..s.minute.len())
            .filter(|k| shown(*k))
            .map(|k| (s.minute[k], s.threads_median[k])),
        band_color.stroke_width(theme.px(2.0)),
    ))?;
    if let Some(other) = compare {
        let o = &other.series;
        chart.draw_series(LineSeries::new(
            (0..o.minute.len())
                .filter(|k| o.threads_max[*k] > 0.0)
                .map(|k| (o.minute[k], o.threads_median[k])),
            theme.compare.stroke_width(theme.px(2.0)),
        ))?;
    }
    // The limit is a threshold, not a failure: drawn in ink, its label above the line (anchored
    // by its bottom edge, so the line never runs through the text).
    chart.draw_series(LineSeries::new(
        vec![(start, limit), (end, limit)],
        theme.ink.stroke_width(theme.px(2.0)),
    ))?;
    let label = theme
        .font(12.0)
        .color(&theme.ink)
        .pos(Pos::new(HPos::Left, VPos::Bottom));
    chart.draw_series(std::iter::once(Text::new(
        format!(
            "OS thread limit {} (value assumed)",
            run.scenario.threads.limit
        ),
        (start + (end - start) / 50, limit + pad * 0.1),
        label,
    )))?;
    Ok(TimeAxis::from_range(
        chart.plotting_area().get_pixel_range(),
    ))
}
