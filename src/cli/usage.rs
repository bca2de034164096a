//! clap's errors as one line: the first line of clap's message, with what
//! clap knows of the accepted values (the possible values, the subcommands,
//! a similar name) appended, and every control character from the user's
//! input escaped, so that the message stays one line whatever was typed.

use super::Cli;
use crate::output::escape_controls;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::CommandFactory;
use std::ffi::OsString;

/// The one line to print for a clap error that is not help or version.
/// `args` is the command line as given (the program name first), to name
/// the flag whose value is not UTF-8, which clap does not say.
pub fn one_line(e: &clap::Error, args: &[OsString]) -> String {
    if e.kind() == ErrorKind::InvalidUtf8 {
        if let Some(line) = invalid_utf8(args) {
            return line;
        }
    }
    let mut line = match composed(e) {
        Some(line) => line,
        None => {
            let mut text = e.render().to_string();
            for raw in quoted_input(e) {
                text = text.replace(&raw, &escape_controls(&raw));
            }
            let first = text.lines().find(|l| !l.trim().is_empty());
            first.unwrap_or("error: bad usage").trim_end().to_string()
        }
    };
    line.push_str(&accepted(e));
    line
}

/// The first line of the errors that quote a value, written here rather
/// than taken from clap's rendering, which drops some control characters
/// (the quoted value would not be what was typed) and keeps others (a line
/// break would end the message).
fn composed(e: &clap::Error) -> Option<String> {
    let string = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(escape_controls(s)),
        _ => None,
    };
    let arg = string(ContextKind::InvalidArg)?;
    match e.kind() {
        ErrorKind::ValueValidation | ErrorKind::InvalidValue => {
            // An empty value of InvalidValue is a missing one: clap says so.
            let value = string(ContextKind::InvalidValue).filter(|v| !v.is_empty())?;
            let why = std::error::Error::source(e)
                .map(|s| format!(": {}", escape_controls(&s.to_string())))
                .unwrap_or_default();
            Some(format!("error: invalid value '{value}' for '{arg}'{why}"))
        }
        ErrorKind::UnknownArgument => Some(format!("error: unexpected argument '{arg}' found")),
        _ => None,
    }
}

/// The strings of the user's input that the message may quote: the values,
/// arguments and subcommands in the error's context, and the value parser's
/// own message (which can quote the value, as an expression's does). The
/// longest come first, so that one that contains another is escaped whole.
fn quoted_input(e: &clap::Error) -> Vec<String> {
    let mut raw: Vec<String> = e
        .context()
        .flat_map(|(_, value)| match value {
            ContextValue::String(s) => vec![s.clone()],
            ContextValue::Strings(v) => v.clone(),
            _ => Vec::new(),
        })
        .chain(std::error::Error::source(e).map(|s| s.to_string()))
        .filter(|s| s.chars().any(char::is_control))
        .collect();
    raw.sort_by_key(|s| std::cmp::Reverse(s.len()));
    raw
}

/// What clap lists on the lines after the first, for the one line:
/// `: expected one of a, b`, `; did you mean 'x'?` (the closest name), or
/// the arguments that are missing.
fn accepted(e: &clap::Error) -> String {
    let strings = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let mut more = String::new();
    let valid = strings(ContextKind::ValidValue);
    if !valid.is_empty() {
        more += &format!(": expected one of {}", valid.join(", "));
    }
    match e.kind() {
        ErrorKind::InvalidSubcommand | ErrorKind::MissingSubcommand => {
            let names: Vec<String> = Cli::command()
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            more += &format!("; the subcommands are {}", names.join(", "));
        }
        ErrorKind::MissingRequiredArgument => {
            more += &format!(" {}", strings(ContextKind::InvalidArg).join(", "));
        }
        _ => {}
    }
    // clap lists its suggestions from the least to the most similar
    // (Jaro similarity): the closest is the last.
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
        ContextKind::SuggestedSubcommand,
    ]
    .into_iter()
    .find_map(|kind| strings(kind).pop());
    if let Some(s) = suggested {
        more += &format!("; did you mean '{}'?", escape_controls(&s));
    }
    more
}

/// `invalid value '\xFF' for '--title <TEXT>': expected UTF-8 text`, naming
/// the first argument that is not UTF-8 and is not a file name (which may
/// be any bytes): the flag it is the value of, or the positional argument.
fn invalid_utf8(args: &[OsString]) -> Option<String> {
    let cmd = Cli::command();
    let sub = cmd.find_subcommand(args.get(1)?.to_str()?)?;
    let mut positionals = sub.get_positionals();
    // A flag that takes a value and has not had it yet.
    let mut pending: Option<&clap::Arg> = None;
    for arg in &args[2..] {
        let (flag, value) = match (pending.take(), arg.to_str()) {
            (Some(flag), None) => (Some(flag), escaped(arg)),
            (Some(_), Some(_)) => continue,
            (None, Some(s)) if s.starts_with('-') && s.len() > 1 => {
                pending = find_flag(sub, s).filter(|a| a.get_action().takes_values());
                if s.contains('=') || (!s.starts_with("--") && s.len() > 2) {
                    pending = None;
                }
                continue;
            }
            (None, Some(_)) => {
                positionals.next();
                continue;
            }
            (None, None) => match split_at_equals(arg) {
                Some((name, value)) => (find_flag(sub, &name), value),
                None => (positionals.next(), escaped(arg)),
            },
        };
        let flag = flag?;
        if flag.get_id() == "output" {
            continue; // a file name: any bytes will do
        }
        let name = match flag.get_long() {
            Some(long) => format!("--{long} <{}>", value_name(flag)),
            None => format!("<{}>", value_name(flag)),
        };
        return Some(format!(
            "error: invalid value '{value}' for '{name}': expected UTF-8 text"
        ));
    }
    None
}

/// The argument of `sub` that `text` (`--long`, `--long=…`, `-s`) names.
fn find_flag<'a>(sub: &'a clap::Command, text: &str) -> Option<&'a clap::Arg> {
    let name = text.split('=').next().unwrap_or(text);
    sub.get_arguments().find(|a| match name.strip_prefix("--") {
        Some(long) => a.get_long() == Some(long),
        None => {
            let short = name.strip_prefix('-').and_then(|s| s.chars().next());
            short.is_some() && a.get_short() == short
        }
    })
}

/// The value's name as `--help` shows it: `TEXT`, `EXPR`.
fn value_name(a: &clap::Arg) -> String {
    a.get_value_names()
        .and_then(|v| v.first())
        .map(|v| v.to_string())
        .unwrap_or_else(|| a.get_id().as_str().to_uppercase())
}

/// `--flag=VALUE` not in UTF-8: the flag and the value, shown escaped.
fn split_at_equals(arg: &std::ffi::OsStr) -> Option<(String, String)> {
    let bytes = arg.as_encoded_bytes();
    if !bytes.starts_with(b"--") {
        return None;
    }
    let eq = bytes.iter().position(|&b| b == b'=')?;
    let flag = std::str::from_utf8(&bytes[..eq]).ok()?.to_string();
    // SAFETY: the bytes are an OsStr's, cut right after an ASCII `=`, where
    // `as_encoded_bytes` allows splitting them (on Windows as on Unix).
    let value = unsafe { std::ffi::OsStr::from_encoded_bytes_unchecked(&bytes[eq + 1..]) };
    Some((flag, escaped(value)))
}

/// The bytes as Rust's `Debug` shows them, without the quotes: `\xFF` for
/// a byte that is not UTF-8, control characters escaped.
fn escaped(s: &std::ffi::OsStr) -> String {
    let debug = format!("{s:?}");
    debug[1..debug.len() - 1].to_string()
}
