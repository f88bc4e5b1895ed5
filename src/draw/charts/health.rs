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
    super::rgb(crate::draw::palette::health_rgb(health))
}

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    run: &Recording,
    compare: Option<&Recording>,
    _band: Option<&Band>,
    theme: &Theme,
) -> Result<TimeAxis, DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let minutes = &run.series.minute;
    let (start, end) = time_span(run);
    let rows = SERVICES.len() as i32;
    let names = SERVICES.iter().map(|s| s.name);
    let room = super::label_room(root, theme, &theme.font(12.0), names, 12.0, 150.0);
    let mut chart = ChartBuilder::on(root)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(24.0))
        .y_label_area_size(room)
        .build_cartesian_2d(time_axis(root, run, theme), 0f32..rows as f32)?;
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
        let (x, y0) = chart.backend_coord(&(start, row as f32));
        let (_, y1) = chart.backend_coord(&(start, (row + 1) as f32));
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
                && crate::draw::palette::health_class(values[k])
                    == crate::draw::palette::health_class(values[from]);
            if !same {
                let c = color(values[from]);
                let x0 = minutes[from];
                let x1 = minutes.get(k).copied().unwrap_or(end);
                chart.draw_series(std::iter::once(Rectangle::new(
                    [(x0, row as f32), (x1, (row + 1) as f32)],
                    c.filled(),
                )))?;
                from = k;
            }
        }
        // A branch: a line low in the row wherever the run it forked from had this service
        // not normal, so that each row compares the two.
        if let Some(base) = compare.and_then(|b| series(b, service.health_series).map(|v| (b, v))) {
            let (b, values) = base;
            let y = row as f32 + 0.15;
            let mut from: Option<usize> = None;
            for k in 0..=values.len() {
                let bad = values
                    .get(k)
                    .is_some_and(|h| crate::draw::palette::health_class(*h) != "ok");
                match (bad, from) {
                    (true, None) => from = Some(k),
                    (false, Some(f)) => {
                        let x1 = b.series.minute.get(k).copied().unwrap_or(end);
                        chart.draw_series(std::iter::once(PathElement::new(
                            vec![(b.series.minute[f], y), (x1, y)],
                            theme.compare.stroke_width(theme.px(3.0)),
                        )))?;
                        from = None;
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(TimeAxis::from_range(
        chart.plotting_area().get_pixel_range(),
    ))
}
