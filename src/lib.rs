//! numdiff-plot as a library: the numerics of chapter 4 of "Deep Learning
//! from Scratch" ([`numerics`]), its figures ([`figure`]) and the drawing
//! they use ([`render`]).
//!
//! The flow runs one way: `cli` → `run` → `figure` (compute with `numerics`,
//! draw with `render`) → image bytes → `render::output`.

pub mod calculus;
pub mod cli;
pub mod error;
pub mod expr;
pub mod figure;
pub mod network;
pub mod numerics;
pub mod render;
pub mod run;
pub mod symbolic;
pub mod validate;
