package org.covseg.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.covseg.CovsegException;
import org.covseg.data.Scan;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.infer.MulticlassMaps;
import org.covseg.infer.ProbabilityMaps;
import org.covseg.lungs.AeratedLung;
import org.covseg.lungs.Framing;
import org.covseg.lungs.LungMasks;
import org.covseg.lungs.PartialVolumeLayer;
import org.covseg.report.Agreement;
import org.covseg.report.Approximations;
import org.covseg.report.CovidDetection;
import org.covseg.report.InputInfo;
import org.covseg.report.MaskOrigins;
import org.covseg.report.ModelInfo;
import org.covseg.severity.InfectionLabels;
import org.covseg.severity.SeverityInput;
import org.covseg.severity.SeverityScorer;

/**
 * One study from CT to numbers: infection probability per slice, thresholded; the lungs, given the infection so
 * that lesions against the chest wall stay in their lung; severity from both masks. Volumes are scored as a whole;
 * each 2-D image of a folder is scored on its own (area-based), since images of a folder need not be neighbours.
 */
public final class StudyAnalyzer {

    /**
     * @param threshold probability at or above which a pixel counts as infected
     * @param pixelMm   pixel size of 2-D images in mm, or null when unknown (amounts are then pixel counts)
     */
    public record Settings(double threshold, Double pixelMm) {
        public Settings {
            if (!(threshold > 0 && threshold < 1)) {
                throw new CovsegException("the threshold must lie in (0, 1), got " + threshold);
            }
            if (pixelMm != null && !(pixelMm > 0 && Double.isFinite(pixelMm))) {
                throw new CovsegException("--pixel-mm must be a positive size in mm, got " + pixelMm);
            }
        }
    }

    private final InfectionMaps infectionMaps;
    private final LungMasks lungMasks;
    private final Settings settings;
    private final UserMasks userMasks;
    private final ClassMaps classMaps;
    private final String noClassesReason;
    private final DetectionModel detection;
    private final String noDetectionReason;
    /**
     * Slices given to the multi-class model at once: its three maps per slice are dropped after each such chunk
     * instead of being held for the whole volume (1.7 GB for 537 slices of 512²).
     */
    private static final int CLASS_CHUNK = 16;
    /** Heap per voxel of the largest grid that lets stages run beside each other (see {@link #roomForStagesBeside}). */
    static final long STAGES_BESIDE_BYTES_PER_VOXEL = 20;
    /** Analyses running in this JVM (a server's workers, a cohort executor's tasks): they share its heap. */
    private static final AtomicInteger RUNNING = new AtomicInteger();

    private final SeverityScorer scorer = new SeverityScorer();

    public StudyAnalyzer(InfectionMaps infectionMaps, LungMasks lungMasks, Settings settings) {
        this(infectionMaps, lungMasks, settings, UserMasks.NONE);
    }

    /**
     * An analyzer that takes the masks the user gave instead of its own; {@code infectionMaps} may be null when
     * the user gives the infection mask.
     */
    public StudyAnalyzer(InfectionMaps infectionMaps, LungMasks lungMasks, Settings settings, UserMasks userMasks) {
        if (infectionMaps == null && userMasks.infection() == null) {
            throw new IllegalArgumentException("infection maps are needed unless the user gives the infection mask");
        }
        this.infectionMaps = infectionMaps;
        this.lungMasks = lungMasks;
        this.settings = settings;
        this.userMasks = userMasks;
        this.classMaps = null;
        this.noClassesReason = "no multi-class model installed";
        this.detection = null;
        this.noDetectionReason = "no detection model installed";
    }

    private StudyAnalyzer(StudyAnalyzer a, ClassMaps classMaps, String noClassesReason, DetectionModel detection,
            String noDetectionReason) {
        this.infectionMaps = a.infectionMaps;
        this.lungMasks = a.lungMasks;
        this.settings = a.settings;
        this.userMasks = a.userMasks;
        this.classMaps = classMaps;
        this.noClassesReason = noClassesReason;
        this.detection = detection;
        this.noDetectionReason = noDetectionReason;
    }

    /**
     * This analyzer splitting the infection it finds into ground-glass opacity and consolidation
     * ({@link ClassSplit}) with {@code classes}; or, when {@code classes} is null, saying {@code whyNot}.
     */
    public StudyAnalyzer withClasses(ClassMaps classes, String whyNot) {
        return new StudyAnalyzer(this, classes, whyNot, detection, noDetectionReason);
    }

    /** This analyzer running COVID-19 detection with {@code model}; or, when it is null, saying {@code whyNot}. */
    public StudyAnalyzer withDetection(DetectionModel model, String whyNot) {
        return new StudyAnalyzer(this, classMaps, noClassesReason, model, whyNot);
    }

    public Settings settings() {
        return settings;
    }

    public UserMasks userMasks() {
        return userMasks;
    }

    /** Analyses {@code scan}; {@code slicesDone} hears of the slices the network finished. */
    public AnalysedStudy analyze(Scan scan, IntConsumer slicesDone) {
        int running = RUNNING.incrementAndGet();
        try {
            return analyze(scan, slicesDone, Runtime.getRuntime().maxMemory() / running);
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    /** As {@link #analyze(Scan, IntConsumer)}, with {@code heapBytes} of the Java heap to itself. */
    AnalysedStudy analyze(Scan scan, IntConsumer slicesDone, long heapBytes) {
        boolean spacingKnown = scan.isVolume() || settings.pixelMm() != null;
        List<Volume> cts = scan.volumes().stream().map(this::withPixelSize).toList();
        Map<String, Double> timings = new LinkedHashMap<>();

        GivenMasks given = !userMasks.any() ? GivenMasks.NONE
                : timed(timings, "user masks", () -> GivenMasks.read(userMasks, scan, cts.get(0)));
        boolean split = classMaps != null
                && (given.infection() == null || userMasks.infectionLabels() == InfectionLabels.BINARY);
        InfectionLabels labels = split ? InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION
                : given.infection() != null ? userMasks.infectionLabels() : InfectionLabels.BINARY;

        if (given.infection() == null) {
            ProbabilityMaps.requireRoomFor(cts);
        }
        boolean beside = roomForStagesBeside(cts, heapBytes);
        LungAddedByInfection addedLung = new LungAddedByInfection();
        GridsAndDetection found;
        // the lungs' steps that need no infection mask run beside the infection network, which uses little more
        // than one core
        try (BesideTask<List<LungMasks.Started>> lungsStarted = beside && given.lungs() == null && scan.isVolume()
                ? BesideTask.start("covseg-lungs", () -> cts.stream().map(lungMasks::start).toList()) : null) {
            Infection infection = given.infection() != null ? Infection.given(given.infection(), cts, slicesDone)
                    : timed(timings, "infection", () -> findInfection(cts, slicesDone));
            Supplier<List<StudyGrid>> lungs = () -> withLungs(cts, lungsStarted == null ? null
                    : lungsStarted.result(), infection, given, scan, addedLung);
            if (split && beside) {
                found = withLungsClassesAndDetection(lungs, cts, infection, scan, timings);
            } else {
                List<StudyGrid> lungGrids = timed(timings, "lungs", lungs);
                List<StudyGrid> grids = !split ? lungGrids : withClassLabels(lungGrids,
                        timed(timings, "classes", () -> classLabels(cts, infection)));
                found = new GridsAndDetection(grids, detect(scan, grids.get(0), timings));
            }
        }
        List<StudyGrid> grids = found.grids();
        CovidDetection covid = found.covid();
        StudyScores scored = timed(timings, "severity",
                () -> StudyScores.of(scan, grids, spacingKnown, labels, scorer));
        Agreement agreement = given.reference() == null ? null : timed(timings, "agreement", () -> {
            StudyGrid g = grids.get(0);
            return ReferenceAgreement.of(new SeverityInput(g.lungs(), g.infection(), labels, spacingKnown),
                    scored.severity(), new SeverityInput(g.lungs(), given.reference(), userMasks.referenceLabels(),
                            spacingKnown), scorer);
        });
        boolean userInfection = given.infection() != null;
        List<ModelInfo> models = new ArrayList<>();
        if (!userInfection) {
            models.add(infectionMaps.model());
        }
        if (split) {
            models.add(classMaps.model());
        }
        if (detection != null) {
            models.add(detection.model());
        }
        Optional<String> framingNote = given.lungs() != null ? Optional.empty()
                : lungMasks.framing() == Framing.LUNG_BOX ? Optional.of(CroppedImages.READ_AS_CROPPED)
                : CroppedImages.hint(scan, grids);
        MaskOrigins origins = maskOrigins(userInfection, split, labels, addedLung);
        return new AnalysedStudy(scan, grids, scored.severity(), covid, scored.slices(),
                input(scan, grids, spacingKnown, framingNote), models, userInfection ? null : settings.threshold(),
                labels, origins.infectionClasses(), origins.origins(), agreement,
                approximations(scan, spacingKnown, userInfection, split), timings);
    }

    /**
     * The infection of each CT of the scan: its probability volume and mask. The probability is null where the user
     * gave the mask.
     */
    private record Infection(List<Volume> probabilities, List<Volume> masks) {

        static Infection given(Volume mask, List<Volume> cts, IntConsumer slicesDone) {
            slicesDone.accept(cts.stream().mapToInt(Volume::depth).sum());
            return new Infection(Collections.singletonList(null), List.of(mask));
        }
    }

    /**
     * The network's infection on every axial slice, thresholded, without aerated lung and without the partial volume
     * of surfaces the slices cut.
     */
    private Infection findInfection(List<Volume> cts, IntConsumer slicesDone) {
        List<Volume> slices = new ArrayList<>();
        cts.forEach(ct -> slices.addAll(ct.slices()));
        List<Volume> probabilities = ProbabilityMaps.onGrids(cts, infectionMaps.probabilities(slices, slicesDone));
        List<Volume> masks = new ArrayList<>();
        for (int i = 0; i < cts.size(); i++) {
            Volume atThreshold = ProbabilityMaps.atThreshold(probabilities.get(i), settings.threshold(), 1);
            masks.add(PartialVolumeLayer.removeFrom(AeratedLung.removeFrom(atThreshold, cts.get(i)), cts.get(i)));
        }
        return new Infection(probabilities, masks);
    }

    /**
     * Each CT's grid with its infection and its lungs: the user's, or found on the CT with the infection added,
     * going on from {@code started} (one per CT) when lung segmentation was started before.
     */
    private List<StudyGrid> withLungs(List<Volume> cts, List<LungMasks.Started> started, Infection infection,
            GivenMasks given, Scan scan, LungAddedByInfection addedLung) {
        List<StudyGrid> grids = new ArrayList<>();
        for (int i = 0; i < cts.size(); i++) {
            Volume mask = infection.masks().get(i);
            Volume lungs = given.lungs() != null ? given.lungs()
                    : lungsOf(cts.get(i), started == null ? null : started.get(i), mask, scan, addedLung);
            grids.add(new StudyGrid(cts.get(i), infection.probabilities().get(i), mask, lungs));
        }
        return grids;
    }

    /**
     * Whether the heap can hold what stages running beside each other hold at once: lung segmentation's first steps
     * beside the infection network, and the class split and detection beside the lungs' last steps. Measured on a
     * 537 x 512 x 512 study: beside each other they ran with -Xmx2700m (20.1 bytes a voxel), one after another in
     * 2 GB.
     */
    static boolean roomForStagesBeside(List<Volume> cts, long heapBytes) {
        long voxels = cts.stream().mapToLong(Volume::voxelCount).max().orElse(0);
        return heapBytes >= STAGES_BESIDE_BYTES_PER_VOXEL * voxels;
    }

    /** The grids with their lungs and infection, and what detection said. */
    private record GridsAndDetection(List<StudyGrid> grids, CovidDetection covid) {
    }

    /**
     * The grids {@code lungs} gives, with each grid's infection mask split into ground-glass (1) and consolidation
     * (2), and detection on them. The split needs the infection but not the lungs, so it runs beside them and beside
     * detection: lung segmentation keeps one core busy for most of its time, and the multi-class network takes the
     * other.
     */
    private GridsAndDetection withLungsClassesAndDetection(Supplier<List<StudyGrid>> lungs, List<Volume> cts,
            Infection infection, Scan scan, Map<String, Double> timings) {
        Map<String, Double> classTimings = new LinkedHashMap<>();
        try (BesideTask<List<byte[]>> classes = BesideTask.start("covseg-classes", () -> timed(classTimings,
                "classes", () -> classLabels(cts, infection)))) {
            List<StudyGrid> lungGrids = timed(timings, "lungs", lungs);
            Map<String, Double> detectionTimings = new LinkedHashMap<>();
            CovidDetection covid = detect(scan, lungGrids.get(0), detectionTimings);
            List<byte[]> labels = classes.result();
            timings.putAll(classTimings);
            timings.putAll(detectionTimings);
            return new GridsAndDetection(withClassLabels(lungGrids, labels), covid);
        }
    }

    private static List<StudyGrid> withClassLabels(List<StudyGrid> grids, List<byte[]> labels) {
        List<StudyGrid> split = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            StudyGrid g = grids.get(i);
            split.add(new StudyGrid(g.ct(), g.probability(), g.infection().withLabels(labels.get(i)), g.lungs()));
        }
        return split;
    }

    /**
     * Each CT's labels by {@link ClassSplit}; a user's binary mask is also the multi-class model's prior, as it says
     * where the infection is.
     */
    private List<byte[]> classLabels(List<Volume> cts, Infection infection) {
        List<byte[]> labels = new ArrayList<>();
        for (int i = 0; i < cts.size(); i++) {
            labels.add(classLabels(cts.get(i), infection.probabilities().get(i), infection.masks().get(i)));
        }
        return labels;
    }

    private byte[] classLabels(Volume ct, Volume probability, Volume infection) {
        List<Integer> infected = new ArrayList<>();
        for (int k = 0; k < ct.depth(); k++) {
            for (float v : infection.sliceArray(k)) {
                if (v != 0) {
                    infected.add(k);
                    break;
                }
            }
        }
        int plane = ct.width() * ct.height();
        byte[] labels = new byte[plane * ct.depth()];
        for (int from = 0; from < infected.size(); from += CLASS_CHUNK) {
            List<Integer> chunk = infected.subList(from, Math.min(infected.size(), from + CLASS_CHUNK));
            List<MulticlassMaps> classes = classMaps.classes(chunk.stream().map(ct::slice).toList(),
                    chunk.stream().map(k -> probability != null ? probability.sliceArray(k)
                            : ProbabilityMaps.ofMask(infection.sliceArray(k))).toList(), n -> { });
            for (int i = 0; i < chunk.size(); i++) {
                int k = chunk.get(i);
                System.arraycopy(ClassSplit.labels(infection.sliceArray(k), classes.get(i)), 0, labels,
                        k * plane, plane);
            }
        }
        return labels;
    }

    /** Detection on the grid's CT and lungs (the infection is not used), timed into {@code timings} when run. */
    private CovidDetection detect(Scan scan, StudyGrid g, Map<String, Double> timings) {
        if (detection == null) {
            return CovidDetection.notRun(noDetectionReason);
        }
        return timed(timings, "detection", () -> {
            try {
                return detection.detect(scan, g.ct(), g.lungs());
            } catch (CovsegException e) {
                return CovidDetection.notRun(e.getMessage());
            }
        });
    }

    private MaskOrigins maskOrigins(boolean userInfection, boolean split, InfectionLabels labels,
            LungAddedByInfection addedLung) {
        return new MaskOrigins(userInfection ? new MaskOrigins.UserMask(absolute(userMasks.infection()),
                userMasks.infectionLabels().meaning()) : null, userInfection ? null : infectionMaps.model(),
                settings.threshold(), split ? classMaps.model() : null, noClassesReason,
                labels == InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION,
                userMasks.lungs() == null ? null : new MaskOrigins.UserMask(absolute(userMasks.lungs()),
                        userMasks.lungLabels().meaning()), addedLung.facts(),
                userMasks.reference() == null ? null : new MaskOrigins.UserMask(absolute(userMasks.reference()),
                        userMasks.referenceLabels().meaning()));
    }

    private static String absolute(java.nio.file.Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    /**
     * The lungs of one grid, counting into {@code added} what the infection mask added to them; a 2-D image of a
     * folder where none is found gets an empty mask (reported later).
     */
    private Volume lungsOf(Volume ct, LungMasks.Started started, Volume infection, Scan scan,
            LungAddedByInfection added) {
        try {
            LungMasks.Found lungs = (started != null ? started : lungMasks.start(ct)).withAndWithout(infection);
            added.count(lungs.withInfection(), lungs.withoutInfection(), infection);
            return lungs.withInfection();
        } catch (CovsegException e) {
            if (!scan.isImageFolder()) {
                throw e;
            }
            return ct.withLabels(new byte[Math.toIntExact(ct.voxelCount())]);
        }
    }

    private Volume withPixelSize(Volume ct) {
        if (settings.pixelMm() == null || ct.unit() == IntensityUnit.HU) {
            return ct;
        }
        return ct.toBuilder().spacing(settings.pixelMm(), settings.pixelMm(), 1).build();
    }

    private static InputInfo input(Scan scan, List<StudyGrid> grids, boolean spacingKnown,
            Optional<String> framingNote) {
        Volume ct = grids.get(0).ct();
        int[] shape = null;
        double[] spacing = null;
        if (scan.isVolume()) {
            shape = new int[] {ct.width(), ct.height(), ct.depth()};
            spacing = ct.spacing();
        } else if (!scan.isImageFolder()) {
            shape = new int[] {ct.width(), ct.height()};
        }
        if (!scan.isVolume() && spacingKnown) {
            spacing = new double[] {ct.spacing()[0], ct.spacing()[1]};
        }
        List<String> notes = new ArrayList<>(scan.notes());
        if (scan.isImageFolder()) {
            notes.add(scan.volumes().size() + " images, each scored on its own");
        }
        framingNote.ifPresent(notes::add);
        SmallLungs.note(scan, grids).ifPresent(notes::add);
        return new InputInfo(scan.source().toAbsolutePath().normalize().toString(), scan.kind().description(),
                shape, spacing, notes);
    }

    private List<String> approximations(Scan scan, boolean spacingKnown, boolean userInfection, boolean split) {
        return new Approximations(userInfection ? absolute(userMasks.infection()) : null, settings.threshold(),
                split ? classMaps.priorUsed() : null, noClassesReason,
                scan.volumes().get(0).unit() != IntensityUnit.HU ? null : new Approximations.HuRules(
                        AeratedLung.MAX_HU, PartialVolumeLayer.MAX_MM, PartialVolumeLayer.SOLID_HU,
                        PartialVolumeLayer.AERATED_HU),
                userMasks.lungs() == null ? null : absolute(userMasks.lungs()),
                userMasks.lungLabels() == LungLabels.BINARY, scan.isVolume(), spacingKnown,
                settings.pixelMm()).sentences();
    }

    static <T> T timed(Map<String, Double> timings, String stage, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        timings.put(stage, (System.nanoTime() - start) / 1e9);
        return result;
    }
}
