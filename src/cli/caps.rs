//! Every cap on what one command may ask for, and the checks that apply
//! them before any work is done: a plotting tool should answer in seconds,
//! not minutes, and in megabytes, not gigabytes. A figure whose work can
//! grow applies its caps in its own file (`Figure::check`), with [`cap`];
//! there too it refuses the flags that do not apply to it, which clap
//! cannot tell one flag at a time.
//!
//! The caps on expressions are the expression parser's own (it is usable
//! without the command line); they are re-exported here so that every cap
//! can be read in one place.

use super::output::is_stdout;
use super::{Cli, Command, OutputArgs};
use crate::error::Error;
use crate::render::{Format, DEFAULT_DPI};

pub use crate::expr::check::{MAX_DEPTH, MAX_LENGTH};
pub use crate::expr::MAX_EXPONENT;

/// The largest image side, in pixels.
pub const MAX_SIDE: u32 = 16384;
/// The most pixels a PNG may have: 8192 × 8192, some 600 MB to draw.
pub const MAX_PIXELS: u64 = 8192 * 8192;
/// The largest `--scale`.
pub const MAX_SCALE: f64 = 4.0;
/// The largest `--dpi`: a print resolution to spare; the pixel caps above
/// still apply to what `--dpi` and `--scale` make together.
pub const MAX_DPI: f64 = 2400.0;
/// The most sample points a grid or range may have on one axis.
pub const MAX_POINTS: usize = 100_000;
/// The most function evaluations (or curve samples) one figure may take.
pub const MAX_EVALUATIONS: u64 = 10_000_000;
/// The most arrows a quiver plot may draw (each is a polygon to render).
pub const MAX_ARROWS: u64 = 250_000;
/// The most gradient-descent steps: each is drawn as a dot, and beyond this
/// the figure takes seconds and gigabytes to draw.
pub const MAX_STEPS: usize = 100_000;
/// The most `train --iters`: each loss is kept, printed with `--json` and
/// drawn; a million takes minutes with backprop.
pub const MAX_ITERS: usize = 1_000_000;
/// The most `train --hidden` units: twenty times the book's 50, a network
/// of 795,010 parameters.
pub const MAX_HIDDEN: usize = 1000;

/// Checks `cli` against the caps and the flags each figure accepts (each
/// figure's [`Figure::check`](crate::figure::Figure::check)).
pub fn check(cli: &Cli) -> Result<(), Error> {
    if let Some((figure, out)) = cli.command.figure() {
        out.check_labels(figure.axes())?;
        return figure.check(out);
    }
    match &cli.command {
        Command::All(a) if is_stdout(&a.output) => Err(Error::usage(
            "--output -: all writes several files and needs a directory, like -o figures",
        )),
        _ => Ok(()),
    }
}

/// `amount` within `limit`, or an error that says how much `what` asked
/// for, the cap, and `how` to stay under it.
pub fn cap(amount: u64, limit: u64, how: &str, what: impl FnOnce() -> String) -> Result<(), Error> {
    if amount <= limit {
        return Ok(());
    }
    Err(Error::usage(format!(
        "{}, over the cap of {limit}; {how}",
        what()
    )))
}

/// The image's size within [`MAX_SIDE`] a side and, for a PNG,
/// [`MAX_PIXELS`] in all; a PDF's page does not depend on pixels.
pub fn check_pixels(out: &OutputArgs, format: Format) -> Result<(), Error> {
    if format == Format::Pdf {
        // A page of --size / 100 inches whatever --dpi and --scale say;
        // --size itself is within MAX_SIDE.
        return Ok(());
    }
    let px = out.pixels();
    let mut asked = format!("--size {}x{}", out.size.width, out.size.height);
    if out.dpi != DEFAULT_DPI {
        asked += &format!(" --dpi {}", out.dpi);
    }
    if out.scale != 1.0 {
        asked += &format!(" --scale {}", out.scale);
    }
    if px != out.size {
        asked += &format!(" ({}x{})", px.width, px.height);
    }
    if px.width > MAX_SIDE || px.height > MAX_SIDE {
        return Err(Error::usage(format!(
            "{asked} is over the cap of {MAX_SIDE} pixels a side; \
             use a smaller --size, --dpi or --scale"
        )));
    }
    if format == Format::Png && px.pixels() > MAX_PIXELS {
        return Err(Error::usage(format!(
            "{asked} makes a PNG of {} pixels, over the cap of {MAX_PIXELS} (8192x8192); \
             use a smaller --size, --dpi or --scale, or write an SVG or a PDF",
            px.pixels()
        )));
    }
    Ok(())
}
