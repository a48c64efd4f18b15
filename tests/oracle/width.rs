//! Decode width: every answer the document allows for a declared operation decodes with the
//! SDK's type, from the smallest (only required members) to the widest (every member, unknown
//! ones too, every enum value).
//!
//! The instances come from the document's schema for the operation's success status (with the
//! deviation table applied), see `generate.rs`. Each is first validated against that schema:
//! that proves the generator, so a decode failure is the SDK's.

use upsun_tests::oracle::{Direction, Mode, Oracle};

use crate::decode::DECODERS;
use crate::generate;
use crate::sdk_source::declared;

/// What one run found.
#[derive(Default)]
struct Findings {
    problems: Vec<String>,
    generator: Vec<String>,
    decode: Vec<String>,
    schemas: usize,
    instances: usize,
}

#[test]
fn every_declared_answer_decodes_in_every_shape_the_document_allows() {
    let oracle = Oracle::get();
    let mut found = Findings::default();
    let mut in_table = Vec::new();
    for d in declared() {
        let Some(op) = d.operation() else { continue };
        let answer = d.answer_type();
        let body = oracle.success(op).and_then(|(status, response)| {
            let schema = response.json_schema()?.to_owned();
            Some((status, schema))
        });
        let Some((status, schema)) = body else {
            if answer != "()" {
                found.problems.push(format!(
                    "{} answers {answer}, but `{}` documents no JSON body for its success",
                    d.name(),
                    op.operation_id
                ));
            }
            continue;
        };
        if answer == "()" {
            found.problems.push(format!(
                "{} answers (), but `{}` documents a body for {status} ({schema})",
                d.name(),
                op.operation_id
            ));
            continue;
        }
        let Some((_, type_name, decode)) = DECODERS.iter().find(|e| e.0 == op.operation_id) else {
            found.problems.push(format!(
                "`{}` ({}) is missing from the table in tests/oracle/decode.rs: add\n    \
                 (\"{}\", \"{answer}\", de::<upsun::{}::{answer}>),",
                op.operation_id,
                d.name(),
                op.operation_id,
                d.module
            ));
            continue;
        };
        in_table.push(op.operation_id.as_str());
        let type_name: String = type_name.split_whitespace().collect();
        if type_name != answer {
            found.problems.push(format!(
                "decode.rs says `{}` answers {type_name}; {} declares {answer}",
                op.operation_id,
                d.name()
            ));
        }
        found.schemas += 1;
        for variant in generate::variants(oracle.document(), &schema) {
            let mode = Mode {
                direction: Direction::Response,
                open: variant.open,
            };
            let text = serde_json::to_string_pretty(&variant.value).unwrap();
            if let Err(v) = oracle.check_value(op, Some(status), &schema, mode, &variant.value) {
                found.generator.push(format!(
                    "`{}` {}: the generated instance does not validate: {v}\n{text}",
                    op.operation_id, variant.label
                ));
                continue;
            }
            found.instances += 1;
            if let Err(error) = decode(text.as_bytes()) {
                found.decode.push(format!(
                    "`{}` ({}, {answer}) {}: {error}\n{text}",
                    op.operation_id,
                    d.name(),
                    variant.label
                ));
            }
        }
    }
    for (id, _, _) in DECODERS {
        if !in_table.contains(id) {
            found.problems.push(format!(
                "decode.rs lists `{id}`, which no declared method answers"
            ));
        }
    }
    report(&found);
}

#[allow(clippy::print_stderr)] // the counts, for whoever reads the test's output
fn report(found: &Findings) {
    eprintln!(
        "decode width: {} schemas, {} instances validated and decoded, {} decode failures",
        found.schemas,
        found.instances,
        found.decode.len()
    );
    assert!(found.problems.is_empty(), "{}", found.problems.join("\n"));
    assert!(
        found.generator.is_empty(),
        "the generator made instances the schema refuses (a bug in generate.rs):\n\n{}",
        found.generator.join("\n\n")
    );
    assert!(
        found.decode.is_empty(),
        "{} answer(s) the document allows do not decode with the SDK's types \
         (operation, method, type, variant: serde's error, then the instance):\n\n{}",
        found.decode.len(),
        found.decode.join("\n\n")
    );
    assert!(found.schemas >= 30 && found.instances > found.schemas * 3);
}

#[test]
fn every_decoder_refuses_what_its_type_cannot_hold() {
    // A decoder that took anything would make the test above prove nothing.
    for (id, type_name, decode) in DECODERS {
        assert!(
            decode(br#""not an answer""#).is_err(),
            "`{id}`: {type_name} decodes a bare string"
        );
    }
    let (_, _, organization) = DECODERS.iter().find(|e| e.0 == "get-org").unwrap();
    assert!(
        organization(b"{}").is_err(),
        "an organization without an ID decodes"
    );
    let (_, _, organizations) = DECODERS.iter().find(|e| e.0 == "list-orgs").unwrap();
    let org = r#"{"id": "01H2X9Z4CQJ5K7M8N9P0QRSTVW"}"#;
    assert!(organizations(format!(r#"{{"items": [{org}]}}"#).as_bytes()).is_ok());
    assert!(
        organizations(format!(r#"{{"organizations": [{org}]}}"#).as_bytes()).is_err(),
        "a page reading the wrong member is not caught"
    );
}
