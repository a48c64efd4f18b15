//! A fixed-answer HTTP/1.1 server on 127.0.0.1, fast enough that the client is what a bench
//! measures.
//!
//! It runs on its own thread with its own single-threaded runtime, so both variants of a
//! comparison face the same server with the same capacity. `POST /oauth2/token` gets
//! [`TOKEN_JSON`], `PATCH /users/{id}` gets [`USER_JSON`], anything else a 404. Request bodies are
//! read whole, as a real server would.

use std::convert::Infallible;
use std::net::{SocketAddr, TcpListener as StdListener};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper::body::Incoming;
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::{TOKEN_JSON, USER_JSON};

/// One request as received: enough to show that two clients sent the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// `PATCH /users/...`.
    pub request_line: String,
    /// Header names and values, in the order received.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Bytes,
}

#[derive(Debug, Default)]
struct State {
    /// Set to record the next request into `recorded`; checked with one relaxed load otherwise.
    armed: AtomicBool,
    recorded: Mutex<Option<Recorded>>,
    token_requests: AtomicU64,
    user_requests: AtomicU64,
}

/// The running server; stops when dropped.
#[derive(Debug)]
pub struct Server {
    addr: SocketAddr,
    state: Arc<State>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Binds 127.0.0.1 on a free port and serves on a new thread.
    pub fn start() -> std::io::Result<Server> {
        let listener = StdListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .build()?;
        let state = Arc::new(State::default());
        let (stop, stopped) = oneshot::channel();
        let thread = {
            let state = state.clone();
            std::thread::Builder::new()
                .name("fixed-server".into())
                .spawn(move || runtime.block_on(accept_loop(listener, state, stopped)))?
        };
        Ok(Server {
            addr,
            state,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Records the next request; [`take_recorded`](Self::take_recorded) returns it.
    pub fn record_next(&self) {
        self.state.armed.store(true, Ordering::Relaxed);
    }

    /// The request recorded since [`record_next`](Self::record_next), if any.
    pub fn take_recorded(&self) -> Option<Recorded> {
        lock(&self.state.recorded).take()
    }

    /// How many token exchanges the server answered.
    pub fn token_requests(&self) -> u64 {
        self.state.token_requests.load(Ordering::Relaxed)
    }

    /// How many user updates the server answered.
    pub fn user_requests(&self) -> u64 {
        self.state.user_requests.load(Ordering::Relaxed)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn accept_loop(listener: StdListener, state: Arc<State>, mut stopped: oneshot::Receiver<()>) {
    let Ok(listener) = TcpListener::from_std(listener) else {
        return;
    };
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let state = state.clone();
                let service = service_fn(move |request| handle(request, state.clone()));
                tokio::spawn(
                    http1::Builder::new().serve_connection(TokioIo::new(stream), service),
                );
            }
            _ = &mut stopped => return,
        }
    }
}

async fn handle(
    request: Request<Incoming>,
    state: Arc<State>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    if state.armed.load(Ordering::Relaxed) && state.armed.swap(false, Ordering::Relaxed) {
        let headers = parts
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        *lock(&state.recorded) = Some(Recorded {
            request_line: format!("{} {}", parts.method, parts.uri),
            headers,
            body: body.clone(),
        });
    }
    let path = parts.uri.path();
    let answer = if parts.method == Method::POST && path == "/oauth2/token" {
        state.token_requests.fetch_add(1, Ordering::Relaxed);
        TOKEN_JSON
    } else if parts.method == Method::PATCH && path.starts_with("/users/") {
        state.user_requests.fetch_add(1, Ordering::Relaxed);
        USER_JSON
    } else {
        let mut response = Response::new(Full::new(Bytes::from_static(b"{\"status\":404}")));
        *response.status_mut() = StatusCode::NOT_FOUND;
        return Ok(response);
    };
    let mut response = Response::new(Full::new(Bytes::from_static(answer.as_bytes())));
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Ok(response)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
