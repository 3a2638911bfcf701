#!/usr/bin/env python3
"""Pairwise precision and recall of claimcheck's stories on ECB+ (each topic folder T holds
two events: the files T_Necb.txt report one, T_Necbplus.txt another).

A pair of documents put in one story is right when both come from the same half of the
same topic. Topics are split by the parity of md5(topic id): even topics are the ones the
thresholds were tuned on, odd ones are held out; both halves are printed, and a pair is
counted in a half when either of its documents' topics belongs to it.

usage: scripts/story_scores.py DATA_DIR [BIN] [--show N]
  DATA_DIR  the ECB+ folder (one folder per topic)
  BIN       the claimcheck binary (default target/release/claimcheck)
  --show N  print N wrongly joined pairs and N missed pairs
Or give a JSON report instead of running the binary: --report REPORT.json
"""
import hashlib, itertools, json, os, re, subprocess, sys

def event_of(path):
    m = re.search(r"(\d+)/\d+_\d+(ecbplus|ecb)\.txt$", path.replace("\\", "/"))
    return (m.group(1), m.group(2)) if m else None

def half_of(topic):
    return "tuned" if int(hashlib.md5(topic.encode()).hexdigest(), 16) % 2 == 0 else "held-out"

def main():
    args = sys.argv[1:]
    show = int(args[args.index("--show") + 1]) if "--show" in args else 0
    if "--report" in args:
        report = json.load(open(args[args.index("--report") + 1]))
    else:
        data = args[0]
        binary = args[1] if len(args) > 1 and not args[1].startswith("--") else "target/release/claimcheck"
        out = subprocess.run([binary, "check", data, "--format", "json"], capture_output=True, text=True)
        report = json.loads(out.stdout)
    story_of = {}
    for story in report.get("stories", []):
        for path in story["documents"]:
            story_of[path] = story["id"]
    docs = [p for p in story_of if event_of(p)]
    counts = {h: {"tp": 0, "fp": 0, "gold": 0} for h in ("tuned", "held-out")}
    wrong, missed = [], []
    for a, b in itertools.combinations(sorted(docs), 2):
        ea, eb = event_of(a), event_of(b)
        halves = {half_of(ea[0]), half_of(eb[0])}
        same_story = story_of[a] == story_of[b]
        same_event = ea == eb
        for h in halves:
            if same_event:
                counts[h]["gold"] += 1
            if same_story:
                counts[h]["tp" if same_event else "fp"] += 1
        if same_story and not same_event:
            wrong.append((a, b))
        if same_event and not same_story:
            missed.append((a, b))
    for h in ("tuned", "held-out"):
        c = counts[h]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        r = c["tp"] / c["gold"] if c["gold"] else 1.0
        print(f"{h}: pairwise precision {p:.3f} recall {r:.3f} (pairs joined {c['tp'] + c['fp']}, right {c['tp']}, gold {c['gold']})")
    print(f"stories {len(set(story_of.values()))} over {len(docs)} documents")
    labels = {s["id"]: s["label"] for s in report.get("stories", [])}
    for a, b in wrong[:show]:
        print("joined:", os.path.basename(a), os.path.basename(b), "|", labels[story_of[a]])
    for a, b in missed[:show]:
        print("missed:", os.path.basename(a), os.path.basename(b))

main()
