package org.covseg.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lung and infected amount per slice of a study, slice by slice (inferior to superior for a volume), with the
 * infection on its own axis so that a small infection is not flattened under the lung curve. When the infection has
 * classes, ground-glass opacity and consolidation are drawn too, in the key slices' colours.
 */
public final class InfectionAreaChart {

    private static final Color LUNG = new Color(60, 120, 200);
    private static final Color INFECTED = new Color(220, 40, 40);

    private InfectionAreaChart() {
    }

    public static XYChart chart(List<SliceResult> slices, boolean volume) {
        String unit = slices.get(0).unit();
        double[] x = new double[slices.size()];
        double[] lung = new double[slices.size()];
        double[] infected = new double[slices.size()];
        for (int s = 0; s < slices.size(); s++) {
            x[s] = slices.get(s).index();
            lung[s] = slices.get(s).lung();
            infected[s] = slices.get(s).infected();
        }
        XYChart chart = new XYChartBuilder().width(900).height(420)
                .title(volume ? "Infected and lung " + unit + " per slice" : "Infected and lung " + unit + " per image")
                .xAxisTitle(volume ? "slice (inferior \u2192 superior)" : "image (folder order)")
                .yAxisTitle("infected (" + unit + ")")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMin(1, 0.0);
        chart.setYAxisGroupTitle(1, "lung (" + unit + ")");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        boolean classes = slices.stream().allMatch(r -> r.groundGlass() != null && r.consolidation() != null);
        XYSeries infection = chart.addSeries(classes ? "infected, both classes (left axis)" : "infected (left axis)",
                x, infected);
        infection.setLineColor(INFECTED);
        infection.setMarkerColor(INFECTED);
        infection.setMarker(slices.size() > 60 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        if (classes) {
            classSeries(chart, "ground-glass (left axis)", x,
                    slices.stream().mapToDouble(SliceResult::groundGlass).toArray(), SliceOverlay.GROUND_GLASS);
            classSeries(chart, "consolidation (left axis)", x,
                    slices.stream().mapToDouble(SliceResult::consolidation).toArray(), SliceOverlay.CONSOLIDATION);
        }
        XYSeries lungs = chart.addSeries("lung (right axis)", x, lung);
        lungs.setYAxisGroup(1);
        lungs.setLineColor(LUNG);
        lungs.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static void classSeries(XYChart chart, String name, double[] x, double[] y, Color colour) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(colour);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(SeriesLines.DASH_DASH);
    }

    public static byte[] png(List<SliceResult> slices, boolean volume) {
        try {
            return BitmapEncoder.getBitmapBytes(chart(slices, volume), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the infection chart", e);
        }
    }
}
