#!/usr/bin/env bash
# Issue #23: evaluates each finished fold model of experiments/cv-infection.json (runs/cv-infection/shipped-v4) as
# trained, with LEFT_RIGHT and with BOTH_AXES test-time flips (model.json edited in a copy, weights unchanged), on
# that fold's validation slices, into runs/cv-tta; then prints each variant's per-fold meanDic and the paired gains.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/COVID-SemiSeg/TrainingSet/LungInfection-Train/Doctor-label
for fold in 1 2 3 4 5; do
  dir=runs/cv-infection/shipped-v4/fold-$fold
  [[ -f $dir/result.json ]] || continue
  for flips in NONE LEFT_RIGHT BOTH_AXES; do
    out=runs/cv-tta/fold-$fold/$flips
    [[ -f $out/eval/metrics.json ]] && continue
    mkdir -p $out/model
    cp $dir/model/weights.safetensors $out/model/
    if [[ $flips == NONE ]]; then
      cp $dir/model/model.json $out/model/
    else
      python3 -c "import json,sys; s=json.load(open('$dir/model/model.json')); s['formatVersion']=2; s['testTimeFlips']='$flips'; json.dump(s,open('$out/model/model.json','w'),indent=2)"
    fi
    ./covseg evaluate --model $out/model --data $DATA --split runs/cv-infection/folds/fold-$fold.json \
      --out $out/eval --threads 1 > $out/evaluate.log 2>&1
  done
done
python3 - <<'PY'
import json, os, statistics
rows = {}
for fold in range(1, 6):
    for flips in ("NONE", "LEFT_RIGHT", "BOTH_AXES"):
        f = f"runs/cv-tta/fold-{fold}/{flips}/eval/metrics.json"
        if os.path.exists(f):
            m = json.load(open(f))["classes"][0]["summary"]
            rows.setdefault(flips, {})[fold] = m["meanDic"]
            rows.setdefault(flips + " Dice@0.5", {})[fold] = m["dice"]
for flips, d in rows.items():
    vals = [d[k] for k in sorted(d)]
    sd = statistics.stdev(vals) if len(vals) > 1 else float("nan")
    print(flips, " ".join(f"{v:.4f}" for v in vals), f"mean {statistics.mean(vals):.4f} sd {sd:.4f}")
for flips in ("LEFT_RIGHT", "BOTH_AXES", "LEFT_RIGHT Dice@0.5", "BOTH_AXES Dice@0.5"):
    base = rows.get("NONE Dice@0.5" if "@" in flips else "NONE", {})
    d = rows.get(flips, {})
    diffs = [d[k] - base[k] for k in sorted(d) if k in base]
    if diffs:
        sd = statistics.stdev(diffs) if len(diffs) > 1 else float("nan")
        print(flips, "- NONE per fold:", " ".join(f"{x:+.4f}" for x in diffs), f"mean {statistics.mean(diffs):+.4f} sd {sd:.4f}")
PY
