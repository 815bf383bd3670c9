//! The dependency tree of a document as children lists and subtree bounds.

use crate::doc::Doc;

/// Children and subtree extents of every token.
pub struct Tree {
    children: Vec<Vec<u32>>,
    /// First and one-past-last token of each token's subtree.
    bounds: Vec<(u32, u32)>,
}

impl Tree {
    /// The tree of `doc` (empty when the document has no parse).
    pub fn new(doc: &Doc) -> Tree {
        let n = doc.tokens.len();
        let mut children = vec![Vec::new(); n];
        let mut bounds: Vec<(u32, u32)> = (0..n as u32).map(|i| (i, i + 1)).collect();
        if doc.syntax.len() != n {
            return Tree { children, bounds };
        }
        for (i, d) in doc.syntax.iter().enumerate() {
            if let Some(h) = d.head.filter(|&h| (h as usize) < n && h as usize != i) {
                children[h as usize].push(i as u32);
            }
        }
        // Widen every ancestor's bounds; depth is bounded by the sentence, and a step limit
        // guards against a malformed cycle.
        for i in 0..n {
            let (mut node, mut steps) = (i, 0);
            while let Some(h) = doc.syntax[node].head.map(|h| h as usize).filter(|&h| h < n && h != node) {
                let b = &mut bounds[h];
                b.0 = b.0.min(i as u32);
                b.1 = b.1.max(i as u32 + 1);
                node = h;
                steps += 1;
                if steps > 512 {
                    break;
                }
            }
        }
        Tree { children, bounds }
    }

    /// The children of token `i`.
    pub fn children(&self, i: usize) -> &[u32] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    /// The tokens of `i`'s subtree, as a range (a subtree is contiguous in a projective parse;
    /// otherwise this is its extent).
    pub fn subtree(&self, i: usize) -> std::ops::Range<usize> {
        self.bounds.get(i).map_or(i..i + 1, |&(a, b)| a as usize..b as usize)
    }
}
