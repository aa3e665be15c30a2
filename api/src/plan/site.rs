//! Training sites (Founding notice 二(一)2–3): school-in-factory (厂中校) and factory-in-school (校中厂)
//! bases, their partners and site mentors.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, Utc};
use entity::enums::{District, SiteKind, SiteStatus};
use entity::{member_unit, site_mentor, site_partner, training_site};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction,
    DbErr, EntityTrait, QueryFilter,
};
use uuid::Uuid;

use super::acting::Sort;
use super::acting::acting;
use super::acting::unit;
use crate::auth::Actor;
use crate::error::OpResult;
use crate::error::{Error, Violation, ViolationCode, refuse};
use crate::msg;
use crate::text::clean;
use crate::text::join_list;
use crate::text::required;

/// A new training site.
#[derive(Debug, Clone)]
pub struct SiteInput {
    /// Kind.
    pub kind: SiteKind,
    /// Host (the secretariat names it; staff host their own).
    pub host_unit_id: Option<Uuid>,
    /// Name.
    pub name: String,
    /// Address.
    pub address: Option<String>,
    /// District.
    pub district: Option<District>,
    /// Specialties served.
    pub specialties: Vec<String>,
    /// Student capacity (≥ 0).
    pub student_capacity: Option<i32>,
    /// Production lines or projects.
    pub production_lines: Option<String>,
    /// Opened on.
    pub opened_on: Option<NaiveDate>,
    /// Status.
    pub status: SiteStatus,
    /// Partner units and their roles.
    pub partners: Vec<(Uuid, String)>,
}

/// Creates a training site. Rules (Founding notice 二(一)2–3): a FACTORY_IN_SCHOOL (校中厂) is hosted by
/// a school with at least one firm partner (`FIRM_PARTNER_REQUIRED`); a SCHOOL_IN_FACTORY (厂中校)
/// is hosted by a non-school unit (`WRONG_HOST_KIND`).
///
/// # Errors
/// `FORBIDDEN` for staff of another unit; database failures.
pub async fn create_site(
    db: &DatabaseConnection,
    actor: &Actor,
    s: SiteInput,
) -> OpResult<training_site::Model> {
    let host_sort = if s.kind == SiteKind::FactoryInSchool {
        Sort::School
    } else {
        Sort::Firm
    };
    let public_base = matches!(
        s.kind,
        SiteKind::PublicTrainingBase | SiteKind::IndustryEducationBase
    );
    // A school may host a public or industry-education base itself.
    let sort = if public_base && actor.school().is_some() {
        Sort::School
    } else {
        host_sort
    };
    let host = match acting(actor, sort, s.host_unit_id, "hostUnitId")? {
        Ok(h) => h,
        Err(e) => return Ok(Err(e)),
    };
    let mut errors = Vec::new();
    let name = required(&s.name, "name", &mut errors);
    if s.student_capacity.is_some_and(|c| c < 0) {
        errors.push(Violation::on(
            "studentCapacity",
            ViolationCode::MustBeNonNegative,
            msg!("plan-student-capacity-negative"),
        ));
    }
    let txn = crate::db::write_txn(db).await?;
    let Some(host_unit) = unit(&txn, host).await? else {
        return Ok(refuse(
            "hostUnitId",
            ViolationCode::NotFound,
            msg!("plan-member-unit-unknown"),
        ));
    };
    check_host_kind(s.kind, &host_unit, &mut errors);
    check_partners(&txn, &s, host, &mut errors).await?;
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let now = Utc::now();
    let site = training_site::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(s.kind),
        host_unit_id: Set(host),
        name: Set(name),
        address: Set(clean(s.address)),
        district: Set(s.district),
        specialties: Set(join_list(&s.specialties)),
        student_capacity: Set(s.student_capacity),
        production_lines: Set(clean(s.production_lines)),
        opened_on: Set(s.opened_on),
        status: Set(s.status),
        created_at: Set(now),
        updated_at: Set(now),
        archived_at: Set(None),
    }
    .insert(&txn)
    .await?;
    for (p, role) in s.partners {
        site_partner::ActiveModel {
            id: Set(Uuid::now_v7()),
            site_id: Set(site.id),
            unit_id: Set(p),
            role: Set(crate::text::normalize(&role)),
        }
        .insert(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(Ok(site))
}

/// The host fits the kind of site (Founding notice 二(一)2–3): a factory-in-school (校中厂) is hosted by
/// a school, a school-in-factory (厂中校) by a non-school unit.
fn check_host_kind(kind: SiteKind, host: &member_unit::Model, errors: &mut Vec<Violation>) {
    match kind {
        SiteKind::FactoryInSchool if !host.kind.is_school() => errors.push(Violation::on(
            "kind",
            ViolationCode::WrongHostKind,
            msg!("plan-factory-in-school-host"),
        )),
        SiteKind::SchoolInFactory if host.kind.is_school() => errors.push(Violation::on(
            "kind",
            ViolationCode::WrongHostKind,
            msg!("plan-school-in-factory-host"),
        )),
        _ => {}
    }
}

/// Every partner is a member, listed once and not the host; a factory-in-school (校中厂) has at
/// least one firm partner that brings the production line (Founding notice 二(一)2).
async fn check_partners(
    txn: &DatabaseTransaction,
    s: &SiteInput,
    host: Uuid,
    errors: &mut Vec<Violation>,
) -> Result<(), DbErr> {
    let partner_ids: Vec<Uuid> = s.partners.iter().map(|(u, _)| *u).collect();
    let partners: HashMap<Uuid, member_unit::Model> = member_unit::Entity::find()
        .filter(member_unit::Column::Id.is_in(partner_ids))
        .all(txn)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let mut seen = HashSet::new();
    for (i, (p, _)) in s.partners.iter().enumerate() {
        if !partners.contains_key(p) {
            errors.push(Violation::on(
                &format!("partners.{i}.unitId"),
                ViolationCode::NotFound,
                msg!("plan-member-unit-unknown"),
            ));
        }
        if !seen.insert(*p) || *p == host {
            errors.push(Violation::on(
                &format!("partners.{i}.unitId"),
                ViolationCode::Invalid,
                msg!("plan-partner-duplicate"),
            ));
        }
    }
    if s.kind == SiteKind::FactoryInSchool && !partners.values().any(|p| !p.kind.is_school()) {
        errors.push(Violation::on(
            "partners",
            ViolationCode::FirmPartnerRequired,
            msg!("plan-firm-partner-required"),
        ));
    }
    Ok(())
}

/// May the caller write to things hosted by `host`: its staff, or the secretariat.
pub(super) fn owns(actor: &Actor, host: Uuid) -> Result<(), Error> {
    match actor {
        Actor::Anonymous => Err(Error::Unauthenticated),
        a if a.is_secretariat() || a.unit() == Some(host) => Ok(()),
        _ => Err(Error::Forbidden(msg!("plan-forbidden-host-only"))),
    }
}

/// Attaches a mentor (师傅) to a site (its host or the secretariat); an archived site takes none
/// (`INVALID_TRANSITION`).
///
/// # Errors
/// `FORBIDDEN` for others; database failures.
pub async fn add_site_mentor(
    db: &DatabaseConnection,
    actor: &Actor,
    site: Uuid,
    name: String,
    title: Option<String>,
    skill_level: Option<String>,
    specialty: Option<String>,
) -> OpResult<site_mentor::Model> {
    let Some(s) = training_site::Entity::find_by_id(site).one(db).await? else {
        if !actor.is_authenticated() {
            return Err(Error::Unauthenticated);
        }
        return Ok(refuse(
            "siteId",
            ViolationCode::NotFound,
            msg!("plan-site-unknown"),
        ));
    };
    owns(actor, s.host_unit_id)?;
    if s.archived_at.is_some() {
        return Ok(refuse(
            "siteId",
            ViolationCode::InvalidTransition,
            msg!("plan-site-archived"),
        ));
    }
    let mut errors = Vec::new();
    let name = required(&name, "name", &mut errors);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(site_mentor::ActiveModel {
        id: Set(Uuid::now_v7()),
        site_id: Set(site),
        name: Set(name),
        title: Set(clean(title)),
        skill_level: Set(clean(skill_level)),
        specialty: Set(clean(specialty)),
    }
    .insert(db)
    .await?))
}
