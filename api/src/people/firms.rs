//! Apprenticeship bases (企业学徒基地, Weihai 2020 plan, task 19: "鼓励学校按专业在企业设立学徒基地，
//! 到 2023年，建设 15个以上市级示范性企业学徒基地") and industry-education enterprise certifications
//! (产教融合型企业, Founding notice 三(二): "探索建立产教融合型企业认证制度"; Weihai 2020 plan (九) and
//! task 15: "争取 30家企业通过省级产教融合型企业认定"). Both are the alliance's shared records: any
//! account but an evaluator's reads them.

use chrono::{NaiveDate, Utc};
use entity::enums::{CertificationLevel, CertificationStatus};
use entity::{apprenticeship_base, enterprise_certification};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionSession,
    TransactionTrait,
};
use uuid::Uuid;

use super::{acting_for, check_unit, not_future};
use crate::actor::Actor;
use crate::error::{Error, OpResult, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::{clean, required};

/// Most characters of a document's citation.
pub const MAX_DOCUMENT_CHARS: usize = 300;

/// A base as a school records it.
#[derive(Debug, Clone)]
pub struct BaseInput {
    /// The school: its own for school staff; required for the secretariat.
    pub school_id: Option<Uuid>,
    /// The firm (a member enterprise).
    pub enterprise_id: Uuid,
    /// The specialty (1–200 characters).
    pub specialty: String,
    /// The day it was set up (not after today).
    pub established_on: NaiveDate,
}

/// Records a school's apprenticeship base in a firm for a specialty: the school's staff or the
/// secretariat. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `BLANK` school (secretariat) or specialty,
/// `NOT_FOUND`, `NOT_A_SCHOOL`, `NOT_AN_ENTERPRISE`, `INVALID` day, `TAKEN` (the school has a base
/// for that specialty in that firm); database failures.
pub async fn record_apprenticeship_base(
    actor: &Actor,
    db: &impl TransactionTrait,
    input: BaseInput,
) -> OpResult<apprenticeship_base::Model> {
    let school = match acting_for(
        actor,
        actor.school(),
        input.school_id,
        "schoolId",
        msg!("forbidden-school-staff-only"),
    )? {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    check_unit(&txn, school, "schoolId", true, &mut errors).await?;
    check_unit(
        &txn,
        input.enterprise_id,
        "enterpriseId",
        false,
        &mut errors,
    )
    .await?;
    let specialty = required(&input.specialty, "specialty", &mut errors);
    not_future(input.established_on, "establishedOn", &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let taken = apprenticeship_base::Entity::find()
        .filter(apprenticeship_base::Column::SchoolId.eq(school))
        .filter(apprenticeship_base::Column::EnterpriseId.eq(input.enterprise_id))
        .filter(apprenticeship_base::Column::Specialty.eq(specialty.as_str()))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Ok(refuse(
            "specialty",
            ViolationCode::Taken,
            msg!("people-base-taken"),
        ));
    }
    let now = Utc::now();
    let row = apprenticeship_base::ActiveModel {
        id: Set(Uuid::now_v7()),
        school_id: Set(school),
        enterprise_id: Set(input.enterprise_id),
        specialty: Set(specialty),
        established_on: Set(input.established_on),
        demonstration_on: Set(None),
        demonstration_document: Set(None),
        closed_on: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Names a base a municipal demonstration base (市级示范性企业学徒基地) from `on`, citing the
/// document, or withdraws the status (`on` `None`): the secretariat only. One transaction,
/// audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `BLANK` / `TOO_LONG` document,
/// `INVALID` day (in the future or before the base was set up), `INVALID_TRANSITION` (a closed
/// base); database failures.
pub async fn designate_demonstration_base(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    on: Option<NaiveDate>,
    document: Option<String>,
) -> OpResult<apprenticeship_base::Model> {
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = apprenticeship_base::Entity::find_by_id(id)
        .one(&txn)
        .await?
    else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-base-unknown"),
        ));
    };
    let mut errors = Vec::new();
    let document = clean(document);
    if let Some(day) = on {
        not_future(day, "demonstrationOn", &mut errors);
        if day < row.established_on {
            errors.push(Violation::on(
                "demonstrationOn",
                ViolationCode::Invalid,
                msg!("people-before-established"),
            ));
        }
        if document.is_none() {
            errors.push(Violation::on(
                "document",
                ViolationCode::Blank,
                msg!("field-blank", field = "document"),
            ));
        }
        if row.closed_on.is_some() {
            errors.push(Violation::on(
                "id",
                ViolationCode::InvalidTransition,
                msg!("people-base-closed"),
            ));
        }
    }
    crate::text::too_long(
        &mut errors,
        "document",
        document.as_deref(),
        MAX_DOCUMENT_CHARS,
    );
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: apprenticeship_base::ActiveModel = row.into();
    a.demonstration_on = Set(on);
    a.demonstration_document = Set(on.and(document));
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Closes a base from `on`: its school's staff or the secretariat. A closed base no longer counts
/// from that day. One transaction, audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `INVALID` day (in the future or
/// before the base was set up), `INVALID_TRANSITION` (closed already); database failures.
pub async fn close_apprenticeship_base(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    on: NaiveDate,
) -> OpResult<apprenticeship_base::Model> {
    if !actor.is_authenticated() {
        return Err(Error::Unauthenticated);
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = apprenticeship_base::Entity::find_by_id(id)
        .one(&txn)
        .await?
    else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-base-unknown"),
        ));
    };
    if !(actor.is_secretariat() || actor.school() == Some(row.school_id)) {
        return Err(actor.refused(msg!("forbidden-school-staff-only")));
    }
    let mut errors = Vec::new();
    not_future(on, "closedOn", &mut errors);
    if on < row.established_on {
        errors.push(Violation::on(
            "closedOn",
            ViolationCode::Invalid,
            msg!("people-before-established"),
        ));
    }
    if row.closed_on.is_some() {
        errors.push(Violation::on(
            "id",
            ViolationCode::InvalidTransition,
            msg!("people-base-closed"),
        ));
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut a: apprenticeship_base::ActiveModel = row.into();
    a.closed_on = Set(Some(on));
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Records a firm's application for certification at a level: the firm's staff or the
/// secretariat. One transaction.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `BLANK` firm (secretariat), `NOT_FOUND`,
/// `NOT_AN_ENTERPRISE`, `INVALID` day, `TAKEN` (the firm has a record at that level: correct it
/// with `setEnterpriseCertificationStatus`); database failures.
pub async fn apply_for_certification(
    actor: &Actor,
    db: &impl TransactionTrait,
    enterprise: Option<Uuid>,
    level: CertificationLevel,
    applied_on: NaiveDate,
) -> OpResult<enterprise_certification::Model> {
    let firm = match acting_for(
        actor,
        actor.firm(),
        enterprise,
        "enterpriseId",
        msg!("people-forbidden-firm-only"),
    )? {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let txn = crate::db::write_txn(db).await?;
    let mut errors = Vec::new();
    check_unit(&txn, firm, "enterpriseId", false, &mut errors).await?;
    not_future(applied_on, "appliedOn", &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let taken = enterprise_certification::Entity::find()
        .filter(enterprise_certification::Column::EnterpriseId.eq(firm))
        .filter(enterprise_certification::Column::Level.eq(level))
        .one(&txn)
        .await?;
    if taken.is_some() {
        return Ok(refuse(
            "level",
            ViolationCode::Taken,
            msg!("people-certification-taken"),
        ));
    }
    let now = Utc::now();
    let row = enterprise_certification::ActiveModel {
        id: Set(Uuid::now_v7()),
        enterprise_id: Set(firm),
        level: Set(level),
        status: Set(CertificationStatus::Applied),
        applied_on: Set(applied_on),
        certified_on: Set(None),
        expires_on: Set(None),
        document: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// What the authority decided about a certification.
#[derive(Debug, Clone)]
pub struct CertificationDecision {
    /// The new status: APPLIED → CERTIFIED or REJECTED; CERTIFIED → EXPIRED.
    pub status: CertificationStatus,
    /// The day certified (required for CERTIFIED, not after today).
    pub certified_on: Option<NaiveDate>,
    /// The last day it holds (CERTIFIED: optional, after `certified_on`; EXPIRED: required,
    /// not after today).
    pub expires_on: Option<NaiveDate>,
    /// The certifying document (required for CERTIFIED; at most 300 characters).
    pub document: Option<String>,
}

/// Records the authority's decision on a certification: the secretariat only. One transaction,
/// audited.
///
/// # Errors
/// `UNAUTHENTICATED`, `FORBIDDEN`; user errors: `NOT_FOUND`, `INVALID_TRANSITION`, `BLANK`
/// day or document, `INVALID` days, `TOO_LONG` document; database failures.
pub async fn decide_certification(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    d: CertificationDecision,
) -> OpResult<enterprise_certification::Model> {
    use CertificationStatus as S;
    actor.require_secretariat()?;
    let txn = crate::db::write_txn(db).await?;
    let Some(row) = enterprise_certification::Entity::find_by_id(id)
        .one(&txn)
        .await?
    else {
        return Ok(refuse(
            "id",
            ViolationCode::NotFound,
            msg!("people-certification-unknown"),
        ));
    };
    if !matches!(
        (row.status, d.status),
        (S::Applied, S::Certified | S::Rejected) | (S::Certified, S::Expired)
    ) {
        return Ok(refuse(
            "status",
            ViolationCode::InvalidTransition,
            msg!(
                "people-certification-transition",
                from = crate::text::api_name(&row.status),
                to = crate::text::api_name(&d.status),
            ),
        ));
    }
    let mut errors = Vec::new();
    let document = clean(d.document);
    crate::text::too_long(
        &mut errors,
        "document",
        document.as_deref(),
        MAX_DOCUMENT_CHARS,
    );
    let blank = |field: &str| {
        Violation::on(
            field,
            ViolationCode::Blank,
            msg!("field-blank", field = field),
        )
    };
    let mut a: enterprise_certification::ActiveModel = row.clone().into();
    match d.status {
        S::Certified => {
            match d.certified_on {
                None => errors.push(blank("certifiedOn")),
                Some(day) => {
                    not_future(day, "certifiedOn", &mut errors);
                    if day < row.applied_on || d.expires_on.is_some_and(|e| e < day) {
                        errors.push(Violation::on(
                            "certifiedOn",
                            ViolationCode::Invalid,
                            msg!("people-certification-days"),
                        ));
                    }
                }
            }
            if document.is_none() {
                errors.push(blank("document"));
            }
            a.certified_on = Set(d.certified_on);
            a.expires_on = Set(d.expires_on);
            a.document = Set(document);
        }
        S::Expired => match d.expires_on {
            None => errors.push(blank("expiresOn")),
            Some(day) => {
                not_future(day, "expiresOn", &mut errors);
                if row.certified_on.is_some_and(|c| day < c) {
                    errors.push(Violation::on(
                        "expiresOn",
                        ViolationCode::Invalid,
                        msg!("people-certification-days"),
                    ));
                }
                a.expires_on = Set(Some(day));
            }
        },
        _ => {
            if document.is_some() {
                a.document = Set(document);
            }
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    a.status = Set(d.status);
    a.updated_at = Set(Utc::now());
    let row = a.update(&txn).await?;
    txn.commit().await?;
    Ok(Ok(row))
}

/// Whether a certification holds at the level the plan counts (provincial or national) on `day`:
/// certified on or before it, not expired before it. An EXPIRED row counted in the years it held.
pub fn certified_on_day(c: &enterprise_certification::Model, day: NaiveDate) -> bool {
    matches!(
        c.status,
        CertificationStatus::Certified | CertificationStatus::Expired
    ) && matches!(
        c.level,
        CertificationLevel::Provincial | CertificationLevel::National
    ) && c.certified_on.is_some_and(|d| d <= day)
        && c.expires_on.is_none_or(|e| e >= day)
}
