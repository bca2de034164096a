//! `numdiff-plot serve --port 0` as a child process, and raw HTTP/1.1
//! requests to it: the server is killed when the [`Served`] is dropped.

use super::BIN;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::Duration;

/// A running `numdiff-plot serve`.
pub struct Served {
    pub child: Child,
    /// `127.0.0.1:PORT`.
    pub address: String,
    /// The rest of its stdout, after the line that gives the URL.
    pub stdout: BufReader<ChildStdout>,
}

/// A response: status, headers (names lowercased) and body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    /// The header `name` (lowercase), if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {} {}", self.status, self.body))
    }

    /// The `error` of a JSON error body.
    pub fn error(&self) -> String {
        self.json()["error"]
            .as_str()
            .expect("an error message")
            .to_string()
    }
}

impl Served {
    /// Starts `numdiff-plot serve --port 0 ARGS` and reads the address
    /// from its first line.
    pub fn start(args: &[&str]) -> Served {
        let mut child = Command::new(BIN)
            .args(["serve", "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts");
        let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("a first line");
        let address = line
            .strip_prefix("serving chapter 4 at http://")
            .and_then(|rest| rest.strip_suffix("/ (Ctrl-C to stop)\n"))
            .unwrap_or_else(|| panic!("the URL line: {line:?}"))
            .to_string();
        Served {
            child,
            address,
            stdout,
        }
    }

    /// GET `target` with this server's Host.
    pub fn get(&self, target: &str) -> Reply {
        self.request(&format!(
            "GET {target} HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.address
        ))
    }

    /// Sends `raw` as the whole request and reads the whole response.
    pub fn request(&self, raw: &str) -> Reply {
        let mut stream = self.connect();
        stream
            .write_all(raw.as_bytes())
            .expect("the request is sent");
        let mut bytes = Vec::new();
        stream
            .read_to_end(&mut bytes)
            .expect("the response is read");
        parse(&bytes)
    }

    /// A connection to the server, with a read timeout of a minute.
    pub fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(&self.address).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        stream
    }

    /// GET `target` and read the head of a stream of events: the status
    /// and the reader positioned at the first event.
    pub fn events(&self, target: &str) -> (u16, Events) {
        let mut stream = self.connect();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.address
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let status = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        while line != "\r\n" && !line.is_empty() {
            line.clear();
            reader.read_line(&mut line).unwrap();
        }
        (status, Events(reader))
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Server-sent events as they arrive.
pub struct Events(pub BufReader<TcpStream>);

impl Iterator for Events {
    /// (event name, data as JSON).
    type Item = (String, serde_json::Value);

    fn next(&mut self) -> Option<Self::Item> {
        let (mut name, mut data) = (String::new(), String::new());
        loop {
            let mut line = String::new();
            if self.0.read_line(&mut line).ok()? == 0 {
                return None;
            }
            let line = line.trim_end_matches('\n');
            if line.is_empty() {
                let data = serde_json::from_str(&data).expect("each event's data is JSON");
                return Some((name, data));
            }
            if let Some(v) = line.strip_prefix("event: ") {
                name = v.to_string();
            } else if let Some(v) = line.strip_prefix("data: ") {
                data = v.to_string();
            }
        }
    }
}

fn parse(bytes: &[u8]) -> Reply {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(n, v)| (n.to_ascii_lowercase(), v.to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}
