//! `multipart/form-data` bodies, for uploads such as a profile picture.

use std::path::Path;

use bytes::{BufMut, Bytes, BytesMut};

use crate::error::{Error, Result};

/// A `multipart/form-data` body: named parts holding text or files.
///
/// Pass it to an endpoint argument marked `#[multipart]`.
///
/// ```
/// use upsun::Multipart;
///
/// let form = Multipart::new()
///     .text("description", "my face")
///     .file("file", "me.png", "image/png", vec![0x89, b'P', b'N', b'G']);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Multipart {
    parts: Vec<Part>,
}

#[derive(Debug, Clone)]
struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Bytes,
}

impl Multipart {
    /// An empty form.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a text field.
    pub fn text(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parts.push(Part {
            name: name.into(),
            file_name: None,
            content_type: None,
            data: Bytes::from(value.into()),
        });
        self
    }

    /// Adds a file from memory, with its file name and content type (`image/png`).
    pub fn file(
        mut self,
        name: impl Into<String>,
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        data: impl Into<Bytes>,
    ) -> Self {
        self.parts.push(Part {
            name: name.into(),
            file_name: Some(file_name.into()),
            content_type: Some(content_type.into()),
            data: data.into(),
        });
        self
    }

    /// Adds a file read from disk; its file name is the path's last component and its content
    /// type is guessed from the extension (`application/octet-stream` when unknown).
    ///
    /// ```no_run
    /// # async fn run() -> upsun::Result<()> {
    /// let form = upsun::Multipart::new().file_from_path("file", "me.jpg").await?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn file_from_path(
        self,
        name: impl Into<String>,
        path: impl AsRef<Path>,
    ) -> Result<Self> {
        let path = path.as_ref();
        let data = tokio::fs::read(path)
            .await
            .map_err(|e| Error::invalid_input(format!("file `{}`: {e}", path.display())))?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "file".to_owned());
        let content_type = content_type_of(&file_name);
        Ok(self.file(name, file_name, content_type, data))
    }

    /// The body and its boundary; fails when a name would break the form's framing.
    pub(crate) fn encode(&self) -> Result<(String, Bytes)> {
        let boundary = format!("upsun-{:016x}{:016x}", random(), random());
        let mut body = BytesMut::new();
        for part in &self.parts {
            for (what, value) in [
                ("part name", Some(&part.name)),
                ("file name", part.file_name.as_ref()),
            ] {
                if value.is_some_and(|v| v.contains(['"', '\r', '\n'])) {
                    return Err(Error::invalid_input(format!(
                        "multipart {what} {value:?} must not contain quotes or line breaks"
                    )));
                }
            }
            if part
                .content_type
                .as_ref()
                .is_some_and(|v| v.contains(['\r', '\n']))
            {
                return Err(Error::invalid_input(
                    "multipart content type must not contain line breaks",
                ));
            }
            if part
                .data
                .windows(boundary.len())
                .any(|w| w == boundary.as_bytes())
            {
                return Err(Error::invalid_input("multipart data contains the boundary"));
            }
            body.put_slice(format!("--{boundary}\r\n").as_bytes());
            let mut disposition = format!("Content-Disposition: form-data; name=\"{}\"", part.name);
            if let Some(file_name) = &part.file_name {
                disposition.push_str(&format!("; filename=\"{file_name}\""));
            }
            body.put_slice(disposition.as_bytes());
            body.put_slice(b"\r\n");
            if let Some(content_type) = &part.content_type {
                body.put_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
            }
            body.put_slice(b"\r\n");
            body.put_slice(&part.data);
            body.put_slice(b"\r\n");
        }
        body.put_slice(format!("--{boundary}--\r\n").as_bytes());
        Ok((
            format!("multipart/form-data; boundary={boundary}"),
            body.freeze(),
        ))
    }
}

fn random() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u8(0);
    hasher.finish()
}

fn content_type_of(file_name: &str) -> &'static str {
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase());
    match extension.as_deref() {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("svg") => "image/svg+xml",
        Some("txt") => "text/plain",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_parts_between_boundaries() {
        let (content_type, body) = Multipart::new()
            .text("note", "hi")
            .file("file", "a.png", "image/png", &b"PNG"[..])
            .encode()
            .unwrap();
        let boundary = content_type
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap();
        let text = String::from_utf8(body.to_vec()).unwrap();
        assert_eq!(
            text,
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n\
                 --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\
                 Content-Type: image/png\r\n\r\nPNG\r\n--{boundary}--\r\n"
            )
        );
    }

    #[test]
    fn names_that_would_break_the_framing_are_refused() {
        let err = Multipart::new().text("a\"b", "x").encode().unwrap_err();
        assert!(err.is_invalid_input());
        let err = Multipart::new()
            .file("f", "x\r\n.png", "image/png", &b""[..])
            .encode()
            .unwrap_err();
        assert!(err.to_string().contains("file name"), "{err}");
    }

    #[test]
    fn content_types_are_guessed_from_the_extension() {
        assert_eq!(content_type_of("Me.JPG"), "image/jpeg");
        assert_eq!(content_type_of("noext"), "application/octet-stream");
    }
}
