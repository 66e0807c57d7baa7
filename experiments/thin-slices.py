#!/usr/bin/env python3
"""Makes a thin-slice version of a NIfTI-1 CT (issue #24's 537-slice study): each gap between two slices is
interpolated linearly into <factor> (135 slices at 2.5 mm with factor 4 give 537 at 0.625 mm), in the input's data
type, with the slice spacing and the z column of the sform divided by <factor>. Needs numpy only.

Usage: thin-slices.py <in.nii.gz> <out.nii.gz> [factor, default 4]
The study of docs/results.md ("`analyze` of a 537-slice study"):
  /usr/bin/python3 experiments/thin-slices.py ../shared/data/real-ct/covid-pos-case_standard-kernel_2.5mm.nii.gz \
      big-537.nii.gz 4
Its output is data derived from ../shared: keep it out of git."""
import gzip
import struct
import sys

import numpy as np

DTYPES = {2: np.uint8, 4: np.int16, 8: np.int32, 16: np.float32, 64: np.float64, 512: np.uint16}


def main(source, target, factor):
    data = gzip.open(source).read() if source.endswith(".gz") else open(source, "rb").read()
    header = bytearray(data[:348])
    if struct.unpack("<i", header[:4])[0] != 348:
        sys.exit(f"{source}: not a little-endian NIfTI-1 file")
    dims = struct.unpack("<8h", header[40:56])
    if dims[0] != 3:
        sys.exit(f"{source}: {dims[0]} dimensions, expected 3")
    width, height, depth = dims[1:4]
    datatype = struct.unpack("<h", header[70:72])[0]
    if datatype not in DTYPES:
        sys.exit(f"{source}: NIfTI data type {datatype} is not handled")
    offset = int(struct.unpack("<f", header[108:112])[0])
    dtype = np.dtype(DTYPES[datatype]).newbyteorder("<")
    volume = np.frombuffer(data, dtype=dtype, count=width * height * depth, offset=offset)
    volume = volume.reshape(depth, height, width)

    thin_depth = (depth - 1) * factor + 1
    thin = np.empty((thin_depth, height, width), dtype=dtype)
    for k in range(thin_depth):
        below, step = divmod(k, factor)
        if step == 0:
            thin[k] = volume[below]
        else:
            t = step / factor
            mixed = (1 - t) * volume[below].astype(np.float32) + t * volume[below + 1].astype(np.float32)
            thin[k] = np.rint(mixed) if np.issubdtype(dtype, np.integer) else mixed

    struct.pack_into("<h", header, 46, thin_depth)
    pixdim = list(struct.unpack("<8f", header[76:108]))
    pixdim[3] /= factor
    struct.pack_into("<8f", header, 76, *pixdim)
    srow = list(struct.unpack("<12f", header[280:328]))
    for row in range(3):
        srow[row * 4 + 2] /= factor
    struct.pack_into("<12f", header, 280, *srow)
    extension = data[348:offset]
    with gzip.open(target, "wb", compresslevel=1) as out:
        out.write(bytes(header) + extension + thin.tobytes())


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 4)
