//! A sweep's result in words (the cliff panel's summary): pure, so that native tests reach it.

use cascade_sim::compare::duration;
use cascade_sim::sweep::{Axis, Point};

/// Where the outage first appears: the last value without one and the first with one, among the
/// fleets that could have been running before the addition.
pub fn cliff(points: &[Point]) -> Option<(Point, Point)> {
    let possible: Vec<Point> = points
        .iter()
        .copied()
        .filter(|p| !p.before_addition)
        .collect();
    possible
        .windows(2)
        .find(|w| w[0].outage_min == 0 && w[1].outage_min > 0)
        .map(|w| (w[0], w[1]))
}

/// The sweep in words: where the outage first appears, and the region of fleets that could not
/// have been running.
pub fn summary(points: &[Point], axis: &Axis) -> String {
    let impossible = points.iter().filter(|p| p.before_addition).count();
    let region = if impossible > 0 {
        format!(" In the shaded region ({impossible} of the {} values) the fleet is past the thread limit before the addition: it could not have been running, so its outage is no story of an addition.", points.len())
    } else {
        String::new()
    };
    let cliff_text = match cliff(points) {
        Some((a, b)) => format!(
            "The cliff: at {:.0} ({}) the day has no outage; at {:.0} Kinesis is out for {}{}.",
            a.x,
            axis.label,
            b.x,
            duration(i64::from(b.outage_min)),
            if b.crossed {
                ", servers past the thread limit"
            } else {
                ""
            },
        ),
        None => {
            "No cliff in this span: the outage does not switch on between two neighbouring values."
                .into()
        }
    };
    cliff_text + &region
}

#[cfg(test)]
mod tests {
    use super::*;
    use cascade_sim::sweep::AXES;

    fn point(x: f64, outage_min: u32, before_addition: bool) -> Point {
        Point {
            x,
            outage_min,
            crossed: outage_min > 0,
            before_addition,
        }
    }

    #[test]
    fn the_cliff_is_where_the_outage_first_appears_among_fleets_that_ran() {
        let points = [
            point(3600.0, 0, false),
            point(3650.0, 0, false),
            point(3700.0, 620, false),
            point(3750.0, 1026, false),
            point(3800.0, 2000, true),
        ];
        let (a, b) = cliff(&points).expect("a cliff");
        assert_eq!((a.x, b.x), (3650.0, 3700.0));
        let words = summary(&points, &AXES[0]);
        assert!(words.starts_with("The cliff: at 3650"), "{words}");
        assert!(
            words.contains("out for 10 h 20 min, servers past the thread limit"),
            "{words}"
        );
        assert!(words.contains("(1 of the 5 values)"), "{words}");
    }

    #[test]
    fn no_cliff_says_so() {
        let flat = [point(1.0, 0, false), point(2.0, 0, false)];
        assert_eq!(cliff(&flat), None);
        assert!(summary(&flat, &AXES[0]).starts_with("No cliff in this span"));
    }
}
