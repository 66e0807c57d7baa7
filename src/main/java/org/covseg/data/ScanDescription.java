package org.covseg.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.covseg.image.Affine;
import org.covseg.image.Volume;

/** A human-readable description of a scan, as printed by {@code covseg info}: one "label  value" per line. */
public final class ScanDescription {

    private static final String CANONICAL = "canonical LPS (columns right→left, rows anterior→posterior, "
            + "slices inferior→superior)";

    private final List<String> lines = new ArrayList<>();

    private ScanDescription() {
    }

    public static ScanDescription of(Scan scan) {
        ScanDescription d = new ScanDescription();
        d.add("input", scan.source().toString());
        d.add("kind", scan.kind().description());
        if (scan.isVolume()) {
            d.describeVolume(scan.volume());
        } else if (scan.volumes().size() == 1) {
            d.describeSlice(scan.volumes().get(0));
        } else {
            d.describeSlices(scan.volumes());
        }
        scan.notes().forEach(n -> d.add("note", n));
        return d;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    private void describeVolume(Volume v) {
        double[] s = v.spacing();
        add("shape", v.width() + " x " + v.height() + " x " + v.depth() + " voxels (i x j x k)");
        add("spacing", String.format(Locale.ROOT, "%.4g x %.4g x %.4g mm", s[0], s[1], s[2]));
        add("extent", String.format(Locale.ROOT, "%.1f x %.1f x %.1f mm",
                s[0] * v.width(), s[1] * v.height(), s[2] * v.depth()));
        Affine source = v.sourceAffine();
        add("stored as", source.axisCodes() + (v.fromSource().isIdentity() ? " (no reorientation needed)"
                : " (reoriented on read: " + v.fromSource() + ")"));
        add("orientation", CANONICAL);
        add("affine", v.affine().toString() + "  (canonical voxel → RAS+ mm)");
        describeRange(v);
        describeMetadata(v.metadata());
    }

    private void describeSlice(Volume v) {
        add("shape", v.width() + " x " + v.height() + " pixels");
        describeRange(v);
    }

    private void describeSlices(List<Volume> slices) {
        int minW = Integer.MAX_VALUE;
        int maxW = 0;
        int minH = Integer.MAX_VALUE;
        int maxH = 0;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (Volume v : slices) {
            minW = Math.min(minW, v.width());
            maxW = Math.max(maxW, v.width());
            minH = Math.min(minH, v.height());
            maxH = Math.max(maxH, v.height());
            float[] r = v.range();
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        add("slices", Integer.toString(slices.size()));
        add("shape", (minW == maxW && minH == maxH) ? minW + " x " + minH + " pixels"
                : "from " + minW + " x " + minH + " to " + maxW + " x " + maxH + " pixels");
        add("intensity", String.format(Locale.ROOT, "%.4g .. %.4g (%s)", lo, hi, slices.get(0).unit()));
    }

    private void describeRange(Volume v) {
        float[] r = v.range();
        add("intensity", String.format(Locale.ROOT, "%.4g .. %.4g (%s)", r[0], r[1], v.unit()));
    }

    private void describeMetadata(Map<String, String> metadata) {
        metadata.forEach((k, val) -> add(k, val));
    }

    private void add(String label, String value) {
        lines.add(String.format(Locale.ROOT, "%-14s %s", label, value));
    }
}
