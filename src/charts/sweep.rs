//! The cliff: outage duration against the swept parameter, with the scenario's own value marked.

use cascade_sim::sweep::{Axis, Point};
use plotters::coord::Shift;
use plotters::prelude::*;

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
        .label_style(theme.font(11.0))
        .axis_desc_style(theme.font(11.0))
        .axis_style(theme.ink)
        .light_line_style(theme.grid)
        .bold_line_style(theme.grid)
        .draw()?;
    let red = RGBColor(213, 94, 0);
    chart.draw_series(LineSeries::new(
        points.iter().map(|p| (p.x, hours(p))),
        red.stroke_width(theme.px(2.0)),
    ))?;
    chart.draw_series(
        points
            .iter()
            .map(|p| Circle::new((p.x, hours(p)), theme.px(3.0), red.filled())),
    )?;
    if (axis.from..=axis.to).contains(&current) {
        chart.draw_series(LineSeries::new(
            vec![(current, 0.0), (current, top)],
            theme.compare.stroke_width(theme.px(1.0)),
        ))?;
        chart.draw_series(std::iter::once(Text::new(
            "this scenario",
            (current, top * 0.12),
            theme.font(11.0),
        )))?;
    }
    Ok(())
}
