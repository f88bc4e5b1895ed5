//! Pictures of a run, pure and tested natively: the charts (`charts`, plotters on any
//! backend), the fleet's painting and histogram, and the one palette every picture takes its
//! colours from.

pub mod charts;
pub mod fleet_histogram;
pub mod fleet_paint;
pub mod palette;
