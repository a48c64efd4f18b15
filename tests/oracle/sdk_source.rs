//! The endpoints the SDK declares, read from its source: every `#[endpoint(VERB, "template")]`
//! attribute with the trait, the method and the return type it sits on, exactly as the macro
//! sees them.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use upsun_tests::oracle::{OperationInfo, Oracle, paths};

/// One declared endpoint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Declared {
    /// The area: `users` for `sdk/src/api/users.rs` and `sdk/src/api/users/…`; for a file
    /// outside `api/`, its own name.
    pub module: String,
    /// Whether the file is under `sdk/src/api/`.
    pub in_api: bool,
    /// The trait the method belongs to.
    pub api_trait: String,
    /// The method's name.
    pub method: String,
    /// The verb (`GET`).
    pub verb: String,
    /// The template (`/users/<user_id>`).
    pub template: String,
    /// The return type as written, without spaces (`crate::Result<User>`).
    pub returns: String,
    /// The file, relative to `sdk/src`.
    pub file: String,
}

impl Declared {
    /// The document's operation with this verb and the same path shape (the same literal
    /// segments, parameters in the same places).
    pub fn operation(&self) -> Option<&'static OperationInfo> {
        let shape = paths::shape(&self.template);
        Oracle::get()
            .operations()
            .iter()
            .find(|op| op.method == self.verb && paths::shape(&op.path) == shape)
    }

    /// The type the call answers: the return type without `Result<…>` and `crate::`
    /// (`Page<Organization>`; `()` for no body).
    pub fn answer_type(&self) -> String {
        let text = self.returns.replace("crate::", "").replace("upsun::", "");
        text.strip_prefix("Result<")
            .and_then(|t| t.strip_suffix('>'))
            .unwrap_or(&text)
            .to_owned()
    }

    /// `Trait::method`, for messages.
    pub fn name(&self) -> String {
        format!("{}::{}", self.api_trait, self.method)
    }
}

/// Every declared endpoint, sorted; read once.
pub fn declared() -> &'static [Declared] {
    static DECLARED: OnceLock<Vec<Declared>> = OnceLock::new();
    DECLARED.get_or_init(read)
}

fn read() -> Vec<Declared> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sdk/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let relative = file.strip_prefix(&src).unwrap();
        let parts: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let in_api = parts.len() > 1 && parts[0] == "api";
        let module = if in_api { &parts[1] } else { &parts[0] }.clone();
        let file = relative.to_string_lossy().into_owned();
        found.extend(in_file(&text, &module, in_api, &file));
    }
    found.sort();
    found
}

fn in_file(text: &str, module: &str, in_api: bool, file: &str) -> Vec<Declared> {
    let mut found = Vec::new();
    let mut rest = text;
    let mut api_trait = String::new();
    while let Some(at) = rest.find("#[endpoint(") {
        // Only attributes in code count, not examples in doc comments.
        let line_start = rest[..at].rfind('\n').map_or(0, |i| i + 1);
        if !rest[line_start..at].trim().is_empty() {
            rest = &rest[at + 1..];
            continue;
        }
        if let Some(t) = rest[..at].rfind("pub trait ") {
            let name = &rest[t + "pub trait ".len()..];
            api_trait = name[..name.find([':', ' ', '<', '{']).unwrap()].to_owned();
        }
        let args_start = at + "#[endpoint(".len();
        let args_end = args_start + rest[args_start..].find(")]").unwrap();
        let args = &rest[args_start..args_end];
        let (verb, after) = args.split_once(',').unwrap();
        let quoted = after.trim_start();
        assert!(
            quoted.starts_with('"'),
            "{file}: the template of #[endpoint({args})] is not a plain string"
        );
        let close = 1 + quoted[1..].find('"').unwrap();
        let template = quoted[1..close].to_owned();
        let after_attr = &rest[args_end..];
        let fn_at = after_attr.find("async fn ").unwrap() + "async fn ".len();
        let signature = &after_attr[fn_at..];
        let method = signature[..signature.find(['(', '<']).unwrap()].to_owned();
        found.push(Declared {
            module: module.to_owned(),
            in_api,
            api_trait: api_trait.clone(),
            method,
            verb: verb.trim().to_owned(),
            template,
            returns: return_type(signature),
            file: file.to_owned(),
        });
        rest = &rest[args_end..];
    }
    found
}

/// The return type of a signature starting at the method's name: what follows `->` after the
/// parameter list, up to the `;` or `{`, without whitespace.
fn return_type(signature: &str) -> String {
    let open = signature.find('(').unwrap();
    let mut depth = 0;
    let mut close = open;
    for (i, c) in signature[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    close = open + i;
                    break;
                }
            }
            _ => {}
        }
    }
    let after = signature[close + 1..].trim_start();
    let Some(returns) = after.strip_prefix("->") else {
        return "()".to_owned();
    };
    let end = returns.find([';', '{']).unwrap_or(returns.len());
    returns[..end].split_whitespace().collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The method name an `operationId` gives: `update-a-user` is `update_a_user`.
pub fn snake_case(operation_id: &str) -> String {
    let mut out = String::new();
    let mut previous: Option<char> = None;
    for c in operation_id.chars() {
        if c.is_ascii_uppercase() {
            if previous.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit()) {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '-' || c == ' ' || c == '.' {
            out.push('_');
        } else {
            out.push(c);
        }
        previous = Some(c);
    }
    out
}
