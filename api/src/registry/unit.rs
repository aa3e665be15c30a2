//! Member units: validation of registry fields (names, the credit code of GB 32100-2015, counts)
//! and the transactional create and update, secretariat only.

use chrono::{NaiveDate, Utc};
use entity::enums::{AccountRole, CouncilRole, District, MemberUnitKind};
use entity::{account, member_unit};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, TransactionSession, TransactionTrait,
};
use uuid::Uuid;

use crate::actor::Actor;
use crate::error::{OpResult, Violation, ViolationCode, taken};
use crate::msg;
use crate::uscc;

/// Longest name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest contact person or address, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// Longest phone number, in characters.
pub const MAX_PHONE_CHARS: usize = 40;

pub use crate::error::Outcome;
use crate::text::clean_update;
use crate::text::too_long;

/// Fields of a member unit to set. For nullable columns the outer `Option` says whether to touch
/// the field and the inner one is the new value (`Some(None)` clears it).
#[derive(Debug, Clone, Default)]
pub struct UnitFields {
    /// New name.
    pub name: Option<String>,
    /// New kind (the category follows it).
    pub kind: Option<MemberUnitKind>,
    /// District.
    pub district: Option<Option<District>>,
    /// Unified social credit code.
    pub uscc: Option<Option<String>>,
    /// Staff count (≥ 0).
    pub employee_count: Option<Option<i32>>,
    /// Above-designated-size flag; `Some(None)` makes it unknown again.
    pub above_designated_size: Option<Option<bool>>,
    /// The secretariat's decision whether the unit may sponsor order classes; `Some(None)` leaves
    /// it to the unit's kind again ([`crate::registry::may_sponsor_order_classes`]).
    pub may_sponsor_order_classes: Option<Option<bool>>,
    /// The unit carries a firm's commitments ([`crate::registry::carries_firm_commitments`]).
    pub carries_firm_commitments: Option<bool>,
    /// Council role.
    pub council_role: Option<Option<CouncilRole>>,
    /// Contact person.
    pub contact_person: Option<Option<String>>,
    /// Contact phone.
    pub contact_phone: Option<Option<String>>,
    /// Address.
    pub address: Option<Option<String>>,
    /// Date joined.
    pub joined_on: Option<Option<NaiveDate>>,
}

/// Normalises `fields` (trims text, empty text → null, credit code upper-cased) and checks what
/// can be checked without the database.
pub fn normalize_and_check(mut fields: UnitFields) -> Outcome<UnitFields> {
    let mut errors = Vec::new();
    if let Some(name) = &mut fields.name {
        *name = crate::text::normalize(name);
        if name.is_empty() {
            errors.push(Violation::on(
                "name",
                ViolationCode::Blank,
                msg!("field-blank", field = "name"),
            ));
        }
        too_long(&mut errors, "name", Some(name), MAX_NAME_CHARS);
    }
    fields.uscc = fields
        .uscc
        .map(|v| v.map(|s| uscc::normalize(&s)).filter(|s| !s.is_empty()));
    if let Some(Some(code)) = &fields.uscc
        && let Err(e) = uscc::validate(code)
    {
        errors.push(Violation::on(
            "uscc",
            ViolationCode::InvalidCreditCode,
            e.message(),
        ));
    }
    if let Some(Some(n)) = fields.employee_count
        && n < 0
    {
        errors.push(Violation::on(
            "employeeCount",
            ViolationCode::MustBeNonNegative,
            msg!("registry-employee-count-negative"),
        ));
    }
    fields.contact_person = clean_update(fields.contact_person);
    fields.contact_phone = clean_update(fields.contact_phone);
    fields.address = clean_update(fields.address);
    too_long(
        &mut errors,
        "contactPerson",
        fields.contact_person.as_ref().and_then(|v| v.as_deref()),
        MAX_TEXT_CHARS,
    );
    too_long(
        &mut errors,
        "address",
        fields.address.as_ref().and_then(|v| v.as_deref()),
        MAX_TEXT_CHARS,
    );
    if let Some(Some(phone)) = &fields.contact_phone
        && (phone.chars().count() > MAX_PHONE_CHARS
            || !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()（）转".contains(c)))
    {
        errors.push(Violation::on(
            "contactPhone",
            ViolationCode::Invalid,
            msg!("registry-contact-phone-invalid", max = MAX_PHONE_CHARS),
        ));
    }
    if errors.is_empty() {
        Ok(fields)
    } else {
        Err(errors)
    }
}

/// A school runs order classes and answers a school's commitments: it may be neither a sponsor
/// nor a carrier of a firm's commitments (`INVALID`).
fn school_settings(kind: MemberUnitKind, fields: &UnitFields) -> Vec<Violation> {
    if !kind.is_school() {
        return Vec::new();
    }
    let mut errors = Vec::new();
    if fields.may_sponsor_order_classes == Some(Some(true)) {
        errors.push(Violation::on(
            "maySponsorOrderClasses",
            ViolationCode::Invalid,
            msg!("registry-school-may-not-sponsor"),
        ));
    }
    if fields.carries_firm_commitments == Some(true) {
        errors.push(Violation::on(
            "carriesFirmCommitments",
            ViolationCode::Invalid,
            msg!("registry-school-carries-no-firm-commitments"),
        ));
    }
    errors
}

/// Checks the unique name and credit code against other rows (`TAKEN`).
pub(super) async fn check_unique(
    db: &impl ConnectionTrait,
    fields: &UnitFields,
    except: Option<Uuid>,
) -> Result<Vec<Violation>, DbErr> {
    let mut errors = Vec::new();
    let others = |cond: Condition| {
        let mut q = member_unit::Entity::find().filter(cond);
        if let Some(id) = except {
            q = q.filter(member_unit::Column::Id.ne(id));
        }
        q
    };
    if let Some(name) = &fields.name
        && others(Condition::all().add(member_unit::Column::Name.eq(name.as_str())))
            .count(db)
            .await?
            > 0
    {
        errors.push(Violation::on(
            "name",
            ViolationCode::Taken,
            msg!("registry-name-taken"),
        ));
    }
    if let Some(Some(code)) = &fields.uscc
        && others(Condition::all().add(member_unit::Column::Uscc.eq(code.as_str())))
            .count(db)
            .await?
            > 0
    {
        errors.push(Violation::on(
            "uscc",
            ViolationCode::Taken,
            msg!("registry-uscc-taken"),
        ));
    }
    Ok(errors)
}

pub(super) fn apply(model: &mut member_unit::ActiveModel, f: UnitFields) {
    if let Some(v) = f.name {
        // The pinyin sort key follows the name on every write.
        model.name_sort_key = Set(entity::sort_key::name_sort_key(&v));
        model.name = Set(v);
    }
    if let Some(v) = f.kind {
        model.kind = Set(v);
        model.category = Set(v.category());
    }
    if let Some(v) = f.district {
        model.district = Set(v);
    }
    if let Some(v) = f.uscc {
        model.uscc = Set(v);
    }
    if let Some(v) = f.employee_count {
        model.employee_count = Set(v);
    }
    if let Some(v) = f.above_designated_size {
        model.above_designated_size = Set(v);
    }
    if let Some(v) = f.may_sponsor_order_classes {
        model.may_sponsor_order_classes = Set(v);
    }
    if let Some(v) = f.carries_firm_commitments {
        model.carries_firm_commitments = Set(v);
    }
    if let Some(v) = f.council_role {
        model.council_role = Set(v);
    }
    if let Some(v) = f.contact_person {
        model.contact_person = Set(v);
    }
    if let Some(v) = f.contact_phone {
        model.contact_phone = Set(v);
    }
    if let Some(v) = f.address {
        model.address = Set(v);
    }
    if let Some(v) = f.joined_on {
        model.joined_on = Set(v);
    }
}

/// A unique-constraint violation raised by a concurrent writer, as `TAKEN` on the column whose
/// constraint it names (`name` or `uscc`); any other violation (e.g. of `list_order`) is not the
/// user's and stays an error.
pub(super) fn race(err: &DbErr) -> Option<Vec<Violation>> {
    let text = err.to_string();
    let field = if text.contains("list_order") {
        return None;
    } else if text.contains("uscc") {
        "uscc"
    } else if text.contains("name") {
        "name"
    } else {
        return None;
    };
    taken(err, field).map(|e| vec![e])
}

/// Adds a member unit at the end of the list (`listOrder` = last + 1). `fields.name` and
/// `fields.kind` are required.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` unless the caller is the secretariat; database failures; input problems are the `Err` of the [`Outcome`].
pub async fn create_member_unit(
    actor: &Actor,
    db: &impl TransactionTrait,
    fields: UnitFields,
) -> OpResult<member_unit::Model> {
    actor.require_secretariat()?;
    let fields = match normalize_and_check(fields) {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let (Some(_), Some(kind)) = (&fields.name, fields.kind) else {
        return Ok(Err(vec![Violation::on(
            "name",
            ViolationCode::Blank,
            msg!("registry-name-and-kind-required"),
        )]));
    };
    let errors = school_settings(kind, &fields);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let txn = crate::db::write_txn(db).await?;
    // Concurrent creators take turns from here, so each reads the last `listOrder` after the
    // previous one committed.
    crate::db::lock_member_order(&txn).await?;
    let errors = check_unique(&txn, &fields, None).await?;
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let last: Option<i32> = member_unit::Entity::find()
        .select_only()
        .column_as(member_unit::Column::ListOrder.max(), "max")
        .into_tuple::<Option<i32>>()
        .one(&txn)
        .await?
        .flatten();
    let now = Utc::now();
    let mut model = member_unit::ActiveModel {
        id: Set(Uuid::now_v7()),
        list_order: Set(last.unwrap_or(0) + 1),
        kind: Set(kind),
        category: Set(kind.category()),
        district: Set(None),
        uscc: Set(None),
        employee_count: Set(None),
        // Unknown until recorded.
        above_designated_size: Set(None),
        may_sponsor_order_classes: Set(None),
        carries_firm_commitments: Set(false),
        council_role: Set(None),
        contact_person: Set(None),
        contact_phone: Set(None),
        address: Set(None),
        joined_on: Set(None),
        source: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut model, fields);
    match model.insert(&txn).await {
        Ok(row) => {
            txn.commit().await?;
            Ok(Ok(row))
        }
        Err(e) => race(&e).map(Err).ok_or_else(|| e.into()),
    }
}

/// Changes a member unit. `None` (outer) fields are left as they are.
///
/// # Errors
/// `UNAUTHENTICATED` / `FORBIDDEN` unless the caller is the secretariat; database failures; input problems (including an unknown `id`: `NOT_FOUND` on `id`) are the
/// `Err` of the [`Outcome`].
pub async fn update_member_unit(
    actor: &Actor,
    db: &impl TransactionTrait,
    id: Uuid,
    fields: UnitFields,
) -> OpResult<member_unit::Model> {
    actor.require_secretariat()?;
    let fields = match normalize_and_check(fields) {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let txn = crate::db::write_txn(db).await?;
    let Some(current) = member_unit::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(Err(vec![Violation::on(
            "id",
            ViolationCode::NotFound,
            msg!("registry-member-unit-not-found"),
        )]));
    };
    let mut errors = check_unique(&txn, &fields, Some(id)).await?;
    if let Some(kind) = fields.kind
        && kind.category() != current.category
    {
        // Accounts are bound to a school or a non-school unit; moving the unit across that line
        // would leave them acting for the wrong sort of unit.
        let wrong_role = if kind.is_school() {
            AccountRole::EnterpriseStaff
        } else {
            AccountRole::SchoolStaff
        };
        let bound = account::Entity::find()
            .filter(account::Column::MemberUnitId.eq(id))
            .filter(account::Column::Role.eq(wrong_role))
            .count(&txn)
            .await?;
        if bound > 0 {
            errors.push(Violation::on(
                "kind",
                ViolationCode::KindConflictsWithAccounts,
                msg!("registry-kind-conflicts-with-accounts", count = bound),
            ));
        }
    }
    errors.extend(school_settings(
        fields.kind.unwrap_or(current.kind),
        &fields,
    ));
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut model: member_unit::ActiveModel = current.into();
    apply(&mut model, fields);
    model.updated_at = Set(Utc::now());
    match model.update(&txn).await {
        Ok(row) => {
            txn.commit().await?;
            Ok(Ok(row))
        }
        Err(e) => race(&e).map(Err).ok_or_else(|| e.into()),
    }
}
