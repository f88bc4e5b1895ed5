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
