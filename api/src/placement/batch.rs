//! The rules checked for many placements at once, in a fixed number of statements per batch and
//! memory bounded by the batch: the facts each needs (what the rules read of its student, its
//! member host, the interns overlapping it at its host and on its post, counted in SQL), then
//! [`super::findings`].

use std::collections::HashMap;

use entity::enums::PlacementStatus;
use entity::internship_placement::RuleFields;
use entity::{internship_placement, member_unit, student};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, JoinType, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

use super::{Finding, InternCounts, findings};

/// Records by id, hashed with foldhash (as the loaders' caches are, `graphql::loader::Cache`):
/// the rule checks fill several such maps for each batch of placements, where the standard
/// library's SipHash was about 4% of the instructions of a page of `internshipRuleFindings`
/// (`docs/performance.md`, "Rule findings hashed with foldhash").
pub type IdMap<V> = HashMap<Uuid, V, foldhash::fast::RandomState>;

/// What [`findings_of`] checked a batch with that the caller reuses (a request's loaders): the
/// intern counts. Its students' rule columns are not kept; the page reads its own students whole.
#[derive(Debug, Default)]
pub struct BatchFacts {
    /// The interns overlapping each placement the ratio rules can judge, by placement id.
    pub counts: IdMap<InternCounts>,
}

/// Every finding of each placement of `rows` (in their order), in three statements: the
/// students' columns the rules read ([`student::RuleFields`]), the member hosts not already in
/// `hosts` (which gains them: a caller checking several batches reads each host once), and the
/// interns overlapping those the ratio rules can judge ([`intern_counts_of`]); the second is
/// skipped when every host is known. A placement whose student is missing (foreign keys forbid
/// it) has none. Also returns the facts used.
///
/// # Errors
/// Database failures.
pub async fn findings_of(
    db: &impl ConnectionTrait,
    rows: Vec<RuleFields>,
    hosts: &mut IdMap<member_unit::Model>,
) -> Result<(Vec<(RuleFields, Vec<Finding>)>, BatchFacts), DbErr> {
    let students: IdMap<student::RuleFields> = entity::positional::all_as(
        student::Entity::find()
            .select_only()
            .columns(student::RuleFields::columns())
            .filter(student::Column::Id.is_in(rows.iter().map(|p| p.student_id))),
        db,
    )
    .await?
    .into_iter()
    .map(|s: student::RuleFields| (s.id, s))
    .collect();
    let unknown: std::collections::BTreeSet<Uuid> = rows
        .iter()
        .filter_map(|p| p.host_unit_id)
        .filter(|h| !hosts.contains_key(h))
        .collect();
    if !unknown.is_empty() {
        hosts.extend(
            entity::positional::all(
                member_unit::Entity::find().filter(member_unit::Column::Id.is_in(unknown)),
                db,
            )
            .await?
            .into_iter()
            .map(|m| (m.id, m)),
        );
    }
    let hosts = &*hosts;
    let host_of = |p: &RuleFields| p.host_unit_id.and_then(|h| hosts.get(&h));
    let judged: Vec<Uuid> = rows
        .iter()
        .filter(|p| ratios_apply(p, host_of(p)))
        .map(|p| p.id)
        .collect();
    let counts = intern_counts_of(db, &judged).await?;
    let checked = rows
        .into_iter()
        .map(|p| {
            let found = students.get(&p.student_id).map_or_else(Vec::new, |s| {
                let c = counts
                    .get(&p.id)
                    .copied()
                    .unwrap_or(InternCounts { host: 1, post: 1 });
                findings(&p, s, host_of(&p), c)
            });
            (p, found)
        })
        .collect();
    Ok((checked, BatchFacts { counts }))
}

/// Whether the ratio rules can judge `p` at all: the host's staff is known (a member's from the
/// registry, another host's as the school reported it), or the post's. When neither is, the
/// counts are not needed (and not worth a statement).
pub fn ratios_apply(p: &RuleFields, host: Option<&member_unit::Model>) -> bool {
    let host_staff = host.map_or(p.host_staff_count, |h| h.employee_count);
    host_staff.is_some_and(|s| s > 0) || p.post_staff_count.is_some_and(|s| s > 0)
}

/// For each placement of `ids`, the open placements (PLANNED or ACTIVE) at the same host whose
/// dates overlap its own, in total and on the same post title, each counting the placement itself
/// once (as [`super::count_overlaps`] does). One statement (a self-join grouped by placement,
/// served by the `(host_key, start_date)` index), whatever the number of ids; placements with no
/// other intern get `{host: 1, post: 1}`.
///
/// # Errors
/// Database failures.
pub async fn intern_counts_of(
    db: &impl ConnectionTrait,
    ids: &[Uuid],
) -> Result<IdMap<InternCounts>, DbErr> {
    use internship_placement::{Column as C, Entity as Placement};
    let mut counts: IdMap<InternCounts> = ids
        .iter()
        .map(|id| (*id, InternCounts { host: 1, post: 1 }))
        .collect();
    if ids.is_empty() {
        return Ok(counts);
    }
    let (p, o) = (Alias::new("p"), Alias::new("o"));
    let col = |table: &Alias, c: C| Expr::col((table.clone(), c));
    let same_post = Expr::case(col(&o, C::PostTitle).eq(col(&p, C::PostTitle)), 1);
    let statement = Query::select()
        .expr_as(col(&p, C::Id), Alias::new("placement"))
        .expr_as(col(&o, C::Id).count(), Alias::new("host_n"))
        .expr_as(Expr::expr(same_post).count(), Alias::new("post_n"))
        .from_as(Placement, p.clone())
        .join_as(
            JoinType::InnerJoin,
            Placement,
            o.clone(),
            col(&o, C::HostKey)
                .eq(col(&p, C::HostKey))
                .and(col(&o, C::Id).ne(col(&p, C::Id)))
                .and(col(&o, C::Status).is_in([PlacementStatus::Planned, PlacementStatus::Active]))
                .and(col(&o, C::StartDate).lte(col(&p, C::EndDate)))
                .and(col(&o, C::EndDate).gte(col(&p, C::StartDate))),
        )
        .and_where(col(&p, C::Id).is_in(ids.iter().copied()))
        .group_by_col((p, C::Id))
        .to_owned();
    for row in db.query_all(&statement).await? {
        let id: Uuid = row.try_get("", "placement")?;
        let host: i64 = row.try_get("", "host_n")?;
        let post: i64 = row.try_get("", "post_n")?;
        counts.insert(
            id,
            InternCounts {
                host: host + 1,
                post: post + 1,
            },
        );
    }
    Ok(counts)
}
