package org.covseg.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The grid, shape and tube primitives the anatomy is drawn with. */
class GeometryTest {

    private final VoxelGrid grid = new VoxelGrid(8, 6, 4, 0.5, 2);

    @Test
    void gridMillimetresAreCentredInPlaneAndTheAffineNegatesThemForRas() {
        assertThat(grid.x(0)).isEqualTo(-1.75);
        assertThat(grid.x(7)).isEqualTo(1.75);
        assertThat(grid.y(0)).isEqualTo(-1.25);
        assertThat(grid.z(0)).isEqualTo(1.0);
        double[] world = grid.affine().apply(2, 5, 3);
        assertThat(world).containsExactly(new double[] {-grid.x(2), -grid.y(5), grid.z(3)}, within(1e-12));
        assertThat(grid.index(2, 5, 3)).isEqualTo(2 + 8 * (5 + 6 * 3));
    }

    @Test
    void gridIndexRangesCoverMillimetreIntervalsAndClip() {
        assertThat(grid.firstI(-0.3)).isEqualTo(3); // x(3) = -0.25
        assertThat(grid.lastI(0.3)).isEqualTo(4);   // x(4) = 0.25
        assertThat(grid.firstI(-100)).isZero();
        assertThat(grid.lastJ(100)).isEqualTo(5);
        assertThat(grid.firstK(2.9)).isEqualTo(1); // z(1) = 3
        assertThat(grid.lastK(2.9)).isZero();
    }

    @Test
    void rotatedEllipseContainsPointsAlongItsOwnAxes() {
        Ellipse e = Ellipse.rotated(10, 0, 4, 1, 90); // long axis along y
        assertThat(e.contains(10, 3.9)).isTrue();
        assertThat(e.contains(13, 0)).isFalse();
        assertThat(e.contains(10.9, 0)).isTrue();
        assertThat(e.grown(1).contains(11.9, 0)).isTrue();
        assertThat(e.scaled(0.5).contains(10, 2.1)).isFalse();
        assertThat(Ellipse.NONE.contains(0, 0)).isFalse();
        assertThat(Ellipse.NONE.grown(5).contains(0, 0)).isFalse();
    }

    @Test
    void tubeDistanceIsToTheSegmentNotTheLine() {
        Tube t = new Tube(0, 0, 0, 10, 0, 0, 1);
        assertThat(t.distanceToAxis(5, 3, 4)).isCloseTo(5, within(1e-12));
        assertThat(t.distanceToAxis(13, 4, 0)).isCloseTo(5, within(1e-12));
        assertThat(new Tube(1, 1, 1, 1, 1, 1, 1).distanceToAxis(1, 1, 3)).isCloseTo(2, within(1e-12));
    }
}
