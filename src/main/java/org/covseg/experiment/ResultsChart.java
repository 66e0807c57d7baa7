package org.covseg.experiment;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * {@code results.png}: a bar per cell (per class side by side for multiclass) of the mean protocol Dice over the
 * finished folds, with ± one standard deviation as error bars. Cells without a finished fold are left out.
 */
final class ResultsChart {

    private static final Color[] COLOURS = {new Color(70, 110, 180), new Color(220, 130, 40), new Color(90, 160, 90)};

    private ResultsChart() {
    }

    /** The PNG, or null when no cell has a finished fold. */
    static byte[] png(List<CellSummary> rows, String title) {
        Map<String, List<CellSummary>> byClass = new LinkedHashMap<>();
        List<String> cells = new ArrayList<>();
        for (CellSummary r : rows) {
            if (r.foldsDone() > 0) {
                byClass.computeIfAbsent(r.className(), c -> new ArrayList<>()).add(r);
                if (!cells.contains(r.cell())) {
                    cells.add(r.cell());
                }
            }
        }
        if (cells.isEmpty()) {
            return null;
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(700, 110 * cells.size() + 200)).height(520)
                .title(title).xAxisTitle("cell").yAxisTitle("Dice (Inf-Net protocol, mean ± std over folds)")
                .build();
        CategoryStyler styler = chart.getStyler();
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        styler.setXAxisLabelRotation(30);
        styler.setErrorBarsColor(Color.BLACK);
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setLegendVisible(byClass.size() > 1);
        styler.setChartBackgroundColor(Color.WHITE);
        int colour = 0;
        for (Map.Entry<String, List<CellSummary>> c : byClass.entrySet()) {
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String cell : cells) {
                MeanStd dice = c.getValue().stream().filter(r -> r.cell().equals(cell)).findFirst()
                        .map(r -> r.metrics().get(ProtocolMetric.DICE)).orElse(MeanStd.of(List.of()));
                means.add(finite(dice.mean()));
                errors.add(finite(dice.std()));
            }
            chart.addSeries(c.getKey(), cells, means, errors).setFillColor(COLOURS[colour++ % COLOURS.length]);
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the results chart", e);
        }
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
