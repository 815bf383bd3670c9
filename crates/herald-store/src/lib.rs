//! herald-store: the embedded SQLite database (schema, migrations, ingest bookkeeping, queries,
//! exports). It is the only crate that knows SQL. Empty until the store issue lands; the crate
//! exists now so that the dependency direction (cli → store → core) is fixed from the start.

/// The schema version this crate writes. Bumped by every migration.
pub const SCHEMA_VERSION: u32 = 0;
