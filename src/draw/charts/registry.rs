//! The page's charts in one table: for each, its view (link name and title), canvas height,
//! description, the function that draws it, its data as a table, and its export. The chart
//! views, the SVG exports and the native tests all read it.

use cascade_sim::clock;
use cascade_sim::sensitivity::band::Band;
use cascade_sim::services::graph::SERVICES;
use cascade_sim::Recording;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::{Theme, TimeAxis};
use crate::draw::views::{View, VIEWS};

/// One chart of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chart {
    /// Threads per server against the limit.
    Threads,
    /// Kinesis error rate.
    Errors,
    /// Servers by state.
    States,
    /// Service health.
    Health,
}

/// Every chart, in page order.
pub const CHARTS: [Chart; 4] = [Chart::Threads, Chart::Errors, Chart::States, Chart::Health];

impl Chart {
    /// The view that shows it.
    pub fn view(self) -> View {
        match self {
            Chart::Threads => View::Threads,
            Chart::Errors => View::Errors,
            Chart::States => View::States,
            Chart::Health => View::Health,
        }
    }

    /// Its name in links and exported files (the view's).
    pub fn name(self) -> &'static str {
        VIEWS
            .iter()
            .find(|(v, _, _)| *v == self.view())
            .map_or("chart", |(_, name, _)| name)
    }

    /// Its title (the view's).
    pub fn title(self) -> &'static str {
        VIEWS
            .iter()
            .find(|(v, _, _)| *v == self.view())
            .map_or("Chart", |(_, _, title)| title)
    }

    /// The chart with this name.
    pub fn from_name(name: &str) -> Option<Chart> {
        CHARTS.into_iter().find(|c| c.name() == name)
    }

    /// Height on the page, in CSS pixels.
    pub fn height(self) -> u32 {
        match self {
            Chart::Threads => 200,
            Chart::Errors | Chart::States => 180,
            Chart::Health => 240,
        }
    }

    /// Size of its SVG export, in pixels.
    pub fn svg_size(self) -> (u32, u32) {
        (900, if self == Chart::Health { 320 } else { 260 })
    }

    /// What it shows, for readers who cannot see it.
    pub fn description(self) -> &'static str {
        match self {
            Chart::Threads => "Threads per running server over the day: what servers hold (band), what they want (median line, most dashed), the threads refused above the OS thread limit shaded, and an inset from zero",
            Chart::Errors => "Share of Kinesis requests that fail, over the day",
            Chart::States => "Number of front-end servers in each state over the day, stacked",
            Chart::Health => "Health of each service over the day: normal, degraded or failing",
        }
    }

    /// Draws it on any plotters backend, with the run a branch forked from and the spread over
    /// seeds where the chart shows them; returns the pixel span of its time axis.
    pub fn draw<DB: DrawingBackend>(
        self,
        root: &DrawingArea<DB, Shift>,
        run: &Recording,
        compare: Option<&Recording>,
        band: Option<&Band>,
        theme: &Theme,
    ) -> Result<TimeAxis, DrawingAreaErrorKind<DB::ErrorType>> {
        match self {
            Chart::Threads => super::threads::draw(root, run, compare, band, theme),
            Chart::Errors => super::errors::draw(root, run, compare, band, theme),
            Chart::States => super::states::draw(root, run, compare, band, theme),
            Chart::Health => super::health::draw(root, run, compare, band, theme),
        }
    }

    /// It as an SVG document, drawn by the same function as on screen, in light colours.
    pub fn svg(self, run: &Recording, compare: Option<&Recording>) -> Result<String, String> {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, self.svg_size()).into_drawing_area();
            self.draw(&root, run, compare, None, &Theme::new(false, 1.0))
                .map_err(|e| format!("the chart could not be drawn: {e}"))?;
            root.present()
                .map_err(|e| format!("the chart could not be written: {e}"))?;
        }
        Ok(svg)
    }
}

fn health_word(h: f32) -> &'static str {
    crate::draw::palette::health_class(h)
}

/// Header and rows of the table.
/// The data of `chart` as a table: a header and one row per hour of the run.
pub fn table(run: &Recording, chart: Chart) -> (Vec<String>, Vec<Vec<String>>) {
    let s = &run.series;
    let hours: Vec<usize> = (0..s.minute.len())
        .filter(|k| s.minute[*k] % 60 == 0)
        .collect();
    let time = |k: usize| clock::format(s.minute[k]);
    match chart {
        Chart::Threads => (
            [
                "time",
                "fewest held",
                "median held",
                "most held",
                "median wanted",
                "most wanted",
                "OS limit (assumed)",
            ]
            .map(String::from)
            .to_vec(),
            hours
                .iter()
                .map(|&k| {
                    vec![
                        time(k),
                        format!("{:.0}", s.threads_min[k]),
                        format!("{:.0}", s.threads_median[k]),
                        format!("{:.0}", s.threads_max[k]),
                        format!("{:.0}", s.threads_wanted_median[k]),
                        format!("{:.0}", s.threads_wanted_max[k]),
                        run.scenario.threads.limit.to_string(),
                    ]
                })
                .collect(),
        ),
        Chart::Errors => (
            vec!["time".into(), "Kinesis requests failing".into()],
            hours
                .iter()
                .map(|&k| vec![time(k), format!("{:.1}%", s.kinesis_error[k] * 100.0)])
                .collect(),
        ),
        Chart::States => {
            let looks: Vec<_> = super::states::stacked().collect();
            let mut head = vec!["time".to_string()];
            head.extend(looks.iter().map(|l| l.label().to_string()));
            (
                head,
                hours
                    .iter()
                    .map(|&k| {
                        let mut row = vec![time(k)];
                        row.extend(looks.iter().map(|l| format!("{:.0}", l.count(run, k))));
                        row
                    })
                    .collect(),
            )
        }
        Chart::Health => {
            let mut head = vec!["time".to_string()];
            head.extend(SERVICES.iter().map(|n| n.name.to_string()));
            (
                head,
                hours
                    .iter()
                    .map(|&k| {
                        let mut row = vec![time(k)];
                        row.extend(SERVICES.iter().map(|n| {
                            s.column(n.health_series)
                                .and_then(|v| v.get(k))
                                .map_or("?", |h| health_word(*h))
                                .to_string()
                        }));
                        row
                    })
                    .collect(),
            )
        }
    }
}
