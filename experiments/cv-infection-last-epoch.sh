#!/usr/bin/env bash
# Issue #23: exports each finished fold of experiments/cv-infection.json (runs/cv-infection/shipped-v4) at its last
# epoch instead of its best (a copy of the run folder without checkpoint/best, resumed by the recipe's own train
# command, which then exports the last checkpoint), and scores it on the fold's validation slices into
# runs/cv-infection/last-epoch; then prints both exports' meanDic per fold and the paired differences.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/COVID-SemiSeg/TrainingSet/LungInfection-Train/Doctor-label
for fold in 1 2 3 4 5; do
  src=runs/cv-infection/shipped-v4/fold-$fold
  dst=runs/cv-infection/last-epoch/fold-$fold
  [[ -f $src/result.json ]] || continue
  [[ -f $dst/evaluation/metrics.json ]] && continue
  rm -rf "$dst" && mkdir -p "$dst"
  cp -r $src/checkpoint $src/split.json "$dst"/
  rm -rf "$dst/checkpoint/best"
  val=$(python3 -c "import json; print(','.join(json.load(open('$src/split.json'))['validation']))")
  ./covseg train --arch covidsegnet --data $DATA --val "$val" --width 0.25 --size 128 --scales 1 --epochs 240 \
    --lr 1e-3 --lr-decay-every 180 --batch-size 8 --seed 1 --threads 1 --augment flip,rotate --out "$dst" --resume \
    > "$dst/export.log" 2>&1
  ./covseg evaluate --model "$dst/model" --data $DATA --split "$dst/split.json" --out "$dst/evaluation" \
    > "$dst/evaluate.log" 2>&1
done
experiments/cv-compare.py best=runs/cv-infection/shipped-v4/fold-{fold}/evaluation/metrics.json \
  last=runs/cv-infection/last-epoch/fold-{fold}/evaluation/metrics.json
