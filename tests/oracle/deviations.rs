//! The deviation table, `tests/data/deviations.tsv`, checked both ways: each row still says
//! what the document says (a stale row fails), and each row changes something.

use upsun_tests::oracle::Oracle;
use upsun_tests::oracle::deviations::{self, ABSENT};

fn shown(value: Option<&serde_json::Value>) -> String {
    value.map_or_else(|| ABSENT.to_owned(), |v| v.to_string())
}

#[test]
fn every_deviation_row_states_what_the_document_says() {
    let oracle = Oracle::get();
    let mut stale = Vec::new();
    for row in oracle.deviations() {
        let actual = deviations::current(oracle.original(), row);
        if actual != row.document_says.as_ref() {
            stale.push(format!(
                "line {} ({}): the row says the document has {} at {}, it has {}",
                row.line,
                row.field,
                shown(row.document_says.as_ref()),
                row.pointer,
                shown(actual)
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "stale rows in tests/data/deviations.tsv:\n{}",
        stale.join("\n")
    );
}

#[test]
fn every_deviation_row_changes_something_and_says_why() {
    let oracle = Oracle::get();
    assert!(!oracle.deviations().is_empty());
    for row in oracle.deviations() {
        assert_ne!(
            row.document_says, row.sdk_does,
            "deviations.tsv line {} ({}) changes nothing",
            row.line, row.field
        );
        assert!(
            row.why.split_whitespace().count() >= 5,
            "deviations.tsv line {} ({}): say why in a sentence",
            row.line,
            row.field
        );
        assert_eq!(
            oracle.document().pointer(&row.pointer),
            row.sdk_does.as_ref(),
            "deviations.tsv line {} is not applied",
            row.line
        );
    }
}
