//! Work done off the cursor, by the worker or in the page: the batches of runs (`batch`: the
//! sweep's points, `sweep`; the sensitivity analysis's runs, `sensitivity`), the GIF's encoding
//! (`gif`) and the SVG exports (`svg`), so that the page's download carries neither writer; and
//! the one wire format of every message between the page and its worker (`wire`).

pub mod batch;
pub mod gif;
pub mod sensitivity;
pub mod svg;
pub mod sweep;
pub mod wire;
