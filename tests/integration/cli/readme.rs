//! README.md and the guide (docs/guide.md) are tested: every
//! `$ numdiff-plot …` line in their code blocks is run and its output
//! (stderr, then stdout) compared with the lines shown under it (for MNIST, `--data ~/mnist`, on synthetic digits and in shape:
//! the numbers of a real run can be checked only against MNIST), and every
//! command of the figure gallery draws the committed figure of its row,
//! byte for byte.

use crate::util::*;

/// The documents whose commands are run: the README and the guide.
const DOCUMENTS: [&str; 2] = ["README.md", "docs/guide.md"];

fn document(name: &str) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(name)).expect(name)
}

fn readme() -> String {
    document("README.md")
}

/// A command line split as a shell splits it, for what README uses:
/// words, "double-quoted" and 'single-quoted' strings.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, ' ') => words.extend(word.take()),
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(quote.is_none(), "unclosed quote in {line}");
    words.extend(word);
    words
}

/// Each `$ numdiff-plot …` of a fenced block, with the lines shown under it.
fn shown_commands(text: &str) -> Vec<(String, String)> {
    let mut commands: Vec<(String, String)> = Vec::new();
    let mut in_block = false;
    let mut current: Option<usize> = None;
    for line in text.lines() {
        if line.starts_with("```") {
            in_block = !in_block;
            current = None;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            commands.push((command.to_string(), String::new()));
            current = Some(commands.len() - 1);
        } else if let Some(i) = current {
            commands[i].1 += line;
            commands[i].1.push('\n');
        }
    }
    commands
}

#[test]
fn every_command_shown_prints_what_is_shown() {
    let commands: Vec<(&str, String, String)> = DOCUMENTS
        .iter()
        .flat_map(|name| {
            let commands = shown_commands(&document(name));
            commands.into_iter().map(move |(c, s)| (*name, c, s))
        })
        .collect();
    assert!(commands.len() >= 20, "only {} commands", commands.len());
    let mut on_mnist = 0;
    for (name, line, shown) in &commands {
        let args = words(line);
        assert_eq!(args[0], "numdiff-plot", "{line}");
        let dir = tempfile::tempdir().unwrap();
        // MNIST (`--data ~/mnist`) is replaced by synthetic digits: the
        // numbers differ, so the output is compared in shape.
        let real = line.contains("--data ~/mnist");
        let mnist = real.then(|| synthetic_data_dir(1000, 200));
        let args: Vec<&str> = args[1..]
            .iter()
            .map(|a| match (a.as_str(), &mnist) {
                ("~/mnist", Some(mnist)) => mnist.path().to_str().unwrap(),
                (a, _) => a,
            })
            .collect();
        let (_, stdout, stderr) = run(dir.path(), &args);
        let printed = stderr + &String::from_utf8(stdout).unwrap();
        let (printed, shown) = match real {
            true => (shape(&printed), shape(shown)),
            false => (printed, shown.clone()),
        };
        assert_eq!(
            printed, shown,
            "{name} shows `{line}` printing something else"
        );
        on_mnist += usize::from(real);
    }
    assert!(on_mnist >= 2, "train on MNIST is shown and tested");
    for must in [
        "numdiff-plot loss",
        "numdiff-plot tangent",
        "numdiff-plot quiver",
        "numdiff-plot simplenet",
    ] {
        assert!(commands.iter().any(|(_, c, _)| c == must), "{must}");
    }
}

/// `text` with each number written as `#`: what output on MNIST and on
/// synthetic digits have in common.
fn shape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_ascii_digit() {
            out.push(c);
            continue;
        }
        out.push('#');
        let mut exponent = false;
        while let Some(&next) = chars.peek() {
            let after_e = exponent && matches!(next, '+' | '-');
            exponent = next == 'e';
            if !(next.is_ascii_digit() || next == '.' || exponent || after_e) {
                break;
            }
            chars.next();
        }
    }
    out
}

#[test]
fn a_shape_keeps_the_text_and_marks_the_numbers() {
    assert_eq!(
        shape("train acc, test acc | 0.09915, 0.1009\n1 iteration in 0.05 s, 1e-10, ln 10"),
        "train acc, test acc | #, #\n# iteration in # s, #, ln #"
    );
}

/// Where the README's images are: absolute, so that they show on crates.io
/// and PyPI too.
const FIGURES_URL: &str =
    "https://raw.githubusercontent.com/numdiff-plot/numdiff-plot/main/figures/";

/// The gallery's rows: the figure's file and the command that draws it.
fn gallery(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|row| {
            let file = row.strip_prefix("| ![](")?.strip_prefix(FIGURES_URL)?;
            let file = &file[..file.find(')')?];
            let command = row.rsplit('|').nth(1)?.trim().trim_matches('`');
            Some((file.to_string(), command.to_string()))
        })
        .collect()
}

#[test]
fn every_gallery_command_draws_its_committed_figure() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let rows = gallery(&readme());
    let mut files: Vec<&str> = rows.iter().map(|(f, _)| f.as_str()).collect();
    files.sort();
    let mut all: Vec<&str> = numdiff_plot::figure::book_figures()
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    all.sort();
    assert_eq!(files, all, "the gallery shows every figure all draws");
    for (file, command) in &rows {
        let dir = tempfile::tempdir().unwrap();
        let args = words(command);
        assert_eq!(args[0], "numdiff-plot", "{command}");
        let mut args: Vec<&str> = args[1..].iter().map(String::as_str).collect();
        args.push("-q");
        ok(dir.path(), &args);
        assert_eq!(listing(dir.path()), [file.as_str()], "{command}");
        assert!(
            std::fs::read(dir.path().join(file)).unwrap()
                == std::fs::read(root.join("figures").join(file)).unwrap(),
            "`{command}` does not draw figures/{file}"
        );
    }
}

#[test]
fn words_split_as_a_shell_splits_them() {
    assert_eq!(
        words(r#"numdiff-plot diff "x0^2 + x1^2" --at 3,4 --f 'a b'"#),
        [
            "numdiff-plot",
            "diff",
            "x0^2 + x1^2",
            "--at",
            "3,4",
            "--f",
            "a b"
        ]
    );
    assert_eq!(words(r#"x """#), ["x", ""]);
}

#[test]
fn the_readme_shows_undefined_exactly_as_it_is() {
    let readme = readme();
    let section = &readme[readme
        .find("### Undefined is an answer")
        .expect("the section")..];
    let start = section.find("```\n").expect("an example") + 4;
    let block = &section[start..start + section[start..].find("```").expect("its end")];
    let dir = tempfile::tempdir().unwrap();
    let mut commands = 0;
    for example in block.split("$ numdiff-plot ").skip(1) {
        let (line, shown) = example.split_once('\n').expect("a command line");
        let mut args = words(line);
        if args[0] == "tangent" {
            args.extend(["-o".to_string(), "t.svg".to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (out, err) = succeeds(dir.path(), &args);
        // As a terminal shows it: the warnings come first.
        assert_eq!(err + &out, shown, "{line}");
        commands += 1;
    }
    assert_eq!(commands, 2);
}
