//! GraphiQL, served from the binary itself: no CDN at run time, so the page works offline, on an
//! intranet, and where public CDNs are unreachable.
//!
//! `GET /graphql` (without `?query=`) answers the page; `GET /graphiql/{file}` answers its
//! scripts and style sheet. The third-party files (GraphiQL 3.8.3, React 18.3.1 and ReactDOM
//! 18.3.1, all MIT-licensed) are vendored gzip-compressed in `api/assets/graphiql/`, whose
//! `README.md` records each file's package, version, npm integrity and licence. They are sent with
//! `Content-Encoding: gzip` to clients that accept it (every browser), and decompressed for the
//! others. The page points GraphiQL at `POST /graphql` and its subscriptions at `/graphql/ws`,
//! with a first example query; the headers typed in its Headers tab go with both.
//!
//! Served only when GraphiQL is switched on (`GRAPHIQL`; on for a loopback bind), like the page.

use std::io::Read;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::AppState;

/// The page, as `GET /graphql` answers it.
pub(super) const PAGE: &str = include_str!("../../assets/graphiql/index.html");

/// Our start-up script (no inline script, so a strict `Content-Security-Policy` may be set).
const INIT: &str = include_str!("../../assets/graphiql/init.js");

/// One vendored file: its name under `/graphiql/`, its media type and its gzip-compressed bytes.
struct Asset {
    name: &'static str,
    media_type: &'static str,
    gzip: &'static [u8],
}

/// The vendored files (see `api/assets/graphiql/README.md`).
const ASSETS: &[Asset] = &[
    Asset {
        name: "graphiql.min.js",
        media_type: "text/javascript; charset=utf-8",
        gzip: include_bytes!("../../assets/graphiql/graphiql.min.js.gz"),
    },
    Asset {
        name: "graphiql.min.css",
        media_type: "text/css; charset=utf-8",
        gzip: include_bytes!("../../assets/graphiql/graphiql.min.css.gz"),
    },
    Asset {
        name: "react.production.min.js",
        media_type: "text/javascript; charset=utf-8",
        gzip: include_bytes!("../../assets/graphiql/react.production.min.js.gz"),
    },
    Asset {
        name: "react-dom.production.min.js",
        media_type: "text/javascript; charset=utf-8",
        gzip: include_bytes!("../../assets/graphiql/react-dom.production.min.js.gz"),
    },
];

/// Browsers may keep the files a day: they change only with the binary.
const CACHE_CONTROL: &str = "public, max-age=86400";

/// The page of `GET /graphql`.
pub(super) fn page() -> Response {
    let mut r = axum::response::Html(PAGE).into_response();
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

/// `GET /graphiql/{file}`: one of GraphiQL's files; 404 for any other name, or when GraphiQL is
/// off.
pub(super) async fn asset(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !state.graphiql {
        return (StatusCode::NOT_FOUND, "GraphiQL is off").into_response();
    }
    if name == "init.js" {
        return with_headers(
            INIT.as_bytes().to_vec(),
            "text/javascript; charset=utf-8",
            false,
        );
    }
    let Some(asset) = ASSETS.iter().find(|a| a.name == name) else {
        return (StatusCode::NOT_FOUND, "no such file").into_response();
    };
    if accepts_gzip(&headers) {
        return with_headers(asset.gzip.to_vec(), asset.media_type, true);
    }
    let mut plain = Vec::new();
    match flate2::read::GzDecoder::new(asset.gzip).read_to_end(&mut plain) {
        Ok(_) => with_headers(plain, asset.media_type, false),
        Err(e) => {
            tracing::error!(error = %e, file = asset.name, "vendored GraphiQL file unreadable");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

/// Whether `Accept-Encoding` allows gzip (any `gzip` entry whose quality is not 0).
fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|entry| {
            let mut parts = entry.split(';').map(str::trim);
            let coding = parts.next().unwrap_or_default();
            let refused = parts.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (coding.eq_ignore_ascii_case("gzip") || coding == "*") && !refused
        })
}

fn with_headers(body: Vec<u8>, media_type: &'static str, gzip: bool) -> Response {
    let mut r = (StatusCode::OK, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(CACHE_CONTROL),
    );
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    r
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn gzip_is_sent_only_to_clients_that_accept_it() {
        assert!(accepts_gzip(&accept("gzip, deflate, br")));
        assert!(accepts_gzip(&accept("br;q=1.0, gzip;q=0.8")));
        assert!(accepts_gzip(&accept("*")));
        assert!(!accepts_gzip(&accept("gzip;q=0")));
        assert!(!accepts_gzip(&accept("br, identity")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn every_vendored_file_decompresses_and_the_page_names_each_one() {
        for a in ASSETS {
            let mut plain = Vec::new();
            flate2::read::GzDecoder::new(a.gzip)
                .read_to_end(&mut plain)
                .unwrap();
            assert!(plain.len() > 1_000, "{} is too short", a.name);
            assert!(
                PAGE.contains(&format!("/graphiql/{}", a.name)),
                "the page does not load {}",
                a.name
            );
        }
        assert!(PAGE.contains("/graphiql/init.js"));
        assert!(!PAGE.contains("//unpkg.com") && !PAGE.contains("cdn"));
        assert!(INIT.contains("/graphql/ws"));
    }
}
