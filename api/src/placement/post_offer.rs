//! A firm's declaration of the internship posts it sets up for vocational students in a year, the
//! measure of the 2% rule (Weihai 2020 plan (十) and task 20; Huancui task list, item 8). A new
//! declaration for the same year replaces the old one.

use chrono::Utc;
use entity::internship_post_offer;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::{OpResult, Violation, ViolationCode, refuse};
use crate::msg;

/// Most specialties one declaration names.
pub const MAX_POST_SPECIALTIES: usize = 50;
/// Longest specialty name, in characters.
pub const MAX_POST_SPECIALTY_CHARS: usize = 100;

/// What a firm declares for one year.
#[derive(Debug, Clone)]
pub struct PostOffer {
    /// The declaring unit.
    pub unit_id: Uuid,
    /// The year (2000–2100).
    pub year: i32,
    /// Posts set up (0–10,000; 0 corrects an earlier declaration).
    pub posts: i32,
    /// The specialties the posts serve (at most 50, each at most 100 characters).
    pub specialties: Vec<String>,
}

/// The specialties as stored: normalised, blanks refused (`BLANK` on `specialties.i`), repeats
/// dropped, at most [`MAX_POST_SPECIALTIES`] of at most [`MAX_POST_SPECIALTY_CHARS`] characters.
fn specialties(given: &[String], errors: &mut Vec<Violation>) -> Vec<String> {
    if given.len() > MAX_POST_SPECIALTIES {
        errors.push(Violation::on(
            "specialties",
            ViolationCode::TooLarge,
            msg!(
                "limits-too-many-items",
                field = "specialties",
                max = MAX_POST_SPECIALTIES
            ),
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, s) in given.iter().enumerate() {
        let field = format!("specialties.{i}");
        let s = crate::text::required(s, &field, errors);
        crate::text::too_long(errors, &field, Some(&s), MAX_POST_SPECIALTY_CHARS);
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// Declares the internship posts `offer.unit_id` sets up in `offer.year`, replacing an earlier
/// declaration for that year. The unit's own ENTERPRISE_STAFF or the secretariat; the unit must
/// carry a firm's commitments ([`crate::registry::carries_firm_commitments`]), else
/// `WRONG_HOST_KIND`. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED` anonymously; `FORBIDDEN` for schools' staff and other units' staff; database
/// failures. Input problems (`NOT_FOUND`, `WRONG_HOST_KIND`, `INVALID` year,
/// `MUST_BE_NON_NEGATIVE` / `TOO_LARGE` posts, `BLANK` / `TOO_LONG` / `TOO_LARGE` specialties) are
/// the `Err` of the outcome.
pub async fn offer_internship_posts(
    db: &impl TransactionTrait,
    actor: &Actor,
    offer: PostOffer,
) -> OpResult<internship_post_offer::Model> {
    if !actor.is_secretariat() && actor.firm() != Some(offer.unit_id) {
        return Err(actor.refused(msg!("placement-forbidden-offer-posts")));
    }
    let mut errors = Vec::new();
    if !(2000..=2100).contains(&offer.year) {
        errors.push(Violation::on(
            "year",
            ViolationCode::Invalid,
            msg!("placement-posts-year-range"),
        ));
    }
    if offer.posts < 0 {
        errors.push(Violation::on(
            "posts",
            ViolationCode::MustBeNonNegative,
            msg!("placement-posts-negative"),
        ));
    }
    crate::limits::headcount(&mut errors, "posts", Some(offer.posts));
    let specialties = specialties(&offer.specialties, &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let txn = crate::db::write_txn(db).await?;
    match entity::member_unit::Entity::find_by_id(offer.unit_id)
        .one(&txn)
        .await?
    {
        None => {
            return Ok(refuse(
                "unitId",
                ViolationCode::NotFound,
                msg!("placement-member-unit-unknown"),
            ));
        }
        Some(u) if !crate::registry::carries_firm_commitments(&u) => {
            return Ok(refuse(
                "unitId",
                ViolationCode::WrongHostKind,
                msg!("placement-posts-firms-only", name = &u.name),
            ));
        }
        Some(_) => {}
    }
    let now = Utc::now();
    // The upsert bypasses the entities' hooks: the row before and after are recorded here.
    let before = internship_post_offer::Entity::find()
        .filter(internship_post_offer::Column::UnitId.eq(offer.unit_id))
        .filter(internship_post_offer::Column::Year.eq(offer.year))
        .one(&txn)
        .await?;
    internship_post_offer::Entity::insert(internship_post_offer::ActiveModel {
        id: Set(Uuid::now_v7()),
        unit_id: Set(offer.unit_id),
        year: Set(offer.year),
        posts: Set(offer.posts),
        specialties: Set(crate::text::join_list(&specialties)),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            internship_post_offer::Column::UnitId,
            internship_post_offer::Column::Year,
        ])
        .update_columns([
            internship_post_offer::Column::Posts,
            internship_post_offer::Column::Specialties,
            internship_post_offer::Column::UpdatedAt,
        ])
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    let row = internship_post_offer::Entity::find()
        .filter(internship_post_offer::Column::UnitId.eq(offer.unit_id))
        .filter(internship_post_offer::Column::Year.eq(offer.year))
        .one(&txn)
        .await?
        .ok_or_else(|| sea_orm::DbErr::RecordNotFound("internship_post_offer".into()))?;
    match &before {
        Some(before) => entity::audit::record_change(&txn, before, &row).await?,
        None => {
            entity::audit::record_models(
                &txn,
                entity::enums::AuditAction::Create,
                std::slice::from_ref(&row),
            )
            .await?;
        }
    }
    txn.commit().await?;
    Ok(Ok(row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specialties_are_trimmed_deduplicated_and_bounded() {
        let mut errors = Vec::new();
        let out = specialties(
            &[
                " 数控技术应用 ".into(),
                "数控技术应用".into(),
                "焊接".into(),
            ],
            &mut errors,
        );
        assert!(errors.is_empty());
        assert_eq!(out, vec!["数控技术应用".to_owned(), "焊接".to_owned()]);

        let mut errors = Vec::new();
        specialties(&["  ".into(), "名".repeat(101)], &mut errors);
        let got: Vec<_> = errors
            .iter()
            .map(|e| (e.field.clone().unwrap_or_default(), e.code))
            .collect();
        assert_eq!(
            got,
            vec![
                ("specialties.0".to_owned(), ViolationCode::Blank),
                ("specialties.1".to_owned(), ViolationCode::TooLong),
            ]
        );

        let mut errors = Vec::new();
        let many: Vec<String> = (0..51).map(|i| format!("专业{i}")).collect();
        specialties(&many, &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, ViolationCode::TooLarge);
    }
}
