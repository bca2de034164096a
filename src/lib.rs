//! numdiff-plot as a library: the numerics of chapter 4 of "Deep Learning
//! from Scratch" ([`numerics`]), every way of taking a derivative
//! ([`derivative`]), its figures ([`figure`]) and the drawing they use
//! ([`render`]).
//!
//! The MNIST files ([`data`]) and the book's two-layer network
//! ([`network`]) are here too.
//!
//! The flow runs one way: `cli` → `command` → `figure` (compute with
//! `numerics` and `derivative`, draw with `render`) → image bytes → `output`.

pub mod data;
pub mod derivative;
pub mod expr;
pub mod figure;
pub mod network;
pub mod numerics;
pub mod render;

// The binary's own plumbing: the command line, the subcommands, writing
// files and messages, errors and exit codes, the thread count, the page's
// server. Public for `main`, the integration tests and the fuzz targets, not
// the library's interface, so hidden from its documentation.
#[doc(hidden)]
pub mod cli;
#[doc(hidden)]
pub mod command;
#[doc(hidden)]
pub mod error;
#[doc(hidden)]
pub mod output;
#[doc(hidden)]
pub mod serve;
#[doc(hidden)]
pub mod threads;
