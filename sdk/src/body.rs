//! Reading answer bodies within a size limit: every body the SDK reads goes through here, the
//! token exchange's included, so no answer can make the client buffer without bound.

use bytes::{Bytes, BytesMut};

/// Why a body could not be read.
pub(crate) enum ReadError {
    /// Larger than the limit (by `Content-Length`, before reading a byte, or while reading).
    TooLarge,
    /// The connection failed while reading.
    Transport(reqwest::Error),
}

/// Reads a body up to `limit` bytes. With `strict`, more is an error (a `Content-Length` over
/// the limit is refused before reading a byte); without, the body is cut at the limit.
pub(crate) async fn read_body(
    response: &mut reqwest::Response,
    limit: u64,
    strict: bool,
) -> Result<Bytes, ReadError> {
    if strict && response.content_length().is_some_and(|len| len > limit) {
        return Err(ReadError::TooLarge);
    }
    // `limit` may exceed what `usize` holds on a small target: then nothing that fits in memory
    // is over it.
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    // Most answers arrive in one chunk: keep it as it came, without a copy.
    let Some(first) = response.chunk().await.map_err(ReadError::Transport)? else {
        return Ok(Bytes::new());
    };
    let mut body = match response.chunk().await.map_err(ReadError::Transport)? {
        None if first.len() <= limit => return Ok(first),
        None => BytesMut::from(&first[..]),
        Some(second) => {
            let mut body = BytesMut::with_capacity(first.len().saturating_add(second.len()));
            body.extend_from_slice(&first);
            body.extend_from_slice(&second);
            body
        }
    };
    loop {
        if body.len() > limit {
            if strict {
                return Err(ReadError::TooLarge);
            }
            body.truncate(limit);
            break;
        }
        match response.chunk().await.map_err(ReadError::Transport)? {
            Some(chunk) => body.extend_from_slice(&chunk),
            None => break,
        }
    }
    Ok(body.freeze())
}
