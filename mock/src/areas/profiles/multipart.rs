//! A small `multipart/form-data` reader (RFC 7578 over RFC 2046), enough for uploads.
//!
//! The body is already whole in memory: find the boundary in the `Content-Type`, split the body
//! at each `--boundary` line, and read each part's `Content-Disposition` (its `name` and
//! `filename`) and `Content-Type`. A preamble and an epilogue are ignored, as the RFC says.

use axum::body::Bytes;
use axum::http::StatusCode;

use crate::core::error::ApiError;

/// One part of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Part {
    /// The form field's name.
    pub(crate) name: String,
    /// The file name, for a file.
    pub(crate) file_name: Option<String>,
    /// The part's `Content-Type`, if it has one.
    pub(crate) content_type: Option<String>,
    /// The part's bytes.
    pub(crate) data: Bytes,
}

/// The boundary of a `multipart/form-data` content type: 415 for any other type, 400 without a
/// usable boundary.
pub(crate) fn boundary(content_type: &str) -> Result<String, ApiError> {
    let mut params = split_params(content_type).into_iter();
    let essence = params.next().unwrap_or_default().to_ascii_lowercase();
    if essence != "multipart/form-data" {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("the body must be `multipart/form-data`, got {content_type:?}"),
        ));
    }
    let boundary = params
        .filter_map(|param| param_value(&param, "boundary"))
        .next()
        .unwrap_or_default();
    if boundary.is_empty() || boundary.len() > 70 {
        return Err(ApiError::bad_request(
            "the `multipart/form-data` content type needs a `boundary` of 1 to 70 characters",
        ));
    }
    Ok(boundary)
}

/// The parts of `body`, framed by `boundary`; a 400 saying what is wrong when it is malformed.
pub(crate) fn parse(body: &Bytes, boundary: &str) -> Result<Vec<Part>, ApiError> {
    let malformed = |why: &str| {
        ApiError::bad_request(format!("the multipart/form-data body is malformed: {why}"))
    };
    let delimiter = format!("\r\n--{boundary}").into_bytes();
    // The first delimiter may open the body, without the line break before it.
    let mut at = if body.starts_with(&delimiter[2..]) {
        delimiter.len() - 2
    } else {
        find(body, &delimiter, 0).ok_or_else(|| malformed("the boundary never occurs"))?
            + delimiter.len()
    };
    let mut parts = Vec::new();
    loop {
        let rest = &body[at..];
        if rest.starts_with(b"--") {
            return Ok(parts);
        }
        // Transport padding (spaces, tabs) may follow a delimiter before its line break.
        let padding = rest
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        if !rest[padding..].starts_with(b"\r\n") {
            return Err(malformed("a boundary line does not end with CRLF"));
        }
        let start = at + padding + 2;
        let end = find(body, &delimiter, start)
            .ok_or_else(|| malformed("it ends without the closing boundary"))?;
        parts.push(part(body.slice(start..end)).map_err(|why| malformed(&why))?);
        at = end + delimiter.len();
    }
}

/// One part: header lines, an empty line, the data.
fn part(raw: Bytes) -> Result<Part, String> {
    let (head, data) = if raw.starts_with(b"\r\n") {
        (&b""[..], raw.slice(2..))
    } else {
        let split =
            find(&raw, b"\r\n\r\n", 0).ok_or("a part has no empty line after its headers")?;
        (&raw[..split], raw.slice(split + 4..))
    };
    let head = std::str::from_utf8(head).map_err(|_| "a part's headers are not UTF-8")?;
    let mut disposition = None;
    let mut content_type = None;
    for line in head.split("\r\n").filter(|line| !line.is_empty()) {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("a part's header line has no colon: {line:?}"))?;
        let value = value.trim();
        if name.trim().eq_ignore_ascii_case("content-disposition") {
            disposition = Some(value.to_owned());
        } else if name.trim().eq_ignore_ascii_case("content-type") {
            content_type = Some(value.to_owned());
        }
    }
    let disposition = disposition.ok_or("a part has no Content-Disposition header")?;
    let mut params = split_params(&disposition).into_iter();
    if !params
        .next()
        .is_some_and(|kind| kind.eq_ignore_ascii_case("form-data"))
    {
        return Err(format!(
            "a part's Content-Disposition is not `form-data`: {disposition:?}"
        ));
    }
    let params: Vec<String> = params.collect();
    let name = params
        .iter()
        .find_map(|param| param_value(param, "name"))
        .ok_or("a part's Content-Disposition has no `name`")?;
    let file_name = params
        .iter()
        .find_map(|param| param_value(param, "filename"));
    Ok(Part {
        name,
        file_name,
        content_type,
        data,
    })
}

/// `a; b="x;y"; c` split at the semicolons outside quotes, each piece trimmed.
fn split_params(header: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut quoted = false;
    let mut escaped = false;
    for c in header.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => {
                pieces.push(piece.trim().to_owned());
                piece.clear();
                continue;
            }
            _ => {}
        }
        piece.push(c);
    }
    pieces.push(piece.trim().to_owned());
    pieces
}

/// The value of `param` if it is `key=value` or `key="value"` (key ignoring ASCII case),
/// unquoted and unescaped.
fn param_value(param: &str, key: &str) -> Option<String> {
    let (name, value) = param.split_once('=')?;
    if !name.trim().eq_ignore_ascii_case(key) {
        return None;
    }
    let value = value.trim();
    let Some(inner) = value
        .strip_prefix('"')
        .and_then(|quoted| quoted.strip_suffix('"'))
    else {
        return Some(value.to_owned());
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            _ => out.push(c),
        }
    }
    Some(out)
}

/// The first position of `needle` in `haystack` at or after `from`.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|position| position + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &[u8] = b"preamble\r\n--XyZ\r\n\
        Content-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n\
        --XyZ  \r\n\
        content-disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\";c.png\"\r\n\
        Content-Type: image/png\r\n\r\n\x89PNG\r\n--XyZ--\r\nepilogue";

    #[test]
    fn reads_the_boundary() {
        assert_eq!(
            boundary("multipart/form-data; boundary=XyZ").unwrap(),
            "XyZ"
        );
        assert_eq!(
            boundary("Multipart/Form-Data;charset=x;Boundary=\"a b\"").unwrap(),
            "a b"
        );
        let err = format!("{:?}", boundary("application/json").unwrap_err());
        assert!(err.contains("415"), "{err}");
        let err = format!("{:?}", boundary("multipart/form-data").unwrap_err());
        assert!(err.contains("400") && err.contains("boundary"), "{err}");
    }

    #[test]
    fn splits_parts_and_reads_their_headers() {
        let parts = parse(&Bytes::from_static(FORM), "XyZ").unwrap();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "note");
        assert_eq!(parts[0].file_name, None);
        assert_eq!(&parts[0].data[..], b"hi");
        assert_eq!(parts[1].name, "file");
        assert_eq!(parts[1].file_name.as_deref(), Some("a \"b\";c.png"));
        assert_eq!(parts[1].content_type.as_deref(), Some("image/png"));
        assert_eq!(&parts[1].data[..], b"\x89PNG");
    }

    #[test]
    fn data_may_hold_line_breaks_and_dashes() {
        let body =
            "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n\r\n--\r\n-b\r\n\r\n--b--";
        let parts = parse(&Bytes::from(body), "b").unwrap();
        assert_eq!(&parts[0].data[..], b"\r\n--\r\n-b\r\n");
    }

    #[test]
    fn refuses_malformed_bodies() {
        for body in [
            "no boundary at all",
            "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nnever closed",
            "--b\r\nContent-Disposition: form-data; name=\"f\"\r\nno empty line\r\n--b--",
            "--b\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--b--",
            "--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--",
            "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--",
            "--bXX\r\n",
        ] {
            let err = parse(&Bytes::from(body), "b").unwrap_err();
            assert!(
                format!("{err:?}").contains("malformed"),
                "{body:?}: {err:?}"
            );
        }
    }
}
