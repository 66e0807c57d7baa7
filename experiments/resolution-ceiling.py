#!/usr/bin/env python3
"""The meanDic a model at a given input size could reach at best (issue #23): each ground-truth mask of a labeled
folder is resized to size x size and back to its own size (bilinear, align_corners=False, as covseg resizes), and
the round trip is scored against the mask by the Inf-Net protocol's meanDic (Dice at 256 thresholds in [0, 1],
averaged). Needs numpy, Pillow and torch (Debian: python3-torch). Usage: resolution-ceiling.py <GT folder> [size...]"""
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image


def mean_dice(probability, truth):
    scores = []
    for t in np.linspace(0, 1, 256):
        predicted = probability >= t
        total = predicted.sum() + truth.sum()
        scores.append(2 * (predicted & truth).sum() / total if total > 0 else 1.0)
    return float(np.mean(scores))


folder = sys.argv[1]
sizes = [int(s) for s in sys.argv[2:]] or [128, 192, 256, 352]
masks = [np.array(Image.open(os.path.join(folder, f)).convert("L")) > 127 for f in sorted(os.listdir(folder))]
for size in sizes:
    scores = []
    for truth in masks:
        t = torch.tensor(truth, dtype=torch.float32)[None, None]
        small = F.interpolate(t, size=(size, size), mode="bilinear", align_corners=False)
        back = F.interpolate(small, size=truth.shape, mode="bilinear", align_corners=False)[0, 0].numpy()
        scores.append(mean_dice(back, truth))
    print(f"{size:4d} px: meanDic {np.mean(scores):.3f} (lowest {np.min(scores):.3f}) over {len(scores)} masks")
