//! Conformance: the endpoints the sdk declares are exactly the API's operations for the areas
//! it covers, verb and path, and the README's table of covered areas says so.
//!
//! The declarations are read from the sdk's own source, from the same `#[endpoint(VERB,
//! "template")]` attributes the macro expands, and compared with `tests/data/account-operations.tsv`,
//! a table taken from the OpenAPI document (method, path, operation id, tag, summary).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const OPERATIONS: &str = include_str!("../data/account-operations.tsv");
const README: &str = include_str!("../../README.md");

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Declared {
    module: String,
    api_trait: String,
    method: String,
    verb: String,
    template: String,
}

struct Operation {
    verb: String,
    path: String,
    tag: String,
}

/// `/users/{user_id}/x` and `/users/<id>/x` both become `/users/{}/x`.
fn shape(path: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '{' | '<' => {
                depth += 1;
                if depth == 1 {
                    out.push_str("{}");
                }
            }
            '}' | '>' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn operations() -> Vec<Operation> {
    OPERATIONS
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            Operation {
                verb: cols[0].to_owned(),
                path: cols[1].to_owned(),
                tag: cols[3].to_owned(),
            }
        })
        .collect()
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

/// Every `#[endpoint(..)]` in the sdk's source with the trait and method it sits on.
fn declared() -> Vec<Declared> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sdk/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let relative = file.strip_prefix(&src).unwrap().with_extension("");
        let module = relative
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap();
        let mut rest = text.as_str();
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
                api_trait = name[..name.find([':', ' ', '<']).unwrap()].to_owned();
            }
            let args_start = at + "#[endpoint(".len();
            let args_end = args_start + rest[args_start..].find(")]").unwrap();
            let args = &rest[args_start..args_end];
            let (verb, after) = args.split_once(',').unwrap();
            let quoted = after.trim_start();
            assert!(
                quoted.starts_with('"'),
                "template of {args:?} is not a plain string"
            );
            let close = 1 + quoted[1..].find('"').unwrap();
            let template = quoted[1..close].to_owned();
            let after_attr = &rest[args_end..];
            let fn_at = after_attr.find("async fn ").unwrap() + "async fn ".len();
            let name = &after_attr[fn_at..];
            let method = name[..name.find(['(', '<']).unwrap()].to_owned();
            found.push(Declared {
                module: module.clone(),
                api_trait: api_trait.clone(),
                method,
                verb: verb.trim().to_owned(),
                template,
            });
            rest = &rest[args_end..];
        }
    }
    found.sort();
    found
}

#[test]
fn every_account_operation_is_declared_once_with_its_verb_and_path() {
    let declared = declared();
    let expected: BTreeSet<(String, String)> = operations()
        .iter()
        .map(|op| (op.verb.clone(), shape(&op.path)))
        .collect();
    let mut seen = BTreeMap::new();
    for d in &declared {
        let key = (d.verb.clone(), shape(&d.template));
        if let Some(other) = seen.insert(key.clone(), d.method.clone()) {
            panic!(
                "{} {} is declared twice: `{other}` and `{}`",
                key.0, key.1, d.method
            );
        }
    }
    let have: BTreeSet<_> = seen.keys().cloned().collect();
    let missing: Vec<_> = expected.difference(&have).collect();
    let extra: Vec<_> = have.difference(&expected).collect();
    assert!(missing.is_empty(), "operations not declared: {missing:#?}");
    assert!(
        extra.is_empty(),
        "declared endpoints that are not API operations: {extra:#?}"
    );
    assert_eq!(declared.len(), operations().len());
}

/// The README's table, as the declarations and the operations table make it.
fn expected_table() -> String {
    let tags: BTreeMap<(String, String), String> = operations()
        .into_iter()
        .map(|op| ((op.verb, shape(&op.path)), op.tag))
        .collect();
    let mut rows: BTreeMap<(String, String), (BTreeSet<String>, usize)> = BTreeMap::new();
    for d in declared() {
        let tag = tags
            .get(&(d.verb.clone(), shape(&d.template)))
            .cloned()
            .unwrap_or_else(|| "(not in the API)".to_owned());
        let row = rows.entry((d.module, d.api_trait)).or_default();
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
}
