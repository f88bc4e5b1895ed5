//! A batch of runs of the model (a sweep's points, the sensitivity analysis's runs) as the page
//! does it: shared among workers, whose answer lines it gathers, or, when none starts, run in
//! the page a step at a time. The page's hook (`web::hooks::batch`) drives either; the two
//! batches are `sweep.rs` and `sensitivity.rs`, tested here natively: the page's own steps give
//! what the workers answer.

/// A batch of runs that either the workers or the page can do.
pub trait Batch: 'static {
    /// What the page shows of the batch so far.
    type View: Clone + PartialEq + 'static;
    /// The requests for `workers` workers, which share the batch between them.
    fn requests(&self, workers: usize) -> Vec<String>;
    /// Takes one answer line of a worker, or says why it cannot.
    fn add_line(&mut self, line: &str) -> Result<(), String>;
    /// Does a step of the batch in the page: whether it is all done, or why it cannot go on.
    fn step(&mut self) -> Result<bool, String>;
    /// Answers gathered so far.
    fn received(&self) -> usize;
    /// Answers the batch needs.
    fn total(&self) -> usize;
    /// What the page shows of it now.
    fn view(&self) -> Self::View;
}

#[cfg(test)]
mod tests;
