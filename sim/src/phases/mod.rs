//! The phases of `Simulation::step`, one file each, in the order they run.

pub mod alarms;
pub mod discovery;
pub mod downstream;
pub mod ops;
pub mod pacing;
pub mod record;
pub mod restart;
pub mod shardmap;
pub mod threads;
pub mod traffic;
