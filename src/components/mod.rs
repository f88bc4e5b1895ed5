//! Components, one file each, named after what they show.

pub mod assumptions;
pub mod chart_canvas;
pub mod clock;
pub mod controls;
pub mod discovery;
pub mod fleet;
pub mod header;
pub mod service_graph;
pub mod status_charts;
pub mod threads_chart;
pub mod timeline;

use std::rc::Rc;

use cascade_sim::Recording;
use yew::Properties;

/// Properties of a view of one recording. Equal when they hold the same recording (compared by
/// pointer), so a view re-renders when the run changes, not when an equal copy is made.
#[derive(Properties, Clone)]
pub struct RunProps {
    /// The recording to show.
    pub run: Rc<Recording>,
}

impl PartialEq for RunProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.run, &other.run)
    }
}
