//! Placeholder until the web app lands: shows that the model runs in the browser.

pub fn start() {}
