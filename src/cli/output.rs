//! What the output flags every figure command shares mean: where the
//! figure goes, in which format, at which size, with which view.

use super::{Cli, Command, OutputArgs};
use crate::error::Error;
use crate::figure::AxesKind;
use crate::render::font::Fonts;
use crate::render::{Format, Size, View, DEFAULT_DPI};
use clap::{CommandFactory, Parser};
use std::path::{Path, PathBuf};

impl Command {
    /// The output flags, for the subcommands that draw a figure.
    pub fn output(&self) -> Option<&OutputArgs> {
        self.figure().map(|(_, out)| out)
    }
}

/// Where a figure goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `-o -`: standard output.
    Stdout,
    File(PathBuf),
}

impl OutputArgs {
    /// Where to write: `--output`'s file; `default_file` if `--output` is
    /// not given; inside `--output`'s directory (an existing one, or a path
    /// ending in `/`) under `default_file`'s name, with `--format`'s
    /// extension if that is given.
    pub fn target(&self, default_file: &str) -> Target {
        match &self.output {
            Some(p) if is_stdout(p) => Target::Stdout,
            Some(p) if is_directory(p) => {
                let file = Path::new(default_file);
                let file = match self.format {
                    Some(format) => file.with_extension(format.extension()),
                    None => file.to_path_buf(),
                };
                Target::File(p.join(file))
            }
            Some(p) => Target::File(p.clone()),
            None => Target::File(default_file.into()),
        }
    }

    /// The format: `--format`, else the file's extension, else PNG on
    /// stdout; an SVG keeps its text with `--svg-text`, which applies to
    /// SVG only.
    pub fn format(&self, target: &Target) -> Result<Format, Error> {
        match (self.named_format(target)?, self.svg_text) {
            (Format::Svg, true) => Ok(Format::SvgText),
            (format, false) => Ok(format),
            (format, true) => Err(Error::usage(format!(
                "--svg-text applies to SVG output only, not {}; write a .svg file or use --format svg",
                format.extension()
            ))),
        }
    }

    /// The format `--format` or the file's extension names.
    fn named_format(&self, target: &Target) -> Result<Format, Error> {
        let path = match target {
            Target::Stdout => return Ok(self.format.unwrap_or(Format::Png)),
            Target::File(p) => p,
        };
        match (self.format, Format::from_path(path)) {
            (Some(asked), Some(named)) if asked != named => Err(Error::usage(format!(
                "--format {} contradicts --output {}; use a file name ending in .{}",
                asked.extension(),
                path.display(),
                asked.extension()
            ))),
            (Some(asked), _) => Ok(asked),
            (None, Some(named)) => Ok(named),
            (None, None) => Err(Error::usage(format!(
                "--output {}: unsupported format; the file name must end in .png, .svg or .pdf",
                path.display()
            ))),
        }
    }

    /// The title, axis labels, axis limits and fonts the figure is drawn with.
    pub fn view(&self) -> View {
        View {
            title: self.title.clone(),
            xlabel: self.xlabel.clone(),
            ylabel: self.ylabel.clone(),
            zlabel: self.zlabel.clone(),
            xlim: self.xlim,
            ylim: self.ylim,
            font: Fonts::new(self.font),
        }
    }

    /// Refuses a label flag for an axis that a figure drawing `axes` does
    /// not have, naming the figures that take it.
    pub fn check_labels(&self, axes: AxesKind) -> Result<(), Error> {
        let flags = [
            ("--xlabel", &self.xlabel, AxesKind::Plane),
            ("--ylabel", &self.ylabel, AxesKind::Plane),
            ("--zlabel", &self.zlabel, AxesKind::Space),
        ];
        match flags
            .iter()
            .find(|(_, given, needs)| given.is_some() && axes < *needs)
        {
            Some((flag, _, needs)) => Err(Error::usage(format!(
                "{flag} applies only to the figures with {}: {}",
                match needs {
                    AxesKind::Space => "a z axis",
                    _ => "axes",
                },
                figures_with(*needs).join(", ")
            ))),
            None => Ok(()),
        }
    }

    /// How many times `--size` the image is shown: `--dpi` / 100 times
    /// `--scale` (exactly `--scale` at the default 100 dpi).
    pub fn zoom(&self) -> f64 {
        self.scale * (self.dpi / DEFAULT_DPI)
    }

    /// The size of the image in pixels: `--size` times [`Self::zoom`].
    pub fn pixels(&self) -> Size {
        self.size.scaled(self.zoom())
    }
}

/// The figure subcommands that draw at least `axes`, in the order `--help`
/// lists them: each parsed with its defaults, as a user would type it.
fn figures_with(axes: AxesKind) -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|name| {
            Cli::try_parse_from(["numdiff-plot", name]).is_ok_and(|cli| {
                cli.command
                    .figure()
                    .is_some_and(|(figure, _)| figure.axes() >= axes)
            })
        })
        .collect()
}

/// Whether `path` names a directory: one that exists, or a path ending in
/// `/` (which the file system takes for a directory whether or not it is).
fn is_directory(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().ends_with(b"/") || path.is_dir()
}

/// Whether `path` names standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}
