//! Threads per running server over time, against the OS limit: what servers hold (the min-max
//! band and the median), what they want past the limit (the median and the most), the threads
//! refused shaded between the limit and what the median server wants, and an inset at full
//! scale, from zero, that shows how thin the headroom is.

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
    let hi = s.threads_wanted_max.iter().copied().fold(limit, f32::max);
    let pad = ((hi - lo) * 0.15).max(5.0);
    let mut chart = time_chart(root, run, theme, (lo - pad)..(hi + pad), &|v| {
        format!("{v:.0}")
    })?;
    let band_color = super::rgb(crate::draw::palette::SKY_BLUE);
    let refused_color = super::rgb(crate::draw::palette::ORANGE);
    let shown = |k: usize| s.threads_max[k] > 0.0;
    let rows = || (0..s.minute.len()).filter(|k| shown(*k));
    // Refused: between the limit and what the median server wants, where it wants more.
    let refused: Vec<(i32, f32)> = rows()
        .map(|k| (s.minute[k], s.threads_wanted_median[k].max(limit)))
        .chain(rows().rev().map(|k| (s.minute[k], limit)))
        .collect();
    chart.draw_series(std::iter::once(Polygon::new(
        refused,
        refused_color.mix(0.3).filled(),
    )))?;
    let mut band: Vec<(i32, f32)> = rows().map(|k| (s.minute[k], s.threads_max[k])).collect();
    band.extend(rows().rev().map(|k| (s.minute[k], s.threads_min[k])));
    chart.draw_series(std::iter::once(Polygon::new(
        band,
        band_color.mix(0.25).filled(),
    )))?;
    // Wanted, dashed where it differs from what is held (past the limit).
    chart.draw_series(DashedLineSeries::new(
        rows().map(|k| (s.minute[k], s.threads_wanted_max[k])),
        theme.px(4.0),
        theme.px(3.0),
        refused_color.stroke_width(theme.px(1.5)),
    ))?;
    chart.draw_series(LineSeries::new(
        rows().map(|k| (s.minute[k], s.threads_wanted_median[k])),
        band_color.stroke_width(theme.px(2.0)),
    ))?;
    if let Some(other) = compare {
        let o = &other.series;
        chart.draw_series(LineSeries::new(
            (0..o.minute.len())
                .filter(|k| o.threads_max[*k] > 0.0)
                .map(|k| (o.minute[k], o.threads_wanted_median[k])),
            theme.compare.stroke_width(theme.px(2.0)),
        ))?;
        let at = |v: &[f32], k: usize| v.get(k).copied().unwrap_or(0.0);
        super::label_compare(
            &mut chart,
            other,
            theme,
            |k| (o.minute[k], o.threads_wanted_median[k]),
            |k| (at(&o.threads_wanted_median, k) - at(&s.threads_wanted_median, k)).abs(),
        )?;
    }
    // The limit is a threshold, not a failure: drawn in ink, its label above the line (anchored
    // by its bottom edge, so the line never runs through the text).
    chart.draw_series(LineSeries::new(
        vec![(start, limit), (end, limit)],
        theme.ink.stroke_width(theme.px(2.0)),
    ))?;
    let above = |h: HPos| {
        theme
            .font(12.0)
            .color(&theme.ink)
            .pos(Pos::new(h, VPos::Bottom))
    };
    let at_rest = s.threads_median.first().copied().unwrap_or(limit);
    chart.draw_series(std::iter::once(Text::new(
        format!(
            "OS thread limit {} (assumed); {} to spare at rest",
            run.scenario.threads.limit,
            (limit - at_rest).max(0.0)
        ),
        (start + (end - start) / 50, limit + pad * 0.1),
        above(HPos::Left),
    )))?;
    // Labels on the data: the peak of what the median server wants, and the refused area.
    if let Some(k) =
        rows().max_by(|a, b| s.threads_wanted_median[*a].total_cmp(&s.threads_wanted_median[*b]))
    {
        let peak = s.threads_wanted_median[k];
        if peak > limit {
            chart.draw_series(std::iter::once(Text::new(
                format!("wanted (median) {peak:.0}: {:.0} refused", peak - limit),
                (s.minute[k] + (end - start) / 40, peak + pad * 0.1),
                above(HPos::Left),
            )))?;
        }
    }
    let axis = TimeAxis::from_range(chart.plotting_area().get_pixel_range());
    inset(root, run, theme, limit)?;
    Ok(axis)
}

/// A small chart at full scale, from zero threads: the same limit and median, showing that the
/// headroom is a sliver of the whole.
fn inset<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    run: &Recording,
    theme: &Theme,
    limit: f32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (w, h) = root.dim_in_pixel();
    let (iw, ih) = (theme.px(150.0).min(w / 3), theme.px(72.0).min(h / 3));
    if iw < theme.px(90.0) || ih < theme.px(48.0) {
        return Ok(());
    }
    // Top right: late in the day the lines lie low, so the corner is free.
    let area = root
        .clone()
        .shrink((w - iw - theme.px(14.0), theme.px(12.0)), (iw, ih));
    area.fill(&theme.background)?;
    let s = &run.series;
    let (start, end) = time_span(run);
    let top = s.threads_wanted_max.iter().copied().fold(limit, f32::max) * 1.05;
    let mut chart = ChartBuilder::on(&area)
        .margin(theme.px(2.0))
        .build_cartesian_2d(start..end, 0f32..top)?;
    chart.plotting_area().draw(&Rectangle::new(
        [(start, 0.0), (end, top)],
        theme.grid.stroke_width(1),
    ))?;
    chart.draw_series(LineSeries::new(
        vec![(start, limit), (end, limit)],
        theme.ink.stroke_width(theme.px(1.0)),
    ))?;
    chart.draw_series(LineSeries::new(
        (0..s.minute.len())
            .filter(|k| s.threads_max[*k] > 0.0)
            .map(|k| (s.minute[k], s.threads_wanted_median[k])),
        super::rgb(crate::draw::palette::SKY_BLUE).stroke_width(theme.px(2.0)),
    ))?;
    chart.draw_series(std::iter::once(Text::new(
        "full scale, from 0".to_string(),
        (start + (end - start) / 30, top * 0.45),
        theme
            .font(12.0)
            .color(&theme.muted)
            .pos(Pos::new(HPos::Left, VPos::Center)),
    )))?;
    Ok(())
}
