//! PostgreSQL only: the distinct host names and post titles of the placements
//! (`placement_search_term`), and B-tree indexes on each paired with the caller's scope, so that a
//! placements page searched for a host or a post reads only the matching placements, whatever the
//! table holds (`docs/performance.md`).
//!
//! A search (`LIKE '%…%'`) is matched against the terms, a small table (one row per distinct
//! name, not per placement), and the page then asks for the placements whose host name or post
//! title is one of the matching terms, in the caller's scope: `(host_name, school_id)` and its
//! three siblings serve that as a handful of index probes. The trigram indexes of the placements
//! themselves (`m20261128_000002_placement_search`) are dropped: a trigram common to most names
//! (有限公司, 股份) made every search read a posting list as long as the table, 9 ms at a million
//! placements for a term matching 350 of them; the terms keep a trigram index of their own.
//!
//! Two statement triggers on `internship_placement` (after insert, after update, over the
//! transition tables, in the writing transaction) add the new rows' names to the terms, in a fixed
//! order so that concurrent writers cannot deadlock; whoever writes a placement, its names are
//! terms when it commits. A term whose placements are all gone or renamed stays and matches
//! nothing. SQLite: nothing (its searches scan the caller's placements with `LIKE`). Down drops
//! what up made and restores the trigram indexes.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: [&str; 14] = [
    "CREATE TABLE IF NOT EXISTS placement_search_term (\
       field varchar(16) NOT NULL CHECK (field IN ('HOST_NAME', 'POST_TITLE')), \
       term text NOT NULL, \
       PRIMARY KEY (field, term))",
    "INSERT INTO placement_search_term (field, term) \
       SELECT 'HOST_NAME', host_name FROM internship_placement \
       UNION SELECT 'POST_TITLE', post_title FROM internship_placement \
       ON CONFLICT DO NOTHING",
    "CREATE INDEX IF NOT EXISTS placement_search_term_trgm ON placement_search_term \
       USING gin (term gin_trgm_ops)",
    "CREATE OR REPLACE FUNCTION placement_search_terms_add() RETURNS trigger \
     LANGUAGE plpgsql AS $$ \
     BEGIN \
       INSERT INTO placement_search_term (field, term) \
         SELECT field, term FROM ( \
           SELECT 'HOST_NAME' AS field, host_name AS term FROM new_rows \
           UNION SELECT 'POST_TITLE', post_title FROM new_rows) t \
         ORDER BY field, term \
         ON CONFLICT DO NOTHING; \
       RETURN NULL; \
     END $$",
    "DROP TRIGGER IF EXISTS placement_search_terms_insert ON internship_placement",
    "CREATE TRIGGER placement_search_terms_insert AFTER INSERT ON internship_placement \
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT \
       EXECUTE FUNCTION placement_search_terms_add()",
    "DROP TRIGGER IF EXISTS placement_search_terms_update ON internship_placement",
    "CREATE TRIGGER placement_search_terms_update AFTER UPDATE ON internship_placement \
       REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT \
       EXECUTE FUNCTION placement_search_terms_add()",
    "CREATE INDEX IF NOT EXISTS idx_placement_host_name_school \
       ON internship_placement (host_name, school_id)",
    "CREATE INDEX IF NOT EXISTS idx_placement_host_name_host_unit \
       ON internship_placement (host_name, host_unit_id)",
    "CREATE INDEX IF NOT EXISTS idx_placement_post_title_school \
       ON internship_placement (post_title, school_id)",
    "CREATE INDEX IF NOT EXISTS idx_placement_post_title_host_unit \
       ON internship_placement (post_title, host_unit_id)",
    "DROP INDEX IF EXISTS internship_placement_host_name_trgm",
    "DROP INDEX IF EXISTS internship_placement_post_title_trgm",
];

const DOWN: [&str; 10] = [
    "DROP TRIGGER IF EXISTS placement_search_terms_insert ON internship_placement",
    "DROP TRIGGER IF EXISTS placement_search_terms_update ON internship_placement",
    "DROP FUNCTION IF EXISTS placement_search_terms_add()",
    "DROP TABLE IF EXISTS placement_search_term",
    "DROP INDEX IF EXISTS idx_placement_host_name_school",
    "DROP INDEX IF EXISTS idx_placement_host_name_host_unit",
    "DROP INDEX IF EXISTS idx_placement_post_title_school",
    "DROP INDEX IF EXISTS idx_placement_post_title_host_unit",
    "CREATE INDEX IF NOT EXISTS internship_placement_host_name_trgm ON internship_placement \
     USING gin (host_name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS internship_placement_post_title_trgm ON internship_placement \
     USING gin (post_title gin_trgm_ops)",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::on_postgres(manager, &UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::on_postgres(manager, &DOWN).await
    }
}
