//! `herald serve`: a herald database in the browser, read-only.
//!
//! Server-rendered HTML (maud escapes every value), SVG charts drawn on the server, no JavaScript
//! and no front-end build. Every request opens the database read-only on a blocking thread, so
//! the server never writes and an ingest can run beside it (WAL). The JSON API under `/api/`
//! mirrors `herald query` (`docs/api.md`).

mod api;
mod article;
mod chart;
mod pages;
mod params;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::Router;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use herald_store::Store;

use crate::commands::Outcome;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The database (opened read-only).
    #[arg(long, default_value = "herald.db")]
    db: PathBuf,
    /// Address to listen on (loopback by default; port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
}

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct App {
    db: Arc<PathBuf>,
}

/// A request that failed: a status and a plain message, never a stack trace.
pub(crate) struct WebError {
    status: StatusCode,
    message: String,
}

impl WebError {
    pub(crate) fn bad_request(message: impl Into<String>) -> WebError {
        WebError { status: StatusCode::BAD_REQUEST, message: message.into() }
    }

    pub(crate) fn not_found(message: impl Into<String>) -> WebError {
        WebError { status: StatusCode::NOT_FOUND, message: message.into() }
    }

    fn internal(e: &anyhow::Error) -> WebError {
        // The detail goes to the server's log; the page says only what failed.
        eprintln!("herald serve: {e:#}");
        WebError { status: StatusCode::INTERNAL_SERVER_ERROR, message: "the database query failed".into() }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let page = pages::layout(
            "Error",
            "",
            &maud::html! {
                h1 { (self.status.as_u16()) " " (self.status.canonical_reason().unwrap_or("Error")) }
                p { (self.message) }
                p { a href="/" { "Back to events" } }
            },
        );
        (self.status, Html(page.into_string())).into_response()
    }
}

impl App {
    /// Runs `f` with a read-only store on a blocking thread.
    pub(crate) async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, WebError> + Send + 'static,
    ) -> Result<T, WebError> {
        let db = Arc::clone(&self.db);
        let job = tokio::task::spawn_blocking(move || {
            let store = Store::open_read_only(&db).map_err(|e| WebError::internal(&e.into()))?;
            f(&store)
        });
        job.await.map_err(|e| WebError::internal(&anyhow::anyhow!("worker failed: {e}")))?
    }
}

/// Turns a query error into a 500 page (logged) inside a store closure.
pub(crate) fn internal(e: anyhow::Error) -> WebError {
    WebError::internal(&e)
}

/// The router: pages and the JSON API.
pub(crate) fn router(db: &Path) -> Router {
    let app = App { db: Arc::new(db.to_path_buf()) };
    Router::new()
        .route("/", get(pages::events))
        .route("/article/{id}", get(pages::article))
        .route("/timeline", get(pages::timeline))
        .route("/dyad", get(pages::dyad))
        .route("/quotes", get(pages::quotes))
        .route("/api/events", get(api::events))
        .route("/api/quotes", get(api::quotes))
        .route("/api/entities", get(api::entities))
        .route("/api/timeline", get(api::timeline))
        .route("/api/dyad", get(api::dyad))
        .route("/api/article/{id}", get(api::article))
        .fallback(|| async { WebError::not_found("no such page") })
        .with_state(app)
}

pub fn run(args: &Args) -> Result<Outcome> {
    // Fail now, with a clear message, rather than on the first request.
    Store::open_read_only(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let rt = tokio::runtime::Builder::new_current_thread().enable_io().build()?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("listening on {}", args.addr))?;
        let addr = listener.local_addr()?;
        println!("herald: serving {} at http://{addr}/ (read-only; Ctrl-C stops)", args.db.display());
        use std::io::Write;
        std::io::stdout().flush()?;
        axum::serve(listener, router(&args.db)).await?;
        Ok::<(), anyhow::Error>(())
    })?;
    Ok(Outcome::Ok)
}
