//! The schema is a contract (`API-CONVENTIONS.md` §6): `schema.graphql` is generated from the code.

#[test]
fn schema_graphql_equals_the_generated_sdl() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schema.graphql");
    let committed = std::fs::read_to_string(&path).expect("schema.graphql at the repository root");
    assert!(
        committed == api::graphql::schema::sdl(),
        "schema.graphql is stale: run `cargo run -p api -- schema > schema.graphql`"
    );
}

/// Every type, field, argument, input field and enum value of ours has a description (the
/// connection, edge and page-info types are async-graphql's own and documented by it).
#[tokio::test]
async fn every_type_field_argument_and_enum_value_has_a_description() {
    let schema = api::graphql::schema::builder(api::graphql::SchemaLimits::default()).finish();
    let query = r#"{ __schema { types {
        name description
        fields { name description args { name description } }
        inputFields { name description }
        enumValues { name description }
    } } }"#;
    let response = schema.execute(query).await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let data = response.data.into_json().unwrap();
    let documented = |v: &serde_json::Value| {
        v["description"]
            .as_str()
            .is_some_and(|d| !d.trim().is_empty())
    };
    let mut missing = Vec::new();
    for ty in data["__schema"]["types"].as_array().unwrap() {
        let name = ty["name"].as_str().unwrap();
        let builtin =
            name.starts_with("__") || ["String", "Int", "Boolean", "ID", "Float"].contains(&name);
        let generic = name.ends_with("Connection") || name.ends_with("Edge") || name == "PageInfo";
        if builtin {
            continue;
        }
        if !documented(ty) && !generic {
            missing.push(name.to_owned());
        }
        for list in ["fields", "inputFields", "enumValues"] {
            for item in ty[list].as_array().into_iter().flatten() {
                if !documented(item) {
                    missing.push(format!("{name}.{}", item["name"].as_str().unwrap()));
                }
                for arg in item["args"].as_array().into_iter().flatten() {
                    if !documented(arg) {
                        missing.push(format!(
                            "{name}.{}({})",
                            item["name"].as_str().unwrap(),
                            arg["name"].as_str().unwrap()
                        ));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "undocumented: {missing:#?}");
}
