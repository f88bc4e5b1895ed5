//! The tornado chart of "How sure is the model?": for one milestone, the assumptions that move
//! it most, each a bar from the scenario's time to the time at the low end (light) and at the
//! high end (dark) of its plausible range, labelled with the value at each end; parameters are
//! named in words. A milestone that no longer happens is an outline to the edge, labelled
//! "never", so that it cannot be read as a long bar.

use cascade_sim::sensitivity::{Effect, Report, Shift};
use cascade_sim::Milestone;
use plotters::coord::Shift as Area;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Theme;

/// Bars drawn at most; the table under the chart lists the rest.
pub const BARS: usize = 12;

/// The effects drawn for `m`: those that move it, most first, at most `BARS`.
pub fn shown(report: &Report, m: Milestone) -> Vec<&Effect> {
    report
        .ranking(m)
        .into_iter()
        .filter(|e| e.size(&report.baseline.milestones, m) > 0)
        .take(BARS)
        .collect()
}

/// Height for `bars` bars, in CSS pixels.
pub fn height(bars: usize) -> u32 {
    70 + 26 * bars.max(1) as u32
}

/// Draws the chart for `m` on any plotters backend.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Area>,
    report: &Report,
    m: Milestone,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let base = &report.baseline.milestones;
    let bars = shown(report, m);
    let minutes = |s: Shift| match s {
        Shift::Minutes(x) => Some(f64::from(x)),
        Shift::Lost | Shift::Gained => None,
    };
    // The largest finite move sets the scale; a milestone lost runs a little past it, and the
    // axis leaves room beyond for the labels.
    let extent = bars
        .iter()
        .flat_map(|e| {
            let (lo, hi) = e.shifts(base, m);
            [minutes(lo), minutes(hi)]
        })
        .flatten()
        .fold(30.0f64, |a, x| a.max(x.abs()));
    let reach = extent * 1.5;
    // Each bar owns ten units of the vertical axis (integer, so that its labels sit on key
    // points): the high end's bar in the upper half, the low end's in the lower.
    let n = bars.len().max(1) as i32;
    let keys: Vec<i32> = (0..bars.len() as i32).map(|k| 10 * k + 5).collect();
    let when = cascade_sim::clock::format;
    let axis = match base.get(m) {
        Some(t) => format!(
            "{}: minutes earlier or later than at {} with the scenario's values",
            m.label(),
            when(t)
        ),
        None => format!("{}: never happens with the scenario's values", m.label()),
    };
    // Parameters in words where they are drawn; their keys are in the table under the chart.
    let names: Vec<&str> = bars
        .iter()
        .map(|e| cascade_sim::params::words(e.key()).unwrap_or(e.key()))
        .collect();
    let room = super::label_room(
        root,
        theme,
        &theme.font(12.0),
        names.iter().copied(),
        12.0,
        230.0,
    );
    let mut chart = ChartBuilder::on(root)
        .margin(theme.px(8.0))
        .x_label_area_size(theme.px(40.0))
        .y_label_area_size(room)
        .build_cartesian_2d(-reach..reach, (0..10 * n).with_key_points(keys))?;
    chart
        .configure_mesh()
        .x_labels(9)
        .y_labels(bars.len())
        .x_label_formatter(&|v| format!("{v:+.0}"))
        .y_label_formatter(&|v| {
            // Bars run from the top, most first.
            let k = n - 1 - (v - 5) / 10;
            usize::try_from(k)
                .ok()
                .and_then(|k| names.get(k))
                .map_or(String::new(), |s| s.to_string())
        })
        .x_desc(axis)
        .label_style(theme.font(12.0))
        .axis_desc_style(theme.font(12.0))
        .axis_style(theme.ink)
        .light_line_style(theme.background)
        .bold_line_style(theme.grid)
        .draw()?;
    chart.draw_series(LineSeries::new(
        [(0.0, 0), (0.0, 10 * n)],
        theme.ink.stroke_width(theme.px(1.0)),
    ))?;
    let font = theme.font(12.0);
    for (k, e) in bars.iter().enumerate() {
        let y = 10 * (n - 1 - k as i32);
        let (lo, hi) = e.shifts(base, m);
        for (shift, value, colour, half) in [
            (lo, e.low, theme.muted, (1, 5)),
            (hi, e.high, theme.ink, (5, 9)),
        ] {
            let end = minutes(shift).unwrap_or(match shift {
                Shift::Gained => -extent * 1.1,
                _ => extent * 1.1,
            });
            // A milestone that never happens is no long bar: an outline to the edge.
            let style = if matches!(shift, Shift::Lost | Shift::Gained) {
                colour.stroke_width(theme.px(2.0))
            } else {
                colour.filled()
            };
            chart.draw_series(std::iter::once(Rectangle::new(
                [(0.0, y + half.0), (end, y + half.1)],
                style,
            )))?;
            let mut label = cascade_sim::params::PARAMS
                .get(e.param)
                .map_or_else(|| value.to_string(), |p| p.show(value));
            if matches!(shift, Shift::Lost) {
                label.push_str(": never");
            }
            // The value sits just beyond the bar's end, on the side it points to.
            let right = end >= 0.0;
            let anchor = Pos::new(if right { HPos::Left } else { HPos::Right }, VPos::Center);
            let at = (
                if right {
                    end + reach * 0.01
                } else {
                    end - reach * 0.01
                },
                y + (half.0 + half.1) / 2,
            );
            chart.draw_series(std::iter::once(Text::new(
                label,
                at,
                font.clone().pos(anchor),
            )))?;
        }
    }
    root.present()
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use cascade_sim::sensitivity::analyse;
    use cascade_sim::Scenario;

    /// The chart draws to SVG with the ranked keys, their values and its axis.
    #[test]
    fn the_tornado_draws_ranked_bars_with_their_values() {
        let report = analyse(&Scenario::default(), 1).expect("report");
        let m = Milestone::FirstAlarm;
        let bars = shown(&report, m);
        assert!(bars.len() >= 5 && bars.len() <= BARS);
        let mut svg = String::new();
        {
            let root =
                SVGBackend::with_string(&mut svg, (900, height(bars.len()))).into_drawing_area();
            draw(&root, &report, m, &Theme::new(false, 1.0)).expect("drawn");
        }
        for e in &bars {
            let words = cascade_sim::params::words(e.key()).unwrap_or_default();
            assert!(
                !words.is_empty() && svg.contains(words),
                "{} in words",
                e.key()
            );
        }
        assert!(
            svg.contains("110") && svg.contains("170"),
            "the lease's two ends"
        );
        assert!(svg.contains("first alarm"), "the axis names the milestone");
    }
}
