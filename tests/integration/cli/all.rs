//! `all` and `all --check`, and the committed figures.

use crate::util::*;

/// The files `all` writes, sorted: the figures' own `FILE` names.
fn book_figures() -> Vec<&'static str> {
    let mut files: Vec<&str> = numdiff_plot::figure::book_figures()
        .into_iter()
        .map(|(file, _)| file)
        .collect();
    files.sort();
    files
}

#[test]
fn all_writes_the_eleven_figures_and_check_accepts_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["all", "-o", "figs"]);
    // In the book's order: Figures 4-3 to 4-6, 4-7 (two), 4-8 to 4-10,
    // simpleNet's gradient, then the error figure.
    let order: Vec<&str> = out
        .lines()
        .map(|l| l.trim_start_matches("wrote figs/"))
        .collect();
    assert_eq!(
        order,
        [
            "natural_log.png",
            "step_sigmoid.png",
            "tangent_secant.png",
            "function_1.png",
            "gradient_1d.png",
            "gradient_1d_x10.png",
            "multivariate_func.png",
            "gradient_2d.png",
            "gradient_method.png",
            "gradient_simplenet.png",
            "numdiff_error.png",
        ]
    );
    let files = book_figures();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(files, sorted, "the figures' own file names");
    assert_eq!(listing(&dir.path().join("figs")), files);
    for f in files {
        assert_eq!(png_size(&dir.path().join("figs").join(f)), (640, 480));
    }
    assert_eq!(
        ok(dir.path(), &["all", "--check", "-o", "figs"]),
        "figs is up to date: 11 figures checked\n"
    );
    assert_eq!(ok(dir.path(), &["all", "--check", "-q", "-o", "figs"]), "");
}

#[test]
fn check_names_each_figure_that_differs_or_is_missing_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["all", "-o", "figs"]);
    let figs = dir.path().join("figs");
    std::fs::write(figs.join("gradient_2d.png"), b"stale").unwrap();
    std::fs::remove_file(figs.join("gradient_method.png")).unwrap();
    let err = fails(dir.path(), &["all", "--check", "-o", "figs"], 1);
    assert!(err.contains("figs/gradient_2d.png differs"), "{err}");
    assert!(err.contains("figs/gradient_method.png is missing"), "{err}");
    assert!(!err.contains("gradient_1d.png"), "{err}");
    assert_eq!(err.lines().count(), 1);
    assert_eq!(
        std::fs::read(figs.join("gradient_2d.png")).unwrap(),
        b"stale"
    );
    assert!(!figs.join("gradient_method.png").exists());
}

#[test]
fn the_committed_figures_are_what_the_binary_generates() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    ok(root, &["all", "--check", "-o", "figures"]);
}

/// The subcommands that draw a figure: those with the shared output flags.
fn figure_commands() -> Vec<String> {
    use clap::CommandFactory;
    numdiff_plot::cli::Cli::command()
        .get_subcommands()
        .filter(|c| c.get_arguments().any(|a| a.get_id() == "size"))
        .map(|c| c.get_name().to_string())
        .collect()
}

/// Each figure subcommand run with no flags writes one file, under the
/// name `all` gives that figure, with the same bytes: the defaults of the
/// flags are the book's parameters `all` draws with.
#[test]
fn every_subcommand_with_no_flags_writes_what_all_writes() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["all", "-q", "-o", "figs"]);
    let mut seen = Vec::new();
    let figure_commands = figure_commands();
    assert_eq!(
        figure_commands,
        [
            "tangent",
            "surface",
            "quiver",
            "descent",
            "simplenet",
            "loss",
            "sigmoid",
            "error"
        ]
    );
    for sub in figure_commands.iter().map(String::as_str) {
        let work = dir.path().join(sub);
        std::fs::create_dir(&work).unwrap();
        ok(&work, &[sub, "-q"]);
        let written = listing(&work);
        assert_eq!(written.len(), 1, "{sub} wrote {written:?}");
        let file = &written[0];
        let from_all = std::fs::read(dir.path().join("figs").join(file))
            .unwrap_or_else(|_| panic!("{sub} wrote {file}, which all does not write"));
        assert!(
            std::fs::read(work.join(file)).unwrap() == from_all,
            "{sub} with no flags draws {file} differently from all"
        );
        seen.push(file.clone());
    }
    // The second tangent is `tangent --x 10` under its own name; the curve
    // alone and the secant are tangent's variants, each with its own file.
    let variants = [
        (
            &["--x", "10", "-o", "gradient_1d_x10.png"][..],
            "gradient_1d_x10.png",
        ),
        (&["--no-tangent"][..], "function_1.png"),
        (&["--secant", "5"][..], "tangent_secant.png"),
    ];
    for (flags, file) in variants {
        let work = dir.path().join(file);
        std::fs::create_dir(&work).unwrap();
        let args: Vec<&str> = ["tangent", "-q"].iter().chain(flags).copied().collect();
        ok(&work, &args);
        assert_eq!(listing(&work), [file], "{args:?}");
        assert!(
            std::fs::read(work.join(file)).unwrap()
                == std::fs::read(dir.path().join("figs").join(file)).unwrap(),
            "{args:?} draws {file} differently from all"
        );
        seen.push(file.to_string());
    }
    seen.sort();
    assert_eq!(seen, book_figures());
}
