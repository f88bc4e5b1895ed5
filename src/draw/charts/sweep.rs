//! The cliff: outage duration against the swept parameter, with the scenario's own value marked,
//! and the region where the fleet is past the limit before the addition shaded and named: such
//! a fleet could not have been running, so its outage is no story of an addition.

use cascade_sim::sweep::{Axis, Point};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Theme;

/// Draws the sweep's points so far over the whole span of the axis.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[Point],
    axis: &Axis,
    current: f64,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let hours = |p: &Point| f64::from(p.outage_min) / 60.0;
    let top = points.iter().map(hours).fold(4.0, f64::max) * 1.1;
    let mut chart = ChartBuilder::on(root)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(36.0))
        .y_label_area_size(theme.px(46.0))
        .build_cartesian_2d(axis.from..axis.to, 0f64..top)?;
    chart
        .configure_mesh()
        .x_labels(6)
        .y_labels(5)
        .x_desc(axis.label)
        .y_desc("Kinesis outage (h)")
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(theme.font(12.0))
        .axis_desc_style(theme.font(12.0))
        .axis_style(theme.ink)
        .light_line_style(theme.grid)
        .bold_line_style(theme.grid)
        .draw()?;
    let red = super::rgb(crate::draw::palette::VERMILLION);
    let impossible: Vec<f64> = points
        .iter()
        .filter(|p| p.before_addition)
        .map(|p| p.x)
        .collect();
    if let (Some(lo), Some(hi)) = (
        impossible.iter().copied().reduce(f64::min),
        impossible.iter().copied().reduce(f64::max),
    ) {
        // Half a step either side, so that the region covers its points.
        let step = (axis.to - axis.from) / points.len().max(2) as f64 / 2.0;
        let (lo, hi) = ((lo - step).max(axis.from), (hi + step).min(axis.to));
        chart.draw_series(std::iter::once(Rectangle::new(
            [(lo, 0.0), (hi, top)],
            theme.grid.mix(0.6).filled(),
        )))?;
        // Halfway down, clear of its points (whose outage is the whole run) and of the line.
        let label = theme.font(12.0).pos(Pos::new(HPos::Center, VPos::Center));
        for (k, line) in [
            "past the limit",
            "before the addition:",
            "could not have been running",
        ]
        .iter()
        .enumerate()
        {
            chart.draw_series(std::iter::once(Text::new(
                *line,
                ((lo + hi) / 2.0, top * (0.6 - 0.1 * k as f64)),
                label.clone(),
            )))?;
        }
    }
    chart.draw_series(LineSeries::new(
        points
            .iter()
            .filter(|p| !p.before_addition)
            .map(|p| (p.x, hours(p))),
        red.stroke_width(theme.px(2.0)),
    ))?;
    chart.draw_series(points.iter().map(|p| {
        let style = if p.before_addition {
            theme.ink.stroke_width(theme.px(1.0))
        } else {
            red.filled()
        };
        Circle::new((p.x, hours(p)), theme.px(3.0), style)
    }))?;
    if (axis.from..=axis.to).contains(&current) {
        chart.draw_series(LineSeries::new(
            vec![(current, 0.0), (current, top)],
            theme.compare.stroke_width(theme.px(1.0)),
        ))?;
        chart.draw_series(std::iter::once(Text::new(
            "this scenario",
            (current, top * 0.12),
            theme.font(12.0),
        )))?;
    }
    Ok(())
}
