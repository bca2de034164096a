//! A small HTTP/1.1 server on 127.0.0.1 for the download tests: a canned
//! reply for each path, one reply per connection, then the connection is
//! closed. It stops when dropped, and by itself after a minute at most.
//! [`SmallSet`] is what a mirror of the small MNIST-like set serves.

use super::idx::{gzip, small_set};
use numdiff_plot::data::checksum::sha256_hex;
use numdiff_plot::data::mnist::FILES;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The longest a server or one of its connections lives.
const LIFETIME: Duration = Duration::from_secs(60);

/// What the server answers for one path.
#[derive(Clone)]
pub enum Reply {
    /// 200 with the body and its true Content-Length.
    Body(Vec<u8>),
    /// An error status with a short text body.
    Status(u16),
    /// 200 with a Content-Length of `declared`, but only `body` sent before
    /// the connection closes.
    Truncated { body: Vec<u8>, declared: usize },
    /// Reads the request and never answers.
    Hang,
}

pub struct Server {
    /// The base URL to use as a mirror: `http://127.0.0.1:PORT/mnist/`.
    pub base: String,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `routes`, file names under `/mnist/`; any other path is a 404.
    pub fn start(routes: &[(&str, Reply)]) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}/mnist/", listener.local_addr().unwrap());
        let routes: Arc<HashMap<String, Reply>> = Arc::new(
            routes
                .iter()
                .map(|(name, reply)| (format!("/mnist/{name}"), reply.clone()))
                .collect(),
        );
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        listener.set_nonblocking(true).unwrap();
        let thread = {
            let (requests, stop) = (requests.clone(), stop.clone());
            std::thread::spawn(move || {
                let started = Instant::now();
                while !stop.load(Ordering::Relaxed) && started.elapsed() < LIFETIME {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let (routes, requests, stop) =
                                (routes.clone(), requests.clone(), stop.clone());
                            std::thread::spawn(move || answer(stream, &routes, &requests, &stop));
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(2)),
                    }
                }
            })
        };
        Server {
            base,
            requests,
            stop,
            thread: Some(thread),
        }
    }

    /// The paths requested so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The small set ([`small_set`]) as a mirror serves it: its four files
/// gzip-compressed, and the SHA-256 of each decompressed file (what a
/// download checks).
pub struct SmallSet {
    pub gz: Vec<Vec<u8>>,
    pub sha: Vec<String>,
}

impl SmallSet {
    pub fn new() -> SmallSet {
        let plain = small_set();
        SmallSet {
            gz: plain.iter().map(|b| gzip(b)).collect(),
            sha: plain.iter().map(|b| sha256_hex(&b[..]).unwrap()).collect(),
        }
    }

    /// Each file name with its SHA-256, as the download options take them.
    pub fn table(&self) -> Vec<(&'static str, &str)> {
        FILES
            .iter()
            .copied()
            .zip(self.sha.iter().map(String::as_str))
            .collect()
    }

    /// A route for each file, serving it intact.
    pub fn routes(&self) -> Vec<(&'static str, Reply)> {
        FILES
            .iter()
            .copied()
            .zip(self.gz.iter().map(|b| Reply::Body(b.clone())))
            .collect()
    }
}

/// A base URL where nothing listens: a port bound, then let go.
pub fn refused_base() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    format!("http://{addr}/mnist/")
}

fn answer(
    mut stream: TcpStream,
    routes: &HashMap<String, Reply>,
    requests: &Mutex<Vec<String>>,
    stop: &AtomicBool,
) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let Some(path) = request_path(&mut stream) else {
        return;
    };
    requests.lock().unwrap().push(path.clone());
    let reply = routes.get(&path).cloned().unwrap_or(Reply::Status(404));
    let head = |status: &str, length: usize| {
        format!("HTTP/1.1 {status}\r\nContent-Length: {length}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n")
    };
    let _ = match reply {
        Reply::Body(body) => stream
            .write_all(head("200 OK", body.len()).as_bytes())
            .and_then(|_| stream.write_all(&body)),
        Reply::Status(code) => {
            let body = format!("status {code}\n");
            stream
                .write_all(head(&format!("{code} Canned"), body.len()).as_bytes())
                .and_then(|_| stream.write_all(body.as_bytes()))
        }
        Reply::Truncated { body, declared } => stream
            .write_all(head("200 OK", declared).as_bytes())
            .and_then(|_| stream.write_all(&body)),
        Reply::Hang => {
            let started = Instant::now();
            while !stop.load(Ordering::Relaxed) && started.elapsed() < LIFETIME {
                std::thread::sleep(Duration::from_millis(10));
            }
            Ok(())
        }
    };
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Both);
}

/// The path of a `GET` request, read up to the blank line that ends its head.
fn request_path(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16384 {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return None,
        }
    }
    let text = String::from_utf8_lossy(&head);
    let mut words = text.lines().next()?.split(' ');
    match (words.next(), words.next()) {
        (Some("GET"), Some(path)) => Some(path.to_string()),
        _ => None,
    }
}
