//! The panels (`/api/figures`) and one figure drawn for a query
//! (`/api/figure/NAME`): the query becomes the subcommand's command line,
//! which the CLI's own parser, caps and figure code take from there, so
//! the page and the command line cannot differ.

use super::controls::{controls, Control, Kind};
use super::http::Response;
use super::query::{pairs, shell_line};
use crate::cli::{caps, usage, Cli, Target};
use crate::command;
use crate::data::error::DOWNLOAD_COMMAND;
use crate::data::mnist::{self, FILES};
use crate::figure;
use crate::output::escape_controls;
use crate::render::Format;
use clap::{CommandFactory, Parser};
use serde::Serialize;
use serde_json::json;
use std::path::Path;
use std::sync::OnceLock;

/// The program's name at the start of every command line shown.
pub const PROGRAM: &str = "numdiff-plot";

/// The training panel's subcommand.
pub const TRAIN: &str = "train";

/// The panels in the book's order, each a subcommand and the book's
/// figure number: the figures of `all` (4-3 to 4-10; the tangent panel
/// draws 4-5, 4-6 and 4-7 by its flags), simpleNet's gradient (section
/// 4.4.2, no number), the error figure (not in the book), and training
/// (4-11 and 4-12).
pub const PANELS: [(&str, &str); 9] = [
    ("loss", "4-3"),
    ("sigmoid", "4-4"),
    ("tangent", "4-7"),
    ("surface", "4-8"),
    ("quiver", "4-9"),
    ("descent", "4-10"),
    ("simplenet", ""),
    ("error", ""),
    (TRAIN, "4-11"),
];

/// A panel as `/api/figures` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct Panel {
    pub name: &'static str,
    pub figure: &'static str,
    pub about: String,
    pub controls: Vec<Control>,
    /// Every long flag of the subcommand, controls or not.
    #[serde(skip)]
    pub flags: Vec<String>,
}

/// The panels, read once from the CLI's declarations.
pub fn all() -> &'static [Panel] {
    static PANELS_READ: OnceLock<Vec<Panel>> = OnceLock::new();
    PANELS_READ.get_or_init(|| {
        let cli = Cli::command();
        PANELS
            .iter()
            .map(|&(name, figure)| {
                let sub = cli
                    .find_subcommand(name)
                    .unwrap_or_else(|| panic!("{name} is a subcommand"));
                Panel {
                    name,
                    figure,
                    about: sub.get_about().map(|a| a.to_string()).unwrap_or_default(),
                    controls: controls(name, sub),
                    flags: sub
                        .get_arguments()
                        .filter_map(|a| a.get_long().map(str::to_string))
                        .collect(),
                }
            })
            .collect()
    })
}

/// The panel named `name`.
pub fn panel(name: &str) -> Option<&'static Panel> {
    all().iter().find(|p| p.name == name)
}

/// `/api/figures`: the panels, and whether training finds MNIST in
/// `data` (`--data`, else `$NUMDIFF_PLOT_DATA`, else the cache directory).
pub fn list(data: Option<&Path>) -> serde_json::Value {
    let found = mnist::data_dir(data)
        .map(|dir| FILES.iter().all(|f| mnist::find(&dir, f).is_some()))
        .unwrap_or(false);
    let panels: Vec<serde_json::Value> = all()
        .iter()
        .map(|p| {
            let mut value = serde_json::to_value(p).expect("a panel serializes");
            if p.name == TRAIN {
                value["data"] = found.into();
                value["data_hint"] = DOWNLOAD_COMMAND.into();
            }
            value
        })
        .collect();
    json!({ "panels": panels })
}

/// The command line a query stands for on `panel`: the program, the
/// subcommand, then `--key value` for each pair in order (`--key` alone for
/// a switch set to true), with `extra` words at the end. Keys that are
/// flags the page leaves out are refused here; unknown ones are left to
/// clap, which says what it says on the command line.
pub fn command_line(panel: &Panel, query: &str, extra: &[String]) -> Result<Vec<String>, String> {
    let mut argv = vec![PROGRAM.to_string(), panel.name.to_string()];
    for (key, value) in pairs(query)? {
        let control = panel.controls.iter().find(|c| c.id == key);
        match control {
            Some(c) if c.kind == Kind::Bool => match value.as_str() {
                "true" => argv.push(c.flag.clone()),
                "false" => {}
                _ => return Err(format!("--{key}: expected true or false")),
            },
            Some(c) => argv.extend([c.flag.clone(), value]),
            None if key == "help" || panel.flags.contains(&key) => {
                return Err(format!(
                    "--{key} is not available on the page; the command line has it"
                ))
            }
            None => argv.extend([format!("--{key}"), value]),
        }
    }
    argv.extend(extra.iter().cloned());
    Ok(argv)
}

/// Parses `argv` with the CLI's parser and applies its caps: the command,
/// or the CLI's own one-line message (without its `error: `).
pub fn parse(argv: &[String]) -> Result<Cli, String> {
    let cli = Cli::try_parse_from(argv).map_err(|e| {
        let os: Vec<std::ffi::OsString> = argv.iter().map(Into::into).collect();
        let line = usage::one_line(&e, &os);
        line.strip_prefix("error: ").unwrap_or(&line).to_string()
    })?;
    caps::check(&cli).map_err(|e| escape_controls(&e.to_string()))?;
    Ok(cli)
}

/// An error of the command as the page gets it: 400 with the CLI's
/// message for what the user can fix (exit status 2), 500 for the rest.
pub fn refusal(e: &anyhow::Error) -> Response {
    let status = match crate::error::exit_code(e) {
        2 => 400,
        _ => 500,
    };
    Response::error(status, &escape_controls(&format!("{e:#}")))
}

/// `/api/figure/NAME?QUERY`: the figure drawn as `NAME` with the query's
/// flags would draw it, as JSON: the SVG (what `-o x.svg` writes), the
/// text report, the `--json` object, the warnings and the command line.
pub fn figure(name: &str, query: &str) -> Response {
    let Some(panel) = panel(name).filter(|p| p.name != TRAIN) else {
        let names: Vec<&str> = PANELS.iter().map(|p| p.0).filter(|&n| n != TRAIN).collect();
        return Response::error(
            404,
            &format!(
                "no figure named '{}'; the figures are {}",
                escape_controls(name),
                names.join(", ")
            ),
        );
    };
    let cli = match command_line(panel, query, &[]).and_then(|argv| Ok((parse(&argv)?, argv))) {
        Ok(parsed) => parsed,
        Err(message) => return Response::error(400, &message),
    };
    match drawn(&cli.0, &cli.1) {
        Ok(value) => Response::json(200, &value),
        Err(e) => refusal(&e),
    }
}

/// The figure `cli` draws, as `/api/figure` answers it.
fn drawn(cli: &Cli, argv: &[String]) -> anyhow::Result<serde_json::Value> {
    let (drawn, out) = cli
        .command
        .figure()
        .expect("every panel but training draws a figure");
    let (file, plot) = drawn.plot()?;
    let plot = plot.as_ref();
    // The PNG the command line writes must be within the caps too.
    caps::check_pixels(out, Format::Png)?;
    let svg_file = Target::File(Path::new(file).with_extension("svg"));
    let format = out.format(&svg_file)?;
    let svg = figure::image_with(plot, out.size, out.zoom(), &out.view(), format)?;
    Ok(json!({
        "svg": String::from_utf8(svg)?,
        "report": plot.report(),
        "data": command::figure::json(plot, Path::new(file), out)?,
        "warnings": plot.warnings(),
        "command": shell_line(argv),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(response: &Response) -> serde_json::Value {
        serde_json::from_slice(&response.body).expect("JSON")
    }

    #[test]
    fn the_panels_are_the_book_s_figures_in_order() {
        let list = list(Some(Path::new("/nonexistent")));
        let names: Vec<&str> = list["panels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            [
                "loss",
                "sigmoid",
                "tangent",
                "surface",
                "quiver",
                "descent",
                "simplenet",
                "error",
                "train"
            ]
        );
        let train = &list["panels"][8];
        assert_eq!(
            (train["data"].clone(), train["figure"].clone()),
            (json!(false), json!("4-11"))
        );
        assert_eq!(train["data_hint"], "numdiff-plot data download");
    }

    #[test]
    fn a_figure_answers_with_the_cli_s_numbers_and_its_command() {
        let response = figure("descent", "lr=10&steps=3");
        assert_eq!(
            response.status,
            200,
            "{}",
            String::from_utf8_lossy(&response.body)
        );
        let value = body(&response);
        assert_eq!(value["command"], "numdiff-plot descent --lr 10 --steps 3");
        assert!(value["svg"].as_str().unwrap().starts_with("<svg"));
        assert_eq!(value["data"]["figure"], "descent");
        assert!(value["report"].as_str().unwrap().ends_with('\n'));
    }

    #[test]
    fn bad_input_is_the_cli_s_message_with_400() {
        let message = |name: &str, query: &str| {
            let response = figure(name, query);
            (
                response.status,
                body(&response)["error"].as_str().unwrap().to_string(),
            )
        };
        let (status, lr) = message("descent", "lr=abc");
        assert_eq!(status, 400);
        assert!(
            lr.starts_with("invalid value 'abc' for '--lr <LR>'"),
            "{lr}"
        );
        let (status, unknown) = message("descent", "bogus=1");
        assert_eq!(status, 400);
        assert!(
            unknown.starts_with("unexpected argument '--bogus'"),
            "{unknown}"
        );
        let (status, out) = message("descent", "output=x.png");
        assert_eq!(
            (status, out.as_str()),
            (
                400,
                "--output is not available on the page; the command line has it"
            )
        );
        let (status, capped) = message("descent", "steps=100001");
        assert_eq!(status, 400);
        assert!(capped.contains("100000"), "{capped}");
        assert_eq!(message("nothing", "").0, 404);
        assert_eq!(message("train", "").0, 404);
    }
}
