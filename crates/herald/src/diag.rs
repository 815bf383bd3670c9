//! Diagnostics: what a stage or reader wants the user to know about one document.
//!
//! The core never fails on text. Where it cannot do its job (no publication date to anchor
//! "yesterday", a span that had to be cut) it records a [`Diagnostic`] in the document and goes on.

use crate::span::Span;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something was guessed or left out; the result is still usable.
    Warning,
    /// Part of the input could not be used.
    Error,
}

impl Severity {
    /// `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One message about a document, with the stage that raised it and, where it applies, a span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// The stage or reader that raised it (`segment`, `meta`, `reader`, …).
    pub stage: &'static str,
    /// A sentence without a trailing period.
    pub message: String,
    /// Where in the text it applies, if anywhere.
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A warning from `stage`.
    pub fn warning(stage: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, stage, message: message.into(), span: None }
    }

    /// An error from `stage`: part of the work could not be done.
    pub fn error(stage: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, stage, message: message.into(), span: None }
    }

    /// The same diagnostic, pointing at `span`.
    pub fn at(mut self, span: Span) -> Diagnostic {
        self.span = Some(span);
        self
    }
}
