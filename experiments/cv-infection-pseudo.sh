#!/usr/bin/env bash
# Issue #23: do pseudo labels on the unlabeled slices help on unseen slices? For each fold of
# experiments/cv-infection.json (run it first: runs/cv-infection/shipped-v4/fold-<i>/model), that fold's model labels
# the 1,600 COVID-SemiSeg unlabeled slices, each volume re-windowed first (covseg pseudo-label --rewindow, into
# runs/cv-pseudo/labels/fold-<i>); a student of the same recipe is trained from scratch on the fold's 40 labeled
# training slices plus those pseudo labels, with about as many steps as the recipe's 240 epochs on 40 slices
# (6 epochs of 1,640 slices, x0.1 after 5), validated on the fold's 10 slices (runs/cv-pseudo/student/fold-<i>);
# then evaluated on them. The teacher never saw the fold's validation slices. Prints each fold's meanDic and the
# paired gains over the teacher. Usage: experiments/cv-infection-pseudo.sh [fold ...] (default 1-5). Re-running
# skips what is finished; an interrupted training resumes.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/COVID-SemiSeg/TrainingSet/LungInfection-Train/Doctor-label
UNLABELED=../shared/data/COVID-SemiSeg/Unlabeled
folds=("$@")
[[ ${#folds[@]} -gt 0 ]] || folds=(1 2 3 4 5)
for fold in "${folds[@]}"; do
  teacher=runs/cv-infection/shipped-v4/fold-$fold
  [[ -f $teacher/result.json ]] || { echo "fold $fold: $teacher is not finished; run the experiment first" >&2; continue; }
  split=runs/cv-infection/folds/fold-$fold.json
  labels=runs/cv-pseudo/labels/fold-$fold
  if [[ ! -d $labels/LungInfection-Pseudo ]]; then
    mkdir -p "$labels"
    ./covseg pseudo-label --model $teacher/model --labeled $DATA --unlabeled $UNLABELED --rewindow --threads 1 \
      --out "$labels" >> "$labels.log" 2>&1
  fi
  run=runs/cv-pseudo/student/fold-$fold
  if [[ ! -f $run/model/model.json ]]; then
    val=$(python3 -c "import json; print(','.join(json.load(open('$split'))['validation']))")
    resume=(); [[ -d $run/checkpoint ]] && resume=(--resume)
    mkdir -p "$(dirname "$run")"
    ./covseg train --arch covidsegnet --data "$labels/LungInfection-Pseudo" --val "$val" --width 0.25 --size 128 \
      --scales 1 --epochs 6 --lr 1e-3 --lr-decay-every 5 --batch-size 8 --seed 1 --threads 1 --augment flip,rotate \
      --out "$run" "${resume[@]}" >> "$run.log" 2>&1
  fi
  out=runs/cv-pseudo/eval/fold-$fold
  [[ -f $out/metrics.json ]] || ./covseg evaluate --model $run/model --data $DATA --split $split --out $out \
    --threads 1 > /dev/null
done
experiments/cv-compare.py teacher=runs/cv-infection/shipped-v4/fold-{fold}/evaluation/metrics.json \
  student=runs/cv-pseudo/eval/fold-{fold}/metrics.json
