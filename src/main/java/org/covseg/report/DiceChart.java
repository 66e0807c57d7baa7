package org.covseg.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.covseg.evaluation.ClassResult;
import org.covseg.metrics.ImageEvaluation;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A bar chart of each image's Dice at the threshold, sorted from worst to best, with the mean as a line. Image names
 * label the bars while they fit (up to {@value #NAMED_BARS} images).
 */
public final class DiceChart {

    static final int NAMED_BARS = 80;

    private static final Color BAR = new Color(70, 110, 180);
    private static final Color MEAN = new Color(220, 60, 40);

    private DiceChart() {
    }

    public static CategoryChart chart(ClassResult result, double threshold) {
        List<ImageEvaluation> sorted = result.images().stream()
                .sorted(Comparator.comparingDouble((ImageEvaluation e) -> e.overlap().dice()))
                .toList();
        List<String> names = sorted.stream().map(ImageEvaluation::name).toList();
        List<Double> dice = sorted.stream().map(e -> e.overlap().dice()).toList();
        double mean = result.summary().dice();
        boolean named = names.size() <= NAMED_BARS;
        CategoryChart chart = new CategoryChartBuilder()
                .width(Math.max(800, Math.min(2400, 14 * names.size() + 160)))
                .height(named ? 520 : 440)
                .title(String.format(Locale.ROOT, "%s: Dice at p \u2265 %s per image, worst to best (%d images)",
                        result.className(), EvaluationTable.thresholdText(threshold), names.size()))
                .xAxisTitle(named ? "image" : "images, sorted by Dice")
                .yAxisTitle("Dice")
                .build();
        CategoryStyler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setXAxisLabelRotation(90);
        styler.setXAxisTicksVisible(named);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        styler.setAvailableSpaceFill(0.8);
        styler.setOverlapped(true);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridVerticalLinesVisible(false);
        chart.addSeries("Dice", names, dice).setFillColor(BAR);
        CategorySeries meanLine = chart.addSeries(String.format(Locale.ROOT, "mean %.3f", mean), names,
                Collections.nCopies(names.size(), mean));
        meanLine.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        meanLine.setLineColor(MEAN);
        meanLine.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    public static byte[] png(ClassResult result, double threshold) {
        try {
            return BitmapEncoder.getBitmapBytes(chart(result, threshold), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the Dice chart", e);
        }
    }
}
