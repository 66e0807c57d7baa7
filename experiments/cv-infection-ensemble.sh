#!/usr/bin/env bash
# Issue #23: does averaging models help on unseen slices? For each fold of experiments/cv-infection.json (run it
# first: runs/cv-infection/shipped-v4/fold-<i>/model), trains the same recipe with another seed on the same 40
# slices (runs/cv-ensemble/seed-2/fold-<i>), makes the two-model ensemble (covseg ensemble) and evaluates the seed-2
# model and the ensemble on the fold's 10 validation slices; then prints each variant's per-fold meanDic and the
# paired gains over the seed-1 fold model. Usage: experiments/cv-infection-ensemble.sh [fold ...] (default 1-5);
# two processes can share the folds (one core each). Re-running skips what is finished; an interrupted training
# resumes.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/COVID-SemiSeg/TrainingSet/LungInfection-Train/Doctor-label
folds=("$@")
[[ ${#folds[@]} -gt 0 ]] || folds=(1 2 3 4 5)
for fold in "${folds[@]}"; do
  first=runs/cv-infection/shipped-v4/fold-$fold
  [[ -f $first/result.json ]] || { echo "fold $fold: $first is not finished; run the experiment first" >&2; continue; }
  split=runs/cv-infection/folds/fold-$fold.json
  run=runs/cv-ensemble/seed-2/fold-$fold
  if [[ ! -f $run/model/model.json ]]; then
    val=$(python3 -c "import json; print(','.join(json.load(open('$split'))['validation']))")
    resume=(); [[ -d $run/checkpoint ]] && resume=(--resume)
    mkdir -p "$(dirname "$run")"
    ./covseg train --arch covidsegnet --data $DATA --val "$val" --width 0.25 --size 128 --scales 1 --epochs 240 \
      --lr 1e-3 --lr-decay-every 180 --batch-size 8 --seed 2 --threads 1 --augment flip,rotate --out "$run" \
      "${resume[@]}" >> "$run.log" 2>&1
  fi
  pair=runs/cv-ensemble/pair/fold-$fold
  [[ -f $pair/model.json ]] || ./covseg ensemble $first/model $run/model --out $pair --name cv-pair-fold-$fold
  for variant in seed-2 pair; do
    model=$run/model; [[ $variant == pair ]] && model=$pair
    out=runs/cv-ensemble/eval/$variant/fold-$fold
    [[ -f $out/metrics.json ]] || ./covseg evaluate --model $model --data $DATA --split $split --out $out \
      --threads 1 > /dev/null
  done
done
experiments/cv-compare.py seed-1=runs/cv-infection/shipped-v4/fold-{fold}/evaluation/metrics.json \
  seed-2=runs/cv-ensemble/eval/seed-2/fold-{fold}/metrics.json pair=runs/cv-ensemble/eval/pair/fold-{fold}/metrics.json
