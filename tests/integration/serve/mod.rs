//! `numdiff-plot serve` over HTTP, on an ephemeral port: every panel's
//! figure against the command line's, bad input as the CLI says it, the
//! security rows, training streamed against `train --json`, and shutdown.

mod figures;
mod lifecycle;
mod security;
mod training;
