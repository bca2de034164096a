//! `numdiff-plot serve`: the chapter as a page, every figure live as its
//! controls move, training streamed as it learns.
//!
//! - [`http`]: one GET request per connection on `std::net`, its head
//!   parsed by `httparse` within fixed limits, responses with the security
//!   headers;
//! - [`figures`]: the panels (`/api/figures`) read from the CLI's clap
//!   declarations, and a figure (`/api/figure/NAME`) drawn by parsing the
//!   query as the subcommand's command line with the CLI's parser and caps;
//! - [`controls`]: what clap does not know of a control (its kind, the
//!   sliders' ranges);
//! - [`train`]: `/api/train`, server-sent events of `train`'s loop;
//! - [`pool`]: the bound on figures drawn at once, and the queue;
//! - [`query`]: the query as a command line, and that line for a shell.
//!
//! Safe by default: it listens on 127.0.0.1, answers only requests whose
//! `Host` is its own address (a page of another site, resolved to
//! 127.0.0.1 by DNS rebinding, is refused), sends no CORS headers, reads
//! no file but MNIST and writes none.

pub mod controls;
pub mod figures;
pub mod http;
pub mod pool;
pub mod query;
pub mod train;

use crate::cli::ServeArgs;
use crate::error::Error;
use crate::output::escape_controls;
use anyhow::Result;
use http::{Request, Response};
use pool::Pool;
use std::cell::{Cell, RefCell};
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

/// The page, embedded: no file is read to serve it.
const PAGE: [(&str, &str, &str); 3] = [
    (
        "/",
        "text/html; charset=utf-8",
        include_str!("page/index.html"),
    ),
    (
        "/app.js",
        "text/javascript; charset=utf-8",
        include_str!("page/app.js"),
    ),
    (
        "/app.css",
        "text/css; charset=utf-8",
        include_str!("page/app.css"),
    ),
];

/// The most connections open at once; one more is answered 503 at once.
pub const MAX_CONNECTIONS: usize = 64;
/// How long writing a response may take.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// A server bound to its address, ready to serve.
pub struct Server {
    listener: TcpListener,
    state: Arc<State>,
}

/// What every connection's thread shares.
struct State {
    /// The address the page is served at, `http://127.0.0.1:8000/`.
    url: String,
    address: SocketAddr,
    data: Option<PathBuf>,
    pool: Pool,
    training: train::Slot,
    connections: AtomicUsize,
}

impl Server {
    /// Listens on `host:port` (`port` 0: a free one), with `workers` figures
    /// drawn at once and `queue` more waiting; training finds MNIST in
    /// `data` (else where `train` looks).
    pub fn bind(
        host: IpAddr,
        port: u16,
        data: Option<PathBuf>,
        workers: usize,
        queue: usize,
    ) -> Result<Server, Error> {
        let listener = TcpListener::bind((host, port)).map_err(|e| {
            let shown = SocketAddr::new(host, port);
            Error::usage(match e.kind() {
                std::io::ErrorKind::AddrInUse => format!(
                    "--port {port}: {shown} is in use; choose another port, or --port 0 for any free one"
                ),
                _ => format!(
                    "--host {host} --port {port}: cannot listen on {shown}: {}",
                    crate::output::file::describe(&e)
                ),
            })
        })?;
        let address = listener
            .local_addr()
            .map_err(|e| Error::usage(format!("--port {port}: {e}")))?;
        install_panic_hook();
        Ok(Server {
            listener,
            state: Arc::new(State {
                url: format!("http://{}/", shown_address(address)),
                address,
                data,
                pool: Pool::new(workers, queue),
                training: train::Slot::default(),
                connections: AtomicUsize::new(0),
            }),
        })
    }

    /// The page's address, with the port taken.
    pub fn url(&self) -> &str {
        &self.state.url
    }

    /// Serves until the process ends: each connection on a thread of its
    /// own, at most [`MAX_CONNECTIONS`] at once.
    pub fn serve(self) {
        for stream in self.listener.incoming() {
            let Ok(stream) = stream else { continue };
            let state = Arc::clone(&self.state);
            if state.connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                state.connections.fetch_sub(1, Ordering::SeqCst);
                refuse_busy(stream);
                continue;
            }
            let spawned = std::thread::Builder::new()
                .name("serve-connection".into())
                .spawn(move || {
                    connection(&state, stream);
                    state.connections.fetch_sub(1, Ordering::SeqCst);
                });
            if spawned.is_err() {
                self.state.connections.fetch_sub(1, Ordering::SeqCst);
            }
        }
    }
}

/// `serve` as the binary runs it: binds, says where, opens the browser if
/// asked, and serves until Ctrl-C (exit status 0: nothing is ever left
/// half-written, since the server writes no file).
pub fn run(a: &ServeArgs) -> Result<()> {
    let server = Server::bind(
        a.host,
        a.port,
        a.data.dir.clone(),
        pool::WORKERS,
        pool::QUEUE,
    )?;
    if !a.host.is_loopback() {
        let _ = writeln!(
            std::io::stderr(),
            "warning: --host {}: not a loopback address; anyone on that network can use this server",
            a.host
        );
    }
    let _ = ctrlc::set_handler(|| std::process::exit(0));
    let mut stdout = std::io::stdout();
    writeln!(
        stdout,
        "serving chapter 4 at {} (Ctrl-C to stop)",
        server.url()
    )?;
    stdout.flush()?;
    if a.open {
        open_browser(server.url());
    }
    server.serve();
    Ok(())
}

/// The address as a URL names it: an unspecified one (listening on every
/// interface) as the loopback address of its family, IPv6 in brackets.
fn shown_address(address: SocketAddr) -> SocketAddr {
    let ip = match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, address.port())
}

/// Whether a `Host` header names this server: its own address, or the
/// loopback names (`localhost`, `127.0.0.1`, `[::1]`), with its port; when
/// it listens on every interface, any IP address with its port. A name
/// that is not one of these is another site's (DNS rebinding).
fn is_own_host(host: &str, address: SocketAddr) -> bool {
    let host = host.to_ascii_lowercase();
    let Some((name, port)) = host.rsplit_once(':') else {
        return false;
    };
    if port != address.port().to_string() {
        return false;
    }
    let ip: Option<IpAddr> = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .unwrap_or(name)
        .parse()
        .ok();
    match ip {
        None => name == "localhost",
        Some(ip) => ip.is_loopback() || ip == address.ip() || address.ip().is_unspecified(),
    }
}

/// One connection: its request read, checked and answered.
fn connection(state: &State, mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(http::READ_TIMEOUT));
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let _ = stream.set_nodelay(true);
    let request = match http::read_request(&mut stream) {
        None => return,
        Some(Err(refusal)) => return refusal.send(&mut stream),
        Some(Ok(request)) => request,
    };
    if let Some(refusal) = refused(state, &request) {
        return refusal.send(&mut stream);
    }
    let answered = catching_panics(&request, || route(state, &request, &mut stream));
    if let Some(response) = answered {
        response.send(&mut stream);
    }
}

/// The request refused before it is routed: a foreign `Host`, a method
/// other than GET, a body.
fn refused(state: &State, request: &Request) -> Option<Response> {
    let Some(host) = &request.host else {
        return Some(Response::error(400, "the request has no Host header"));
    };
    if !is_own_host(host, state.address) {
        return Some(Response::error(
            421,
            &format!(
                "Host '{}' is not this server's address; open {}",
                escape_controls(host),
                state.url
            ),
        ));
    }
    if request.method != "GET" {
        let mut response = Response::error(
            405,
            &format!("{}: only GET is served", escape_controls(&request.method)),
        );
        response.extra.push(("Allow", "GET".to_string()));
        return Some(response);
    }
    if request.has_body {
        return Some(Response::error(
            413,
            "a request may not have a body: the API is GET only",
        ));
    }
    None
}

/// The answer to a GET of `request`'s path, or `None` when the route has
/// answered on `stream` itself (a stream of events).
fn route(state: &State, request: &Request, stream: &mut TcpStream) -> Option<Response> {
    let path = request.path();
    if let Some((_, content_type, body)) = PAGE.iter().find(|(p, _, _)| *p == path) {
        return Some(Response::new(200, content_type, *body));
    }
    if let Some(name) = path.strip_prefix("/api/figure/") {
        let Some(_turn) = state.pool.enter() else {
            return Some(Response::error(
                503,
                "the server is busy; try again in a moment",
            ));
        };
        return Some(figures::figure(name, request.query()));
    }
    match path {
        "/api/figures" => Some(Response::json(200, &figures::list(state.data.as_deref()))),
        "/api/train" => train::stream(
            &state.training,
            state.data.as_deref(),
            request.query(),
            stream,
        ),
        "/api/train/stop" => Some(state.training.stop()),
        #[cfg(test)]
        "/api/test/panic" => panic!("a handler that panics, for the tests"),
        _ => Some(Response::error(
            404,
            &format!("no such path: {}; the page is at /", escape_controls(path)),
        )),
    }
}

thread_local! {
    /// Whether this thread is answering a request (its panics are caught).
    static ANSWERING: Cell<bool> = const { Cell::new(false) };
    /// The message of the last panic on this thread while answering.
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps the message of a panic in a request, for its 500; any other
/// panic goes to the hook that was there before.
fn install_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !ANSWERING.with(Cell::get) {
                return previous(info);
            }
            let line = crate::threads::panic_line(info);
            PANIC.with(|p| *p.borrow_mut() = Some(line));
        }));
    });
}

/// `answer()`, or, if it panics, that request's 500 with the panic's
/// message in one line (also on stderr); the server goes on.
fn catching_panics(
    request: &Request,
    answer: impl FnOnce() -> Option<Response>,
) -> Option<Response> {
    ANSWERING.with(|a| a.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(answer));
    ANSWERING.with(|a| a.set(false));
    result.unwrap_or_else(|_| {
        let message = PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default();
        let line = escape_controls(&format!(
            "internal error (a bug; please report it): {message}"
        ));
        let _ = writeln!(
            std::io::stderr(),
            "error: GET {}: {line}",
            escape_controls(request.path())
        );
        Some(Response::error(500, &line))
    })
}

/// 503 on a connection beyond [`MAX_CONNECTIONS`], without reading it.
fn refuse_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let response = Response::error(503, "the server has too many connections; try again");
    let mut bytes = response.head().into_bytes();
    bytes.extend_from_slice(&response.body);
    let _ = stream.write_all(&bytes);
}

/// Starts the user's browser on `url`; failing to is a warning.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let started = std::process::Command::new(program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match started {
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
        }
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "warning: --open: cannot start {program}: {}; open {url} yourself",
                crate::output::file::describe(&e)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn only_the_server_s_own_address_is_a_host() {
        let address: SocketAddr = "127.0.0.1:8000".parse().unwrap();
        for good in [
            "127.0.0.1:8000",
            "localhost:8000",
            "LOCALHOST:8000",
            "[::1]:8000",
        ] {
            assert!(is_own_host(good, address), "{good}");
        }
        for bad in [
            "evil.example:8000",
            "127.0.0.1:8001",
            "127.0.0.1",
            "localhost",
            "192.168.1.2:8000",
            "",
        ] {
            assert!(!is_own_host(bad, address), "{bad}");
        }
        let everywhere: SocketAddr = "0.0.0.0:80".parse().unwrap();
        assert!(is_own_host("192.168.1.2:80", everywhere));
        assert!(!is_own_host("evil.example:80", everywhere));
        assert_eq!(shown_address(everywhere).to_string(), "127.0.0.1:80");
    }

    /// A GET of `path` to a server of this process, the response as text.
    fn get(url: &str, path: &str) -> String {
        let address = url.trim_start_matches("http://").trim_end_matches('/');
        let mut stream = TcpStream::connect(address).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {address}\r\n\r\n").unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn a_panic_in_a_handler_is_that_request_s_500_and_the_server_goes_on() {
        let server = Server::bind(IpAddr::V4(Ipv4Addr::LOCALHOST), 0, None, 2, 4).unwrap();
        let url = server.url().to_string();
        std::thread::spawn(move || server.serve());
        let panicked = get(&url, "/api/test/panic");
        assert!(panicked.starts_with("HTTP/1.1 500 "), "{panicked}");
        assert!(
            panicked.contains(
                r#"{"error":"internal error (a bug; please report it): a handler that panics, for the tests at src/serve/mod.rs:"#
            ),
            "{panicked}"
        );
        let after = get(&url, "/api/figure/loss");
        assert!(after.starts_with("HTTP/1.1 200 OK\r\n"), "{after}");
    }
}
