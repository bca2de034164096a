//! Fuzzes the command line: any argv, parsed by clap with the tool's value
//! parsers, then every check that runs before work starts (the caps, flags
//! that do not apply, the output target, format and pixel count). None of
//! it may panic, whatever the bytes.
//!
//! Input: the arguments after the program name, separated by NUL bytes, as
//! raw bytes (so arguments that are not UTF-8 are fuzzed too).

#![no_main]

use clap::Parser;
use libfuzzer_sys::fuzz_target;
use numdiff_plot::cli::{caps, usage, Cli, OutputArgs};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

fuzz_target!(|data: &[u8]| {
    let args: Vec<OsString> = std::iter::once(OsStr::new("numdiff-plot"))
        .chain(data.split(|&b| b == 0).map(OsStr::from_bytes))
        .map(OsStr::to_os_string)
        .collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(e) => {
            // main prints clap's message as one line.
            let line = usage::one_line(&e, &args);
            assert!(!line.contains('\n'), "{line}");
            return;
        }
    };
    let _ = caps::check(&cli);
    let out: Option<&OutputArgs> = cli.command.output();
    if let Some(out) = out {
        let target = out.target("figure.png");
        if let Ok(format) = out.format(&target) {
            let _ = caps::check_pixels(out, format);
        }
        let view = out.view();
        if let (Some((a, b)), _) | (_, Some((a, b))) = (view.xlim, view.ylim) {
            assert!(a < b && a.is_finite() && b.is_finite(), "limits {a},{b}");
        }
        assert!(out.scale > 0.0 && out.scale <= 4.0);
        let px = out.pixels();
        assert!(px.width >= 1 && px.height >= 1);
    }
});
