//! Drawing, knowing nothing of the book: a canvas with matplotlib's look,
//! the pieces plotters lacks (arrows, 2-D and 3-D axes in matplotlib's style),
//! and SVG-to-PNG rasterization. Writing the bytes is [`crate::output`]'s job.
//!
//! Everything is drawn by plotters into its SVG backend at [`canvas::SUPERSAMPLE`]
//! times the requested size, because plotters rounds every coordinate to a whole
//! pixel; the SVG's `viewBox` scales it back and resvg rasterizes it with the
//! embedded font, so both formats are smooth and identical on every machine.

pub mod arrow;
pub mod axes;
pub mod axes3d;
pub mod canvas;
pub mod clip;
pub mod font;
pub mod format;
pub mod heatmap;
pub mod legend;
pub mod notes;
pub mod pdf;
pub mod place;
pub mod raster;
pub mod style;
pub mod subplot;
pub mod svg;
pub mod ticks;
pub mod view;

pub use axes::Axes;
pub use canvas::{Area, Canvas, DrawResult, Size, View};
pub use format::{Format, DEFAULT_DPI};
