package org.covseg.phantom;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Chooses where the configured lesions go. A pleural lesion is centred on a lung voxel that touches the chest
 * wall (muscle or rib) in its slice, so about half of it is cut off by the pleura and it lies against tissue of
 * the same density; the others are centred on any lung voxel.
 */
final class LesionPlanter {

    private static final int MAX_DRAWS = 1_000_000;

    private LesionPlanter() {
    }

    /** Consolidations first, then ground glass; the first {@code pleuralLesions} of that list are pleural. */
    static List<Lesion> plant(PhantomConfig c, VoxelGrid g, byte[] tissue, SplittableRandom rng) {
        List<Lesion> lesions = new ArrayList<>();
        int total = c.consolidationLesions() + c.groundGlassLesions();
        int[] pleuralSites = c.pleuralLesions() > 0 ? costalPleuraVoxels(g, tissue) : new int[0];
        for (int n = 0; n < total; n++) {
            LesionKind kind = n < c.consolidationLesions() ? LesionKind.CONSOLIDATION : LesionKind.GROUND_GLASS;
            boolean pleural = n < c.pleuralLesions();
            int site = pleural ? pleuralSite(pleuralSites, rng) : lungVoxel(tissue, rng);
            int i = site % g.width();
            int j = site / g.width() % g.height();
            int k = site / g.sliceSize();
            double radius = rng.nextDouble(c.minLesionRadiusMm(), Math.nextUp(c.maxLesionRadiusMm()));
            lesions.add(new Lesion(kind, g.x(i), g.y(j), g.z(k), radius, kind.randomMeanHu(rng), kind.edgeMm(radius),
                    rng.nextLong(), pleural));
        }
        return lesions;
    }

    private static int pleuralSite(int[] sites, SplittableRandom rng) {
        if (sites.length == 0) {
            throw new IllegalStateException("the phantom has no lung voxel on the costal pleura for a pleural lesion");
        }
        return sites[rng.nextInt(sites.length)];
    }

    private static int lungVoxel(byte[] tissue, SplittableRandom rng) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            int p = rng.nextInt(tissue.length);
            if (Tissue.isLung(tissue[p])) {
                return p;
            }
        }
        throw new IllegalStateException("the phantom has (almost) no lung voxels to place a lesion in");
    }

    /** Lung voxels with an in-plane 4-neighbour in the chest wall. */
    private static int[] costalPleuraVoxels(VoxelGrid g, byte[] tissue) {
        IntStream.Builder sites = IntStream.builder();
        for (int k = 0; k < g.depth(); k++) {
            for (int j = 1; j < g.height() - 1; j++) {
                for (int i = 1; i < g.width() - 1; i++) {
                    int p = g.index(i, j, k);
                    if (Tissue.isLung(tissue[p]) && (chestWall(tissue[p - 1]) || chestWall(tissue[p + 1])
                            || chestWall(tissue[p - g.width()]) || chestWall(tissue[p + g.width()]))) {
                        sites.add(p);
                    }
                }
            }
        }
        return sites.build().toArray();
    }

    private static boolean chestWall(byte code) {
        return Tissue.of(code).isChestWall();
    }
}
