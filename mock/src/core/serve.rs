//! The HTTP side: the router assembly, the accept loop, one hyper connection per socket, and
//! the pipeline every request goes through around the routes.
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
//! 4. the router: the registry's area routes and the token endpoint, plus JSON 404 and 405
//!    fallbacks ([`app`]);
//! 5. the journal again, which records the answer and the route that gave it.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{FromRef, MatchedPath, Request};
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::{Service, service_fn};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinSet;

use crate::core::error::ApiError;
use crate::core::faults::Outcome;
use crate::core::journal::{RecordedRequest, RecordedResponse};
use crate::core::{Core, lock, tokens};

/// The largest request body the mock reads; larger ones get a 413.
pub(crate) const BODY_LIMIT: usize = 2 * 1024 * 1024;

type App = TowerToHyperService<Router>;

/// The route that answered a request, as the API's OpenAPI document writes its path. Put on
/// the response by the router from axum's `MatchedPath`; a handler that serves several of the
/// document's paths from one route (`/users/email={email}` through `/users/{user_id}`) sets
/// it itself, and the router keeps that.
#[derive(Debug, Clone)]
pub(crate) struct RouteTemplate(pub(crate) &'static str);

/// Marks a response whose body is a live stream (an activity's log): it is passed on as it is
/// produced, chunk by chunk, and the journal records its status and type with no body (as a
/// truncated one, which the oracle does not read).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Streamed;

/// The whole application: `areas` (the registry's routes), the token endpoint, the route
/// recorder, and JSON answers for unknown routes and methods, over `state`.
pub(crate) fn app<S>(areas: Router<S>, state: S) -> Router
where
    S: Clone + Send + Sync + 'static,
    Arc<Core>: FromRef<S>,
{
    areas
        .merge(tokens::endpoint::routes())
        .route_layer(middleware::from_fn(note_route))
        .fallback(no_route)
        .method_not_allowed_fallback(wrong_method)
        .with_state(state)
}

/// Tags the response with the route template that matched (a [`RouteTemplate`] the handler
/// set wins over it).
async fn note_route(request: Request, next: Next) -> Response {
    let matched = request.extensions().get::<MatchedPath>().cloned();
    let mut response = next.run(request).await;
    if let Some(matched) = matched {
        response.extensions_mut().insert(matched);
    }
    response
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
pub(crate) async fn accept_loop(listener: TcpListener, core: Arc<Core>, router: Router) {
    let app = TowerToHyperService::new(router);
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    // Latency matters more than throughput for a test double.
                    let _ = stream.set_nodelay(true);
                    connections.spawn(serve_connection(stream, core.clone(), app.clone()));
                }
                // Out of file descriptors or similar: the condition passes; try again shortly.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn serve_connection(stream: TcpStream, core: Arc<Core>, app: App) {
    let hang_up = Arc::new(Notify::new());
    let service = {
        let hang_up = hang_up.clone();
        service_fn(move |request| handle(request, core.clone(), app.clone(), hang_up.clone()))
    };
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        // A client that shuts its write side after its requests still gets every answer.
        .half_close(true)
        .serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = connection => {}
        // Dropping the unfinished connection closes the socket without a response.
        () = hang_up.notified() => {}
    }
}

async fn handle(
    request: Request<Incoming>,
    core: Arc<Core>,
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
    // A copy, so that the journal holds exactly the body and not the read buffer around it.
    let recorded_body = body
        .as_ref()
        .map(|body| Bytes::copy_from_slice(body))
        .unwrap_or_default();
    let seq = lock(&core.journal).record(RecordedRequest::new(
        parts.method.clone(),
        parts.uri.path().to_owned(),
        parts.uri.query().map(str::to_owned),
        parts.headers.clone(),
        recorded_body,
    ));
    let body = match body {
        Ok(body) => body,
        Err(err) => return Ok(finish(&core, seq, err.into_response()).await),
    };
    let fault = lock(&core.faults).take(&parts.method, parts.uri.path());
    let extra_headers = match fault {
        None => Vec::new(),
        Some(fault) => match fault.run().await {
            Outcome::Answer(response, recorded) => {
                lock(&core.journal).answer(seq, None, recorded);
                return Ok(response);
            }
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
    Ok(finish(&core, seq, response).await)
}

/// Records the answer to request `seq` and hands it on. The routes' bodies are in memory (but
/// for a [`Streamed`] one, passed on as it comes), so reading the body whole costs nothing and
/// the journal is filled before the client sees the answer.
async fn finish(core: &Core, seq: u64, mut response: Response) -> Response {
    let route = match response.extensions_mut().remove::<RouteTemplate>() {
        Some(RouteTemplate(route)) => Some(route.to_owned()),
        None => response
            .extensions_mut()
            .remove::<MatchedPath>()
            .map(|matched| matched.as_str().to_owned()),
    };
    if response.extensions_mut().remove::<Streamed>().is_some() {
        let (parts, body) = response.into_parts();
        let recorded = RecordedResponse::new(
            parts.status.as_u16(),
            content_type(&parts.headers),
            b"",
            u64::MAX,
            false,
        );
        lock(&core.journal).answer(seq, route, recorded);
        return Response::from_parts(parts, body);
    }
    let (parts, body) = response.into_parts();
    let (parts, bytes) = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => (parts, bytes),
        Err(err) => {
            let message = format!("the answer could not be produced: {err}");
            let failed = ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message);
            let (parts, body) = failed.into_response().into_parts();
            let bytes = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            (parts, bytes)
        }
    };
    let recorded = RecordedResponse::new(
        parts.status.as_u16(),
        content_type(&parts.headers),
        &bytes,
        bytes.len() as u64,
        false,
    );
    lock(&core.journal).answer(seq, route, recorded);
    Response::from_parts(parts, Body::from(bytes))
}

fn content_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}
