//! Bytes → text: UTF-8 validation with the position of the first bad byte, or replacement.

use super::InputError;

/// What the decoder had to do.
pub(super) struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decodes `bytes`, which start at byte `offset` of the input `origin` and on line `line`.
/// Invalid UTF-8 is an error naming the byte offset and line, or, with `lossy`, replaced with
/// U+FFFD and reported as a warning.
pub(super) fn decode(
    bytes: Vec<u8>,
    origin: &str,
    offset: u64,
    line: u64,
    lossy: bool,
) -> Result<Decoded, InputError> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, warning: None }),
        Err(e) => {
            let bad = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let at_line = line + bytes[..bad].iter().filter(|&&b| b == b'\n').count() as u64;
            let at = offset + bad as u64;
            if !lossy {
                return Err(InputError::new(
                    origin,
                    format!(
                        "invalid UTF-8 at byte {at} (line {at_line}); pass --lossy to replace invalid bytes"
                    ),
                ));
            }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let count = text.matches('\u{FFFD}').count();
            Ok(Decoded {
                text,
                warning: Some(format!(
                    "invalid UTF-8 replaced with U+FFFD ({count} place(s), first at byte {at}, line {at_line})"
                )),
            })
        }
    }
}
