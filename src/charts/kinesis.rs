//! Kinesis error rate over time.

use cascade_sim::Recording;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{hour_marks, time_label, Theme, TimeAxis};

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
    let mut chart = ChartBuilder::on(root)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(24.0))
        .y_label_area_size(theme.px(46.0))
        .build_cartesian_2d(
            (start..end).with_key_points(hour_marks(start, end)),
            0f32..100f32,
        )?;
    chart
        .configure_mesh()
        .x_labels(7)
        .y_labels(5)
        .x_label_formatter(&time_label)
        .y_label_formatter(&|v| format!("{v:.0}%"))
        .label_style(theme.font(11.0))
        .axis_style(theme.ink)
        .light_line_style(theme.grid)
        .bold_line_style(theme.grid)
        .draw()?;
    let red = RGBColor(213, 94, 0);
    chart.draw_series(
        AreaSeries::new(
            s.minute
                .iter()
                .zip(&s.kinesis_error)
                .map(|(m, e)| (*m, e * 100.0)),
            0.0,
            red.mix(0.3),
        )
        .border_style(red.stroke_width(theme.px(2.0))),
    )?;
    Ok(TimeAxis::from_range(
        chart.plotting_area().get_pixel_range(),
    ))
}
