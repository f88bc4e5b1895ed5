//! Kinesis error rate over time (and, with a branch or a what-if, the run it is compared with
//! as a line).

use cascade_sim::sensitivity::band::Band;
use cascade_sim::Recording;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{time_chart, Theme, TimeAxis};

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    run: &Recording,
    compare: Option<&Recording>,
    band: Option<&Band>,
    theme: &Theme,
) -> Result<TimeAxis, DrawingAreaErrorKind<DB::ErrorType>> {
    let s = &run.series;
    // Above 100%, a strip for the callouts (its axis unlabelled).
    let mut chart = time_chart(root, run, theme, 0f32..148f32, &|v| {
        if *v <= 100.0 {
            format!("{v:.0}%")
        } else {
            String::new()
        }
    })?;
    let red = super::rgb(crate::draw::palette::VERMILLION);
    if let Some(b) = band {
        // The spread over seeds, behind the run: what of the curve is chance.
        chart.draw_series(std::iter::once(super::band_polygon(
            &b.minute,
            &b.error_low,
            &b.error_high,
            100.0,
            theme.ink.mix(0.3),
        )))?;
    }
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
    if let Some(other) = compare {
        // The run the branch forked from, as a line over the branch's area.
        chart.draw_series(LineSeries::new(
            other
                .series
                .minute
                .iter()
                .zip(&other.series.kinesis_error)
                .map(|(m, e)| (*m, e * 100.0)),
            theme.compare.stroke_width(theme.px(2.0)),
        ))?;
        // Named where it is drawn: beside its last minute above half, where it comes down.
        let o = &other.series;
        if let Some(k) = (0..o.minute.len())
            .rev()
            .find(|k| o.kinesis_error[*k] > 0.5)
        {
            chart.draw_series(std::iter::once(Text::new(
                super::compare_label(other).to_string(),
                (o.minute[k], o.kinesis_error[k] * 100.0),
                theme
                    .font(12.0)
                    .color(&theme.compare)
                    .pos(Pos::new(HPos::Left, VPos::Bottom)),
            )))?;
        }
    }
    super::draw_callouts(&mut chart, run, theme, 140.0, 14.0)?;
    Ok(TimeAxis::from_range(
        chart.plotting_area().get_pixel_range(),
    ))
}
