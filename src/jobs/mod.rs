//! The jobs the worker does for the page besides running the model: the GIF's encoding
//! (`gif`) and the SVG exports (`svg`), so that the page's download carries neither writer; and
//! the one wire format of every message between the page and its worker (`wire`).

pub mod gif;
pub mod svg;
pub mod wire;
