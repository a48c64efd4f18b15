//! The deviation table, `tests/data/deviations.tsv`: where the SDK knowingly differs from the
//! OpenAPI document, and why.
//!
//! Each row names a place in the document by JSON pointer, what the document says there and
//! what the SDK does instead (both as JSON; `(absent)` for a member that is not there). The
//! oracle validates against the document with every row applied. The tests check each row both
//! ways: what it says the document says must still be true (a row goes stale when the document
//! changes), and what the SDK does must differ from it (a row that changes nothing is noise).

use serde_json::Value;

/// The table, as committed.
pub const DEVIATIONS_TSV: &str = include_str!("../../data/deviations.tsv");

/// The word for "no such member", in the table's JSON columns.
pub const ABSENT: &str = "(absent)";

/// One row of the deviation table.
#[derive(Debug, Clone, PartialEq)]
pub struct Deviation {
    /// The 1-based line in the file, for messages.
    pub line: usize,
    /// The JSON pointer into the document.
    pub pointer: String,
    /// The field it is about, in words (`Organization.id`).
    pub field: String,
    /// The document's value there, `None` when the member is absent.
    pub document_says: Option<Value>,
    /// The value the oracle puts there instead, `None` to remove the member.
    pub sdk_does: Option<Value>,
    /// Why, in plain words.
    pub why: String,
}

/// Parses the table: a header line, then one row a line; blank lines and lines starting with
/// `#` are skipped. Panics with the line number on a malformed row.
pub fn parse(text: &str) -> Vec<Deviation> {
    let mut rows = Vec::new();
    for (index, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let line_no = index + 1;
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() == 5,
            "deviations.tsv line {line_no}: expected 5 tab-separated columns \
             (pointer, field, document says, SDK does, why), found {}",
            cols.len()
        );
        let value = |col: &str, name: &str| -> Option<Value> {
            if col == ABSENT {
                return None;
            }
            Some(serde_json::from_str(col).unwrap_or_else(|e| {
                panic!("deviations.tsv line {line_no}: `{name}` is not JSON ({e}): {col}")
            }))
        };
        rows.push(Deviation {
            line: line_no,
            pointer: cols[0].to_owned(),
            field: cols[1].to_owned(),
            document_says: value(cols[2], "document says"),
            sdk_does: value(cols[3], "SDK does"),
            why: cols[4].to_owned(),
        });
    }
    rows
}

/// Splits a JSON pointer into its parent pointer and last member name (unescaped).
fn split(pointer: &str) -> (&str, String) {
    let at = pointer.rfind('/').unwrap_or(0);
    let last = pointer[at..].trim_start_matches('/');
    (&pointer[..at], last.replace("~1", "/").replace("~0", "~"))
}

/// Applies one row to `document`: puts "SDK does" at the pointer (or removes the member).
/// The parent of the pointer must exist.
pub fn apply(document: &mut Value, row: &Deviation) {
    let (parent, last) = split(&row.pointer);
    let target = document.pointer_mut(parent).unwrap_or_else(|| {
        panic!(
            "deviations.tsv line {}: no `{parent}` in the document (the parent of {})",
            row.line, row.pointer
        )
    });
    match (target, &row.sdk_does) {
        (Value::Object(map), Some(value)) => {
            map.insert(last, value.clone());
        }
        (Value::Object(map), None) => {
            map.remove(&last);
        }
        (Value::Array(list), value) => {
            let index: usize = last.parse().unwrap_or_else(|_| {
                panic!("deviations.tsv line {}: `{last}` is no index", row.line)
            });
            match value {
                Some(value) => list[index] = value.clone(),
                None => {
                    list.remove(index);
                }
            }
        }
        _ => panic!(
            "deviations.tsv line {}: `{parent}` is neither an object nor a list",
            row.line
        ),
    }
}

/// What the document has at the row's pointer (`None` when absent).
pub fn current<'a>(document: &'a Value, row: &Deviation) -> Option<&'a Value> {
    document.pointer(&row.pointer)
}
