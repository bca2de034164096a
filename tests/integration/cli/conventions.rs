//! What people expect of a command-line tool: `-o -`, completions, a
//! manual page, help with examples, --version, --quiet, and the view flags
//! --title, --xlim, --ylim and --scale.

use crate::util::*;

use std::process::Command;

#[test]
fn dash_writes_the_figure_to_stdout_and_the_text_to_stderr() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["quiver", "-o", "q.png"]);
    let (code, stdout, stderr) = run(dir.path(), &["quiver", "-o", "-"]);
    assert_eq!(code, Some(0));
    assert_eq!(stdout, std::fs::read(dir.path().join("q.png")).unwrap());
    assert_eq!(
        stderr,
        "gradient at [3, 4]: [6.00000000000378, 7.999999999999119]\n\
         gradient at [0, 2]: [0, 4.000000000004]\n\
         gradient at [3, 0]: [6.000000000012662, 0]\n"
    );
    let (code, stdout, stderr) = run(dir.path(), &["quiver", "-o", "-", "--format", "svg", "-q"]);
    assert_eq!((code, stderr.as_str()), (Some(0), ""));
    assert!(stdout.starts_with(b"<svg width=\"640\" height=\"480\""));
    assert_eq!(listing(dir.path()), ["q.png"], "nothing else written");
}

#[test]
fn completions_for_each_shell_name_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, start, mention) in [
        ("bash", "_numdiff__plot() {", "complete -F _numdiff__plot"),
        (
            "zsh",
            "#compdef numdiff-plot",
            "'--xlim=[The horizontal axis",
        ),
        (
            "fish",
            "# Print an optspec",
            "complete -c numdiff-plot -n \"__fish_numdiff_plot_using_subcommand descent\" -l lr",
        ),
        (
            "powershell",
            "\nusing namespace System.Management.Automation",
            "Register-ArgumentCompleter -Native -CommandName 'numdiff-plot'",
        ),
    ] {
        let script = ok(dir.path(), &["completions", shell]);
        assert!(script.starts_with(start), "{shell}: {:.80}", script);
        assert!(script.contains(mention), "{shell}");
        for sub in [
            "tangent",
            "surface",
            "quiver",
            "descent",
            "simplenet",
            "loss",
            "sigmoid",
            "diff",
            "error",
            "all",
            "man",
        ] {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
    }
    let err = fails(dir.path(), &["completions", "tcsh"], 2);
    // clap knows the shells, so the message lists them.
    assert_eq!(
        err,
        "error: invalid value 'tcsh' for '<SHELL>': \
         expected one of bash, elvish, fish, powershell, zsh; did you mean 'zsh'?\n"
    );
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn man_prints_one_page_with_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let page = ok(dir.path(), &["man"]);
    let version = env!("CARGO_PKG_VERSION");
    assert!(page.starts_with(".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n"));
    assert_eq!(page.matches(".ie \\n(.g").count(), 1, "one preamble");
    assert!(page.contains(&format!(".TH numdiff-plot 1  \"numdiff-plot {version}\"")));
    let sections: Vec<&str> = page.lines().filter(|l| l.starts_with(".SH ")).collect();
    assert_eq!(
        sections,
        [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH SUBCOMMANDS",
            ".SH \"NUMDIFF-PLOT TANGENT\"",
            ".SH \"NUMDIFF-PLOT SURFACE\"",
            ".SH \"NUMDIFF-PLOT QUIVER\"",
            ".SH \"NUMDIFF-PLOT DESCENT\"",
            ".SH \"NUMDIFF-PLOT SIMPLENET\"",
            ".SH \"NUMDIFF-PLOT LOSS\"",
            ".SH \"NUMDIFF-PLOT SIGMOID\"",
            ".SH \"NUMDIFF-PLOT DIFF\"",
            ".SH \"NUMDIFF-PLOT ERROR\"",
            ".SH \"NUMDIFF-PLOT TRAIN\"",
            ".SH \"NUMDIFF-PLOT GRADCHECK\"",
            ".SH \"NUMDIFF-PLOT DATA\"",
            ".SH \"NUMDIFF-PLOT DATA DOWNLOAD\"",
            ".SH \"NUMDIFF-PLOT DATA VERIFY\"",
            ".SH \"NUMDIFF-PLOT DATA PATH\"",
            ".SH \"NUMDIFF-PLOT SERVE\"",
            ".SH \"NUMDIFF-PLOT ALL\"",
            ".SH \"NUMDIFF-PLOT COMPLETIONS\"",
            ".SH \"NUMDIFF-PLOT MAN\"",
            ".SH \"EXIT STATUS\"",
            ".SH VERSION",
        ]
    );
    assert!(page
        .contains("\\fB\\-\\-lr\\fR \\fI<LR>\\fR [default: 0.1]\nLearning rate, greater than 0\n"));
    assert!(page.contains("0 success, 1 runtime failure (I/O and the like), 2 bad usage."));
    assert!(!page.contains("(1)\n"), "no pages that do not exist");
}

#[test]
fn help_shows_an_example_for_every_subcommand_and_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let help = ok(dir.path(), &["--help"]);
    assert!(
        help.contains(
            "Exit status: 0 success, 1 runtime failure (such as a write error), 2 bad usage."
        ),
        "{help}"
    );
    for sub in [
        "tangent",
        "surface",
        "quiver",
        "descent",
        "simplenet",
        "loss",
        "sigmoid",
        "diff",
        "error",
        "train",
        "data",
        "all",
        "completions",
        "man",
    ] {
        let help = ok(dir.path(), &[sub, "--help"]);
        let example = help.lines().last().unwrap();
        assert!(
            example.starts_with(&format!("Example: numdiff-plot {sub}")),
            "{sub}: {example}"
        );
    }
    assert_eq!(
        ok(dir.path(), &["--version"]),
        format!("numdiff-plot {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert!(listing(dir.path()).is_empty());
}

#[test]
fn quiet_silences_the_report_but_not_json_warnings_or_errors() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(ok(dir.path(), &["tangent", "-q"]), "");
    assert_eq!(png_size(&dir.path().join("gradient_1d.png")), (640, 480));
    assert_eq!(ok(dir.path(), &["all", "--quiet", "-o", "figs"]), "");
    assert_eq!(listing(&dir.path().join("figs")).len(), 11);
    let v = json(dir.path(), &["tangent", "--quiet", "-o", "t.svg"]);
    assert_eq!(v["figure"], "tangent");
    let (code, stdout, stderr) = run(dir.path(), &["descent", "--lr", "10", "--quiet"]);
    assert_eq!(code, Some(0));
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with("warning: gradient descent diverged"),
        "{stderr}"
    );
    let err = fails(dir.path(), &["tangent", "--quiet", "-o", "x.gif"], 2);
    assert_eq!(
        err,
        "error: --output x.gif: unsupported format; the file name must end in .png, .svg or .pdf\n"
    );
}

#[test]
fn scale_multiplies_the_pixels_of_the_same_figure() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["descent", "--scale", "2", "-o", "d2.png"]);
    assert_eq!(png_size(&dir.path().join("d2.png")), (1280, 960));
    ok(
        dir.path(),
        &[
            "descent", "--scale", "0.5", "-o", "d05.png", "--size", "300x201",
        ],
    );
    assert_eq!(png_size(&dir.path().join("d05.png")), (150, 101));
    // The SVG is the same drawing, shown twice as large.
    ok(dir.path(), &["descent", "--svg-text", "-o", "d1.svg"]);
    ok(
        dir.path(),
        &["descent", "--svg-text", "--scale", "2", "-o", "d2.svg"],
    );
    let read = |f: &str| std::fs::read_to_string(dir.path().join(f)).unwrap();
    assert_eq!(
        read("d2.svg"),
        read("d1.svg").replacen(
            r#"<svg width="640" height="480""#,
            r#"<svg width="1280" height="960""#,
            1
        )
    );
    let v = json(dir.path(), &["descent", "--scale", "2", "-o", "d3.png"]);
    assert_eq!(v["scale"], 2.0);
    assert_eq!(v["size"]["width"], 640);
}

#[test]
fn title_and_limits_change_the_drawing_not_the_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let plain = json(dir.path(), &["tangent", "--svg-text", "-o", "plain.svg"]);
    let viewed = json(
        dir.path(),
        &[
            "tangent",
            "--svg-text",
            "-o",
            "viewed.svg",
            "--title",
            "Tangent <at> 5 & more",
            "--xlim",
            "0,10",
            "--ylim=-1,3",
        ],
    );
    for key in ["x", "y", "tangents"] {
        assert_eq!(plain[key], viewed[key], "{key}");
    }
    let read = |f: &str| std::fs::read_to_string(dir.path().join(f)).unwrap();
    let (plain, viewed) = (texts(&read("plain.svg")), texts(&read("viewed.svg")));
    // x ticks, y ticks, axis labels, then the title.
    assert_eq!(
        plain,
        [
            "0.0", "2.5", "5.0", "7.5", "10.0", "12.5", "15.0", "17.5", "20.0", "0", "1", "2", "3",
            "4", "5", "6", "x", "f(x)"
        ]
    );
    assert_eq!(
        viewed,
        [
            "0",
            "2",
            "4",
            "6",
            "8",
            "10",
            "\u{2212}1.0",
            "\u{2212}0.5",
            "0.0",
            "0.5",
            "1.0",
            "1.5",
            "2.0",
            "2.5",
            "3.0",
            "x",
            "f(x)",
            "Tangent <at> 5 & more"
        ]
    );
    // The title is escaped in the SVG.
    assert!(read("viewed.svg").contains(">\nTangent &lt;at&gt; 5 &amp; more\n</text>"));
}

#[test]
fn each_figure_takes_a_title_and_the_view_flags_where_they_apply() {
    let dir = tempfile::tempdir().unwrap();
    for (sub, limits) in [
        ("tangent", true),
        ("surface", true),
        ("quiver", true),
        ("descent", true),
        ("simplenet", false),
        ("loss", true),
        ("sigmoid", true),
    ] {
        let file = format!("{sub}.svg");
        let mut args = vec![sub, "-q", "--svg-text", "-o", &file, "--title", "My figure"];
        if limits {
            args.extend(["--xlim=-1,1", "--ylim=-1,1"]);
        }
        ok(dir.path(), &args);
        let svg = std::fs::read_to_string(dir.path().join(&file)).unwrap();
        assert_eq!(
            texts(&svg).iter().filter(|t| *t == "My figure").count(),
            1,
            "{sub}"
        );
    }
}

/// A named pipe (like a device: /dev/stdout, /dev/full) is written into;
/// renaming a file over it would destroy it.
#[test]
fn a_pipe_is_written_into_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.png");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    ok(dir.path(), &["tangent", "-q", "-o", "pipe.png"]);
    ok(dir.path(), &["tangent", "-q", "-o", "t.png"]);
    assert_eq!(
        reader.join().unwrap(),
        std::fs::read(dir.path().join("t.png")).unwrap()
    );
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
}

/// A symbolic link stays a link; the figure replaces the file it points to.
#[test]
fn a_symlink_stays_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    std::fs::write(dir.path().join("real/t.png"), b"old").unwrap();
    std::os::unix::fs::symlink("real/t.png", dir.path().join("link.png")).unwrap();
    ok(dir.path(), &["tangent", "-q", "-o", "link.png"]);
    assert!(std::fs::symlink_metadata(dir.path().join("link.png"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(png_size(&dir.path().join("real/t.png")), (640, 480));
    assert_eq!(listing(&dir.path().join("real")), ["t.png"]);
}
