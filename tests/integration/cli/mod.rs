//! The built binary run as a user runs it: its output, exit codes and files.

mod all;
mod conventions;
mod data;
mod derivatives;
mod errors;
mod expressions;
mod figures;
mod fonts;
mod formats;
mod gradcheck;
mod io_failures;
mod labels;
mod learning_rate;
mod loss;
mod messages;
mod readme;
mod tick_labels;
mod train;
