//! Each batch gives the same answers whether the workers or the page do it: what the page shows
//! after falling back is what the workers would have said.

use cascade_sim::Scenario;

use super::Batch;
use crate::jobs::sensitivity::SensitivityBatch;
use crate::jobs::sweep::SweepBatch;

/// What the workers answer to `b`'s requests for `workers` workers, in the order they answer.
fn worker_lines(
    b: &impl Batch,
    workers: usize,
    answer: impl Fn(&str, &mut Vec<String>),
) -> Vec<String> {
    let mut lines = Vec::new();
    for request in b.requests(workers) {
        answer(&request, &mut lines);
    }
    lines
}

#[test]
fn a_sweep_in_the_page_plots_the_points_the_workers_answer() {
    let xs = vec![3600.0, 3700.0, 3800.0];
    let from_workers = {
        let mut b = SweepBatch::new(Scenario::default(), "fleet.servers", xs.clone());
        let lines = worker_lines(&b, 2, |r, out| {
            cascade_sim::sweep::answer(r, |l| out.push(l)).expect("a sweep request");
        });
        // Two workers, interleaved: the second answers after the first, out of order.
        for line in lines.iter().rev() {
            b.add_line(line).expect("a point");
        }
        assert_eq!((b.received(), b.total()), (3, 3));
        b.view()
    };
    let in_page = {
        let mut b = SweepBatch::new(Scenario::default(), "fleet.servers", xs.clone());
        let mut steps = 0;
        while !b.step().expect("a step") {
            steps += 1;
            assert!(steps < 100_000, "the sweep never ends");
        }
        assert_eq!(b.received(), 3);
        b.view()
    };
    assert_eq!(from_workers, in_page);
    let plotted: Vec<f64> = in_page.iter().map(|p| p.x).collect();
    assert_eq!(plotted, xs, "in order of the value");
    assert!(
        in_page.iter().any(|p| p.crossed),
        "the day's fleet crosses the limit"
    );
}

#[test]
fn a_sweep_refuses_an_unreadable_answer_and_a_value_out_of_range() {
    let mut b = SweepBatch::new(Scenario::default(), "fleet.servers", vec![3700.0]);
    let e = b.add_line("not a point").expect_err("unreadable");
    assert!(e.contains("unreadable answer from a worker"), "{e}");
    let mut bad = SweepBatch::new(Scenario::default(), "fleet.servers", vec![-5.0]);
    assert!(
        bad.step().is_err(),
        "a fleet of -5 servers is refused, not run"
    );
}

#[test]
fn the_analysis_in_the_page_runs_what_the_workers_run() {
    let scenario = Scenario::default();
    let mut page = SensitivityBatch::new(scenario.clone());
    let workers = page.requests(4);
    assert_eq!(workers.len(), 4);
    // The first runs of the first worker's share, as that worker answers them.
    let first =
        cascade_sim::sensitivity::output::request(&scenario, cascade_sim::sensitivity::SEEDS, 0, 3);
    let mut from_worker = Vec::new();
    cascade_sim::sensitivity::output::answer(&first, |l| from_worker.push(l)).expect("runs");
    assert_eq!(from_worker.len(), 3);
    let mut steps = 0;
    while page.received() < 3 {
        assert!(!page.step().expect("a step"));
        steps += 1;
        assert!(steps < 100_000, "the runs never end");
    }
    let shown = page.view();
    assert_eq!(shown.lines.as_slice(), from_worker.as_slice());
    // What the workers answer is read back into the same runs.
    let mut gathered = SensitivityBatch::new(scenario);
    for l in &from_worker {
        gathered.add_line(l).expect("a run");
    }
    assert_eq!(gathered.view().gathered.get(), shown.gathered.get());
    assert_eq!(gathered.total(), page.total());
}
