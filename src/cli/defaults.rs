//! The flags' defaults, as the text clap shows in `--help` and parses when
//! a flag is not given, written from each figure's book parameters
//! (`Params::book()`), so that a subcommand with no flags draws exactly
//! what `all` draws, and the book's values are written in one place only.

use crate::figure::loss::Target;
use crate::figure::{descent, loss, numdiff_error, quiver, sigmoid, surface, tangent};
use crate::numerics::Arange;
use crate::render::Size;
use std::sync::OnceLock;

/// A number as the parsers read it back exactly (Rust's shortest
/// round-trip form: `5`, `0.1`, `-60`).
fn number(v: f64) -> String {
    v.to_string()
}

/// `X0,X1`.
fn point([x0, x1]: [f64; 2]) -> String {
    format!("{},{}", number(x0), number(x1))
}

/// `START,STOP,STEP`.
fn range(r: &Arange) -> String {
    format!("{},{},{}", number(r.start), number(r.stop), number(r.step))
}

/// Defines, for each figure, `fn FIGURE() -> &'static FIGURE::Params`:
/// its `Params::book()`, made once however many flags read it.
macro_rules! book {
    ($($figure:ident),*) => {$(
        fn $figure() -> &'static $figure::Params {
            static BOOK: OnceLock<$figure::Params> = OnceLock::new();
            BOOK.get_or_init($figure::Params::book)
        }
    )*};
}

book!(
    tangent,
    surface,
    quiver,
    descent,
    numdiff_error,
    loss,
    sigmoid
);

/// Defines `pub fn NAME() -> &'static str`, its text made once.
macro_rules! defaults {
    ($($(#[$doc:meta])* $name:ident => $text:expr;)*) => {$(
        $(#[$doc])*
        pub fn $name() -> &'static str {
            static TEXT: OnceLock<String> = OnceLock::new();
            TEXT.get_or_init(|| $text)
        }
    )*};
}

defaults! {
    /// `tangent --f`: function_1.
    tangent_f => tangent().f.expr.source().to_string();
    /// `tangent --x`: 5.
    tangent_x => number(tangent().at[0]);
    /// `tangent --range`: 0,20,0.1.
    tangent_range => range(&tangent().range);
    /// `surface --f`: function_2.
    surface_f => surface().f.source().to_string();
    /// `surface --grid`: -3,3,0.1.
    surface_grid => range(&surface().grid);
    /// `surface --elev`: 30.
    surface_elev => number(surface().elev);
    /// `surface --azim`: -60.
    surface_azim => number(surface().azim);
    /// `quiver --f`: function_2.
    quiver_f => quiver().f.expr.source().to_string();
    /// `quiver --grid`: -2,2.5,0.25.
    quiver_grid => range(&quiver().grid);
    /// `descent --f`: function_2.
    descent_f => descent().f.expr.source().to_string();
    /// `descent --lr`: 0.1.
    descent_lr => number(descent().lr);
    /// `descent --steps`: 20.
    descent_steps => descent().step_num.to_string();
    /// `descent --init`: -3,4.
    descent_init => point(descent().init);
    /// `error --f`: exp(x).
    error_f => numdiff_error().f.source().to_string();
    /// `error --x`: 1.
    error_x => number(numdiff_error().x);
    /// `loss --t`: the book's one-hot 0,0,1,0,0,0,0,0,0,0.
    loss_t => match &loss().t {
        Target::OneHot(t) => list(t),
        Target::Label(l) => l.to_string(),
    };
    /// `sigmoid --x`: 0.
    sigmoid_x => number(sigmoid().at);
    /// `sigmoid --range`: chapter 3's -5,5,0.1.
    sigmoid_range => range(&sigmoid().range);
    /// `--size`: matplotlib's 640x480.
    size => format!("{}x{}", Size::DEFAULT.width, Size::DEFAULT.height);
}

/// `A,B,…`.
fn list(v: &[f64]) -> String {
    v.iter().map(|&x| number(x)).collect::<Vec<_>>().join(",")
}

/// `loss --y`: the book's two outputs.
pub fn loss_y() -> Vec<&'static str> {
    static TEXT: OnceLock<Vec<String>> = OnceLock::new();
    let lists = TEXT.get_or_init(|| loss().y.iter().map(|y| list(y)).collect());
    lists.iter().map(String::as_str).collect()
}

/// `quiver --at`: the book's (3, 4), (0, 2) and (3, 0).
pub fn quiver_at() -> Vec<&'static str> {
    static TEXT: OnceLock<Vec<String>> = OnceLock::new();
    let points = TEXT.get_or_init(|| quiver().at.iter().copied().map(point).collect());
    points.iter().map(String::as_str).collect()
}
