//! Serves the built book over HTTP on 127.0.0.1, so that search and the
//! diagrams' JavaScript work as they would on a web site.

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Component, Path, PathBuf};

/// A book being served: its address, and the loop that answers requests.
pub struct Server {
    http: tiny_http::Server,
    root: PathBuf,
}

/// Binds to `port` on 127.0.0.1, or to a free port if that one is taken,
/// to serve the files under `root`.
///
/// ```no_run
/// let server = drill::book::serve(std::path::Path::new("target/book"), 3000).unwrap();
/// println!("http://{}/", server.addr());
/// server.run();
/// ```
pub fn serve(root: &Path, port: u16) -> io::Result<Server> {
    let http = tiny_http::Server::http((Ipv4Addr::LOCALHOST, port))
        .or_else(|_| tiny_http::Server::http((Ipv4Addr::LOCALHOST, 0)))
        .map_err(io::Error::other)?;
    Ok(Server {
        http,
        root: root.to_path_buf(),
    })
}

impl Server {
    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.http
            .server_addr()
            .to_ip()
            .expect("bound to an IP address")
    }

    /// Answers requests until the process ends.
    pub fn run(self) {
        for request in self.http.incoming_requests() {
            let response = match self.file_for(request.url()) {
                Some(path) => match std::fs::read(&path) {
                    Ok(body) => respond(200, content_type(&path), body),
                    Err(_) => self.not_found(),
                },
                None => self.not_found(),
            };
            // A client that hung up needs no answer.
            let _ = request.respond(response);
        }
    }

    /// The file a URL names: never outside the book, a folder's
    /// `index.html` for a folder.
    fn file_for(&self, url: &str) -> Option<PathBuf> {
        let path = url.split(['?', '#']).next().unwrap_or("");
        let relative = Path::new(path.trim_start_matches('/'));
        if relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return None;
        }
        let path = self.root.join(percent_decode(relative)?);
        let path = if path.is_dir() {
            path.join("index.html")
        } else {
            path
        };
        path.is_file().then_some(path)
    }

    fn not_found(&self) -> tiny_http::ResponseBox {
        let body = std::fs::read(self.root.join("404.html"))
            .unwrap_or_else(|_| b"404: no such page in the book".to_vec());
        respond(404, "text/html; charset=utf-8", body)
    }
}

fn respond(status: u16, content_type: &str, body: Vec<u8>) -> tiny_http::ResponseBox {
    let header =
        tiny_http::Header::from_bytes("Content-Type", content_type).expect("a valid header");
    tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header)
        .boxed()
}

/// `%20` and friends, as browsers send them in paths.
fn percent_decode(path: &Path) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(path.to_str()?)
        .decode_utf8()
        .ok()?;
    (!decoded.contains("..")).then(|| PathBuf::from(decoded.as_ref()))
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
