//! Conformance: the endpoints the SDK declares are the document's operations, verb and path,
//! named after their operation IDs, and cover every operation of each tag they touch; the
//! README's table of covered areas says so.
//!
//! The declarations are read from the SDK's source (see `sdk_source.rs`) and compared with the
//! document itself (`tests/data/upsun-openapi.json`). A method named otherwise than its
//! operation ID is listed, with the reason, in `tests/data/renames.tsv`.

use std::collections::{BTreeMap, BTreeSet};

use upsun_tests::oracle::{Oracle, paths};

use crate::sdk_source::{Declared, declared, snake_case};

const README: &str = include_str!("../../README.md");
const RENAMES: &str = include_str!("../data/renames.tsv");

/// One row of `renames.tsv`.
struct Rename {
    line: usize,
    api_trait: String,
    method: String,
    operation_id: String,
}

fn renames() -> Vec<Rename> {
    RENAMES
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, line)| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(
                cols.len() == 4 && !cols[3].trim().is_empty(),
                "renames.tsv line {}: expected trait, method, operation_id and why",
                i + 1
            );
            Rename {
                line: i + 1,
                api_trait: cols[0].to_owned(),
                method: cols[1].to_owned(),
                operation_id: cols[2].to_owned(),
            }
        })
        .collect()
}

#[test]
fn the_sdk_declares_endpoints() {
    assert!(
        declared().len() >= 40,
        "found only {} #[endpoint] declarations under sdk/src: is the parser still right?",
        declared().len()
    );
}

#[test]
fn every_declared_endpoint_is_a_document_operation_with_the_same_path_parameters() {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();
    for d in declared() {
        if !d.in_api {
            problems.push(format!(
                "{} ({}) is declared outside sdk/src/api/",
                d.name(),
                d.file
            ));
        }
        let key = (d.verb.clone(), paths::shape(&d.template));
        if let Some(other) = seen.insert(key.clone(), d.name()) {
            problems.push(format!(
                "{} {} is declared twice: {other} and {}",
                key.0,
                key.1,
                d.name()
            ));
        }
        if d.operation().is_none() {
            let first = d.template.trim_start_matches('/').split('/').next();
            let near: Vec<String> = Oracle::get()
                .operations()
                .iter()
                .filter(|op| op.path.trim_start_matches('/').split('/').next() == first)
                .map(|op| format!("{} {}", op.method, op.path))
                .collect();
            problems.push(format!(
                "{} ({}) declares {} {}, which is no operation of the document \
                 (the same verb and literal segments, parameters in the same places); \
                 operations under the same first segment: {near:#?}",
                d.name(),
                d.file,
                d.verb,
                d.template
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn method_names_are_the_operation_ids_in_snake_case_or_listed_renames() {
    let renames = renames();
    let mut used = BTreeSet::new();
    let mut problems = Vec::new();
    for d in declared() {
        let Some(op) = d.operation() else { continue };
        let expected = snake_case(&op.operation_id);
        let row = renames
            .iter()
            .find(|r| r.api_trait == d.api_trait && r.method == d.method);
        match row {
            Some(row) => {
                used.insert(row.line);
                if row.operation_id != op.operation_id {
                    problems.push(format!(
                        "renames.tsv line {}: {} is `{}` in the document, not `{}`",
                        row.line,
                        d.name(),
                        op.operation_id,
                        row.operation_id
                    ));
                } else if d.method == expected {
                    problems.push(format!(
                        "renames.tsv line {}: {} already is the snake case of `{}`; \
                         remove the row",
                        row.line,
                        d.name(),
                        op.operation_id
                    ));
                }
            }
            None if d.method != expected => problems.push(format!(
                "{} ({} {}) should be named `{expected}` after its operation ID `{}`, \
                 or be listed in tests/data/renames.tsv with the reason:\n{}\t{}\t{}\t<why>",
                d.name(),
                d.verb,
                d.template,
                op.operation_id,
                d.api_trait,
                d.method,
                op.operation_id
            )),
            None => {}
        }
    }
    for row in &renames {
        if !used.contains(&row.line) {
            problems.push(format!(
                "renames.tsv line {}: no declared method {}::{} (for `{}`); remove the row",
                row.line, row.api_trait, row.method, row.operation_id
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn method_names_are_unique_across_all_traits() {
    // `use upsun::prelude::*` brings every trait into scope: two traits with a method of the
    // same name would make the call ambiguous.
    let mut by_name: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for d in declared() {
        by_name.entry(&d.method).or_default().push(d.name());
    }
    let clashes: Vec<_> = by_name.into_iter().filter(|(_, v)| v.len() > 1).collect();
    assert!(
        clashes.is_empty(),
        "method names used more than once: {clashes:#?}"
    );
}

#[test]
fn every_operation_of_a_covered_tag_is_declared() {
    let covered: BTreeSet<&str> = declared()
        .iter()
        .filter_map(Declared::operation)
        .map(|op| op.tag.as_str())
        .collect();
    let declared_ids: BTreeSet<&str> = declared()
        .iter()
        .filter_map(Declared::operation)
        .map(|op| op.operation_id.as_str())
        .collect();
    let missing: Vec<String> = Oracle::get()
        .operations()
        .iter()
        .filter(|op| covered.contains(op.tag.as_str()))
        .filter(|op| !declared_ids.contains(op.operation_id.as_str()))
        .map(|op| {
            format!(
                "{} {} `{}` (tag {})",
                op.method, op.path, op.operation_id, op.tag
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "operations of the covered tags {covered:?} that the SDK does not declare: {missing:#?}"
    );
}

/// The README's table, as the declarations and the document make it.
fn expected_table() -> String {
    let mut rows: BTreeMap<(String, String), (BTreeSet<String>, usize)> = BTreeMap::new();
    for d in declared() {
        let tag = d
            .operation()
            .map_or_else(|| "(not in the API)".to_owned(), |op| op.tag.clone());
        let row = rows
            .entry((d.module.clone(), d.api_trait.clone()))
            .or_default();
        row.0.insert(tag);
        row.1 += 1;
    }
    let mut table =
        String::from("| module | trait | OpenAPI tags | operations |\n|---|---|---|---|\n");
    for ((module, api_trait), (tags, count)) in rows {
        let tags: Vec<_> = tags.into_iter().collect();
        table.push_str(&format!(
            "| `upsun::{module}` | `{api_trait}` | {} | {count} |\n",
            tags.join(", ")
        ));
    }
    table
}

#[test]
fn the_readme_table_of_covered_areas_matches_the_declarations() {
    let table = expected_table();
    assert!(
        README.contains(&table),
        "README.md's table of covered areas is out of date; it should read:\n\n{table}"
    );
    // The sentence above the table gives the total, when it does.
    if let Some(at) = README.find(" operations, each one method") {
        let count = README[..at].rsplit(' ').next().unwrap_or_default();
        assert_eq!(
            count,
            declared().len().to_string(),
            "README.md says {count} operations; the SDK declares {}",
            declared().len()
        );
    }
}
