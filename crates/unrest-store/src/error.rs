//! What can go wrong when storing or reading records.

use std::path::PathBuf;
use thiserror::Error;

/// The underlying cause of a failure, as the backend or the codebook gave
/// it. Boxed so the public error does not name any one database driver:
/// callers display it, and a second backend brings its own driver errors.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why a storage call failed.
///
/// Every message is one line that names what failed (the database file, the
/// migration, or the record by its position in the batch and its title), so
/// the binary can print it as is. The cause is part of the message rather
/// than a separate `source()`, so an error chain printed with `{:#}` does not
/// repeat it.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The database could not be opened, created or configured (including
    /// its parent directory).
    #[error("cannot open database {}: {cause}", path.display())]
    Open {
        /// The database file (`:memory:` for an in-memory database).
        path: PathBuf,
        /// What the file system or the database said.
        cause: Cause,
    },
    /// A schema migration could not be applied; the database keeps the
    /// schema it had before that migration.
    #[error("cannot apply migration {name} to database {}: {cause}", path.display())]
    Migration {
        /// The database file.
        path: PathBuf,
        /// The migration's file stem, e.g. `0001_init`.
        name: String,
        /// What the database said.
        cause: Cause,
    },
    /// The database was written by a newer build of unrest; opening it with
    /// this one could corrupt it, so it is refused.
    #[error(
        "database {} has schema version {found}, newer than this build of unrest knows ({known}); upgrade unrest",
        path.display()
    )]
    SchemaTooNew {
        /// The database file.
        path: PathBuf,
        /// Highest migration recorded in the database.
        found: i64,
        /// Highest migration this build ships.
        known: i64,
    },
    /// One record of a batch could not be stored; the whole batch was rolled
    /// back. `item` names it, e.g. `event 3 ("工厂停工")` or
    /// `report 2 ("…"), event 1 ("…")`, counting from 1 within the call.
    #[error("{item}: {cause}")]
    Record {
        /// The record, by position in the batch and title.
        item: String,
        /// Why it was refused (invalid per the codebook, or a database error).
        cause: Cause,
    },
    /// A stored row could not be turned back into a record (the file was
    /// edited by hand, or written by an incompatible build).
    #[error("stored {kind} {id} is unreadable: {cause}")]
    Corrupt {
        /// `report` or `event`.
        kind: &'static str,
        /// The row's id.
        id: i64,
        /// What did not parse.
        cause: Cause,
    },
    /// Any other database failure; `action` says what was being done, e.g.
    /// `cannot read events from /x/unrest.sqlite`.
    #[error("{action}: {cause}")]
    Database {
        /// What was being done, naming the database.
        action: String,
        /// What the database said.
        cause: Cause,
    },
}
