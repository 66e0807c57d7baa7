package org.covseg.cohort;

import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** A cohort run on a Spark session: the studies spread over tasks, their rows gathered, the table written. */
public final class CohortRun {

    private CohortRun() {
    }

    /**
     * Analyses {@code studies} (outputs complete from an earlier run are reused), writes the cohort table under the
     * output root and returns its rows in the studies' order.
     *
     * @param partitions how many tasks share the studies (at most one per study)
     */
    public static List<CohortRow> run(SparkSession spark, List<CohortStudy> studies, CohortSettings settings,
            int partitions) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        context.setJobDescription("covseg cohort: " + studies.size() + " studies");
        List<CohortRow> table = context.parallelize(studies, Math.max(1, Math.min(partitions, studies.size())))
                .mapPartitions(new StudyTask(settings)).collect();
        CohortTable.write(spark, table, settings.outputRoot());
        return table;
    }
}
