//! The integration tests, one crate: the binary as a user runs it (`cli`),
//! the library's numbers against numpy's and mpmath's (`library`), the
//! page's server over HTTP (`serve`), and properties checked on random
//! input (`properties`). What they share is in `util`. The fixtures they read are in tests/fixtures and tests/reference.

mod cli;
mod library;
mod properties;
mod serve;
mod util;
