#!/usr/bin/env python3
"""Cross-validated comparison of model variants (issue #23): prints each variant's meanDic and Dice@0.5 per fold
(from its covseg evaluate metrics.json) with mean and sample standard deviation, then every other variant's paired
gains over the first. Usage: cv-compare.py <name>=<metrics.json path with {fold}> ... (folds 1-5; missing ones are
skipped)."""
import json
import os
import statistics
import sys


def line(name, values, signed=False):
    f = "+.4f" if signed else ".4f"
    sd = statistics.stdev(values.values()) if len(values) > 1 else float("nan")
    return (f"{name:24s} " + " ".join(f"{k}:{values[k]:{f}}" for k in sorted(values))
            + f"  mean {statistics.mean(values.values()):{f}} sd {sd:.4f}")


variants = [arg.split("=", 1) for arg in sys.argv[1:]]
scores = {}
for name, pattern in variants:
    for fold in range(1, 6):
        path = pattern.format(fold=fold)
        if os.path.exists(path):
            summary = json.load(open(path))["classes"][0]["summary"]
            scores.setdefault((name, "meanDic"), {})[fold] = summary["meanDic"]
            scores.setdefault((name, "Dice@0.5"), {})[fold] = summary["dice"]
for (name, metric), values in scores.items():
    print(line(f"{name} {metric}", values))
base = variants[0][0]
for name, _ in variants[1:]:
    for metric in ("meanDic", "Dice@0.5"):
        first, other = scores.get((base, metric), {}), scores.get((name, metric), {})
        gains = {k: other[k] - first[k] for k in other if k in first}
        if gains:
            print(line(f"{name} - {base} {metric}", gains, signed=True))
