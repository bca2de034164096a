//! numdiff-plot as a library: the numerics of chapter 4 of "Deep Learning
//! from Scratch" ([`numerics`]), every way of taking a derivative
//! ([`derivative`]), its figures ([`figure`]) and the drawing they use
//! ([`render`]).
//!
//! The flow runs one way: `cli` → `command` → `figure` (compute with
//! `numerics` and `derivative`, draw with `render`) → image bytes → `output`.

pub mod cli;
pub mod command;
pub mod data;
pub mod derivative;
pub mod error;
pub mod expr;
pub mod figure;
pub mod network;
pub mod numerics;
pub mod output;
pub mod render;
pub mod threads;
