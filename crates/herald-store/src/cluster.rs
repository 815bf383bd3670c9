//! Event identity across articles: event mentions with the same source, target and root code
//! whose dates are within a day of each other are one event (one `event_clusters` row, GDELT's
//! event with its NumMentions, NumArticles and NumSources).
//!
//! For one key, mentions sorted by day are taken greedily: a cluster starts at the first
//! mention not yet in a cluster (its *anchor* day `d`) and takes every mention dated `d` or
//! `d + 1`, so all of a cluster's mentions are within a day of each other. The result depends
//! only on the set of stored mentions, never on the order articles arrived in, so an
//! interrupted and resumed ingest clusters exactly as an uninterrupted one.
//!
//! Incrementally: new mentions from day `D` on can only change clusters anchored at `D - 1` or
//! later (an earlier anchor's window ends before `D`). [`recluster`] dissolves those and runs
//! the greedy pass again from there. A mention without a date is an event of its own.

use rusqlite::{Transaction, params};

use crate::Result;

/// A cluster key: source and target actor codes (empty when absent) and the CAMEO root code.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Key {
    pub source: String,
    pub target: String,
    pub root: String,
}

/// Re-clusters the mentions of `key` dated `from_day - 1` or later.
pub(crate) fn recluster(tx: &Transaction<'_>, key: &Key, from_day: i64) -> Result<()> {
    let cutoff = from_day - 1;
    let args = params![key.source, key.target, key.root, cutoff];
    tx.prepare_cached(
        "UPDATE events SET cluster_id = NULL WHERE cluster_id IN (SELECT id FROM event_clusters
            WHERE source_code = ?1 AND target_code = ?2 AND root_code = ?3 AND first_day >= ?4)",
    )?
    .execute(args)?;
    tx.prepare_cached(
        "DELETE FROM event_clusters WHERE source_code = ?1 AND target_code = ?2 AND root_code = ?3 AND first_day >= ?4",
    )?
    .execute(args)?;
    let mut st = tx.prepare_cached(
        "SELECT id, day FROM events WHERE source_code = ?1 AND target_code = ?2 AND root_code = ?3
            AND day >= ?4 AND cluster_id IS NULL ORDER BY day, article_id, idx",
    )?;
    let mentions: Vec<(i64, i64)> =
        st.query_map(args, |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO event_clusters (source_code, target_code, root_code, first_day) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut assign = tx.prepare_cached("UPDATE events SET cluster_id = ?1 WHERE id = ?2")?;
    let mut current: Option<(i64, i64)> = None; // (cluster id, anchor day)
    for (event, day) in mentions {
        let cluster = match current {
            Some((id, anchor)) if day <= anchor + 1 => id,
            _ => {
                insert.execute(params![key.source, key.target, key.root, day])?;
                let id = tx.last_insert_rowid();
                current = Some((id, day));
                id
            }
        };
        assign.execute(params![cluster, event])?;
    }
    Ok(())
}

/// Gives every undated, unclustered mention a cluster of its own.
pub(crate) fn singletons(tx: &Transaction<'_>) -> Result<()> {
    let mut st = tx.prepare_cached(
        "SELECT id, source_code, target_code, root_code FROM events WHERE cluster_id IS NULL AND day IS NULL",
    )?;
    let rows: Vec<(i64, String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO event_clusters (source_code, target_code, root_code, first_day) VALUES (?1, ?2, ?3, NULL)",
    )?;
    let mut assign = tx.prepare_cached("UPDATE events SET cluster_id = ?1 WHERE id = ?2")?;
    for (event, s, t, r) in rows {
        insert.execute(params![s, t, r])?;
        assign.execute(params![tx.last_insert_rowid(), event])?;
    }
    Ok(())
}
