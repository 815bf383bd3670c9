//! The store's error, with plain messages for the failures a user can act on.

use std::fmt;

use rusqlite::ErrorCode;

/// A store operation that failed. Any transaction it was part of has been rolled back.
#[derive(Debug)]
pub enum Error {
    /// SQLite refused the operation.
    Sqlite(rusqlite::Error),
    /// The database is not one this herald can use (too new, not migrated, missing).
    Schema(String),
    /// A stored value could not be decoded.
    Corrupt(String),
    /// Writing what a query or export produced failed.
    Output(std::io::Error),
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The SQLite error code, if SQLite raised the error.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Error::Sqlite(e) => e.sqlite_error_code(),
            _ => None,
        }
    }

    /// True when another process holds the database lock.
    pub fn is_locked(&self) -> bool {
        matches!(self.code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
    }

    /// True when the disk (or the database's page limit) is full.
    pub fn is_full(&self) -> bool {
        matches!(self.code(), Some(ErrorCode::DiskFull))
    }

    /// True when no later write can succeed either (locked database, full disk): a batch
    /// writer should stop rather than retry piece by piece.
    pub fn stops_writes(&self) -> bool {
        self.is_locked() || self.is_full()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Sqlite(e) if self.is_locked() => {
                write!(f, "the database is locked by another process (is another ingest running?): {e}")
            }
            Error::Sqlite(e) if self.is_full() => {
                write!(
                    f,
                    "the disk or database is full; the batch was rolled back and nothing of it was stored: {e}"
                )
            }
            Error::Sqlite(e) => write!(f, "database error: {e}"),
            Error::Schema(m) => f.write_str(m),
            Error::Corrupt(m) => write!(f, "corrupt database: {m}"),
            Error::Output(e) => write!(f, "writing output: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Sqlite(e) => Some(e),
            Error::Output(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Sqlite(e)
    }
}
