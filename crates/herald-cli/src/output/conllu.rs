//! CoNLL-U output of `herald analyze --format conllu`: one block per sentence with its tags,
//! lemmas and dependency tree; fused tokens (`do|n't`) become multiword-token ranges.

use std::io::{self, Write};

use herald::Doc;

/// Writes every sentence of `doc`.
pub fn write(out: &mut impl Write, doc: &Doc) -> io::Result<()> {
    writeln!(out, "# newdoc id = {}", doc.meta.id)?;
    for (k, s) in doc.sentences.iter().enumerate() {
        writeln!(out, "# sent_id = {}-{}", doc.meta.id, k + 1)?;
        let text = doc.slice(s.span).split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "# text = {text}")?;
        let first = s.token_start as usize;
        let mut i = first;
        while i < s.token_end as usize {
            let id = i - first + 1;
            // A multiword token: this word and the following fused ones.
            let mut last = i;
            while last + 1 < s.token_end as usize && doc.tokens[last].fuses_next {
                last += 1;
            }
            if last > i {
                let span = doc.tokens[i].span.cover(doc.tokens[last].span);
                let misc = if doc.tokens[last].space_after { "_" } else { "SpaceAfter=No" };
                writeln!(out, "{id}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{misc}", last - first + 1, doc.slice(span))?;
            }
            for j in i..=last {
                let t = &doc.tokens[j];
                let (lemma, upos, xpos) = match doc.morphology.get(j) {
                    Some(m) => (m.lemma.as_str(), m.upos.as_str(), m.xpos.as_str()),
                    None => ("_", "_", "_"),
                };
                let (head, rel) = match doc.syntax.get(j) {
                    Some(d) => (d.head.map_or(0, |h| h as usize + 1 - first).to_string(), d.rel.as_str()),
                    None => ("_".to_string(), "_"),
                };
                // Inside a multiword token, SpaceAfter belongs to the range line.
                let misc = if j == last && last == i && !t.space_after { "SpaceAfter=No" } else { "_" };
                let form = doc.slice(t.span);
                writeln!(
                    out,
                    "{}\t{form}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{rel}\t_\t{misc}",
                    j - first + 1
                )?;
            }
            i = last + 1;
        }
        writeln!(out)?;
    }
    Ok(())
}
