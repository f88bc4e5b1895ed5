//! A strip per service: its health over time, coloured normal / degraded / failing.

use cascade_sim::sensitivity::band::Band;
use cascade_sim::services::graph::SERVICES;
use cascade_sim::Recording;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{time_axis, time_label, time_span, Theme, TimeAxis};

/// The health series of the service graph's node `name`, if the recording has it.
pub fn series<'a>(run: &'a Recording, name: &str) -> Option<&'a [f32]> {
    run.series.column(name)
}

/// Colour of a health value.
pub fn color(health: f32) -> RGBColor {
    super::rgb(crate::palette::health_rgb(health))
}

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    run: &Recording,
    _compare: Option<&Recording>,
    _band: Option<&Band>,
    theme: &Theme,
) -> Result<TimeAxis, DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let minutes = &run.series.minute;
    let (start, end) = time_span(run);
    let rows = SERVICES.len() as i32;
    let mut chart = ChartBuilder::on(root)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(24.0))
        .y_label_area_size(theme.px(150.0))
        .build_cartesian_2d(time_axis(root, run, theme), 0..rows)?;
    chart
        .configure_mesh()
        .x_labels(7)
        // Asking plotters for no integer labels overflows inside it; ask for one, print none.
        .y_labels(1)
        .y_label_formatter(&|_| String::new())
        .x_label_formatter(&time_label)
        .label_style(theme.font(12.0))
        .axis_style(theme.ink)
        .disable_mesh()
        .draw()?;
    // Row names, drawn beside the plotting area at each row's middle.
    for (i, service) in SERVICES.iter().enumerate() {
        let row = rows - 1 - i as i32;
        let (x, y0) = chart.backend_coord(&(start, row));
        let (_, y1) = chart.backend_coord(&(start, row + 1));
        let style = theme.font(12.0).pos(Pos::new(HPos::Right, VPos::Center));
        root.draw_text(
            service.name,
            &style,
            (x - theme.px(6.0) as i32, (y0 + y1) / 2),
        )?;
    }
    // One rectangle per run of equal colour, not per minute.
    for (i, service) in SERVICES.iter().enumerate() {
        let Some(values) = series(run, service.health_series) else {
            continue;
        };
        let row = rows - 1 - i as i32;
        let mut from = 0usize;
        for k in 1..=values.len() {
            let same = k < values.len()
                && crate::palette::health_class(values[k])
                    == crate::palette::health_class(values[from]);
            if !same {
                let c = color(values[from]);
                let x0 = minutes[from];
                let x1 = minutes.get(k).copied().unwrap_or(end);
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(x0, row), (x1, row + 1)],
                    c.filled(),
                )))?;
                from = k;
            }
        }
    }
    Ok(TimeAxis::from_range(
        chart.plotting_area().get_pixel_range(),
    ))
}
