//! The jobs the worker does for the page besides running the model: the GIF's encoding
//! (`gif`) and the SVG exports (`svg`), so that the page's download carries neither writer.

pub mod gif;
pub mod svg;
