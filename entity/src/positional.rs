//! Rows decoded by position rather than by column name, for the models the busiest pages read by
//! the hundred (`docs/performance.md`, "Rows decoded by position").
//!
//! SeaORM's derived `FromQueryResult` finds every column of every row by name: it formats the
//! name into a new string, looks it up in the row's hash map of names, and, for a NULL in an
//! optional column, formats an error message it then throws away. On a page of 50 placements of
//! 41 columns that is most of the cost of reading the rows. A [`Positional`] model instead reads
//! column `i` of the row into its `i`-th field.
//!
//! That is only right when the row holds the model's columns in the model's order: what
//! `Entity::find()` selects, or, behind a prefix (`A_`, `B_`), each half of what
//! `find_also_related` selects. [`ByPosition`] checks it for each row (the row's column names
//! against [`Positional::COLUMNS`], a comparison of short strings) and otherwise decodes by name
//! as SeaORM would, so a select with other columns or another order still reads correctly. Each
//! model's test checks that its list is its columns in order, so `find()` takes the fast path.

use sea_orm::sqlx::{Column, Row};
use sea_orm::{
    ConnectionTrait, DbErr, EntityTrait, FromQueryResult, QueryResult, Select, SelectTwo,
    TryGetError,
};

/// A model that can be read from a row holding exactly its columns, in order.
pub trait Positional: FromQueryResult {
    /// The model's column names, in the order of its fields (which is the order `find()`
    /// selects them in).
    const COLUMNS: &'static [&'static str];

    /// Reads the model from `row`, column `from + i` into field `i`, without looking at names.
    ///
    /// # Errors
    /// A column of the wrong type, or a NULL in a column that cannot hold one.
    fn decode(row: &QueryResult, from: usize) -> Result<Self, TryGetError>;

    /// Reads the model from a row holding only `columns` of it, in the model's order from
    /// column `from`; every other field takes its type's [`Field::absent`] value. Only for
    /// callers that read nothing but `columns` of the result (see [`ColumnSet`]).
    ///
    /// # Errors
    /// As [`Positional::decode`].
    fn decode_some(row: &QueryResult, from: usize, columns: ColumnSet)
    -> Result<Self, TryGetError>;
}

/// Some of a model's columns: bit `i` for its `i`-th ([`Positional::COLUMNS`], the order of its
/// entity's `Column` enum), for a page that reads only what its selection shows. Models of more
/// than 64 columns are always read whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ColumnSet(u64);

impl ColumnSet {
    /// The columns of `E` in `columns`.
    pub fn of<E: EntityTrait>(columns: impl IntoIterator<Item = E::Column>) -> Self {
        use sea_orm::{IdenStatic, Iterable};
        let mut set = Self::default();
        for column in columns {
            if let Some(i) = E::Column::iter().position(|c| c.as_str() == column.as_str())
                && i < 64
            {
                set.0 |= 1 << i;
            }
        }
        set
    }

    /// Every column of `M` (a model of at most 64 columns).
    pub fn all<M: Positional>() -> Self {
        match M::COLUMNS.len() {
            n @ 0..64 => Self((1 << n) - 1),
            _ => Self(u64::MAX),
        }
    }

    /// Whether the `i`-th column is in the set.
    pub fn contains(self, i: usize) -> bool {
        i < 64 && self.0 & (1 << i) != 0
    }

    /// The union of two sets.
    #[must_use]
    pub fn with(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// The names of `M`'s columns in the set, in `M`'s order.
    fn names<M: Positional>(self) -> Vec<&'static str> {
        M::COLUMNS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.contains(*i))
            .map(|(_, name)| *name)
            .collect()
    }

    /// `select` narrowed to the set's columns of `E`, in `E`'s order.
    pub fn select<E: EntityTrait>(self, select: Select<E>) -> Select<E> {
        use sea_orm::{Iterable, QuerySelect};
        select.select_only().columns(
            E::Column::iter()
                .enumerate()
                .filter(|(i, _)| self.contains(*i))
                .map(|(_, c)| c),
        )
    }
}

/// Where `names`, each behind `pre`, stand in `row`'s columns, in that order: the index of the
/// first. Without a prefix they must be the whole row; with one, a run of it (the rest of the
/// row is the other model of a pair).
fn position_of(row: &QueryResult, pre: &str, names: &[&str]) -> Option<usize> {
    fn find<C: Column>(columns: &[C], pre: &str, names: &[&str]) -> Option<usize> {
        if pre.is_empty() {
            let same = columns.len() == names.len()
                && columns.iter().zip(names).all(|(c, n)| c.name() == *n);
            return same.then_some(0);
        }
        let is = |c: &C, name: &str| {
            let full = c.name();
            full.len() == pre.len() + name.len() && full.starts_with(pre) && full.ends_with(name)
        };
        let first = names.first()?;
        let from = columns.iter().position(|c| is(c, first))?;
        let run = columns.get(from..from + names.len())?;
        run.iter().zip(names).all(|(c, n)| is(c, n)).then_some(from)
    }
    if let Some(row) = row.try_as_pg_row() {
        return find(row.columns(), pre, names);
    }
    if let Some(row) = row.try_as_sqlite_row() {
        return find(row.columns(), pre, names);
    }
    None
}

/// Whether `row`'s columns are `names`, in that order.
#[cfg(test)]
fn columns_are(row: &QueryResult, names: &[&str]) -> bool {
    position_of(row, "", names).is_some()
}

/// `M` read by position when the row allows it ([`Positional`]), else by name.
#[derive(Debug)]
pub struct ByPosition<M>(pub M);

impl<M: Positional> FromQueryResult for ByPosition<M> {
    fn from_query_result(row: &QueryResult, pre: &str) -> Result<Self, DbErr> {
        Self::from_query_result_nullable(row, pre).map_err(Into::into)
    }

    fn from_query_result_nullable(row: &QueryResult, pre: &str) -> Result<Self, TryGetError> {
        match position_of(row, pre, M::COLUMNS) {
            Some(from) => M::decode(row, from).map(ByPosition),
            None => M::from_query_result_nullable(row, pre).map(ByPosition),
        }
    }

    /// The right half of a pair whose join found nothing (every column NULL) is `None`.
    fn from_query_result_optional(row: &QueryResult, pre: &str) -> Result<Option<Self>, DbErr> {
        match Self::from_query_result_nullable(row, pre) {
            Ok(model) => Ok(Some(model)),
            Err(TryGetError::Null(_)) => Ok(None),
            Err(TryGetError::DbErr(e)) => Err(e),
        }
    }
}

/// Every row of `select`, each read by position when it can be (see [`ByPosition`]).
///
/// # Errors
/// Database failures, and rows that do not decode.
pub async fn all<E, C>(select: Select<E>, db: &C) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    E::Model: Positional,
    C: ConnectionTrait,
{
    all_as(select, db).await
}

/// The columns of a projection `M` ([`Positional::COLUMNS`]) as its entity's column type `C`, in
/// `M`'s order: what to select for [`all_as`]. A name that is no column of `C` is skipped; the
/// projection's own test (`positional!(for …)`) checks that there is none.
pub fn projection_columns<M: Positional, C: std::str::FromStr>() -> impl Iterator<Item = C> {
    M::COLUMNS.iter().filter_map(|name| C::from_str(name).ok())
}

/// Every row of `select` as `M`, a projection of some of the entity's columns (selected in `M`'s
/// order), each read by position when it can be (see [`ByPosition`]); a page's `LIMIT` is
/// written into the SQL on PostgreSQL, so that its plan is kept ([`crate::statement`]).
///
/// # Errors
/// Database failures, and rows that do not decode.
pub async fn all_as<E, M, C>(select: Select<E>, db: &C) -> Result<Vec<M>, DbErr>
where
    E: EntityTrait,
    M: Positional,
    C: ConnectionTrait,
{
    let mut layout = Layout::default();
    rows_of(&select, db)
        .await?
        .iter()
        .map(|row| Ok(layout.read::<M>(row, "")?))
        .collect()
}

/// The rows of `query`, with a page's `LIMIT` written into the SQL on PostgreSQL
/// ([`crate::statement`]).
async fn rows_of<Q: sea_orm::QueryTrait, C: ConnectionTrait>(
    query: &Q,
    db: &C,
) -> Result<Vec<QueryResult>, DbErr> {
    db.query_all_raw(crate::statement::built(query, db.get_database_backend()))
        .await
}

/// The first row of `select`, read by position when it can be (see [`ByPosition`]).
///
/// # Errors
/// Database failures, and a row that does not decode.
pub async fn one<E, C>(select: Select<E>, db: &C) -> Result<Option<E::Model>, DbErr>
where
    E: EntityTrait,
    E::Model: Positional,
    C: ConnectionTrait,
{
    Ok(select
        .into_model::<ByPosition<E::Model>>()
        .one(db)
        .await?
        .map(|row| row.0))
}

/// Every row of `select` (an `Entity::find().find_also_related(…)`): each model with its related
/// one (`None` where the join found none), both read by position when they can be (see
/// [`ByPosition`]), each behind the prefix SeaORM gives its half (`A_`, `B_`); a page's `LIMIT`
/// is written into the SQL on PostgreSQL, so that its plan is kept ([`crate::statement`]).
///
/// # Errors
/// Database failures, and rows that do not decode.
pub async fn all_pairs<E, F, C>(
    select: SelectTwo<E, F>,
    db: &C,
) -> Result<Vec<(E::Model, Option<F::Model>)>, DbErr>
where
    E: EntityTrait,
    F: EntityTrait,
    E::Model: Positional,
    F::Model: Positional,
    C: ConnectionTrait,
{
    all_pairs_some(select, ColumnSet::all::<E::Model>(), db).await
}

/// As [`all`], for a select of only `columns` of `E` ([`ColumnSet::select`]): each model holds
/// those columns and the [`Field::absent`] value in every other field, so the caller must read
/// nothing else of it. With every column, it is [`all`].
///
/// # Errors
/// Database failures, and rows that do not decode (a row without those columns, in order).
pub async fn all_some<E, C>(
    select: Select<E>,
    columns: ColumnSet,
    db: &C,
) -> Result<Vec<E::Model>, DbErr>
where
    E: EntityTrait,
    E::Model: Positional,
    C: ConnectionTrait,
{
    let names = columns.names::<E::Model>();
    let mut layout = Layout::default();
    rows_of(&select, db)
        .await?
        .iter()
        .map(|row| Ok(layout.read_some::<E::Model>(row, "", columns, &names)?))
        .collect()
}

/// As [`all_pairs`], for a select whose left half selects only `columns` of `E`
/// ([`ColumnSet::select`], before `find_also_related`): each left model holds those columns and
/// the [`Field::absent`] value in every other field, so the caller must read nothing else of it.
/// With every column, it is [`all_pairs`].
///
/// # Errors
/// Database failures, and rows that do not decode (a row without those columns, in order).
pub async fn all_pairs_some<E, F, C>(
    select: SelectTwo<E, F>,
    columns: ColumnSet,
    db: &C,
) -> Result<Vec<(E::Model, Option<F::Model>)>, DbErr>
where
    E: EntityTrait,
    F: EntityTrait,
    E::Model: Positional,
    F::Model: Positional,
    C: ConnectionTrait,
{
    let names = columns.names::<E::Model>();
    let (mut left, mut right) = (Layout::default(), Layout::default());
    rows_of(&select, db)
        .await?
        .iter()
        .map(|row| {
            // The right half of a pair whose join found nothing (every column NULL) is `None`.
            let related = match right.read::<F::Model>(row, "B_") {
                Ok(model) => Some(model),
                Err(TryGetError::Null(_)) => None,
                Err(TryGetError::DbErr(e)) => return Err(e),
            };
            Ok((
                left.read_some::<E::Model>(row, "A_", columns, &names)?,
                related,
            ))
        })
        .collect()
}

/// Where a model's columns stand in the rows of one result, found on its first row and reused
/// for the rows that share that row's column descriptions. The rows of one statement share one
/// description (sqlx keeps it once per statement, behind a reference count), so the names are
/// compared once per result rather than once per row: on a page of 50 placements with their
/// students, comparing every row's names was about 5% of the server's instructions.
///
/// A layout is used only while iterating one slice of rows, all alive until the end, so a
/// description's address it remembers cannot be freed and reused by another result meanwhile.
#[derive(Default)]
struct Layout {
    /// The address and length of the column descriptions last looked at, and where the model's
    /// columns stood in them (`None`: elsewhere than in order, so read by name).
    seen: Option<((usize, usize), Option<usize>)>,
}

impl Layout {
    /// Where `names`, each behind `pre`, stand in `row` ([`position_of`]), found again only when
    /// `row`'s column descriptions are not those last looked at.
    fn find(&mut self, row: &QueryResult, pre: &str, names: &[&str]) -> Option<usize> {
        let key = columns_address(row);
        match (self.seen, key) {
            (Some((seen, at)), Some(key)) if seen == key => at,
            _ => {
                let at = position_of(row, pre, names);
                self.seen = key.map(|k| (k, at));
                at
            }
        }
    }

    /// `M` from `row` behind `pre`, by position when the columns allow it, else by name (as
    /// [`ByPosition`]).
    fn read<M: Positional>(&mut self, row: &QueryResult, pre: &str) -> Result<M, TryGetError> {
        match self.find(row, pre, M::COLUMNS) {
            Some(from) => M::decode(row, from),
            None => M::from_query_result_nullable(row, pre),
        }
    }

    /// `M` from a row holding only `columns` of it (named `names`, in order) behind `pre`
    /// ([`Positional::decode_some`]); with every column, [`Self::read`].
    fn read_some<M: Positional>(
        &mut self,
        row: &QueryResult,
        pre: &str,
        columns: ColumnSet,
        names: &[&str],
    ) -> Result<M, TryGetError> {
        if columns == ColumnSet::all::<M>() {
            return self.read(row, pre);
        }
        match self.find(row, pre, names) {
            Some(from) => M::decode_some(row, from, columns),
            None => Err(TryGetError::DbErr(DbErr::Type(format!(
                "a row lacks the columns selected: {names:?}"
            )))),
        }
    }
}

/// The address and length of `row`'s column descriptions (shared by the rows of one statement).
fn columns_address(row: &QueryResult) -> Option<(usize, usize)> {
    fn of<C>(columns: &[C]) -> (usize, usize) {
        (columns.as_ptr() as usize, columns.len())
    }
    if let Some(row) = row.try_as_pg_row() {
        return Some(of(row.columns()));
    }
    row.try_as_sqlite_row().map(|row| of(row.columns()))
}

/// A field of a [`Positional`] model: how column `i` of a row is read into it.
///
/// - **PostgreSQL:** the value is decoded by sqlx's `Decode` directly, without `Row::try_get`'s
///   check, for each value of each row, that the column's type is one the field's type accepts.
///   That check compared type descriptions and looked up type ids: about 7% of the instructions
///   of a page of 50 placements (`docs/performance.md`, "Rows decoded by position"). The rows
///   read by position are the model's own columns, in order ([`ByPosition`] checks their names),
///   whose types the migrations create as the entity declares them; every model is read this way
///   by the end-to-end tests on PostgreSQL. Dates and timestamps sent in binary are built from
///   their day and microsecond counts rather than through sqlx (see `read_time`).
/// - **SQLite:** as SeaORM reads it.
/// - **`Option<T>`:** `None` for a NULL, seen on the row's raw value, else `T`. SeaORM reads an
///   `Option<T>` by reading a `T` and turning the error a NULL gives into `None`; that error
///   carries a message formatted for it and dropped at once, for every NULL of every row. On
///   PostgreSQL the raw value is looked up once and, when it is not NULL, decoded as `T`
///   ([`Field::from_pg`]): sqlx builds a value, with a copy of the column's type, for each
///   lookup, and the second lookups were 1.6% of the instructions of a page of
///   `internshipRuleFindings` (`docs/performance.md`, "Optional columns looked up once").
/// - **Enums** (stored as text): the text, then `ActiveEnum::try_from_value`, as SeaORM does.
///
/// A NULL where the field cannot hold one is `TryGetError::Null`, as with SeaORM, so that the
/// missing right half of a pair still reads as `None`.
pub trait Field: Sized {
    /// Column `i` of `row`.
    ///
    /// # Errors
    /// A NULL in a field that cannot hold one, a value that does not decode, or an index beyond
    /// the row.
    fn read(row: &QueryResult, i: usize) -> Result<Self, TryGetError>;

    /// Column `i` of a PostgreSQL row, `raw`, already known not to be NULL.
    ///
    /// # Errors
    /// A value that does not decode.
    fn from_pg(raw: PgValueRef<'_>, i: usize) -> Result<Self, TryGetError>;

    /// The value a field takes when its column was not selected ([`Positional::decode_some`]):
    /// empty, zero, false, the epoch, an enum's first value; `None` for a type without one.
    fn absent() -> Option<Self>;
}

/// Column `i` of a PostgreSQL row as sent, NULL or not.
fn pg_raw(row: &sea_orm::sqlx::postgres::PgRow, i: usize) -> Result<PgValueRef<'_>, TryGetError> {
    row.try_get_raw(i)
        .map_err(|e| TryGetError::DbErr(DbErr::Type(e.to_string())))
}

/// Column `i` of a PostgreSQL row as sent: `TryGetError::Null` for a NULL.
fn pg_value(row: &sea_orm::sqlx::postgres::PgRow, i: usize) -> Result<PgValueRef<'_>, TryGetError> {
    use sea_orm::sqlx::ValueRef;
    let raw = pg_raw(row, i)?;
    if raw.is_null() {
        return Err(TryGetError::Null(format!("{i:?}")));
    }
    Ok(raw)
}

/// Column `i` of a PostgreSQL row, `raw`, decoded as `T`, without sqlx's type check (see
/// [`Field`]).
fn decode_pg<T>(raw: PgValueRef<'_>, i: usize) -> Result<T, TryGetError>
where
    T: for<'r> sea_orm::sqlx::Decode<'r, sea_orm::sqlx::Postgres>,
{
    T::decode(raw).map_err(|e| TryGetError::DbErr(DbErr::Type(format!("column {i}: {e}"))))
}

/// sqlx's view of one value of a PostgreSQL row (its bytes, format and type).
type PgValueRef<'r> = sea_orm::sqlx::postgres::PgValueRef<'r>;

/// [`Field`] for types sqlx decodes on PostgreSQL and SeaORM reads on SQLite.
macro_rules! decoded_fields {
    ($($ty:ty),+ $(,)?) => {$(
        impl Field for $ty {
            fn read(row: &QueryResult, i: usize) -> Result<Self, TryGetError> {
                match row.try_as_pg_row() {
                    Some(pg) => decode_pg(pg_value(pg, i)?, i),
                    None => row.try_get_by_index_nullable(i),
                }
            }

            fn from_pg(raw: PgValueRef<'_>, i: usize) -> Result<Self, TryGetError> {
                decode_pg(raw, i)
            }

            fn absent() -> Option<Self> {
                Some(Self::default())
            }
        }
    )+};
}

decoded_fields!(bool, i16, i32, i64, String, uuid::Uuid);

/// Days from 0001-01-01 (chrono's day 1 of the common era) to 2000-01-01, PostgreSQL's epoch.
const PG_EPOCH_DAYS_FROM_CE: i32 = 730_120;
/// Microseconds from the Unix epoch to 2000-01-01, PostgreSQL's epoch.
const PG_EPOCH_UNIX_MICROS: i64 = 946_684_800_000_000;

/// Column `i` of a PostgreSQL row, `raw`, sent in binary (what sqlx asks for: prepared
/// statements) as `T`, built by `binary` from the value's bytes; in text as sqlx decodes it.
///
/// On PostgreSQL a `date` is sent as the days since 2000-01-01 (a big-endian `i32`) and a
/// `timestamptz` as the microseconds since 2000-01-01 00:00 UTC (an `i64`). sqlx adds those to a
/// 2000-01-01 it builds from a year, month and day for each value, through chrono's
/// `Duration` arithmetic (for a timestamp also by way of a fixed offset): about 400 and 1,300
/// instructions a value. chrono builds the same values from the day and microsecond counts
/// directly (`NaiveDate::from_num_days_from_ce_opt`, `DateTime::from_timestamp_micros`).
fn time_from_pg<T, const N: usize>(
    raw: PgValueRef<'_>,
    i: usize,
    binary: fn([u8; N]) -> Option<T>,
) -> Result<T, TryGetError>
where
    T: for<'r> sea_orm::sqlx::Decode<'r, sea_orm::sqlx::Postgres>,
{
    use sea_orm::sqlx::postgres::PgValueFormat;
    if raw.format() == PgValueFormat::Binary
        && let Ok(bytes) = raw.as_bytes()
        && let Ok(bytes) = <[u8; N]>::try_from(bytes)
    {
        return binary(bytes)
            .ok_or_else(|| TryGetError::DbErr(DbErr::Type(format!("column {i}: out of range"))));
    }
    decode_pg(raw, i)
}

/// The date `days` after 2000-01-01 (PostgreSQL's binary `date`); `None` beyond chrono's range
/// (PostgreSQL's `infinity` among it).
fn pg_date(days: i32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_num_days_from_ce_opt(days.checked_add(PG_EPOCH_DAYS_FROM_CE)?)
}

/// The instant `micros` microseconds after 2000-01-01 00:00 UTC (PostgreSQL's binary
/// `timestamptz`); `None` beyond chrono's range.
fn pg_timestamp(micros: i64) -> Option<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp_micros(micros.checked_add(PG_EPOCH_UNIX_MICROS)?)
}

impl Field for chrono::NaiveDate {
    fn read(row: &QueryResult, i: usize) -> Result<Self, TryGetError> {
        match row.try_as_pg_row() {
            Some(pg) => Self::from_pg(pg_value(pg, i)?, i),
            None => row.try_get_by_index_nullable(i),
        }
    }

    fn from_pg(raw: PgValueRef<'_>, i: usize) -> Result<Self, TryGetError> {
        time_from_pg(raw, i, |bytes| pg_date(i32::from_be_bytes(bytes)))
    }

    fn absent() -> Option<Self> {
        Some(Self::default())
    }
}

impl Field for chrono::DateTime<chrono::Utc> {
    fn read(row: &QueryResult, i: usize) -> Result<Self, TryGetError> {
        match row.try_as_pg_row() {
            Some(pg) => Self::from_pg(pg_value(pg, i)?, i),
            None => row.try_get_by_index_nullable(i),
        }
    }

    fn from_pg(raw: PgValueRef<'_>, i: usize) -> Result<Self, TryGetError> {
        time_from_pg(raw, i, |bytes| pg_timestamp(i64::from_be_bytes(bytes)))
    }

    fn absent() -> Option<Self> {
        Some(Self::default())
    }
}

/// [`Field`] for enums stored as text.
macro_rules! enum_fields {
    ($($ty:ty),+ $(,)?) => {$(
        impl Field for $ty {
            fn read(row: &QueryResult, i: usize) -> Result<Self, TryGetError> {
                let value = String::read(row, i)?;
                <$ty as sea_orm::ActiveEnum>::try_from_value(&value).map_err(TryGetError::DbErr)
            }

            fn from_pg(raw: PgValueRef<'_>, i: usize) -> Result<Self, TryGetError> {
                let value = String::from_pg(raw, i)?;
                <$ty as sea_orm::ActiveEnum>::try_from_value(&value).map_err(TryGetError::DbErr)
            }

            fn absent() -> Option<Self> {
                <$ty as sea_orm::Iterable>::iter().next()
            }
        }
    )+};
}

enum_fields!(
    crate::enums::AccountRole,
    crate::enums::ArrangedBy,
    crate::enums::CouncilRole,
    crate::enums::District,
    crate::enums::Gender,
    crate::enums::MemberUnitKind,
    crate::enums::OrderClassStatus,
    crate::enums::PlacementStatus,
    crate::enums::UnitCategory,
    crate::enums::VenueType,
);

impl<T: Field> Field for Option<T> {
    fn read(row: &QueryResult, i: usize) -> Result<Self, TryGetError> {
        use sea_orm::sqlx::ValueRef;
        if let Some(pg) = row.try_as_pg_row() {
            let raw = pg_raw(pg, i)?;
            if raw.is_null() {
                return Ok(None);
            }
            return T::from_pg(raw, i).map(Some);
        }
        if is_null(row, i) {
            return Ok(None);
        }
        T::read(row, i).map(Some)
    }

    fn from_pg(raw: PgValueRef<'_>, i: usize) -> Result<Self, TryGetError> {
        T::from_pg(raw, i).map(Some)
    }

    fn absent() -> Option<Self> {
        Some(None)
    }
}

/// Whether column `i` of a SQLite `row` holds NULL (false when there is no such column, or on
/// PostgreSQL: the caller's read then reports it).
fn is_null(row: &QueryResult, i: usize) -> bool {
    use sea_orm::sqlx::ValueRef;
    if let Some(row) = row.try_as_sqlite_row() {
        return row.try_get_raw(i).is_ok_and(|v| v.is_null());
    }
    false
}

/// Implements [`Positional`] for the `Model` of the module it is called in; the fields are listed
/// in their declared order (a missing or unknown field does not compile; the module's test checks
/// the order against the entity's columns).
///
/// `positional!(for Name: fields…)` does the same for `Name`, a struct of some of the entity's
/// columns (a projection, selected with those columns in that order); its test checks that each
/// is a column of the entity.
///
/// Each field is read by its type's [`Field`] implementation (a type without one does not
/// compile).
macro_rules! positional {
    (@impl $ty:ident: $($field:ident),+) => {
        impl $crate::positional::Positional for $ty {
            const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),+];

            fn decode(
                row: &sea_orm::QueryResult,
                from: usize,
            ) -> Result<Self, sea_orm::TryGetError> {
                let mut next = from..;
                Ok(Self {
                    $($field: $crate::positional::Field::read(
                        row,
                        next.next().unwrap_or_default(),
                    )?,)+
                })
            }

            fn decode_some(
                row: &sea_orm::QueryResult,
                from: usize,
                columns: $crate::positional::ColumnSet,
            ) -> Result<Self, sea_orm::TryGetError> {
                let mut next = from..;
                let mut index = 0..;
                Ok(Self {
                    $($field: if columns.contains(index.next().unwrap_or_default()) {
                        $crate::positional::Field::read(row, next.next().unwrap_or_default())?
                    } else {
                        $crate::positional::Field::absent().ok_or_else(|| {
                            sea_orm::TryGetError::Null(stringify!($field).to_owned())
                        })?
                    },)+
                })
            }
        }
    };
    (for $ty:ident: $($field:ident),+ $(,)?) => {
        $crate::positional::positional!(@impl $ty: $($field),+);

        #[cfg(test)]
        mod positional_projection {
            #[test]
            fn the_projection_columns_are_entity_columns() {
                use std::str::FromStr;
                for name in <super::$ty as $crate::positional::Positional>::COLUMNS {
                    assert!(super::Column::from_str(name).is_ok(), "{name} is not a column");
                }
            }
        }
    };
    ($($field:ident),+ $(,)?) => {
        $crate::positional::positional!(@impl Model: $($field),+);

        #[cfg(test)]
        mod positional_order {
            #[test]
            fn the_positional_columns_are_the_entity_columns_in_order() {
                use sea_orm::{IdenStatic, Iterable};
                let columns: Vec<&str> = super::Column::iter().map(|c| c.as_str()).collect();
                assert_eq!(
                    <super::Model as $crate::positional::Positional>::COLUMNS,
                    columns.as_slice()
                );
            }
        }
    };
}
pub(crate) use positional;

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use sea_orm::sqlx::{Column, Row};
    use sea_orm::{ConnectionTrait, Database, EntityTrait, QuerySelect, QueryTrait, Schema, Set};

    use super::{
        ByPosition, Layout, Positional, columns_address, columns_are, pg_date, pg_timestamp,
        position_of,
    };
    use crate::enums::{District, MemberUnitKind, UnitCategory};
    use crate::member_unit::{self, Column as C};
    use sea_orm::Iterable;

    /// PostgreSQL's binary dates and timestamps read as sqlx reads them: its epoch, 2000-01-01,
    /// plus the days or microseconds as a chrono `Duration` — for dates before and after the
    /// epoch, around leap days and century years, and for microseconds within a second.
    #[test]
    fn dates_and_timestamps_read_as_sqlx_reads_them() {
        use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};
        let epoch = NaiveDate::from_ymd_opt(2000, 1, 1).expect("epoch");
        let mut days: Vec<i32> = (-800_000..800_000).step_by(997).collect();
        days.extend(-1_500..1_500);
        for d in days {
            let sqlx = epoch + TimeDelta::try_days(d.into()).expect("days");
            assert_eq!(pg_date(d), Some(sqlx), "{d} days");
        }
        let start = Utc.from_utc_datetime(&epoch.and_hms_opt(0, 0, 0).expect("midnight"));
        let mut micros: Vec<i64> = (-4_000_000_000_000_000_i64..4_000_000_000_000_000)
            .step_by(9_999_999_999_989)
            .collect();
        micros.extend(-2_000_001..2_000_001);
        for us in micros {
            let sqlx = start + TimeDelta::microseconds(us);
            assert_eq!(pg_timestamp(us), Some(sqlx), "{us} µs");
        }
        assert_eq!(pg_date(i32::MAX), None, "infinity");
        assert_eq!(pg_timestamp(i64::MAX), None, "infinity");
    }

    /// An in-memory SQLite database with two member units: one with every optional column
    /// empty, one with them set.
    async fn two_units() -> sea_orm::DatabaseConnection {
        two_units_and(|_| None).await
    }

    /// [`two_units`], with the table `more` gives (if any) created too.
    async fn two_units_and(
        more: impl Fn(&Schema) -> Option<sea_orm::sea_query::TableCreateStatement>,
    ) -> sea_orm::DatabaseConnection {
        let db = Database::connect("sqlite::memory:").await.expect("sqlite");
        let schema = Schema::new(db.get_database_backend());
        db.execute(&schema.create_table_from_entity(member_unit::Entity))
            .await
            .expect("table");
        if let Some(table) = more(&schema) {
            db.execute(&table).await.expect("more tables");
        }
        let now = chrono::Utc::now();
        for (i, district) in [None, Some(District::Wendeng)].into_iter().enumerate() {
            let name = format!("单位{i}");
            // Through `insert` on the entity: no audit hook, so no audit table needed.
            let unit = member_unit::ActiveModel {
                id: Set(uuid::Uuid::now_v7()),
                name: Set(name.clone()),
                name_sort_key: Set(name),
                list_order: Set(i32::try_from(i).expect("small")),
                kind: Set(MemberUnitKind::TechnicianCollege),
                category: Set(UnitCategory::School),
                district: Set(district),
                uscc: Set(district.map(|_| "91371000MA3C5XXXXX".to_owned())),
                employee_count: Set(district.map(|_| 120)),
                above_designated_size: Set(district.map(|_| true)),
                council_role: Set(None),
                contact_person: Set(None),
                contact_phone: Set(None),
                address: Set(None),
                joined_on: Set(district.map(|_| now.date_naive())),
                may_sponsor_order_classes: Set(None),
                carries_firm_commitments: Set(i == 1),
                source: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
            };
            member_unit::Entity::insert(unit)
                .exec_without_returning(&db)
                .await
                .expect("insert");
        }
        db
    }

    #[tokio::test]
    async fn a_null_is_none_a_value_is_decoded_and_a_wrong_type_or_column_is_an_error() {
        fn read<T: super::Field>(
            row: &sea_orm::QueryResult,
            i: usize,
        ) -> Result<T, sea_orm::TryGetError> {
            T::read(row, i)
        }
        let db = Database::connect("sqlite::memory:").await.expect("sqlite");
        let row = db
            .query_one_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT NULL AS a, 'x' AS b, 7 AS c",
            ))
            .await
            .expect("query")
            .expect("a row");
        assert_eq!(read::<Option<String>>(&row, 0).expect("null"), None);
        assert_eq!(read::<Option<i32>>(&row, 0).expect("null"), None);
        assert_eq!(
            read::<Option<String>>(&row, 1).expect("text"),
            Some("x".to_owned())
        );
        assert_eq!(read::<Option<i32>>(&row, 2).expect("integer"), Some(7));
        assert!(read::<Option<i32>>(&row, 1).is_err(), "text is no integer");
        assert!(read::<Option<String>>(&row, 3).is_err(), "no fourth column");
    }

    #[tokio::test]
    async fn rows_read_by_position_equal_rows_read_by_name() {
        let db = two_units().await;
        let by_name = member_unit::Entity::find().all(&db).await.expect("by name");
        let by_position = super::all(member_unit::Entity::find(), &db)
            .await
            .expect("by position");
        assert_eq!(by_name.len(), 2);
        assert_eq!(by_position, by_name);
        let one = super::one(member_unit::Entity::find(), &db)
            .await
            .expect("one");
        assert_eq!(one.as_ref(), by_name.first());
    }

    #[tokio::test]
    async fn a_find_row_is_read_by_position_and_any_other_by_name() {
        let db = two_units().await;
        let backend = db.get_database_backend();
        let row = db
            .query_one_raw(member_unit::Entity::find().build(backend))
            .await
            .expect("query")
            .expect("a row");
        assert!(columns_are(&row, member_unit::Model::COLUMNS));
        // The same columns in another order: not by position, and still read right.
        let mut reversed: Vec<C> = <C as sea_orm::Iterable>::iter().collect();
        reversed.reverse();
        let select = member_unit::Entity::find().select_only().columns(reversed);
        let row = db
            .query_one_raw(select.clone().build(backend))
            .await
            .expect("query")
            .expect("a row");
        let names: Vec<String> = row
            .try_as_sqlite_row()
            .expect("sqlite")
            .columns()
            .iter()
            .map(|c| c.name().to_owned())
            .collect();
        assert_eq!(names.first().map(String::as_str), Some("updated_at"));
        assert!(!columns_are(&row, member_unit::Model::COLUMNS));
        let by_name = member_unit::Entity::find().all(&db).await.expect("by name");
        let read: Vec<member_unit::Model> = select
            .into_model::<ByPosition<member_unit::Model>>()
            .all(&db)
            .await
            .expect("by name after all")
            .into_iter()
            .map(|r| r.0)
            .collect();
        assert_eq!(read, by_name);
    }

    /// The rows of one result share one column description, so a [`Layout`] compares names once
    /// per result; rows of another result, with other columns, have their own and are read by
    /// name, even when read in turn with the first result's through one layout.
    #[tokio::test]
    async fn a_layout_is_reused_within_a_result_and_found_again_for_another() {
        let db = two_units().await;
        let backend = db.get_database_backend();
        let in_order = db
            .query_all_raw(member_unit::Entity::find().build(backend))
            .await
            .expect("query");
        let mut reversed: Vec<C> = <C as sea_orm::Iterable>::iter().collect();
        reversed.reverse();
        let other = db
            .query_all_raw(
                member_unit::Entity::find()
                    .select_only()
                    .columns(reversed)
                    .build(backend),
            )
            .await
            .expect("query");
        assert_eq!((in_order.len(), other.len()), (2, 2));
        assert_eq!(columns_address(&in_order[0]), columns_address(&in_order[1]));
        assert_ne!(columns_address(&in_order[0]), columns_address(&other[0]));
        let by_name = member_unit::Entity::find().all(&db).await.expect("by name");
        let mut layout = Layout::default();
        let mut read = |row| layout.read::<member_unit::Model>(row, "").expect("decodes");
        let interleaved = [
            read(&in_order[0]),
            read(&other[0]),
            read(&other[1]),
            read(&in_order[1]),
        ];
        assert_eq!(
            interleaved,
            [
                by_name[0].clone(),
                by_name[0].clone(),
                by_name[1].clone(),
                by_name[1].clone()
            ]
        );
    }

    /// A select of some columns reads them into their fields and leaves every other field at
    /// its absent value; every column is the whole row; a row without the set's columns is an
    /// error, not a model with wrong fields.
    #[tokio::test]
    async fn some_columns_read_into_their_fields_and_the_rest_stay_absent() {
        use super::ColumnSet;
        let db = two_units().await;
        let whole = member_unit::Entity::find().all(&db).await.expect("by name");
        let set = ColumnSet::of::<member_unit::Entity>([C::Id, C::Name, C::District, C::Uscc]);
        let narrow = super::all_some(set.select(member_unit::Entity::find()), set, &db)
            .await
            .expect("narrow");
        assert_eq!(narrow.len(), 2);
        for (n, w) in narrow.iter().zip(&whole) {
            assert_eq!(
                (n.id, &n.name, n.district, &n.uscc),
                (w.id, &w.name, w.district, &w.uscc)
            );
            assert_eq!(
                (n.employee_count, n.list_order, n.joined_on),
                (None, 0, None)
            );
            assert_eq!(n.name_sort_key, "");
            assert_eq!(n.kind, MemberUnitKind::iter().next().expect("a kind"));
            assert_eq!(n.created_at, chrono::DateTime::<chrono::Utc>::default());
        }
        assert_eq!(whole[1].district, Some(District::Wendeng), "a value, read");
        let all = ColumnSet::all::<member_unit::Model>();
        let every = super::all_some(member_unit::Entity::find(), all, &db)
            .await
            .expect("every column");
        assert_eq!(every, whole);
        let other = ColumnSet::of::<member_unit::Entity>([C::Id]);
        assert!(
            super::all_some(set.select(member_unit::Entity::find()), other, &db)
                .await
                .is_err(),
            "the rows hold other columns than the set"
        );
    }

    #[tokio::test]
    async fn pairs_are_read_by_position_and_a_missing_right_half_is_none() {
        use crate::order_class_sponsor;
        let db = two_units_and(|schema| {
            Some(schema.create_table_from_entity(order_class_sponsor::Entity))
        })
        .await;
        // The sponsors' order classes do not exist: the test is about reading rows, not keys.
        db.execute_unprepared("PRAGMA foreign_keys = OFF")
            .await
            .expect("pragma");
        let units = member_unit::Entity::find().all(&db).await.expect("units");
        for enterprise in [units[1].id, uuid::Uuid::now_v7()] {
            let sponsor = order_class_sponsor::ActiveModel {
                id: Set(uuid::Uuid::now_v7()),
                order_class_id: Set(uuid::Uuid::now_v7()),
                enterprise_id: Set(enterprise),
                seats: Set(12),
                accepted_at: Set(None),
                accepted_by: Set(None),
            };
            order_class_sponsor::Entity::insert(sponsor)
                .exec_without_returning(&db)
                .await
                .expect("insert");
        }
        let select = || order_class_sponsor::Entity::find().find_also_related(member_unit::Entity);
        let row = db
            .query_one_raw(select().build(db.get_database_backend()))
            .await
            .expect("query")
            .expect("a row");
        assert_eq!(
            position_of(&row, "A_", order_class_sponsor::Model::COLUMNS),
            Some(0)
        );
        assert_eq!(
            position_of(&row, "B_", member_unit::Model::COLUMNS),
            Some(order_class_sponsor::Model::COLUMNS.len())
        );
        let by_name = select().all(&db).await.expect("by name");
        let by_position = super::all_pairs(select(), &db).await.expect("by position");
        assert_eq!(by_position, by_name);
        assert_eq!(by_position.len(), 2);
        assert_eq!(by_position[0].1.as_ref(), Some(&units[1]));
        assert_eq!(by_position[1].1, None);
    }
}
