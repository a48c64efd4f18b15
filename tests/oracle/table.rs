//! The operations table, `tests/data/operations.tsv`: every operation of the document
//! (method, path, operation ID, tag, summary), for people and tools to read. It is derived from
//! the document, and this test derives it again: run with `UPSUN_REGENERATE=1` to rewrite it.

use std::collections::BTreeSet;
use std::path::Path;

use upsun_tests::oracle::Oracle;

#[test]
fn the_operations_table_is_the_one_the_document_makes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/operations.tsv");
    let derived = Oracle::get().operations_tsv();
    if std::env::var_os("UPSUN_REGENERATE").is_some_and(|v| v == "1") {
        std::fs::write(&path, &derived).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == derived {
        return;
    }
    let old: BTreeSet<&str> = committed.lines().collect();
    let new: BTreeSet<&str> = derived.lines().collect();
    let mut diff = String::new();
    for line in old.difference(&new) {
        diff.push_str(&format!("- {line}\n"));
    }
    for line in new.difference(&old) {
        diff.push_str(&format!("+ {line}\n"));
    }
    if diff.is_empty() {
        diff.push_str("(the same rows, in another order or with other line endings)\n");
    }
    panic!(
        "tests/data/operations.tsv differs from what the document makes \
         (- committed, + derived):\n{diff}\nRegenerate it with:\n  \
         UPSUN_REGENERATE=1 cargo test -p upsun-tests --test oracle the_operations_table"
    );
}

#[test]
fn the_document_has_each_operation_once_with_an_id() {
    let operations = Oracle::get().operations();
    assert_eq!(
        operations.len(),
        266,
        "the document's operation count changed"
    );
    let ids: BTreeSet<&str> = operations
        .iter()
        .map(|op| op.operation_id.as_str())
        .collect();
    assert_eq!(ids.len(), operations.len(), "operation IDs repeat");
    assert!(!ids.contains(""), "an operation has no operationId");
    let schemas = Oracle::get().original()["components"]["schemas"]
        .as_object()
        .unwrap()
        .len();
    assert_eq!(
        schemas, 278,
        "the document's component schema count changed"
    );
}
