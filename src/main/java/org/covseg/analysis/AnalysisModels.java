package org.covseg.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.covseg.CovsegException;
import org.covseg.infer.LungBoxes;
import org.covseg.lungs.LungMasks;
import org.covseg.model.DefaultModels;
import org.covseg.report.ModelInfo;

/**
 * The networks an analysis runs, loaded once for all studies of a run: the infection model (none when the user
 * gives the infection mask), optionally the multi-class model that splits the infection into ground-glass opacity
 * and consolidation, and optionally the COVID-19 detection model. Each of the last two, when absent, comes with
 * the reason the report gives.
 */
public final class AnalysisModels implements AutoCloseable {

    /** Which model folders to load (null: none) and why an optional one is absent. */
    public record Folders(Path infection, Path multiclass, String noClassesReason, Path detect,
                          String noDetectionReason) {

        /**
         * The folders a user chose: the infection model (null when the user gives the infection mask, which the
         * multi-class model then splits when it is binary), and each optional model given, else the installed
         * default, unless switched off (null: not given). Refuses a model given and switched off at once.
         */
        public static Folders chosen(Path infection, Path multiclass, boolean noClasses, Path detect,
                boolean noDetect) {
            if (noClasses && multiclass != null) {
                throw new CovsegException("--no-classes and --multiclass-model exclude each other; give one of them");
            }
            if (noDetect && detect != null) {
                throw new CovsegException("--no-detect and --detect-model exclude each other; give one of them");
            }
            return new Folders(infection, multiclass != null ? multiclass : noClasses ? null
                            : DefaultModels.installedMulticlass().orElse(null),
                    noClasses ? "switched off (--no-classes)"
                            : "no multi-class model installed (models/multiclass); give --multiclass-model <dir>",
                    detect != null ? detect : noDetect ? null : DefaultModels.installedDetector().orElse(null),
                    noDetect ? "switched off (--no-detect)"
                            : "no detection model installed (models/detect); give --detect-model <dir>");
        }
    }

    private final ModelInfectionMaps infection;
    private final ModelClassMaps classes;
    private final DetectionModel detection;
    private final Folders folders;

    private AnalysisModels(ModelInfectionMaps infection, ModelClassMaps classes, DetectionModel detection,
            Folders folders) {
        this.infection = infection;
        this.classes = classes;
        this.detection = detection;
        this.folders = folders;
    }

    /** Loads the models of {@code folders}, each running {@code batchSize} slices at a time. */
    public static AnalysisModels open(Folders folders, int batchSize) {
        ModelInfectionMaps infection = null;
        ModelClassMaps classes = null;
        try {
            if (folders.infection() != null) {
                infection = ModelInfectionMaps.open(folders.infection(), batchSize);
            }
            if (folders.multiclass() != null) {
                classes = ModelClassMaps.open(folders.multiclass(), batchSize,
                        infection == null ? null : infection.model());
            }
            DetectionModel detection = folders.detect() == null ? null
                    : DetectionModel.open(folders.detect(), batchSize);
            return new AnalysisModels(infection, classes, detection, folders);
        } catch (RuntimeException e) {
            closeQuietly(classes, e);
            closeQuietly(infection, e);
            throw e;
        }
    }

    /**
     * The analyzer of these models; infection and classes are run on each slice's lung box ({@link LungBoxes}).
     */
    public StudyAnalyzer analyzer(LungMasks lungs, StudyAnalyzer.Settings settings, UserMasks masks) {
        LungBoxes boxes = new LungBoxes(lungs);
        InfectionMaps maps = infection == null ? null : new LungCroppedInfectionMaps(infection, boxes);
        return new StudyAnalyzer(maps, lungs, settings, masks)
                .withClasses(classes == null ? null : new LungCroppedClassMaps(classes, boxes),
                        folders.noClassesReason())
                .withDetection(detection, folders.noDetectionReason());
    }

    /** The models loaded, as reports record them. */
    public List<ModelInfo> loaded() {
        List<ModelInfo> models = new ArrayList<>();
        if (infection != null) {
            models.add(infection.model());
        }
        if (classes != null) {
            models.add(classes.model());
        }
        if (detection != null) {
            models.add(detection.model());
        }
        return models;
    }

    private static void closeQuietly(AutoCloseable c, RuntimeException failure) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        try (ModelInfectionMaps i = infection; ModelClassMaps c = classes; DetectionModel d = detection) {
            // closes each model that was loaded, the last first
        }
    }
}
