use crate::graphql::scalar::DateTime;
use async_graphql::connection::{Connection, ConnectionNameType, EdgeNameType, EmptyFields};
use async_graphql::{Context, ID, Object, OutputType, SimpleObject};
use entity::committee;
use entity::committee_membership;
use entity::enums::{CommitteeKind, CommitteeRole};

use super::MemberUnit;
use crate::graphql::connection::{Cursor, Page, TotalCount};
use crate::graphql::error::ApiResult;
use crate::graphql::id::{NodeType, encode};
use crate::graphql::loader::{Loaders, prime_member_units};

/// GraphQL object wrapping the entity model; see the schema description on the impl.
pub struct Committee(pub committee::Model);

/// A member unit's seat on a committee: carried on the edges of `Committee.members` and
/// `MemberUnit.committees`.
#[derive(SimpleObject, Debug, Clone)]
pub struct Seat {
    /// Role on the committee.
    pub role: CommitteeRole,
    /// When the seat was recorded (UTC, RFC 3339).
    pub since: DateTime,
}

impl From<&committee_membership::Model> for Seat {
    fn from(m: &committee_membership::Model) -> Self {
        Self {
            role: m.role,
            since: m.created_at.into(),
        }
    }
}

/// Name of the connection of a committee's members.
pub struct CommitteeMemberConnectionName;
impl ConnectionNameType for CommitteeMemberConnectionName {
    fn type_name<T: OutputType>() -> String {
        "CommitteeMemberConnection".into()
    }
}
/// Name of the edge of a committee's members.
pub struct CommitteeMemberEdgeName;
impl EdgeNameType for CommitteeMemberEdgeName {
    fn type_name<T: OutputType>() -> String {
        "CommitteeMemberEdge".into()
    }
}

/// The member units that sit on a committee; each edge carries the seat (role, since).
pub type CommitteeMemberConnection = Connection<
    Cursor,
    MemberUnit,
    TotalCount,
    Seat,
    CommitteeMemberConnectionName,
    CommitteeMemberEdgeName,
>;

/// A page of committees (`committees`).
pub type CommitteeConnection = Connection<Cursor, Committee, TotalCount, EmptyFields>;

/// A governing or working body of the alliance (Founding notice 三(一)): the council (理事会), the
/// standing council (常务理事会), the five working committees (专门工作委员会), and the
/// teaching-staff committee (师资建设委员会, Ten Measures (6)).
#[Object]
impl Committee {
    /// Opaque global ID.
    pub async fn id(&self) -> ID {
        encode(NodeType::Committee, self.0.id)
    }

    /// The record's audit trail, newest first: who created and changed it, when, through which
    /// operation, and the fields changed (see `auditEvents`, scoped the same way). Errors:
    /// `UNAUTHENTICATED`, `BAD_USER_INPUT`.
    #[graphql(
        guard = "crate::graphql::guard::RoleGuard::Authenticated",
        complexity = "crate::graphql::connection::cost(first, None, child_complexity)"
    )]
    pub async fn history(
        &self,
        ctx: &async_graphql::Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
    ) -> crate::graphql::error::ApiResult<super::AuditEventConnection> {
        crate::graphql::query::history(ctx, self.0.id, first, after).await
    }

    /// Name as the source document prints it. The five working committees are printed as one list
    /// ("成立校企合作与招生就业、…5个专门工作委员会"); each name is its item of that list.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Kind of body.
    async fn kind(&self) -> CommitteeKind {
        self.0.kind
    }

    /// Display order (1 = the council).
    async fn sort_order(&self) -> i32 {
        self.0.sort_order
    }

    /// Document and section that founds the body.
    async fn source(&self) -> Option<&str> {
        self.0.source.as_deref()
    }

    /// When the row was created (UTC, RFC 3339).
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }

    /// The member units that sit on it, in annex order; each edge carries the seat's role. The
    /// documents do not say who sits where: seats are recorded by the secretariat
    /// (`setCommitteeMembership`). Loaded for all committees of a page in one SQL statement.
    #[graphql(complexity = "crate::graphql::connection::cost(first, last, child_complexity)")]
    async fn members(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Returns the first n items (1–100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Returns the items after this cursor.")] after: Option<String>,
        #[graphql(desc = "Returns the last n items (1–100).")] last: Option<i32>,
        #[graphql(desc = "Returns the items before this cursor.")] before: Option<String>,
    ) -> ApiResult<CommitteeMemberConnection> {
        let page = Page::new(first, after, last, before, "SEAT")?;
        let loaders = ctx.data::<Loaders>()?;
        let seats = loaders
            .seats_by_committee
            .load_one(self.0.id)
            .await?
            .unwrap_or_default();
        let (rows, total) = page.slice(seats, |(seat, _)| seat.id);
        let ids: Vec<_> = rows.iter().map(|(_, u)| u.id).collect();
        prime_member_units(loaders, &ctx.look_ahead(), &ids).await?;
        Ok(page.finish(rows, total, |(seat, unit)| {
            (
                Cursor {
                    order: "SEAT".into(),
                    key: serde_json::Value::Null,
                    id: seat.id,
                },
                MemberUnit::from(unit),
                Seat::from(&seat),
            )
        }))
    }
}
