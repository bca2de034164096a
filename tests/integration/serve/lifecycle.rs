//! Starting and stopping: the URL line, a port in use, a non-loopback
//! address's warning, Ctrl-C.

use crate::util::serve::Served;
use crate::util::BIN;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn ctrl_c_stops_the_server_at_once_with_status_0() {
    let mut server = Served::start(&[]);
    assert_eq!(server.get("/api/figures").status, 200);
    let pid = server.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "still running after SIGINT"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    let mut rest = String::new();
    server.stdout.read_to_string(&mut rest).unwrap();
    assert_eq!(rest, "", "nothing more on stdout");
}

#[test]
fn a_port_in_use_is_one_line_naming_port() {
    let server = Served::start(&[]);
    let port = server.address.rsplit_once(':').unwrap().1;
    let out = Command::new(BIN)
        .args(["serve", "--port", port])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "error: --port {port}: 127.0.0.1:{port} is in use; choose another port, or --port 0 for any free one\n"
        )
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_non_loopback_address_is_served_with_a_warning() {
    let mut server = Served::start(&["--host", "0.0.0.0"]);
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "{}",
        server.address
    );
    let mut stderr = server.child.stderr.take().unwrap();
    assert_eq!(server.get("/api/figures").status, 200);
    server.child.kill().unwrap();
    let mut text = String::new();
    stderr.read_to_string(&mut text).unwrap();
    assert_eq!(
        text,
        "warning: --host 0.0.0.0: not a loopback address; anyone on that network can use this server\n"
    );
}
