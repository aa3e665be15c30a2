//! What several test modules share: the member units they act for, a staff account of each, and
//! the command-line tool as a process.

use std::io::{BufRead, BufReader, Lines};
use std::process::{ChildStdout, Command};

use alliance_tests::TestApp;
use entity::enums::AccountRole;
use serde_json::Value;

/// An enterprise member.
pub const FIRM_A: &str = "威高集团股份有限公司";
/// A second enterprise member.
pub const FIRM_B: &str = "天润工业技术股份有限公司";
/// A third enterprise member.
pub const FIRM_C: &str = "山东联桥集团有限公司";
/// A school member (its district is unknown).
pub const SCHOOL: &str = "威海技师学院";
/// A second school member (in 文登, known from its name).
pub const SCHOOL_2: &str = "威海市文登技师学院";

/// Tokens of a staff account of each unit above, and of the secretariat.
pub struct Parties {
    pub firm_a: String,
    pub firm_b: String,
    pub firm_c: String,
    pub school: String,
    pub school_2: String,
    pub secretariat: String,
}

/// Creates the accounts of [`Parties`] and logs them in.
pub async fn parties(app: &TestApp) -> Parties {
    Parties {
        firm_a: app
            .account_token(
                "a@weigao.example.org",
                AccountRole::EnterpriseStaff,
                Some(FIRM_A),
            )
            .await,
        firm_b: app
            .account_token(
                "b@tianrun.example.org",
                AccountRole::EnterpriseStaff,
                Some(FIRM_B),
            )
            .await,
        firm_c: app
            .account_token(
                "c@lianqiao.example.org",
                AccountRole::EnterpriseStaff,
                Some(FIRM_C),
            )
            .await,
        school: app
            .account_token(
                "s@college.example.org",
                AccountRole::SchoolStaff,
                Some(SCHOOL),
            )
            .await,
        school_2: app
            .account_token(
                "s@wendeng.example.org",
                AccountRole::SchoolStaff,
                Some(SCHOOL_2),
            )
            .await,
        secretariat: app.secretariat().await,
    }
}

/// `base` with the fields of `changes` set.
pub fn with(mut base: Value, changes: Value) -> Value {
    for (k, v) in changes.as_object().unwrap() {
        base[k] = v.clone();
    }
    base
}

/// The command-line tool (`api`), to be configured and run.
pub fn api_command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_alliance-api"))
}

/// Reads what `api serve` prints up to its GraphQL address: the address, and the rest of the
/// output (keep it open while the server runs, so that it never writes into a closed pipe).
pub fn graphql_address(stdout: ChildStdout) -> (String, Lines<BufReader<ChildStdout>>) {
    let mut lines = BufReader::new(stdout).lines();
    loop {
        let line = lines.next().expect("serve prints its address").unwrap();
        if let Some(rest) = line.trim().strip_prefix("GraphQL:") {
            return (rest.split_whitespace().next().unwrap().to_owned(), lines);
        }
    }
}
