//! `cascade-sim`: a deterministic model of the Kinesis front-end fleet outage of 25 November
//! 2020 (US-EAST-1) and of the services that depend on Kinesis.
//!
//! A [`Scenario`] plus its seed gives one [`Recording`], bit for bit, natively and in wasm.
//! The model knows no screen and reads no clock. See `MODEL.md` for the mechanisms.

pub mod branch;
pub mod clock;
pub mod compare;
pub mod facts;
pub mod fleet;
pub mod jobs;
pub mod membership;
pub mod milestones;
pub mod params;
pub mod phases;
pub mod preconditions;
pub mod presets;
pub mod provenance;
pub mod quote;
pub mod recording;
pub mod rng;
pub mod scenario;
pub mod sensitivity;
pub mod services;
pub mod sim;
pub mod sweep;
pub mod tallies;
pub mod validate;

pub use fleet::ServerState;
pub use milestones::{Milestone, Milestones};
pub use params::{ParamError, PARAMS};
pub use recording::{Event, Recording, Series, ServerSnapshot};
pub use scenario::Scenario;
pub use sim::{run, Simulation};
