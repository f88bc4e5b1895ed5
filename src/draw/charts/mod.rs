//! Charts: functions from a plotters drawing area and the recording to a `Result`, generic over
//! the backend, so the same code can draw to a canvas and to SVG. Each returns the pixel span
//! of its time axis, for the cursor overlay.

pub mod errors;
pub mod health;
pub mod registry;
pub mod states;
pub mod sweep;
pub mod threads;
pub mod tornado;

use cascade_sim::Recording;
use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::types::{RangedCoordf32, RangedCoordi32};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A palette colour for plotters.
pub fn rgb(c: crate::draw::palette::Rgb) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

/// Colours and sizes of the charts for the page's colour scheme and pixel ratio.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Background.
    pub background: RGBColor,
    /// Text and axes.
    pub ink: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Secondary marks and text.
    pub muted: RGBColor,
    /// The run a branch is compared with.
    pub compare: RGBColor,
    /// Multiplier for sizes (device pixel ratio).
    pub scale: f64,
    /// Multiplier for text alone (2 in the presenter view, read from across a room).
    pub text: f64,
    /// Whether the backend can measure text in the reader's font (a canvas in the page): the
    /// worker's SVG backend cannot (plotters measures text in the page's document, which a
    /// worker has not), and takes fixed room instead.
    pub measures_text: bool,
}

impl Theme {
    /// The theme for a dark or light page (colours from `palette.rs`).
    pub fn new(dark: bool, scale: f64) -> Self {
        let scheme = if dark {
            crate::draw::palette::DARK
        } else {
            crate::draw::palette::LIGHT
        };
        Self {
            background: rgb(scheme.background),
            ink: rgb(scheme.ink),
            grid: rgb(scheme.grid),
            muted: rgb(scheme.muted),
            compare: rgb(scheme.compare),
            scale,
            text: 1.0,
            measures_text: false,
        }
    }

    /// The theme for a canvas in the page, where text is measured in the reader's font.
    pub fn on_canvas(dark: bool, scale: f64) -> Self {
        Self {
            measures_text: true,
            ..Self::new(dark, scale)
        }
    }

    /// A font of `size` CSS pixels.
    pub fn font(&self, size: f64) -> TextStyle<'static> {
        ("sans-serif", size * self.scale * self.text)
            .into_font()
            .color(&self.ink)
    }

    /// A length of `px` CSS pixels in canvas pixels.
    pub fn px(&self, px: f64) -> u32 {
        (px * self.scale).round() as u32
    }
}

/// Room beside a chart for the longest of `labels` in `font`, measured in the reader's own font
/// on a canvas (so that no browser's fallback font cuts a name), plus `pad` CSS pixels;
/// `fallback` CSS pixels where text cannot be measured (`Theme::measures_text`).
pub fn label_room<'a, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    theme: &Theme,
    font: &TextStyle,
    labels: impl IntoIterator<Item = &'a str>,
    pad: f64,
    fallback: f64,
) -> u32 {
    if !theme.measures_text {
        return theme.px(fallback);
    }
    labels
        .into_iter()
        .filter_map(|l| root.estimate_text_size(l, font).ok())
        .map(|(w, _)| w)
        .max()
        .map_or(theme.px(fallback), |w| w + theme.px(pad))
}

/// The horizontal pixel span of a chart's plotting area (canvas pixels).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TimeAxis {
    /// Left edge of the plotting area.
    pub left: f64,
    /// Right edge of the plotting area.
    pub right: f64,
}

impl TimeAxis {
    /// From a chart's pixel range.
    pub fn from_range(range: (std::ops::Range<i32>, std::ops::Range<i32>)) -> Self {
        Self {
            left: f64::from(range.0.start),
            right: f64::from(range.0.end),
        }
    }
}

/// A band between two series over the minutes (scaled by `scale`), as one filled polygon:
/// along the top, then back along the bottom.
pub fn band_polygon(
    minute: &[i32],
    low: &[f32],
    high: &[f32],
    scale: f32,
    style: RGBAColor,
) -> Polygon<(i32, f32)> {
    let top = minute.iter().zip(high).map(|(m, v)| (*m, v * scale));
    let bottom = minute.iter().zip(low).rev().map(|(m, v)| (*m, v * scale));
    Polygon::new(top.chain(bottom).collect::<Vec<_>>(), style.filled())
}

/// Time-axis labels: "HH:MM".
pub fn time_label(minute: &i32) -> String {
    cascade_sim::clock::format(*minute)
        .trim_end_matches(" +1d")
        .to_string()
}

/// Key points of the time axis: every four hours, or every eight on a narrow chart.
pub fn hour_marks(start: i32, end: i32, narrow: bool) -> Vec<i32> {
    let step = if narrow { 480 } else { 240 };
    (0..=end / step)
        .map(|k| k * step)
        .filter(|m| *m >= start && *m <= end)
        .collect()
}

/// Whether a drawing area is narrow (under 560 CSS pixels) for this theme.
pub fn is_narrow<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, theme: &Theme) -> bool {
    f64::from(root.dim_in_pixel().0) / theme.scale < 560.0
}

/// The run's first and last minute.
pub fn time_span(run: &Recording) -> (i32, i32) {
    let minutes = &run.series.minute;
    (
        *minutes.first().unwrap_or(&0),
        *minutes.last().unwrap_or(&1),
    )
}

/// The time axis of every chart: the run's minutes, labelled at whole hours.
pub fn time_axis<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    run: &Recording,
    theme: &Theme,
) -> WithKeyPoints<RangedCoordi32> {
    let (start, end) = time_span(run);
    (start..end).with_key_points(hour_marks(start, end, is_narrow(root, theme)))
}

/// A chart over the run's minutes with a numeric vertical axis, margins and mesh in the house
/// style, ready for series.
pub type TimeChart<'a, DB> =
    ChartContext<'a, DB, Cartesian2d<WithKeyPoints<RangedCoordi32>, RangedCoordf32>>;

/// Builds a `TimeChart` from `y` and a formatter for its labels, and draws its mesh.
pub fn time_chart<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    run: &Recording,
    theme: &Theme,
    y: std::ops::Range<f32>,
    y_label: &dyn Fn(&f32) -> String,
) -> Result<TimeChart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let mut chart = ChartBuilder::on(root)
        .margin(theme.px(8.0))
        // Room for the labels at their size (larger in the presenter view and the GIF).
        .x_label_area_size(theme.px(24.0 * theme.text.max(1.0)))
        .y_label_area_size(theme.px(46.0 * theme.text.max(1.0)))
        .build_cartesian_2d(time_axis(root, run, theme), y)?;
    chart
        .configure_mesh()
        .x_labels(7)
        .y_labels(5)
        .x_label_formatter(&time_label)
        .y_label_formatter(y_label)
        .label_style(theme.font(12.0))
        .axis_style(theme.ink)
        // No light lines: between a time axis's key points plotters draws them a few pixels
        // apart, a grey hatching over the first hours.
        .light_line_style(TRANSPARENT)
        .bold_line_style(theme.grid)
        .draw()?;
    Ok(chart)
}

/// What the line of a compared run is called where it is drawn: the day as it happened (a
/// what-if, or a branch of the day), or the run a branch forked from.
pub fn compare_label(other: &Recording) -> &'static str {
    let day = cascade_sim::presets::scenario("historical").map(|mut d| {
        d.seed = other.scenario.seed;
        d
    });
    if day.is_ok_and(|d| d == other.scenario) {
        " the day as it happened"
    } else {
        " the run it forked from"
    }
}

/// Names the compared run's line at the minute where `gap` (how far apart the two runs are
/// there, in the chart's units) is largest, so that the words sit where the lines part.
pub fn label_compare<DB: DrawingBackend>(
    chart: &mut TimeChart<DB>,
    other: &Recording,
    theme: &Theme,
    point: impl Fn(usize) -> (i32, f32),
    gap: impl Fn(usize) -> f32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let n = other.series.minute.len();
    let Some(k) = (0..n).max_by(|a, b| gap(*a).total_cmp(&gap(*b))) else {
        return Ok(());
    };
    chart.draw_series(std::iter::once(Text::new(
        compare_label(other).to_string(),
        point(k),
        theme
            .font(12.0)
            .color(&theme.compare)
            .pos(Pos::new(HPos::Left, VPos::Bottom)),
    )))?;
    Ok(())
}

/// The moments named on the charts, with the words of their callouts.
const CALLOUTS: &[(cascade_sim::Milestone, &str)] = &[
    (cascade_sim::Milestone::CapacityAddStarted, "capacity added"),
    (cascade_sim::Milestone::FirstAlarm, "first alarm"),
    (cascade_sim::Milestone::RestartStarted, "restart begins"),
    (cascade_sim::Milestone::KinesisRecovered, "Kinesis normal"),
];

/// The callouts a run has: "05:15 first alarm", at the minutes of this run's milestones (a
/// what-if moves them, or has none).
pub fn callouts(run: &Recording) -> Vec<(i32, String)> {
    CALLOUTS
        .iter()
        .filter_map(|(m, words)| {
            let t = run.milestones.iter().find(|(k, _)| k == m)?.1?;
            Some((t, format!("{} {words}", time_label(&t))))
        })
        .collect()
}

/// Draws the run's callouts on a chart: a thin line at each moment and its words beside it
/// (before it, near the right edge), in rows from `top` down by `step`; a callout goes in the
/// first row where it runs into no other, and is left out if none has room.
pub fn draw_callouts<DB: DrawingBackend>(
    chart: &mut TimeChart<DB>,
    run: &Recording,
    theme: &Theme,
    top: f32,
    step: f32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    const ROWS: usize = 3;
    let (start, end) = time_span(run);
    let (left, right) = {
        let (x, _) = chart.plotting_area().get_pixel_range();
        (f64::from(x.start), f64::from(x.end))
    };
    let per_minute = (right - left) / f64::from((end - start).max(1));
    // About 0.6 em per character of the sans-serif at 12 px.
    let text_px = |text: &str| (text.chars().count() + 1) as f64 * 7.2 * theme.scale * theme.text;
    let mut taken: [Vec<(f64, f64)>; ROWS] = Default::default();
    for (t, text) in callouts(run) {
        let x = left + f64::from(t - start) * per_minute;
        let w = text_px(&text);
        let before = x + w > right;
        let span = if before { (x - w, x) } else { (x, x + w) };
        if span.0 < left {
            continue;
        }
        let free = |row: &Vec<(f64, f64)>| {
            row.iter()
                .all(|(a, b)| span.1 + 6.0 < *a || *b + 6.0 < span.0)
        };
        let Some(row) = (0..ROWS).find(|r| free(&taken[*r])) else {
            continue;
        };
        taken[row].push(span);
        let y = top - step * row as f32;
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(t, 0.0), (t, y)],
            theme.ink.mix(0.6).stroke_width(1),
        )))?;
        let anchor = if before { HPos::Right } else { HPos::Left };
        let words = if before {
            format!("{text} ")
        } else {
            format!(" {text}")
        };
        chart.draw_series(std::iter::once(Text::new(
            words,
            (t, y),
            theme.font(12.0).pos(Pos::new(anchor, VPos::Center)),
        )))?;
    }
    Ok(())
}

// Native tests (`cargo test -p kinesis-cascade`); the browser's are in the wasm32 build.
#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests;
