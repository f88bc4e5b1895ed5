//! The SVG exports, drawn in the page's worker (`bin/worker.rs`) by the same chart
//! functions as the canvases on screen. The page sends what the worker needs to draw them as
//! text (the run as its scenario and branch lines; the sweep as its points) and downloads the
//! answer, so that its own download carries no SVG writer (about 20 KB of gzip, BENCHMARKS.md).

use cascade_sim::branch::{self, Change};
use cascade_sim::jobs::{read_run, run_lines};
use cascade_sim::scenario::Scenario;
use cascade_sim::sweep::{self, Point};
use cascade_sim::Milestone;
use plotters::prelude::*;

use crate::draw::charts::registry::Chart;
use crate::draw::charts::Theme;

/// First word of every SVG request (a model job starts with `job `, a sweep with a key).
pub const PREFIX: &str = "svg ";

/// Size of the sweep's SVG, in pixels.
const SWEEP_SIZE: (u32, u32) = (900, 300);

/// An SVG the worker is asked to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum SvgJob {
    /// One of the page's charts, of the run of `scenario` with the branch's `changes`; with
    /// `compare`, the scenario's own run is drawn behind it, as on screen in a branch.
    Chart {
        /// The chart.
        chart: Chart,
        /// The scenario the run starts from (boxed: it is large beside a sweep's request).
        scenario: Box<Scenario>,
        /// The branch's changes (none for the scenario itself).
        changes: Vec<Change>,
        /// Whether the scenario's own run is drawn behind the branch's.
        compare: bool,
    },
    /// The tornado chart of the sensitivity analysis for one milestone, from the runs'
    /// answer lines (`cascade_sim::sensitivity::output`).
    Tornado {
        /// The milestone.
        milestone: Milestone,
        /// Seeds in the analysis (for its plan).
        seeds: u32,
        /// The runs gathered so far, as the workers answered them.
        lines: Vec<String>,
    },
    /// The what-if sweep's plot.
    Sweep {
        /// The swept parameter's key.
        key: String,
        /// The scenario's own value of it, marked on the plot.
        current: f64,
        /// The points computed so far.
        points: Vec<Point>,
    },
}

/// The request text for a job.
pub fn request(job: &SvgJob) -> String {
    match job {
        SvgJob::Chart {
            chart,
            scenario,
            changes,
            compare,
        } => format!(
            "{PREFIX}chart {} {}\n{}",
            chart.name(),
            u8::from(*compare),
            run_lines(scenario, changes)
        ),
        SvgJob::Sweep {
            key,
            current,
            points,
        } => {
            let lines: String = points
                .iter()
                .map(|p| sweep::answer_line(p) + "\n")
                .collect();
            format!("{PREFIX}sweep {key} {current}\n{lines}")
        }
        SvgJob::Tornado {
            milestone,
            seeds,
            lines,
        } => format!(
            "{PREFIX}tornado {} {seeds}\n{}",
            milestone.key(),
            lines.iter().map(|l| format!("{l}\n")).collect::<String>()
        ),
    }
}

fn bad(what: &str) -> String {
    format!(
        "unreadable SVG request '{}': expected `svg chart NAME 0|1` or `svg sweep KEY VALUE`, then its lines",
        cascade_sim::quote::quote(what)
    )
}

/// Reads a request text back into its job.
pub fn parse(text: &str) -> Result<SvgJob, String> {
    let (head, words, rest) = cascade_sim::jobs::split_request(text, PREFIX).map_err(bad)?;
    match words.as_slice() {
        ["chart", name, compare @ ("0" | "1")] => {
            let chart = Chart::from_name(name).ok_or_else(|| format!("no chart named '{name}'"))?;
            let (scenario, changes) = read_run(rest).map_err(|e| e.to_string())?;
            Ok(SvgJob::Chart {
                chart,
                scenario: Box::new(scenario),
                changes,
                compare: *compare == "1",
            })
        }
        ["sweep", key, current] => {
            let current = current.parse().map_err(|_| bad(head))?;
            let points = rest
                .lines()
                .map(|l| sweep::parse_answer(l).ok_or_else(|| bad(l)))
                .collect::<Result<_, _>>()?;
            Ok(SvgJob::Sweep {
                key: (*key).to_string(),
                current,
                points,
            })
        }
        ["tornado", key, seeds] => {
            let milestone = cascade_sim::milestones::ALL
                .iter()
                .find(|m| m.key() == *key)
                .copied()
                .ok_or_else(|| format!("no milestone named '{key}'"))?;
            Ok(SvgJob::Tornado {
                milestone,
                seeds: seeds.parse().map_err(|_| bad(head))?,
                lines: rest.lines().map(str::to_string).collect(),
            })
        }
        _ => Err(bad(head)),
    }
}

/// Draws the SVG a request asks for, or names the problem.
pub fn answer(text: &str) -> Result<String, String> {
    match parse(text)? {
        SvgJob::Chart {
            chart,
            scenario,
            changes,
            compare,
        } => {
            let run = branch::run(&scenario, &changes).map_err(|e| e.to_string())?;
            let base = if compare {
                Some(cascade_sim::sim::run(&scenario).map_err(|e| e.to_string())?)
            } else {
                None
            };
            chart.svg(&run, base.as_ref())
        }
        SvgJob::Tornado {
            milestone,
            seeds,
            lines,
        } => {
            let mut gathered = crate::explain::sensitivity::Gathered::new(seeds);
            for line in &lines {
                gathered.add_line(line)?;
            }
            let report = gathered
                .report()
                .ok_or("the analysis has not run the scenario itself yet")?;
            let bars = crate::draw::charts::tornado::shown(&report, milestone).len();
            let mut svg = String::new();
            {
                let size = (900, crate::draw::charts::tornado::height(bars));
                let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                crate::draw::charts::tornado::draw(
                    &root,
                    &report,
                    milestone,
                    &Theme::new(false, 1.0),
                )
                .map_err(|e| format!("the chart could not be drawn: {e}"))?;
            }
            Ok(svg)
        }
        SvgJob::Sweep {
            key,
            current,
            points,
        } => {
            let axis =
                sweep::axis(&key).ok_or_else(|| format!("no sweep over a parameter '{key}'"))?;
            let mut svg = String::new();
            {
                let root = SVGBackend::with_string(&mut svg, SWEEP_SIZE).into_drawing_area();
                crate::draw::charts::sweep::draw(
                    &root,
                    &points,
                    axis,
                    current,
                    &Theme::new(false, 1.0),
                )
                .and_then(|()| root.present())
                .map_err(|e| format!("the sweep could not be drawn: {e}"))?;
            }
            Ok(svg)
        }
    }
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;
    use crate::draw::charts::registry::CHARTS;

    fn branch() -> Vec<Change> {
        vec![Change {
            at: 9 * 60,
            key: "restart.per_hour".into(),
            value: "870".into(),
        }]
    }

    /// What the page sends reads back as the same job, for every chart and the sweep.
    #[test]
    fn requests_read_back_as_the_same_job() {
        let scenario = cascade_sim::presets::scenario("restart-too-fast").expect("preset");
        let mut jobs: Vec<SvgJob> = CHARTS
            .into_iter()
            .map(|chart| SvgJob::Chart {
                chart,
                scenario: Box::new(scenario.clone()),
                changes: branch(),
                compare: chart == CHARTS[0],
            })
            .collect();
        let axis = &sweep::AXES[0];
        let points = sweep::sweep(&scenario, axis.key, &[axis.from, axis.to]).expect("sweep");
        jobs.push(SvgJob::Sweep {
            key: axis.key.to_string(),
            current: 0.1 + axis.from,
            points,
        });
        jobs.push(SvgJob::Tornado {
            milestone: Milestone::KinesisRecovered,
            seeds: 3,
            lines: vec!["0 0 1 -".into(), "4 1 -".into()],
        });
        for job in jobs {
            assert_eq!(parse(&request(&job)), Ok(job));
        }
    }

    /// The worker's SVG of a branch is the chart the page would draw of the same two runs.
    #[test]
    fn the_workers_chart_is_the_pages_chart_of_the_same_runs() {
        let scenario = Scenario::default();
        let run = branch::run(&scenario, &branch()).expect("branch");
        let base = cascade_sim::sim::run(&scenario).expect("run");
        for chart in CHARTS {
            let job = SvgJob::Chart {
                chart,
                scenario: Box::new(scenario.clone()),
                changes: branch(),
                compare: true,
            };
            let from_worker = answer(&request(&job)).expect("drawn");
            let in_page = chart.svg(&run, Some(&base)).expect("drawn");
            assert!(from_worker.starts_with("<svg"), "{}", chart.name());
            assert!(
                from_worker == in_page,
                "{}: not the page's chart",
                chart.name()
            );
            // The threads and error charts draw the base run behind a branch.
            if matches!(chart, Chart::Threads | Chart::Errors) {
                let alone = chart.svg(&run, None).expect("drawn");
                assert!(from_worker != alone, "{}: no base run", chart.name());
            }
        }
    }

    /// The sweep's SVG names its axis; bad requests name the problem.
    #[test]
    fn the_sweep_is_drawn_and_bad_requests_are_named() {
        let axis = &sweep::AXES[0];
        let points = sweep::sweep(&Scenario::default(), axis.key, &[axis.from]).expect("sweep");
        let svg = answer(&request(&SvgJob::Sweep {
            key: axis.key.into(),
            current: axis.from,
            points,
        }))
        .expect("drawn");
        assert!(svg.contains(axis.label), "the axis is named");
        let e = answer("svg chart nonsense 0\n").expect_err("refused");
        assert!(e.contains("no chart named 'nonsense'"), "{e}");
        let e = answer("svg sweep threads.limit x\n").expect_err("refused");
        assert!(e.contains("unreadable SVG request"), "{e}");
        let e = answer("svg sweep no.such 1\n").expect_err("refused");
        assert!(e.contains("no sweep over a parameter 'no.such'"), "{e}");
        assert!(answer("svg chart errors 0\nthreads.limit=many\n").is_err());
        let e = answer("svg tornado first_alarm 2\n").expect_err("refused");
        assert!(e.contains("not run the scenario itself"), "{e}");
        let e = answer("svg tornado soon 2\n").expect_err("refused");
        assert!(e.contains("no milestone named 'soon'"), "{e}");
    }
}
