//! Input types of the auth operations.

use async_graphql::InputObject;

/// Credentials for `login`.
#[derive(InputObject)]
pub struct LoginInput {
    /// Login e-mail (case does not matter).
    pub email: String,
    /// Password.
    pub password: String,
}
