use async_graphql::{Context, Object};

use crate::graphql::object::Account;

/// The caller's own account, attached to the request by the HTTP layer.
#[derive(Debug, Clone)]
pub struct CurrentAccount(pub entity::account::Model);

#[derive(Default)]
pub struct ViewerQuery;

#[Object]
impl ViewerQuery {
    /// The caller's account (with its unit), or null for an anonymous caller.
    async fn viewer(&self, ctx: &Context<'_>) -> Option<Account> {
        ctx.data_opt::<CurrentAccount>()
            .map(|a| Account(a.0.clone()))
    }
}
