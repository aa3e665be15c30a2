//! The schema is a contract (`docs/api-conventions.md`, Shape): `schema.graphql` is generated from the code.

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

/// graphql-js 16's `getIntrospectionQuery({ descriptions: true, specifiedByUrl: true,
/// directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true })`, as
/// GraphiQL, Apollo, codegen, Postman and Insomnia send it.
const STANDARD_INTROSPECTION: &str = r#"
    query IntrospectionQuery {
      __schema {
        description
        queryType { name }
        mutationType { name }
        subscriptionType { name }
        types {
          ...FullType
        }
        directives {
          name
          description
          isRepeatable
          locations
          args(includeDeprecated: true) {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description
      specifiedByURL
      fields(includeDeprecated: true) {
        name
        description
        args(includeDeprecated: true) {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields(includeDeprecated: true) {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue
      isDeprecated
      deprecationReason
    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        kind
        name
        ofType {
          kind
          name
          ofType {
            kind
            name
            ofType {
              kind
              name
              ofType {
                kind
                name
                ofType {
                  kind
                  name
                  ofType {
                    kind
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
"#;

/// At the default `GRAPHQL_MAX_DEPTH` (12) the standard introspection query answers in full,
/// anonymously, over HTTP; the depth limit still holds for everything else. (It reads the schema,
/// not the database: SQLite is enough.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_standard_introspection_query_passes_at_the_default_limits() {
    let app = alliance_tests::spawn_app(alliance_tests::Backend::Sqlite)
        .await
        .expect("SQLite always runs");
    let reply = app
        .post_graphql(STANDARD_INTROSPECTION, serde_json::json!({}), None)
        .await;
    assert_eq!(reply.status, 200);
    assert!(
        reply.body.get("errors").is_none(),
        "{}",
        reply.body["errors"]
    );
    // The depth reported is the one the limit counts: introspection apart, none.
    assert_eq!(reply.body["extensions"]["cost"]["depth"], 0);
    assert_eq!(reply.body["extensions"]["cost"]["maxDepth"], 12);
    let schema = &reply.body["data"]["__schema"];
    assert_eq!(schema["queryType"]["name"], "Query");
    assert_eq!(schema["mutationType"]["name"], "Mutation");
    assert_eq!(schema["subscriptionType"]["name"], "Subscription");
    let types = schema["types"].as_array().unwrap();
    let member = types
        .iter()
        .find(|t| t["name"] == "MemberUnit")
        .expect("MemberUnit");
    assert_eq!(member["kind"], "OBJECT");
    assert!(member["fields"].as_array().unwrap().len() > 10);
    // A list of non-null items: three levels of `ofType` read back.
    let ids = types.iter().find(|t| t["name"] == "Query").unwrap()["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "nodes")
        .unwrap()["args"][0]["type"]
        .clone();
    assert_eq!(ids["kind"], "NON_NULL");
    assert_eq!(ids["ofType"]["kind"], "LIST");
    assert_eq!(ids["ofType"]["ofType"]["ofType"]["name"], "ID");
    assert!(
        schema["directives"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["name"] == "include" && d["isRepeatable"] == false)
    );
    // Scalars are named for what they are, each with the URL of its specification.
    let scalar = |name: &str| types.iter().find(|t| t["name"] == name).cloned();
    for (name, spec) in [("Date", "local-date"), ("DateTime", "date-time")] {
        let t = scalar(name).unwrap_or_else(|| panic!("no scalar {name}"));
        assert_eq!(t["kind"], "SCALAR");
        assert!(
            t["specifiedByURL"].as_str().unwrap_or("").contains(spec),
            "{t}"
        );
    }
    assert!(scalar("NaiveDate").is_none());
    // Data selections are held to the limit even beside introspection.
    let deep = "{ __schema { queryType { name } } memberUnits(first: 1) { nodes { committees(first: 1) { nodes { members(first: 1) { nodes { committees(first: 1) { nodes { members(first: 1) { nodes { committees(first: 1) { nodes { name } } } } } } } } } } } } }";
    let reply = app.post_graphql(deep, serde_json::json!({}), None).await;
    assert_eq!(reply.error_codes(), ["BAD_USER_INPUT"]);
    assert!(
        reply.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("查询嵌套超过 12 层")
    );
}
