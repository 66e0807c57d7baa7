package org.covseg.cohort;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.covseg.CovsegException;
import org.covseg.report.PerImageCsv;

/**
 * The cohort table under the output root: {@value #PARQUET} (a Parquet dataset, as Spark writes it) and
 * {@value #CSV} (one file, for spreadsheets), one row per study, in the manifest's order.
 */
final class CohortTable {

    static final String PARQUET = "cohort.parquet";
    static final String CSV = "cohort.csv";

    private CohortTable() {
    }

    static void write(SparkSession spark, List<CohortRow> rows, String outputRoot) {
        List<Row> table = rows.stream().map(CohortRow::toRow).toList();
        spark.createDataFrame(table, CohortRow.SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(new Path(outputRoot, PARQUET).toString());
        writeCsv(table, new Path(outputRoot, CSV));
    }

    /** The CSV, written beside its place and renamed into it. */
    private static void writeCsv(List<Row> rows, Path target) {
        try {
            FileSystem fs = FileSystems.of(target);
            Path tmp = new Path(target.getParent(), "." + CSV + ".tmp");
            try (Writer w = new OutputStreamWriter(fs.create(tmp, true), StandardCharsets.UTF_8)) {
                w.write(Stream.of(CohortRow.SCHEMA.fields()).map(StructField::name).collect(Collectors.joining(","))
                        + "\n");
                for (Row r : rows) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < r.length(); i++) {
                        line.append(i == 0 ? "" : ",").append(cell(r.get(i)));
                    }
                    w.write(line + "\n");
                }
            }
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) {
                throw new IOException("rename of " + tmp + " failed");
            }
        } catch (IOException e) {
            throw new CovsegException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A table cell: empty for null, else as {@link PerImageCsv#field} quotes it (RFC 4180). */
    static String cell(Object v) {
        return v == null ? "" : PerImageCsv.field(v.toString());
    }
}
