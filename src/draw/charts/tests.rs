//! Every chart drawn natively to plotters' SVG backend, as the SVG export draws it: the drawing
//! succeeds and the axis texts are there.

use cascade_sim::{presets, run, Recording};
use plotters::prelude::*;

use super::Theme;

fn historical() -> Recording {
    let Ok(r) = presets::scenario("historical").and_then(|s| run(&s)) else {
        panic!("the historical run failed");
    };
    r
}

/// The SVG of one chart drawn by `$draw`, and the time axis it reports.
macro_rules! svg {
    ($draw:path, $run:expr, $compare:expr) => {{
        let mut out = String::new();
        let axis = {
            let root = SVGBackend::with_string(&mut out, (900, 300)).into_drawing_area();
            let Ok(axis) = $draw(&root, $run, $compare, None, &Theme::new(false, 1.0)) else {
                panic!("the chart could not be drawn");
            };
            let _ = root.present();
            axis
        };
        (out, axis)
    }};
}

#[test]
fn every_time_chart_draws_with_its_axis_texts() {
    let r = historical();
    let drawn = [
        (
            "kinesis",
            svg!(super::errors::draw, &r, None),
            &["%", "08:00", "first alarm", "restart begins"][..],
        ),
        (
            "threads",
            svg!(super::threads::draw, &r, None),
            &["4096", "08:00", "refused", "to spare at rest", "full scale"],
        ),
        (
            "states",
            svg!(super::states::draw, &r, None),
            &["3000", "08:00"],
        ),
        (
            "health",
            svg!(super::health::draw, &r, None),
            &["Kinesis", "CloudWatch", "08:00"],
        ),
    ];
    for (name, (text, axis), texts) in drawn {
        assert!(text.starts_with("<svg"), "{name}");
        for t in texts {
            assert!(text.contains(t), "{name}: no '{t}' in the drawing");
        }
        assert!(
            axis.left < axis.right,
            "{name}: a time axis from {} to {}",
            axis.left,
            axis.right
        );
    }
}

#[test]
fn a_branch_is_drawn_against_the_run_it_forked_from() {
    let r = historical();
    let Ok(branch) = cascade_sim::branch::run(
        &r.scenario,
        &[cascade_sim::branch::Change {
            at: 600,
            key: "restart.per_hour".into(),
            value: "900".into(),
        }],
    ) else {
        panic!("the branch failed");
    };
    let (alone, _) = svg!(super::errors::draw, &branch, None);
    let (compared, _) = svg!(super::errors::draw, &branch, Some(&r));
    assert!(compared.len() > alone.len(), "the base run adds a line");
    // Every chart over time draws it, the health chart too (a line in each row).
    for (name, alone, compared) in [
        (
            "threads",
            svg!(super::threads::draw, &branch, None).0,
            svg!(super::threads::draw, &branch, Some(&r)).0,
        ),
        (
            "states",
            svg!(super::states::draw, &branch, None).0,
            svg!(super::states::draw, &branch, Some(&r)).0,
        ),
        (
            "health",
            svg!(super::health::draw, &branch, None).0,
            svg!(super::health::draw, &branch, Some(&r)).0,
        ),
    ] {
        assert!(
            compared.len() > alone.len(),
            "{name}: the base run is drawn"
        );
    }
}

#[test]
fn the_cliff_names_the_region_that_could_not_have_been_running() {
    let Ok(axis) = cascade_sim::sweep::axis("fleet.servers").ok_or(()) else {
        panic!("axis");
    };
    let xs = cascade_sim::sweep::values(axis.from, axis.to, 8);
    let Ok(points) = cascade_sim::sweep::sweep(&cascade_sim::Scenario::default(), axis.key, &xs)
    else {
        panic!("sweep");
    };
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (900, 300)).into_drawing_area();
        assert!(super::sweep::draw(&root, &points, axis, 3700.0, &Theme::new(false, 1.0)).is_ok());
        let _ = root.present();
    }
    assert!(out.contains("past the limit"));
    assert!(out.contains("Kinesis outage (h)"));
    assert_eq!(out.matches("<circle").count(), 8);
}

#[test]
fn the_chart_table_is_one_source_for_names_titles_drawings_and_data() {
    let r = historical();
    for chart in super::registry::CHARTS {
        assert_eq!(super::registry::Chart::from_name(chart.name()), Some(chart));
        assert!(!chart.title().is_empty() && chart.description().len() > 20);
        let Ok(svg) = chart.svg(&r, None) else {
            panic!("{}: no SVG", chart.name());
        };
        assert!(svg.contains("00:00"), "{}: a time axis", chart.name());
        let (head, rows) = super::registry::table(&r, chart);
        assert!(head.len() >= 2, "{}", chart.name());
        assert_eq!(
            rows.len(),
            26,
            "{}: one row per hour of the run",
            chart.name()
        );
        assert!(
            rows.iter().all(|row| row.len() == head.len()),
            "{}",
            chart.name()
        );
        assert!(
            rows.iter().flatten().all(|cell| cell != "?"),
            "{}: every series exists",
            chart.name()
        );
    }
    assert_eq!(super::registry::Chart::from_name("nonsense"), None);
}

/// With the spread over seeds, the error and state charts draw one more shape behind the run.
#[test]
fn the_seed_band_is_drawn_on_the_error_and_state_charts() {
    let r = historical();
    let Ok(band) = cascade_sim::sensitivity::band::band(&r.scenario, 3) else {
        panic!("the band could not be computed");
    };
    for chart in [
        super::registry::Chart::Errors,
        super::registry::Chart::States,
    ] {
        let draw = |b: Option<&cascade_sim::sensitivity::band::Band>| {
            let mut out = String::new();
            {
                let root = SVGBackend::with_string(&mut out, (900, 300)).into_drawing_area();
                let drawn = chart.draw(&root, &r, None, b, &Theme::new(false, 1.0));
                assert!(drawn.is_ok(), "{}", chart.name());
                let _ = root.present();
            }
            out.matches("<polygon").count()
        };
        assert_eq!(draw(Some(&band)), draw(None) + 1, "{}", chart.name());
    }
}

#[test]
fn callouts_sit_at_the_runs_own_moments_and_a_what_if_without_an_outage_has_no_alarm() {
    let r = historical();
    let alarm = r
        .milestones
        .iter()
        .find(|(m, _)| *m == cascade_sim::Milestone::FirstAlarm)
        .and_then(|(_, t)| t);
    let Some(alarm) = alarm else {
        panic!("the historical run has a first alarm");
    };
    let texts = super::callouts(&r);
    let want = format!("{} first alarm", super::time_label(&alarm));
    assert!(
        texts.iter().any(|(t, text)| *t == alarm && *text == want),
        "{texts:?}"
    );
    let Ok(calm) = presets::scenario("higher-thread-limit").and_then(|s| run(&s)) else {
        panic!("the higher-thread-limit run failed");
    };
    let texts = super::callouts(&calm);
    assert!(
        !texts.iter().any(|(_, text)| text.ends_with("first alarm")),
        "{texts:?}"
    );
}
