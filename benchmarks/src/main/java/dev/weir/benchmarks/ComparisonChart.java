package dev.weir.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;

import dev.weir.benchmarks.workloads.ComparedWorkload;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The comparison as a picture: records/s per workload and system above, p99 latency at half of the
 * peak below, the bare loop beside them as the limit.
 */
final class ComparisonChart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 900;
    private static final Map<String, Color> COLOURS = Map.of(
            SystemUnderTest.WEIR.displayName(), new Color(0x1f77b4),
            SystemUnderTest.KAFKA_STREAMS.displayName(), new Color(0xff7f0e),
            SystemUnderTest.FLINK.displayName(), new Color(0x2ca02c),
            SystemUnderTest.BARE.displayName(), new Color(0x7f7f7f));

    private ComparisonChart() {
    }

    static void write(Path file, ComparisonOptions options, List<ComparisonResult> results) {
        System.setProperty("java.awt.headless", "true");
        List<ComparisonResult> medians = ComparisonReport.medians(results);
        DefaultCategoryDataset throughput = new DefaultCategoryDataset();
        DefaultCategoryDataset latency = new DefaultCategoryDataset();
        for (ComparedWorkload workload : options.workloads) {
            for (ComparisonResult r : medians) {
                boolean row = r.workload == workload || (r.workload == null && r.input == workload.input());
                if (!row || r.failure != null) {
                    continue;
                }
                String series = r.system.displayName();
                throughput.addValue(r.recordsPerSecond, series, workload.label());
                if (r.latency != null && r.latency.failure() == null) {
                    latency.addValue(r.latency.p99Millis(), series, workload.label());
                }
            }
        }
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis("workload"));
        CategoryPlot rates = subplot(throughput, new NumberAxis("records/s (exactly-once)"));
        plot.add(rates, 3);
        // Latencies run from tens of milliseconds to seconds: a logarithmic axis shows both.
        LogAxis millis = new LogAxis("p99 latency at half of peak, ms (log)");
        millis.setBase(10);
        millis.setNumberFormatOverride(new DecimalFormat("#,##0"));
        plot.add(subplot(latency, millis), 2);
        // Each subplot would list the systems again.
        plot.setFixedLegendItems(rates.getLegendItems());
        JFreeChart chart = new JFreeChart("Weir vs Kafka Streams vs Flink, one broker, " + Report.machine(),
                new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static CategoryPlot subplot(DefaultCategoryDataset data, ValueAxis valueAxis) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        if (valueAxis instanceof LogAxis) {
            renderer.setBase(1); // a bar cannot start at 0 on a logarithmic axis
        }
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, COLOURS.getOrDefault(data.getRowKey(i).toString(), Color.BLACK));
        }
        CategoryPlot plot = new CategoryPlot(data, null, valueAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
