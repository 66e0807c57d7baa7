package org.covseg.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.covseg.image.Affine;
import org.covseg.image.Volume;

/**
 * Writes a volume of Hounsfield units as a minimal CT DICOM series (one Part-10 file per slice k), for tests.
 * Slice geometry comes from the volume's affine (RAS+ is turned into DICOM's LPS), so any volume, canonical or
 * not, is written where it lies in the world. Stored value = round((HU − intercept) / slope). Every file carries a
 * fake patient name, so tests can check that readers do not copy identifying tags.
 */
public final class TestDicomWriter {

    public static final String IMPLICIT_LITTLE = "1.2.840.10008.1.2";
    public static final String EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";
    public static final String EXPLICIT_BIG = "1.2.840.10008.1.2.2";
    public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.70";
    /** Explicit VR little endian, then raw-deflated: the one compressed syntax written for real here. */
    public static final String DEFLATED = "1.2.840.10008.1.2.1.99";

    public static final int IMAGE_TYPE = 0x00080008;
    static final int MODALITY = 0x00080060;
    static final int PATIENT_NAME = 0x00100010;
    static final int SLICE_THICKNESS = 0x00180050;
    public static final int CONVOLUTION_KERNEL = 0x00181210;
    public static final int SERIES_NUMBER = 0x00200011;
    static final int IMAGE_POSITION = 0x00200032;
    static final int IMAGE_ORIENTATION = 0x00200037;
    static final int PIXEL_SPACING = 0x00280030;
    static final int ROWS = 0x00280010;
    static final int RESCALE_INTERCEPT = 0x00281052;
    static final int PIXEL_DATA = 0x7FE00010;

    private static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    private static final String UID_ROOT = "2.25.";

    /** What to write; {@link #defaults()} gives signed 16-bit explicit VR little endian CT. */
    public record Options(String transferSyntax, String modality, String seriesUid, String seriesDescription,
                          boolean signed, int bitsAllocated, double slope, double intercept, String filePrefix,
                          Long shuffleSeed, Set<Integer> omittedTags, String referencedSeriesUid,
                          Map<Integer, String[]> texts) {

        public static Options defaults() {
            return new Options(EXPLICIT_LITTLE, "CT", UID_ROOT + "1001", "test series", true, 16, 1, 0, "slice",
                    null, Set.of(), null, Map.of());
        }

        public Options transferSyntax(String uid) {
            return new Options(uid, modality, seriesUid, seriesDescription, signed, bitsAllocated, slope, intercept,
                    filePrefix, shuffleSeed, omittedTags, referencedSeriesUid, texts);
        }

        public Options modality(String m) {
            return new Options(transferSyntax, m, seriesUid, seriesDescription, signed, bitsAllocated, slope,
                    intercept, filePrefix, shuffleSeed, omittedTags, referencedSeriesUid, texts);
        }

        /** Series Instance UID and the prefix of the file names (so several series can share a folder). */
        public Options series(String uid, String prefix) {
            return new Options(transferSyntax, modality, uid, seriesDescription, signed, bitsAllocated, slope,
                    intercept, prefix, shuffleSeed, omittedTags, referencedSeriesUid, texts);
        }

        /** Unsigned pixels (Pixel Representation 0) of the given width, with the given rescale. */
        public Options unsigned(int bits, double slopeValue, double interceptValue) {
            return new Options(transferSyntax, modality, seriesUid, seriesDescription, false, bits, slopeValue,
                    interceptValue, filePrefix, shuffleSeed, omittedTags, referencedSeriesUid, texts);
        }

        /** Signed 16-bit pixels with the given rescale. */
        public Options signedRescale(double slopeValue, double interceptValue) {
            return new Options(transferSyntax, modality, seriesUid, seriesDescription, true, 16, slopeValue,
                    interceptValue, filePrefix, shuffleSeed, omittedTags, referencedSeriesUid, texts);
        }

        /** Random file names, unrelated to slice order, and Instance Numbers in random order. */
        public Options shuffled(long seed) {
            return new Options(transferSyntax, modality, seriesUid, seriesDescription, signed, bitsAllocated, slope,
                    intercept, filePrefix, seed, omittedTags, referencedSeriesUid, texts);
        }

        /** Leaves these data elements (tag as 0xggggeeee) out of every file. */
        public Options omit(Integer... tags) {
            return new Options(transferSyntax, modality, seriesUid, seriesDescription, signed, bitsAllocated, slope,
                    intercept, filePrefix, shuffleSeed, Set.of(tags), referencedSeriesUid, texts);
        }

        /** Adds a defined-length Referenced Series Sequence (0008,1115) naming another series, as some exports do. */
        public Options referencedSeries(String uid) {
            return new Options(transferSyntax, modality, seriesUid, seriesDescription, signed, bitsAllocated, slope,
                    intercept, filePrefix, shuffleSeed, omittedTags, uid, texts);
        }

        /** Writes this text element (tag as 0xggggeeee) in every file, in place of the one written otherwise. */
        public Options text(int tag, String vr, String value) {
            Map<Integer, String[]> more = new HashMap<>(texts);
            more.put(tag, new String[] {vr, value});
            return new Options(transferSyntax, modality, seriesUid, seriesDescription, signed, bitsAllocated, slope,
                    intercept, filePrefix, shuffleSeed, omittedTags, referencedSeriesUid, Map.copyOf(more));
        }
    }

    private TestDicomWriter() {
    }

    /** Writes one file per slice of {@code huVolume} into {@code dir} and returns their paths in slice order. */
    public static List<Path> writeSeries(Volume huVolume, Path dir, Options options) throws IOException {
        Files.createDirectories(dir);
        int n = huVolume.depth();
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            order.add(k);
        }
        if (options.shuffleSeed() != null) {
            Collections.shuffle(order, new Random(options.shuffleSeed()));
        }
        Random names = new Random(options.shuffleSeed() == null ? 0 : options.shuffleSeed());
        List<Path> files = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String name = options.shuffleSeed() == null
                    ? String.format(Locale.ROOT, "%s%04d.dcm", options.filePrefix(), k)
                    : String.format(Locale.ROOT, "%s-%016x", options.filePrefix(), names.nextLong());
            Path file = dir.resolve(name);
            Files.write(file, fileBytes(huVolume, k, order.get(k) + 1, options));
            files.add(file);
        }
        return files;
    }

    static byte[] fileBytes(Volume v, int k, int instanceNumber, Options o) {
        String sopInstance = o.seriesUid() + "." + (k + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(metaGroup(sopInstance, o.transferSyntax()));
        byte[] dataset = dataset(v, k, instanceNumber, sopInstance, o);
        out.writeBytes(DEFLATED.equals(o.transferSyntax()) ? deflate(dataset) : dataset);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deflater.end();
        byte[] bytes = out.toByteArray();
        return bytes.length % 2 == 0 ? bytes : Arrays.copyOf(bytes, bytes.length + 1);
    }

    private static byte[] metaGroup(String sopInstance, String transferSyntax) {
        Elements meta = new Elements(true, ByteOrder.LITTLE_ENDIAN, Set.of());
        meta.add(0x00020001, "OB", new byte[] {0, 1});
        meta.text(0x00020002, "UI", CT_IMAGE_STORAGE);
        meta.text(0x00020003, "UI", sopInstance);
        meta.text(0x00020010, "UI", transferSyntax);
        meta.text(0x00020012, "UI", UID_ROOT + "42");
        byte[] body = meta.bytes();
        Elements length = new Elements(true, ByteOrder.LITTLE_ENDIAN, Set.of());
        length.add(0x00020000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(length.bytes());
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] dataset(Volume v, int k, int instanceNumber, String sopInstance, Options o) {
        boolean explicit = !IMPLICIT_LITTLE.equals(o.transferSyntax());
        ByteOrder order = EXPLICIT_BIG.equals(o.transferSyntax()) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Elements e = new Elements(explicit, order, o.omittedTags());
        Affine a = v.affine();
        double[] origin = lps(a.apply(0, 0, k));
        double[] rowDir = unitLps(a, 0);
        double[] colDir = unitLps(a, 1);
        e.text(0x00080016, "UI", CT_IMAGE_STORAGE);
        e.text(0x00080018, "UI", sopInstance);
        e.text(MODALITY, "CS", o.modality());
        e.text(0x0008103E, "LO", o.seriesDescription());
        if (o.referencedSeriesUid() != null) {
            Elements item = new Elements(explicit, order, Set.of());
            item.text(0x0020000E, "UI", o.referencedSeriesUid());
            e.sequence(0x00081115, item.bytes());
        }
        e.text(PATIENT_NAME, "PN", "Doe^Jane");
        e.text(SLICE_THICKNESS, "DS", ds(a.columnNorm(2)));
        e.text(0x00185100, "CS", "HFS");
        e.text(0x0020000D, "UI", UID_ROOT + "77");
        e.text(0x0020000E, "UI", o.seriesUid());
        e.text(SERIES_NUMBER, "IS", "3");
        e.text(0x00200013, "IS", Integer.toString(instanceNumber));
        e.text(IMAGE_POSITION, "DS", ds(origin));
        e.text(IMAGE_ORIENTATION, "DS", ds(rowDir[0], rowDir[1], rowDir[2], colDir[0], colDir[1], colDir[2]));
        e.ushort(0x00280002, 1);
        e.text(0x00280004, "CS", "MONOCHROME2");
        e.ushort(ROWS, v.height());
        e.ushort(0x00280011, v.width());
        e.text(PIXEL_SPACING, "DS", ds(a.columnNorm(1), a.columnNorm(0)));
        e.ushort(0x00280100, o.bitsAllocated());
        e.ushort(0x00280101, o.bitsAllocated());
        e.ushort(0x00280102, o.bitsAllocated() - 1);
        e.ushort(0x00280103, o.signed() ? 1 : 0);
        e.text(RESCALE_INTERCEPT, "DS", ds(o.intercept()));
        e.text(0x00281053, "DS", ds(o.slope()));
        e.add(PIXEL_DATA, o.bitsAllocated() == 8 ? "OB" : "OW", pixels(v, k, o, order));
        o.texts().forEach((tag, vrAndValue) -> e.text(tag, vrAndValue[0], vrAndValue[1]));
        return e.bytes();
    }

    private static byte[] pixels(Volume v, int k, Options o, ByteOrder order) {
        int bytes = o.bitsAllocated() / 8;
        ByteBuffer buf = ByteBuffer.allocate(v.width() * v.height() * bytes).order(order);
        long min = o.signed() ? -(1L << (o.bitsAllocated() - 1)) : 0;
        long max = o.signed() ? (1L << (o.bitsAllocated() - 1)) - 1 : (1L << o.bitsAllocated()) - 1;
        for (int j = 0; j < v.height(); j++) {
            for (int i = 0; i < v.width(); i++) {
                long stored = Math.round((v.get(i, j, k) - o.intercept()) / o.slope());
                if (stored < min || stored > max) {
                    throw new IllegalArgumentException("HU " + v.get(i, j, k) + " does not fit " + o.bitsAllocated()
                            + "-bit " + (o.signed() ? "signed" : "unsigned") + " pixels with this rescale");
                }
                if (bytes == 1) {
                    buf.put((byte) stored);
                } else {
                    buf.putShort((short) stored);
                }
            }
        }
        byte[] data = buf.array();
        return data.length % 2 == 0 ? data : Arrays.copyOf(data, data.length + 1);
    }

    private static double[] lps(double[] ras) {
        return new double[] {-ras[0], -ras[1], ras[2]};
    }

    private static double[] unitLps(Affine a, int column) {
        double norm = a.columnNorm(column);
        return lps(new double[] {a.get(0, column) / norm, a.get(1, column) / norm, a.get(2, column) / norm});
    }

    /** A multi-valued Decimal String: each value within the 16 characters DICOM allows. */
    private static String ds(double... values) {
        StringBuilder sb = new StringBuilder();
        for (double value : values) {
            String s = String.format(Locale.ROOT, "%.6f", value).replaceAll("\\.?0+$", "");
            if (s.equals("-0")) {
                s = "0";
            }
            if (s.length() > 16) {
                throw new IllegalArgumentException("DS value too long: " + s);
            }
            sb.append(sb.length() == 0 ? "" : "\\").append(s);
        }
        return sb.toString();
    }

    /** Data elements, written in ascending tag order as DICOM requires; adding a tag again replaces it. */
    private static final class Elements {
        private static final Set<String> LONG_LENGTH_VRS = Set.of("OB", "OW", "OF", "SQ", "UT", "UN");

        private final boolean explicit;
        private final ByteOrder order;
        private final Set<Integer> omitted;
        private final Map<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);

        Elements(boolean explicit, ByteOrder order, Set<Integer> omitted) {
            this.explicit = explicit;
            this.order = order;
            this.omitted = omitted;
        }

        void text(int tag, String vr, String value) {
            byte[] b = value.getBytes(StandardCharsets.US_ASCII);
            if (b.length % 2 == 1) {
                b = Arrays.copyOf(b, b.length + 1);
                b[b.length - 1] = (byte) (vr.equals("UI") ? 0 : ' ');
            }
            add(tag, vr, b);
        }

        void ushort(int tag, int value) {
            add(tag, "US", ByteBuffer.allocate(2).order(order).putShort((short) value).array());
        }

        void add(int tag, String vr, byte[] value) {
            if (omitted.contains(tag)) {
                return;
            }
            boolean longLength = LONG_LENGTH_VRS.contains(vr);
            ByteBuffer head = ByteBuffer.allocate(12).order(order);
            head.putShort((short) (tag >>> 16)).putShort((short) tag);
            if (!explicit) {
                head.putInt(value.length);
            } else {
                head.put(vr.getBytes(StandardCharsets.US_ASCII));
                if (longLength) {
                    head.putShort((short) 0).putInt(value.length);
                } else {
                    head.putShort((short) value.length);
                }
            }
            ByteArrayOutputStream element = new ByteArrayOutputStream();
            element.write(head.array(), 0, head.position());
            element.writeBytes(value);
            elements.put(tag, element.toByteArray());
        }

        /** A sequence of defined length holding one item of defined length. */
        void sequence(int tag, byte[] itemElements) {
            ByteBuffer item = ByteBuffer.allocate(8 + itemElements.length).order(order);
            item.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(itemElements.length).put(itemElements);
            add(tag, "SQ", item.array());
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            elements.values().forEach(out::writeBytes);
            return out.toByteArray();
        }
    }
}
