//! Model files: a versioned header and a bounds-checked binary body, gzip-compressed.
//!
//! Layout (after gunzip): the magic line `herald-<kind> <version>\n`, a length-prefixed UTF-8
//! header (the exact training command, data and figures), then sections of little-endian
//! integers written by [`Writer`] and read back by [`Reader`]. Every read checks the remaining
//! length: a truncated, foreign or old-version file is an [`ModelError`], never a panic.

use std::fmt;
use std::io::{Read, Write};

/// Why a model could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// Not gzip, or a corrupt stream.
    Compression(String),
    /// The magic line names another kind of model or file.
    Foreign {
        /// The kind this code wanted.
        expected: String,
    },
    /// The right kind, another version.
    Version {
        /// Version in the file.
        found: u32,
        /// Version this code reads.
        expected: u32,
    },
    /// The body ended early or holds an impossible value.
    Corrupt(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Compression(e) => write!(f, "not a gzip-compressed herald model ({e})"),
            ModelError::Foreign { expected } => write!(f, "not a {expected} model"),
            ModelError::Version { found, expected } => {
                write!(f, "model version {found}, this herald reads version {expected}: retrain it")
            }
            ModelError::Corrupt(e) => write!(f, "corrupt model: {e}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// Writes a model body; [`Writer::finish`] compresses it with its header.
#[derive(Debug, Default)]
pub struct Writer {
    body: Vec<u8>,
}

impl Writer {
    /// An empty body.
    pub fn new() -> Writer {
        Writer::default()
    }

    /// Appends a `u8`.
    pub fn u8(&mut self, v: u8) {
        self.body.push(v);
    }

    /// Appends a `u16`.
    pub fn u16(&mut self, v: u16) {
        self.body.extend_from_slice(&v.to_le_bytes());
    }

    /// Appends an `i16`.
    pub fn i16(&mut self, v: i16) {
        self.body.extend_from_slice(&v.to_le_bytes());
    }

    /// Appends a `u32`.
    pub fn u32(&mut self, v: u32) {
        self.body.extend_from_slice(&v.to_le_bytes());
    }

    /// Appends a `u64`.
    pub fn u64(&mut self, v: u64) {
        self.body.extend_from_slice(&v.to_le_bytes());
    }

    /// Appends an `f32`.
    pub fn f32(&mut self, v: f32) {
        self.body.extend_from_slice(&v.to_le_bytes());
    }

    /// Appends a length-prefixed string.
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.body.extend_from_slice(s.as_bytes());
    }

    /// The compressed file: magic line, header, body.
    pub fn finish(self, kind: &str, version: u32, header: &str) -> Vec<u8> {
        let mut raw = format!("herald-{kind} {version}\n").into_bytes();
        raw.extend_from_slice(&(header.len() as u32).to_le_bytes());
        raw.extend_from_slice(header.as_bytes());
        raw.extend_from_slice(&self.body);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = gz.write_all(&raw);
        gz.finish().unwrap_or_default()
    }
}

/// Reads a model body with bounds checks.
#[derive(Debug)]
pub struct Reader {
    data: Vec<u8>,
    pos: usize,
    /// The header text (training command and figures).
    pub header: String,
}

impl Reader {
    /// Decompresses `bytes` and checks the magic line for `kind` and `version`.
    pub fn open(bytes: &[u8], kind: &str, version: u32) -> Result<Reader, ModelError> {
        let mut data = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut data)
            .map_err(|e| ModelError::Compression(e.to_string()))?;
        let prefix = format!("herald-{kind} ");
        let foreign = || ModelError::Foreign { expected: format!("herald-{kind}") };
        let nl = data.iter().take(64).position(|&b| b == b'\n').ok_or_else(foreign)?;
        let magic = std::str::from_utf8(&data[..nl]).map_err(|_| foreign())?;
        let found: u32 = magic.strip_prefix(&prefix).and_then(|v| v.parse().ok()).ok_or_else(foreign)?;
        if found != version {
            return Err(ModelError::Version { found, expected: version });
        }
        let mut r = Reader { data, pos: nl + 1, header: String::new() };
        r.header = r.str()?;
        Ok(r)
    }

    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.data.len());
        let end = end.ok_or_else(|| ModelError::Corrupt(format!("truncated at byte {}", self.pos)))?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    /// Reads `n` raw bytes.
    pub fn bytes(&mut self, n: usize) -> Result<&[u8], ModelError> {
        self.take(n)
    }

    /// Reads a `u8`.
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.array::<1>()?[0])
    }

    /// Reads a `u16`.
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    /// Reads an `i16`.
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.array()?))
    }

    /// Reads a `u32`.
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// Reads a `u64`.
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// Reads an `f32`.
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    /// Reads a count of items that each take at least `item_bytes`, rejecting counts the
    /// remaining data cannot hold (so a corrupt count cannot trigger a huge allocation).
    pub fn count(&mut self, item_bytes: usize) -> Result<usize, ModelError> {
        let n = self.u32()? as usize;
        let left = self.data.len() - self.pos;
        if n.saturating_mul(item_bytes.max(1)) > left {
            return Err(ModelError::Corrupt(format!("count {n} exceeds the remaining {left} bytes")));
        }
        Ok(n)
    }

    /// Reads a length-prefixed string.
    pub fn str(&mut self) -> Result<String, ModelError> {
        let n = self.count(1)?;
        let bytes = self.take(n)?.to_vec();
        String::from_utf8(bytes).map_err(|_| ModelError::Corrupt("string is not UTF-8".into()))
    }

    /// Fails unless every byte was read.
    pub fn end(&self) -> Result<(), ModelError> {
        if self.pos == self.data.len() {
            Ok(())
        } else {
            Err(ModelError::Corrupt(format!("{} unread bytes at the end", self.data.len() - self.pos)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        let mut w = Writer::new();
        w.u32(7);
        w.str("NOUN");
        w.i16(-3);
        w.finish("test", 2, "trained by a test")
    }

    #[test]
    fn round_trip() {
        let mut r = Reader::open(&sample(), "test", 2).unwrap();
        assert_eq!(r.header, "trained by a test");
        assert_eq!(r.u32().unwrap(), 7);
        assert_eq!(r.str().unwrap(), "NOUN");
        assert_eq!(r.i16().unwrap(), -3);
        assert!(r.end().is_ok());
    }

    #[test]
    fn rejects_foreign_old_truncated_and_garbage() {
        assert!(matches!(Reader::open(&sample(), "tagger", 2), Err(ModelError::Foreign { .. })));
        assert_eq!(
            Reader::open(&sample(), "test", 3).unwrap_err(),
            ModelError::Version { found: 2, expected: 3 }
        );
        assert!(matches!(Reader::open(b"not gzip", "test", 2), Err(ModelError::Compression(_))));
        let bytes = sample();
        assert!(Reader::open(&bytes[..bytes.len() / 2], "test", 2).is_err());
        let mut r = Reader::open(&bytes, "test", 2).unwrap();
        r.u32().unwrap();
        r.str().unwrap();
        r.i16().unwrap();
        assert!(matches!(r.u32(), Err(ModelError::Corrupt(_))));
    }

    #[test]
    fn huge_counts_are_rejected_without_allocating() {
        let mut w = Writer::new();
        w.u32(u32::MAX);
        let mut r = Reader::open(&w.finish("test", 1, ""), "test", 1).unwrap();
        assert!(r.count(4).is_err());
    }
}
