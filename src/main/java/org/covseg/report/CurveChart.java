package org.covseg.report;

import java.io.IOException;
import java.nio.file.Path;
import org.covseg.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A line chart of curves over a common x axis (for example loss and Dice against the epoch), with a second y axis on
 * the right for curves on another scale; written as a PNG.
 */
public final class CurveChart {

    private static final int RIGHT_AXIS = 1;

    private final XYChart chart;

    public CurveChart(String title, String xLabel, String leftLabel, String rightLabel, int width, int height) {
        chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel)
                .yAxisTitle(leftLabel).build();
        chart.setYAxisGroupTitle(RIGHT_AXIS, rightLabel);
        chart.getStyler().setYAxisGroupPosition(RIGHT_AXIS, Styler.YAxisPosition.Right);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    }

    /** Adds a curve on the left axis; an empty curve is left out. */
    public CurveChart left(String name, double[] x, double[] y) {
        add(name, x, y, 0);
        return this;
    }

    /** Adds a curve on the right axis; an empty curve is left out. */
    public CurveChart right(String name, double[] x, double[] y) {
        add(name, x, y, RIGHT_AXIS);
        return this;
    }

    private void add(String name, double[] x, double[] y, int axis) {
        if (x.length == 0) {
            return;
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setYAxisGroup(axis);
        series.setMarker(SeriesMarkers.NONE);
    }

    public void writePng(Path file) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(file, out -> out.write(png));
    }
}
