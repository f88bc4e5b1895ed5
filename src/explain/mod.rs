//! The page's words, computed from the run: the story and its checkpoints, the narration,
//! what the operators' dashboards showed, the sensitivity and sweep summaries. Pure, and checked
//! natively against the run and AWS's timeline (`one_voice`).

pub mod dashboard;
pub mod narration;
pub mod sensitivity;
pub mod story;
pub mod sweep_summary;

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod one_voice;
