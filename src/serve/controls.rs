//! A panel's controls, read from the subcommand's clap declaration (flag,
//! help, default, whether it repeats), and the few facts the command line
//! does not have: which kind of input suits a flag, which flags the page
//! leaves out, and the ranges of the sliders ([`SLIDERS`]).

use crate::derivative::Method;
use clap::{Arg, ArgAction};
use serde::Serialize;

/// The flags a page has no use for: where the figure goes and in which
/// format (the page shows it as `-o x.svg` writes it), what is printed (the page shows both text
/// and JSON), threads, the data directory (the server's `--data`), and help.
pub const LEFT_OUT: [&str; 10] = [
    "output", "format", "svg-text", "json", "quiet", "threads", "font", "data", "help", "version",
];

/// A slider beside a number input: from `min` to `max`, on a log scale
/// when `log` (equal ratios take equal lengths).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Slider {
    pub min: f64,
    pub max: f64,
    pub log: bool,
}

const fn linear(min: f64, max: f64) -> Slider {
    Slider {
        min,
        max,
        log: false,
    }
}

const fn log(min: f64, max: f64) -> Slider {
    Slider {
        min,
        max,
        log: true,
    }
}

/// The sliders, by panel (`None`: every panel with the flag) and flag.
/// The ranges are where the chapter's lessons are: learning rates from the
/// book's 1e-10 that never moves to its 10 that diverges (section 4.4.1);
/// steps h down to the 1e-50 that rounds to zero in float64 (4.3.1) and
/// up to 1, where a difference quotient is a secant; the x of each curve
/// over the range the book draws it (tangent 0…20, sigmoid −5…5, the error
/// figure's exp around 0); descent's steps up to 200, ten times the book's
/// 20; the 3-D view's angles over their full turn; training's sizes on a
/// log scale up to the book's run (10,000 iterations) and the caps of
/// [`crate::cli::caps`] (1000 hidden units).
pub const SLIDERS: [(Option<&str>, &str, Slider); 11] = [
    (None, "lr", log(1e-10, 10.0)),
    (None, "h", log(1e-50, 1.0)),
    (None, "steps", linear(1.0, 200.0)),
    (Some("tangent"), "x", linear(0.0, 20.0)),
    (Some("sigmoid"), "x", linear(-5.0, 5.0)),
    (Some("error"), "x", linear(-5.0, 5.0)),
    (None, "elev", linear(-90.0, 90.0)),
    (None, "azim", linear(-180.0, 180.0)),
    (None, "iters", log(1.0, 10_000.0)),
    (None, "batch", log(1.0, 1000.0)),
    (None, "hidden", log(1.0, 1000.0)),
];

/// The slider of `panel`'s flag `id`, if it has one.
pub fn slider(panel: &str, id: &str) -> Option<Slider> {
    SLIDERS
        .iter()
        .find(|(p, flag, _)| *flag == id && p.is_none_or(|p| p == panel))
        .map(|(_, _, s)| *s)
}

/// One control of a panel: one flag of its subcommand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Control {
    /// `--lr`.
    pub flag: String,
    /// `lr`: the query key.
    pub id: String,
    pub help: String,
    /// clap's default, as `--help` shows it (several values space-separated).
    pub default: Option<String>,
    /// A repeatable flag's default values, one each.
    pub defaults: Vec<String>,
    pub repeatable: bool,
    pub kind: Kind,
    pub choices: Option<Vec<String>>,
    pub slider: Option<Slider>,
}

/// The input that suits a flag's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One number.
    Number,
    /// Numbers separated by commas (`-3,4`, a range `0,20,0.1`).
    Numbers,
    /// Free text: an expression, a title, a size `640x480`.
    Text,
    /// One of `choices`.
    Select,
    /// A switch, present or not.
    Bool,
}

/// The controls of `command` (a subcommand as clap declares it), for the
/// panel `panel`, in the declaration's order.
pub fn controls(panel: &str, command: &clap::Command) -> Vec<Control> {
    command
        .get_arguments()
        .filter_map(|arg| control(panel, arg))
        .collect()
}

fn control(panel: &str, arg: &Arg) -> Option<Control> {
    let id = arg.get_long()?;
    if LEFT_OUT.contains(&id) {
        return None;
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let choices = choices(arg);
    let kind = match (arg.get_action(), &choices) {
        (ArgAction::SetTrue, _) => Kind::Bool,
        (_, Some(_)) => Kind::Select,
        _ => kind_of_value(arg),
    };
    Some(Control {
        flag: format!("--{id}"),
        id: id.to_string(),
        help: arg.get_help().map(|h| h.to_string()).unwrap_or_default(),
        default: (!defaults.is_empty()).then(|| defaults.join(" ")),
        repeatable: matches!(arg.get_action(), ArgAction::Append),
        defaults,
        kind,
        choices,
        slider: (kind == Kind::Number).then(|| slider(panel, id)).flatten(),
    })
}

/// The values clap lists, or, for `--method` (whose parser reads the
/// names of [`Method`]), the methods' names.
fn choices(arg: &Arg) -> Option<Vec<String>> {
    let listed: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    match (listed.is_empty(), arg.get_long()) {
        (false, _) => Some(listed),
        (true, Some("method")) => Some(Method::ALL.iter().map(|m| m.name().to_string()).collect()),
        _ => None,
    }
}

/// A value's kind by its value name in `--help`: expressions, text and
/// sizes are text; names with a comma (`X0,X1`, `START,STOP,STEP`) are
/// numbers; the rest (`X`, `H`, `LR`, `N`) one number.
fn kind_of_value(arg: &Arg) -> Kind {
    let name = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map(|n| n.to_string())
        .unwrap_or_default();
    match name.as_str() {
        "EXPR" | "TEXT" | "WxH" => Kind::Text,
        n if n.contains(',') => Kind::Numbers,
        _ => Kind::Number,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    fn of(name: &str) -> Vec<Control> {
        let cli = Cli::command();
        controls(name, cli.find_subcommand(name).expect("a subcommand"))
    }

    #[test]
    fn descent_s_controls_are_its_flags_with_the_book_s_defaults() {
        let controls = of("descent");
        let ids: Vec<&str> = controls.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "f", "lr", "steps", "init", "method", "h", "size", "scale", "dpi", "title",
                "xlabel", "ylabel", "zlabel", "xlim", "ylim"
            ]
        );
        let lr = &controls[1];
        assert_eq!(lr.default.as_deref(), Some("0.1"));
        assert_eq!((lr.kind, lr.slider), (Kind::Number, Some(log(1e-10, 10.0))));
        let method = &controls[4];
        assert_eq!(method.kind, Kind::Select);
        assert_eq!(method.choices.as_ref().unwrap()[0], "central");
        assert_eq!(controls[3].kind, Kind::Numbers);
        assert_eq!(controls[0].kind, Kind::Text);
        assert_eq!(controls[5].slider, Some(log(1e-50, 1.0)));
    }

    #[test]
    fn repeatable_flags_and_switches_are_told_apart() {
        let quiver = of("quiver");
        let at = quiver.iter().find(|c| c.id == "at").unwrap();
        assert!(at.repeatable);
        assert_eq!(at.defaults, ["3,4", "0,2", "3,0"]);
        let tangent = of("tangent");
        let no_tangent = tangent.iter().find(|c| c.id == "no-tangent").unwrap();
        assert_eq!(
            (no_tangent.kind, no_tangent.default.as_deref()),
            (Kind::Bool, None)
        );
        let x = tangent.iter().find(|c| c.id == "x").unwrap();
        assert_eq!(x.slider, Some(linear(0.0, 20.0)));
        let train = of("train");
        let grad = train.iter().find(|c| c.id == "grad").unwrap();
        assert_eq!(
            grad.choices.as_deref(),
            Some(&["backprop".to_string(), "numerical".to_string()][..])
        );
        assert!(train.iter().all(|c| !LEFT_OUT.contains(&c.id.as_str())));
    }
}
