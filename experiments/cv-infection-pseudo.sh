#!/usr/bin/env bash
# Issue #23: do pseudo labels on the unlabeled slices help on unseen slices? For each fold of
# experiments/cv-infection.json (run it first: runs/cv-infection/shipped-v4/fold-<i>/model), that fold's model (the
# teacher, which never saw the fold's validation slices) labels the 1,600 COVID-SemiSeg unlabeled slices, each volume
# re-windowed first (covseg pseudo-label --rewindow, into runs/cv-pseudo/labels/fold-<i>). A student is trained on the
# fold's 40 labeled training slices plus those pseudo labels, validated on the fold's 10 slices and evaluated on them,
# by one of two recipes (runs/cv-pseudo/<recipe>/...):
#   scratch   the teacher's recipe from scratch, with about as many steps as its 240 epochs on 40 slices (6 epochs
#             of 1,640 slices, x0.1 after 5);
#   finetune  the teacher's weights (--init), 2 epochs at lr 1e-4.
# Teacher and student also analyse the lesion-free phantom (covseg demo --lesion-free: every voxel called infection
# is false). Prints each fold's meanDic and the paired gains over the teacher, then each model's false infection on
# the phantom. Usage: experiments/cv-infection-pseudo.sh <recipe> [fold ...] (default folds 1-5). Re-running skips
# what is finished; an interrupted training resumes.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/data/COVID-SemiSeg/TrainingSet/LungInfection-Train/Doctor-label
UNLABELED=../shared/data/COVID-SemiSeg/Unlabeled
recipe=${1:?usage: $0 scratch|finetune [fold ...]}; shift
case $recipe in
  scratch) training=(--epochs 6 --lr 1e-3 --lr-decay-every 5) ;;
  finetune) training=(--epochs 2 --lr 1e-4 --lr-decay-every 2) ;;
  *) echo "unknown recipe '$recipe': scratch or finetune" >&2; exit 2 ;;
esac
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
  run=runs/cv-pseudo/$recipe/student/fold-$fold
  if [[ ! -f $run/model/model.json ]]; then
    val=$(python3 -c "import json; print(','.join(json.load(open('$split'))['validation']))")
    resume=(); [[ -d $run/checkpoint ]] && resume=(--resume)
    init=(); [[ $recipe == finetune ]] && init=(--init $teacher/model)
    mkdir -p "$(dirname "$run")"
    ./covseg train --arch covidsegnet --data "$labels/LungInfection-Pseudo" --val "$val" --width 0.25 --size 128 \
      --scales 1 "${training[@]}" --batch-size 8 --seed 1 --threads 1 --augment flip,rotate "${init[@]}" \
      --out "$run" "${resume[@]}" >> "$run.log" 2>&1
  fi
  out=runs/cv-pseudo/$recipe/eval/fold-$fold
  [[ -f $out/metrics.json ]] || ./covseg evaluate --model $run/model --data $DATA --split $split --out $out \
    --threads 1 > /dev/null
  for variant in teacher student; do
    model=$teacher/model; [[ $variant == student ]] && model=$run/model
    out=runs/cv-pseudo/lesion-free/$variant/fold-$fold; [[ $variant == student ]] && out=runs/cv-pseudo/$recipe/lesion-free/fold-$fold
    mkdir -p "$(dirname "$out")"
    [[ -f $out/analysis/report.json ]] || ./covseg demo --lesion-free --seed 1 --model $model --out $out \
      > "$out.log" 2>&1
  done
done
experiments/cv-compare.py teacher=runs/cv-infection/shipped-v4/fold-{fold}/evaluation/metrics.json \
  student=runs/cv-pseudo/$recipe/eval/fold-{fold}/metrics.json
for variant in teacher student; do
  printf '%-8s lesion-free phantom, %% of the lungs called infected:' $variant
  for fold in 1 2 3 4 5; do
    report=runs/cv-pseudo/lesion-free/teacher/fold-$fold/analysis/report.json
    [[ $variant == student ]] && report=runs/cv-pseudo/$recipe/lesion-free/fold-$fold/analysis/report.json
    [[ -f $report ]] && printf ' %s:%.2f' $fold "$(python3 -c "import json; print(json.load(open('$report'))['severity']['percentageOfInfection']['total']['any']['percent'])")"
  done
  echo
done
