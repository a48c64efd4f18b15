//! The HTTP side: the accept loop, one hyper connection per socket, and the pipeline every
//! request goes through before the routes.
//!
//! The mock runs its own accept loop (rather than `axum::serve`) so that a scripted
//! [`Fault::drop_connection`](crate::Fault::drop_connection) can close a socket without
//! answering: each connection races its hyper future against a "hang up" signal, and dropping
//! that future closes the socket.
//!
//! Each request then goes through, in order:
//! 1. reading the whole body (up to [`BODY_LIMIT`]);
//! 2. the journal, which records it as received;
//! 3. the fault scripts, which may answer instead of the route, delay it, or hang up;
//! 4. the router: one module per API area, plus JSON 404 and 405 fallbacks.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::{Service, service_fn};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinSet;

use crate::error::ApiError;
use crate::faults::Outcome;
use crate::journal::RecordedRequest;
use crate::state::{Shared, lock};
use crate::{api_tokens, auth, connections, mfa, organizations, phone_numbers, profiles, users};

/// The largest request body the mock reads; larger ones get a 413.
pub(crate) const BODY_LIMIT: usize = 2 * 1024 * 1024;

type App = TowerToHyperService<Router>;

/// Every API area's routes, with JSON answers for unknown routes and methods.
fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .merge(auth::routes())
        .merge(users::routes())
        .merge(profiles::routes())
        .merge(api_tokens::routes())
        .merge(connections::routes())
        .merge(phone_numbers::routes())
        .merge(organizations::routes())
        .merge(mfa::routes())
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .with_state(shared)
}

async fn no_route(method: Method, uri: Uri) -> ApiError {
    ApiError::not_found(format!("no route for {method} {}", uri.path()))
}

async fn wrong_method(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{} does not accept {method}", uri.path()),
    )
}

/// Accepts connections until the task is aborted; aborting it also ends every connection.
pub(crate) async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    let app = TowerToHyperService::new(router(shared.clone()));
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    // Latency matters more than throughput for a test double.
                    let _ = stream.set_nodelay(true);
                    connections.spawn(serve_connection(stream, shared.clone(), app.clone()));
                }
                // Out of file descriptors or similar: the condition passes; try again shortly.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn serve_connection(stream: TcpStream, shared: Arc<Shared>, app: App) {
    let hang_up = Arc::new(Notify::new());
    let service = {
        let hang_up = hang_up.clone();
        service_fn(move |request| handle(request, shared.clone(), app.clone(), hang_up.clone()))
    };
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = connection => {}
        // Dropping the unfinished connection closes the socket without a response.
        () = hang_up.notified() => {}
    }
}

async fn handle(
    request: Request<Incoming>,
    shared: Arc<Shared>,
    app: App,
    hang_up: Arc<Notify>,
) -> Result<Response, Infallible> {
    let (parts, body) = request.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let body = if declared.is_some_and(|length| length > BODY_LIMIT as u64) {
        Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is larger than {BODY_LIMIT} bytes"),
        ))
    } else {
        axum::body::to_bytes(Body::new(body), BODY_LIMIT)
            .await
            .map_err(|err| ApiError::bad_request(format!("the body could not be read: {err}")))
    };
    lock(&shared.journal).record(RecordedRequest {
        method: parts.method.clone(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts.headers.clone(),
        body: body.as_ref().cloned().unwrap_or_default(),
    });
    let body = match body {
        Ok(body) => body,
        Err(err) => return Ok(err.into_response()),
    };
    let fault = lock(&shared.faults).take(&parts.method, parts.uri.path());
    let extra_headers = match fault {
        None => Vec::new(),
        Some(fault) => match fault.run().await {
            Outcome::Answer(response) => return Ok(response),
            Outcome::PassThrough(headers) => headers,
            Outcome::DropConnection => {
                hang_up.notify_one();
                return std::future::pending().await;
            }
        },
    };
    let mut response = app
        .call(Request::from_parts(parts, Body::from(body)))
        .await?;
    for (name, value) in extra_headers {
        response.headers_mut().append(name, value);
    }
    Ok(response)
}
