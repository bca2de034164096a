//! HTTP/1.1 as far as the page needs it, on a plain `TcpStream`: one GET
//! request per connection (`Connection: close`), its head parsed by
//! `httparse` within [`MAX_HEAD`] bytes, no body, and the responses with
//! the security headers every one of them carries ([`SECURITY_HEADERS`]).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// The most bytes of a request's line and headers together.
pub const MAX_HEAD: usize = 16 * 1024;
/// The longest request target (path and query) accepted, in bytes.
pub const MAX_URL: usize = 8 * 1024;
/// The most header lines a request may have.
const MAX_HEADERS: usize = 64;
/// How long a client may take to send its request's head.
pub const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Sent with every response: the page may load only its own script, style
/// and images (SVG figures as `data:` URLs too) and connect only to this
/// server, may not be framed, and sends no referrer; browsers take no type
/// but the one declared.
pub const SECURITY_HEADERS: [(&str, &str); 3] = [
    (
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
         connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
];

/// A request's method, target and the one header the server reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path and query as sent, e.g. `/api/figure/descent?lr=10`.
    pub target: String,
    /// The `Host` header, if there was one.
    pub host: Option<String>,
    /// Whether the request declares a body (`Content-Length` over 0 or a
    /// `Transfer-Encoding`).
    pub has_body: bool,
}

impl Request {
    /// The path, without the query.
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    /// The query after `?`, or "".
    pub fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, q)| q)
    }
}

/// A response: status, content type and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Headers beyond the ones every response has (`Allow` for 405).
    pub extra: Vec<(&'static str, String)>,
}

pub const JSON: &str = "application/json";

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Response {
            status,
            content_type,
            body: body.into(),
            extra: Vec::new(),
        }
    }

    /// `value` as JSON.
    pub fn json(status: u16, value: &serde_json::Value) -> Self {
        Response::new(status, JSON, value.to_string())
    }

    /// `{"error": message}` with `status`.
    pub fn error(status: u16, message: &str) -> Self {
        Response::json(status, &serde_json::json!({ "error": message }))
    }

    /// The status line and headers, ending in the empty line.
    pub fn head(&self) -> String {
        head(
            self.status,
            self.content_type,
            Some(self.body.len()),
            &self.extra,
        )
    }

    /// Writes the whole response, then closes the connection politely:
    /// whatever the client still sends is read (a little, briefly) so that
    /// the close does not reset the connection before the response is read.
    pub fn send(&self, stream: &mut TcpStream) {
        let mut bytes = self.head().into_bytes();
        bytes.extend_from_slice(&self.body);
        if stream
            .write_all(&bytes)
            .and_then(|_| stream.flush())
            .is_ok()
        {
            linger(stream);
        }
    }
}

/// The status line and headers of a response with `content_type`, and a
/// `Content-Length` when the length is known (else the body ends where the
/// connection does, as a stream of events does).
pub fn head(
    status: u16,
    content_type: &str,
    length: Option<usize>,
    extra: &[(&str, String)],
) -> String {
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    head += &format!("Content-Type: {content_type}\r\n");
    if let Some(length) = length {
        head += &format!("Content-Length: {length}\r\n");
    }
    head += "Cache-Control: no-store\r\nConnection: close\r\n";
    for (name, value) in SECURITY_HEADERS {
        head += &format!("{name}: {value}\r\n");
    }
    for (name, value) in extra {
        head += &format!("{name}: {value}\r\n");
    }
    head + "\r\n"
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Content Too Large",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

/// Half-closes `stream` and reads what the client still sends, at most
/// 64 KiB for at most half a second, then lets it close.
fn linger(stream: &mut TcpStream) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let until = Instant::now() + Duration::from_millis(500);
    let mut buf = [0u8; 4096];
    let mut left: usize = 64 * 1024;
    while left > 0 && Instant::now() < until {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}

/// Reads a request's head from `stream`: the request, or the response
/// that refuses it (400 malformed, 414 target too long, 431 headers too
/// large), or `None` if the client closed or went silent first.
pub fn read_request(stream: &mut impl Read) -> Option<Result<Request, Response>> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        let n = match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => n,
        };
        buf.extend_from_slice(&chunk[..n]);
        match parse(&buf) {
            Parsed::Complete(request) => return Some(request),
            Parsed::Partial if buf.len() < MAX_HEAD => continue,
            Parsed::Partial => return Some(Err(too_large(&buf))),
        }
    }
}

enum Parsed {
    Complete(Result<Request, Response>),
    Partial,
}

fn parse(buf: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    let status = match request.parse(&buf[..buf.len().min(MAX_HEAD)]) {
        Ok(status) => status,
        Err(httparse::Error::TooManyHeaders) => {
            return Parsed::Complete(Err(Response::error(
                431,
                &format!("more than {MAX_HEADERS} header lines"),
            )))
        }
        Err(_) => {
            return Parsed::Complete(Err(Response::error(400, "malformed HTTP request")));
        }
    };
    if status.is_partial() {
        return Parsed::Partial;
    }
    let target = request.path.unwrap_or("/").to_string();
    if target.len() > MAX_URL {
        return Parsed::Complete(Err(url_too_long()));
    }
    let header = |name: &str| {
        request
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let length = header("content-length").map(|v| v != "0");
    let has_body = length.unwrap_or(false) || header("transfer-encoding").is_some();
    Parsed::Complete(Ok(Request {
        method: request.method.unwrap_or("").to_string(),
        target,
        host: header("host"),
        has_body,
    }))
}

fn url_too_long() -> Response {
    Response::error(
        414,
        &format!("the URL is longer than {MAX_URL} bytes; use fewer or shorter values"),
    )
}

/// A head that did not end within [`MAX_HEAD`]: 414 if the request line
/// itself did not, else 431.
fn too_large(buf: &[u8]) -> Response {
    match buf.iter().position(|&b| b == b'\n') {
        None => url_too_long(),
        Some(_) => Response::error(
            431,
            &format!("the request's headers are longer than {MAX_HEAD} bytes"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Option<Result<Request, Response>> {
        read_request(&mut std::io::Cursor::new(bytes.to_vec()))
    }

    #[test]
    fn a_get_request_is_read_with_its_target_and_host() {
        let request =
            read(b"GET /api/figure/descent?lr=10 HTTP/1.1\r\nHost: 127.0.0.1:8000\r\n\r\n");
        let request = request.unwrap().unwrap();
        assert_eq!(request.method, "GET");
        assert_eq!(request.path(), "/api/figure/descent");
        assert_eq!(request.query(), "lr=10");
        assert_eq!(request.host.as_deref(), Some("127.0.0.1:8000"));
        assert!(!request.has_body);
    }

    #[test]
    fn oversized_and_malformed_heads_are_refused_with_their_status() {
        let status = |bytes: &[u8]| read(bytes).unwrap().unwrap_err().status;
        let long = format!("GET /{} HTTP/1.1\r\nHost: a\r\n\r\n", "a".repeat(MAX_URL));
        assert_eq!(status(long.as_bytes()), 414);
        let endless = format!("GET /{}", "a".repeat(MAX_HEAD));
        assert_eq!(status(endless.as_bytes()), 414);
        let headers = format!("GET / HTTP/1.1\r\nX: {}\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(status(headers.as_bytes()), 431);
        assert_eq!(status(b"GET / HTTP/1.1\r\nBad Header\r\n\r\n"), 400);
        let body = read(b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
        assert!(body.unwrap().unwrap().has_body);
        assert_eq!(
            read(b"GET / HTTP/1.1\r\n"),
            None,
            "closed before the head ended"
        );
    }

    #[test]
    fn every_response_carries_the_security_headers_and_closes() {
        let head = Response::error(404, "no").head();
        assert!(head.starts_with("HTTP/1.1 404 Not Found\r\n"), "{head}");
        for (name, value) in SECURITY_HEADERS {
            assert!(head.contains(&format!("{name}: {value}\r\n")), "{head}");
        }
        assert!(head.contains("Connection: close\r\n") && head.ends_with("\r\n\r\n"));
        assert!(!head.to_ascii_lowercase().contains("access-control"));
    }
}
