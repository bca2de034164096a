//! The server's defenses: its own Host only, GET only, no body, bounded
//! URLs, the security headers on every answer and no CORS headers.

use crate::util::serve::Served;

#[test]
fn every_answer_carries_the_security_headers_and_no_cors_header() {
    let server = Served::start(&[]);
    for target in [
        "/",
        "/app.js",
        "/api/figures",
        "/api/figure/loss",
        "/api/figure/loss?x=1",
        "/nothing",
    ] {
        let reply = server.get(target);
        assert_eq!(
            reply.header("content-security-policy"),
            Some(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                 connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
            ),
            "{target}"
        );
        assert_eq!(
            reply.header("x-content-type-options"),
            Some("nosniff"),
            "{target}"
        );
        assert_eq!(
            reply.header("referrer-policy"),
            Some("no-referrer"),
            "{target}"
        );
        assert!(
            reply
                .headers
                .iter()
                .all(|(name, _)| !name.starts_with("access-control-")),
            "{target}: {:?}",
            reply.headers
        );
    }
}

#[test]
fn a_foreign_or_missing_host_is_refused() {
    let server = Served::start(&[]);
    let port = server.address.rsplit_once(':').unwrap().1.to_string();
    for host in [
        "evil.example",
        "evil.example:PORT",
        "127.0.0.1:1",
        "localhost",
    ] {
        let host = host.replace("PORT", &port);
        let reply = server.request(&format!(
            "GET /api/figures HTTP/1.1\r\nHost: {host}\r\n\r\n"
        ));
        assert_eq!(reply.status, 421, "{host}");
        assert_eq!(
            reply.error(),
            format!(
                "Host '{host}' is not this server's address; open http://{}/",
                server.address
            )
        );
    }
    for host in [
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        server.address.clone(),
    ] {
        let reply = server.request(&format!(
            "GET /api/figures HTTP/1.1\r\nHost: {host}\r\n\r\n"
        ));
        assert_eq!(reply.status, 200, "{host}");
    }
    let none = server.request("GET / HTTP/1.1\r\n\r\n");
    assert_eq!(
        (none.status, none.error().as_str()),
        (400, "the request has no Host header")
    );
}

#[test]
fn methods_other_than_get_bodies_and_oversized_requests_are_refused() {
    let server = Served::start(&[]);
    let host = &server.address;
    let post = server.request(&format!(
        "POST /api/figures HTTP/1.1\r\nHost: {host}\r\nContent-Length: 2\r\n\r\n{{}}"
    ));
    assert_eq!((post.status, post.header("allow")), (405, Some("GET")));
    assert_eq!(post.error(), "POST: only GET is served");
    let delete = server.request(&format!("DELETE / HTTP/1.1\r\nHost: {host}\r\n\r\n"));
    assert_eq!(delete.status, 405);
    let body = server.request(&format!(
        "GET / HTTP/1.1\r\nHost: {host}\r\nContent-Length: 5\r\n\r\nhello"
    ));
    assert_eq!(
        (body.status, body.error().as_str()),
        (413, "a request may not have a body: the API is GET only")
    );
    let long = server.get(&format!("/api/figure/descent?title={}", "a".repeat(9000)));
    assert_eq!(long.status, 414);
    assert_eq!(
        long.error(),
        "the URL is longer than 8192 bytes; use fewer or shorter values"
    );
    let endless = server.request(&format!("GET /{} HTTP/1.1\r\n", "a".repeat(20_000)));
    assert_eq!(endless.status, 414);
    let headers = server.request(&format!(
        "GET / HTTP/1.1\r\nHost: {host}\r\nX: {}\r\n",
        "a".repeat(20_000)
    ));
    assert_eq!(headers.status, 431);
    let garbage = server.request("\u{1}\u{2} nonsense\r\n\r\n");
    assert_eq!(garbage.status, 400);
    assert_eq!(server.get("/api/figures").status, 200, "the server goes on");
}
