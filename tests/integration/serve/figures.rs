//! `/api/figures` and `/api/figure/NAME`: the panels in the book's order,
//! and each figure's SVG, report and JSON the same as the command line's.

use crate::util::serve::Served;
use crate::util::{json, succeeds};

#[test]
fn the_panels_list_every_figure_in_the_book_s_order_with_its_controls() {
    let server = Served::start(&["--data", "/nonexistent"]);
    let reply = server.get("/api/figures");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let list = reply.json();
    let panels = list["panels"].as_array().unwrap();
    let names: Vec<&str> = panels.iter().map(|p| p["name"].as_str().unwrap()).collect();
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
    let figures: Vec<&str> = panels
        .iter()
        .map(|p| p["figure"].as_str().unwrap())
        .collect();
    assert_eq!(
        figures,
        ["4-3", "4-4", "4-7", "4-8", "4-9", "4-10", "", "", "4-11"]
    );
    let descent = &panels[5];
    let lr = &descent["controls"][1];
    assert_eq!(lr["flag"], "--lr");
    assert_eq!(lr["default"], "0.1");
    assert_eq!(
        lr["slider"],
        serde_json::json!({"min": 1e-10, "max": 10.0, "log": true})
    );
    let flags: Vec<&str> = descent["controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["flag"].as_str().unwrap())
        .collect();
    for left_out in ["--output", "--format", "--json", "--quiet"] {
        assert!(!flags.contains(&left_out), "{left_out} in {flags:?}");
    }
    assert_eq!(
        (panels[8]["data"].as_bool(), panels[8]["data_hint"].as_str()),
        (Some(false), Some("numdiff-plot data download"))
    );
}

#[test]
fn every_panel_s_figure_is_the_command_line_s_svg_report_and_json() {
    let server = Served::start(&[]);
    let work = tempfile::tempdir().unwrap();
    for name in [
        "loss",
        "sigmoid",
        "tangent",
        "surface",
        "quiver",
        "descent",
        "simplenet",
        "error",
    ] {
        let reply = server.get(&format!("/api/figure/{name}"));
        assert_eq!(reply.status, 200, "{name}: {}", reply.body);
        let answer = reply.json();
        assert_eq!(answer["command"], format!("numdiff-plot {name}"));
        let (report, _) = succeeds(work.path(), &[name, "-o", "figure.svg"]);
        assert_eq!(answer["report"], report, "{name}");
        let svg = std::fs::read_to_string(work.path().join("figure.svg")).unwrap();
        assert_eq!(answer["svg"], svg, "{name}: the SVG -o x.svg writes");
        assert_eq!(answer["data"], json(work.path(), &[name]), "{name}: --json");
    }
}

#[test]
fn descent_at_the_book_s_learning_rate_of_10_diverges_as_its_command_says() {
    let server = Served::start(&[]);
    let reply = server.get("/api/figure/descent?lr=10&steps=20");
    assert_eq!(reply.status, 200, "{}", reply.body);
    let answer = reply.json();
    let command = answer["command"].as_str().unwrap();
    assert_eq!(command, "numdiff-plot descent --lr 10 --steps 20");
    let work = tempfile::tempdir().unwrap();
    let argv: Vec<&str> = command.split(' ').skip(1).collect();
    let cli = json(work.path(), &argv);
    assert_eq!(answer["data"], cli);
    // The book's diverging values (section 4.4.1), and the CLI's warning.
    let report = answer["report"].as_str().unwrap();
    assert!(
        report.contains(
            "final point after 20 steps of lr 10: [-25898374737328.363, -1295248616896.5398]"
        ),
        "{report}"
    );
    let warnings = answer["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0]
        .as_str()
        .unwrap()
        .starts_with("gradient descent diverged: f grew from 25"));
}

#[test]
fn repeated_flags_switches_and_quoted_values_make_the_command_line() {
    let server = Served::start(&[]);
    let reply = server.get("/api/figure/quiver?at=3,4&at=0,2&f=x0%5E2+%2B+2*x1%5E2");
    assert_eq!(reply.status, 200, "{}", reply.body);
    let answer = reply.json();
    assert_eq!(
        answer["command"],
        "numdiff-plot quiver --at 3,4 --at 0,2 --f 'x0^2 + 2*x1^2'"
    );
    let work = tempfile::tempdir().unwrap();
    let cli = json(
        work.path(),
        &[
            "quiver",
            "--at",
            "3,4",
            "--at",
            "0,2",
            "--f",
            "x0^2 + 2*x1^2",
        ],
    );
    assert_eq!(answer["data"], cli);
    let tangent = server.get("/api/figure/tangent?no-tangent=true").json();
    assert_eq!(tangent["command"], "numdiff-plot tangent --no-tangent");
    assert_eq!(tangent["data"]["output"], "function_1.png");
    let off = server.get("/api/figure/tangent?no-tangent=false").json();
    assert_eq!(off["command"], "numdiff-plot tangent");
}

#[test]
fn each_class_of_bad_input_is_the_cli_s_one_line_with_400() {
    let server = Served::start(&[]);
    let work = tempfile::tempdir().unwrap();
    for (query, args) in [
        ("lr=abc", vec!["descent", "--lr", "abc"]),
        ("bogus=1", vec!["descent", "--bogus", "1"]),
        ("steps=100001", vec!["descent", "--steps", "100001"]),
        ("f=x0%5E", vec!["descent", "--f", "x0^"]),
        ("lr=1&lr=2", vec!["descent", "--lr", "1", "--lr", "2"]),
        ("size=20000x10", vec!["descent", "--size", "20000x10"]),
    ] {
        let reply = server.get(&format!("/api/figure/descent?{query}"));
        assert_eq!(reply.status, 400, "{query}: {}", reply.body);
        let (code, _, stderr) = crate::util::run(work.path(), &args);
        assert_eq!(code, Some(2), "{args:?}");
        assert_eq!(format!("error: {}\n", reply.error()), stderr, "{query}");
    }
    for (target, status, message) in [
        ("/api/figure/descent?output=x.png", 400, "--output is not available on the page; the command line has it"),
        ("/api/figure/descent?no-such=true&LR=1", 400, "'LR' is not a flag's name: the query's keys are long flag names without --, like lr"),
        ("/api/figure/descent?lr=%zz", 400, "the query has a % not followed by two hex digits"),
        ("/api/figure/tangent?no-tangent=yes", 400, "--no-tangent: expected true or false"),
        ("/api/figure/backprop", 404, "no figure named 'backprop'; the figures are loss, sigmoid, tangent, surface, quiver, descent, simplenet, error"),
        ("/nothing", 404, "no such path: /nothing; the page is at /"),
    ] {
        let reply = server.get(target);
        assert_eq!((reply.status, reply.error().as_str()), (status, message), "{target}");
    }
}

#[test]
fn the_page_s_files_are_served_with_their_types() {
    let server = Served::start(&[]);
    for (path, content_type, file) in [
        ("/", "text/html; charset=utf-8", "index.html"),
        ("/app.js", "text/javascript; charset=utf-8", "app.js"),
        ("/app.css", "text/css; charset=utf-8", "app.css"),
    ] {
        let reply = server.get(path);
        assert_eq!(
            (reply.status, reply.header("content-type")),
            (200, Some(content_type)),
            "{path}"
        );
        let on_disk = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("src/serve/page")
                .join(file),
        )
        .unwrap();
        assert_eq!(reply.body, on_disk, "{path}");
    }
}
