package org.covseg.data.augment;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.covseg.CovsegException;

/**
 * The training-time augmentation recipe: which {@link Transform}s to draw and the area fraction of the input to cut
 * out (0 for none).
 *
 * <p>For one sample, in this order: intensity jitter of the grey image; then one geometric warp, composed of crop,
 * small rotation, quarter turns and flips, applied alike to image, mask and edge map (bilinear; the label planes keep
 * soft values, as the prepared slices' resized masks do; black and label 0 outside the slice); then a {@link Cutout}
 * square, which the caller fills in the normalised input only. Every draw comes from the one generator passed in, in
 * a fixed order, so a sample's augmentation depends only on that generator's seed ({@link #random}).
 *
 * @param transforms the transforms to draw
 * @param cutout     the area fraction of each input to hide, in [0, 1); 0 for no cutout
 */
public record Augmentation(Set<Transform> transforms, double cutout) {

    public static final double MAX_DEGREES = 15;
    public static final double MIN_CROP = 0.75;
    public static final Augmentation NONE = new Augmentation(Set.of(), 0);

    public Augmentation {
        transforms = transforms.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(transforms));
        if (!(cutout >= 0 && cutout < 1)) {
            throw new CovsegException("--cutout must be a fraction of the image area in [0, 1), got " + cutout);
        }
    }

    /** The recipe from command-line names ("flip", "rot90", "rotate", "crop", "jitter", or "all"). */
    public static Augmentation of(Collection<String> names, double cutout) {
        Set<Transform> chosen = EnumSet.noneOf(Transform.class);
        for (String name : names) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.equals("all")) {
                chosen.addAll(List.of(Transform.values()));
                continue;
            }
            chosen.add(List.of(Transform.values()).stream().filter(t -> t.label().equals(n)).findFirst()
                    .orElseThrow(() -> new CovsegException("unknown augmentation '" + name + "'; choose from "
                            + labels(EnumSet.allOf(Transform.class)) + " or all")));
        }
        return new Augmentation(chosen, cutout);
    }

    /** Whether this recipe changes anything. */
    public boolean any() {
        return !transforms.isEmpty() || cutout > 0;
    }

    /**
     * The generator for one sample: seeded by the run's seed, the epoch and the slice's index alone, so any sample
     * can be redrawn on its own (a resumed run sees the same augmentation as an uninterrupted one).
     */
    public static SplittableRandom random(long seed, int epoch, int index) {
        return new SplittableRandom(mix(mix(mix(seed ^ 0x41554745L) + epoch) + index));
    }

    /** Stafford's variant 13 of the 64-bit finaliser: nearby inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * One sample's augmentation of a {@code size x size} slice, drawn from {@code random} (jitter, crop, rotation,
     * quarter turns, flips, cutout, in this order).
     */
    public SampleAugmentation draw(int size, SplittableRandom random) {
        Optional<IntensityJitter> jitter = transforms.contains(Transform.JITTER)
                ? Optional.of(IntensityJitter.draw(random)) : Optional.empty();
        PlaneWarp warp = PlaneWarp.identity();
        boolean warped = false;
        if (transforms.contains(Transform.CROP)) {
            double side = size * random.nextDouble(MIN_CROP, 1);
            warp = warp.then(PlaneWarp.crop(random.nextDouble(size - side), random.nextDouble(size - side), side,
                    size));
            warped = true;
        }
        if (transforms.contains(Transform.ROTATE)) {
            warp = warp.then(PlaneWarp.rotation(Math.toRadians(random.nextDouble(-MAX_DEGREES, MAX_DEGREES)), size));
            warped = true;
        }
        if (transforms.contains(Transform.ROT90)) {
            warp = warp.then(PlaneWarp.quarterTurns(random.nextInt(4), size));
            warped = true;
        }
        if (transforms.contains(Transform.FLIP)) {
            if (random.nextBoolean()) {
                warp = warp.then(PlaneWarp.flipX(size));
            }
            if (random.nextBoolean()) {
                warp = warp.then(PlaneWarp.flipY(size));
            }
            warped = true;
        }
        Optional<Cutout> hole = cutout > 0 ? Optional.of(Cutout.draw(cutout, size, random)) : Optional.empty();
        return new SampleAugmentation(jitter, warped ? Optional.of(warp) : Optional.empty(), hole);
    }

    /** The slice augmented with draws from {@code random}, and the cutout the caller must apply to the input. */
    public Augmented apply(SlicePlanes slice, SplittableRandom random) {
        int size = slice.size();
        SampleAugmentation drawn = draw(size, random);
        if (drawn.jitter().isEmpty() && drawn.warp().isEmpty()) {
            return new Augmented(slice, drawn.cutout());
        }
        SlicePlanes out = new SlicePlanes(size, drawn.grey(slice.grey(), size), drawn.plane(slice.mask(), size, 0),
                drawn.plane(slice.edge(), size, 0));
        return new Augmented(out, drawn.cutout());
    }

    /** A short description for logs, e.g. "flip, rot90, cutout 0.4" or "none". */
    public String describe() {
        if (!any()) {
            return "none";
        }
        String names = labels(transforms);
        String hole = cutout > 0 ? "cutout " + cutout : "";
        return names.isEmpty() ? hole : hole.isEmpty() ? names : names + ", " + hole;
    }

    private static String labels(Set<Transform> set) {
        return set.stream().map(Transform::label).collect(Collectors.joining(", "));
    }

    /** An augmented slice and the input's hole, if any. */
    public record Augmented(SlicePlanes planes, Optional<Cutout> cutout) {
    }
}
