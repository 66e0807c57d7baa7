package org.covseg.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.covseg.io.AtomicFiles;
import org.covseg.metrics.RocCurve;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A ROC curve (sensitivity against 1 − specificity) with the chance diagonal, on square [0, 1] axes, as a PNG. */
final class RocChart {

    private RocChart() {
    }

    static void write(Path file, RocCurve roc, double auc, String title) throws IOException {
        XYChart chart = new XYChartBuilder().width(560).height(560).title(title).xAxisTitle("1 − specificity")
                .yAxisTitle("sensitivity").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0)
                .setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0")
                .setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.addSeries(String.format(Locale.ROOT, "model (AUC %.3f)", auc), roc.falsePositiveRate(),
                roc.truePositiveRate()).setMarker(SeriesMarkers.NONE);
        chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1}).setMarker(SeriesMarkers.NONE);
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(file, out -> out.write(png));
    }
}
