//! The figures of chapter 4. Each file computes one figure's data (plain
//! structs that serialize to JSON) and draws it, and owns its book
//! parameters (`Params::book()`), its file name (`FILE`) and its flags (a
//! [`Figure`]); [`book`] holds what they share, and [`book_figures`] is the
//! list `all` writes.

pub mod book;
pub mod descent;
pub mod loss;
pub mod numdiff_error;
pub mod quiver;
pub mod sigmoid;
pub mod simplenet;
pub mod surface;
pub mod tangent;
pub mod train_accuracy;
pub mod train_loss;

use crate::cli::OutputArgs;
use crate::error::Error;
use crate::render::{font, pdf, raster, svg, Canvas, Format, Size, View};
use anyhow::Result;
use serde::Serialize;

/// A figure as its subcommand draws it. The implementing type is the
/// figure's flags, declared once in the figure's file with
/// `#[derive(clap::Args)]`, each default read from `Params::book()`: the
/// figure's `Params` themselves where each flag is a parameter, or the flags
/// that make them where several make one (an expression, `--method` and
/// `--h` make a [`Differentiator`](crate::derivative::Differentiator)).
/// clap, `--help`, the completions and the manual page, and any code that
/// lists a figure's parameters (`clap::Args::augment_args`), read that one
/// declaration.
pub trait Figure {
    /// The subcommand's one-line description, naming the file it writes.
    fn about() -> String
    where
        Self: Sized;
    /// A command line that uses the figure, shown at the end of `--help`.
    fn example() -> &'static str
    where
        Self: Sized;
    /// Refuses, before any work, what the flags ask for beyond the caps of
    /// [`crate::cli::caps`], and flags that do not apply to the figure.
    fn check(&self, _out: &OutputArgs) -> Result<(), Error> {
        Ok(())
    }
    /// The axes the figure draws, which say the label flags it takes.
    fn axes(&self) -> AxesKind {
        AxesKind::Plane
    }
    /// The figure's data, and the file it goes to unless `--output` says
    /// otherwise.
    fn plot(&self) -> Result<(&'static str, Box<dyn SerializePlot>)>;
}

/// The axes a figure draws: none (`--xlabel`, `--ylabel` and `--zlabel`
/// are refused), x and y, or x, y and z. Ordered, so that each takes the
/// label flags of those before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AxesKind {
    None,
    Plane,
    Space,
}

/// A figure's data as its subcommand uses it: drawn, reported, and with
/// `--json` printed as one object.
pub trait SerializePlot: Plot {
    fn to_json(&self) -> serde_json::Result<serde_json::Value>;
}

impl<T: Plot + Serialize> SerializePlot for T {
    fn to_json(&self) -> serde_json::Result<serde_json::Value> {
        serde_json::to_value(self)
    }
}

/// A figure's computed data: what it prints and how it draws.
pub trait Plot: Send + Sync {
    /// The figure's name, as `--json` and `all` report it.
    fn name(&self) -> &'static str;
    /// The human-readable numbers, one or more lines ending in a newline.
    fn report(&self) -> String;
    /// Draws the figure, with the title and limits of `canvas.view()` where
    /// they make sense for it.
    fn draw(&self, canvas: &mut Canvas) -> Result<()>;
    /// What the user should know about the result, one line each (printed
    /// on stderr as `warning: …`): for instance that descent diverged.
    fn warnings(&self) -> Vec<String> {
        Vec::new()
    }
}

/// The figure as an image file's bytes, as the book draws it.
pub fn image(plot: &dyn Plot, size: Size, format: Format) -> Result<Vec<u8>> {
    image_with(plot, size, 1.0, &View::default(), format)
}

/// The figure as an image file's bytes, drawn at `size` with `view`, and
/// shown `scale` times as large: a PNG of `scale` times the pixels on each
/// side, or an SVG with that `width` and `height`. A PDF's page is `size` /
/// 100 inches whatever `scale` is, as matplotlib's `savefig(dpi=…)`.
pub fn image_with(
    plot: &dyn Plot,
    size: Size,
    scale: f64,
    view: &View,
    format: Format,
) -> Result<Vec<u8>> {
    Ok(render(plot, size, scale, view, format)?.bytes)
}

/// A figure drawn: the image file's bytes, and the characters of its text
/// that no font has (drawn as boxes).
pub struct Image {
    pub bytes: Vec<u8>,
    pub missing: Vec<char>,
}

impl Image {
    /// The warning to print about the characters no font has, if any.
    pub fn warning(&self) -> Option<String> {
        font::missing_warning(&self.missing)
    }
}

/// [`image_with`], with the characters no font has.
pub fn render(
    plot: &dyn Plot,
    size: Size,
    scale: f64,
    view: &View,
    format: Format,
) -> Result<Image> {
    let mut canvas = Canvas::with_view(size, view.clone());
    plot.draw(&mut canvas)?;
    let pixels = size.scaled(scale);
    let doc = match format {
        Format::Svg | Format::SvgText => canvas.into_svg_sized(pixels),
        Format::Pdf | Format::Png => canvas.into_svg(),
    };
    let fonts = &view.font;
    let missing = fonts.missing(&doc);
    let bytes = match format {
        Format::Svg => svg::paths(&doc, fonts)?.into_bytes(),
        Format::SvgText => svg::with_text(&doc, fonts).into_bytes(),
        Format::Pdf => pdf::pdf(&doc, fonts)?,
        Format::Png => raster::png(&doc, pixels, fonts)?,
    };
    Ok(Image { bytes, missing })
}

/// The book's figures with its arguments, in the book's order (Figures 4-3
/// to 4-10, then simpleNet's gradient), under the file names the
/// book's scripts use where it has them, and the error figure: what
/// `numdiff-plot all` writes. Each is its figure's `Params::book()` (or a
/// variant) under its `FILE`, the same as its subcommand draws with no
/// flags (or with the flags that choose the variant).
pub fn book_figures() -> Vec<(&'static str, Box<dyn Plot>)> {
    let error = numdiff_error::compute(&numdiff_error::Params::book());
    vec![
        (loss::FILE, Box::new(loss::compute(&loss::Params::book()))),
        (
            sigmoid::FILE,
            Box::new(sigmoid::compute(&sigmoid::Params::book())),
        ),
        (
            tangent::FILE_SECANT,
            Box::new(tangent::compute(&tangent::Params::book_secant())),
        ),
        (
            tangent::FILE_FUNCTION,
            Box::new(tangent::compute(&tangent::Params::book_function())),
        ),
        (
            tangent::FILE,
            Box::new(tangent::compute(&tangent::Params::book())),
        ),
        (
            tangent::FILE_X10,
            Box::new(tangent::compute(&tangent::Params::book_x10())),
        ),
        (
            surface::FILE,
            Box::new(surface::compute(&surface::Params::book())),
        ),
        (
            quiver::FILE,
            Box::new(quiver::compute(&quiver::Params::book())),
        ),
        (
            descent::FILE,
            Box::new(descent::compute(&descent::Params::book())),
        ),
        (
            simplenet::FILE,
            Box::new(simplenet::compute(&simplenet::Params::book())),
        ),
        (numdiff_error::FILE, Box::new(error)),
    ]
}
