//! Pictures of a run, pure and tested natively: the views the page can show (`views`), the
//! charts (`charts`, plotters on any backend), how a server looks (`look`), the fleet's painting
//! and histogram, and the one palette every picture takes its colours from. The lowest layer of
//! the app: it uses nothing of the rest.

pub mod charts;
pub mod fleet_histogram;
pub mod fleet_paint;
pub mod look;
pub mod palette;
pub mod views;
