//! `--dictionaries DIR`: a user's PETRARCH-format actor, agent and verb dictionaries, used
//! instead of the embedded Phoenix, CAMEO.2.0 and herald files. Files whose name contains
//! `actor` are actor dictionaries, `agent` agent dictionaries, `verb` (or `CAMEO`) verb
//! dictionaries; other files are left alone. Lines that cannot be
//! read are reported with file and line number and skipped.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use herald::Lexicons;

/// The lexicons with the dictionaries of `dir` in place of the embedded ones.
pub fn load(dir: &Path) -> Result<Lexicons> {
    let mut lex = Lexicons::without_dictionaries();
    let mut entries: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("reading dictionary folder {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    entries.sort();
    let mut used = 0;
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        let is_actors = name.contains("actor");
        let is_agents = name.contains("agent");
        let is_verbs = name.contains("verb") || name.starts_with("cameo");
        if !is_actors && !is_agents && !is_verbs {
            continue;
        }
        let bytes = fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let shown = path.display().to_string();
        let errors = if is_agents {
            lex.add_user_agents(&shown, &text)
        } else if is_actors {
            lex.add_user_actors(&shown, &text)
        } else {
            lex.add_user_verbs(&shown, &text)
        };
        for e in errors {
            eprintln!("herald: warning: {}:{}: {}, line skipped", e.file, e.error.line, e.error.message);
        }
        used += 1;
    }
    if used == 0 {
        bail!(
            "{} holds no actor or agent dictionary (file names must contain `actor` or `agent`)",
            dir.display()
        );
    }
    Ok(lex)
}
