package org.covseg.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.covseg.io.SliceImageReader;

/**
 * The UCSD-AI4H COVID-CT classification images: {@code CT_COVID/} and {@code CT_NonCOVID/}, one image per file,
 * of mixed size and mode (grey, RGB, RGBA; PNG and JPEG), read as grey levels as stored (no transposition).
 * Sample names are "folder/file name" (the non-COVID folder holds both 23.png and 23.jpg, for instance);
 * groups are "folder/source" (see {@link #source}).
 */
public final class UcsdCovidCtDataset {

    public static final String COVID_FOLDER = "CT_COVID";
    public static final String NON_COVID_FOLDER = "CT_NonCOVID";

    private static final String LAYOUT = "UCSD COVID-CT";
    private static final Pattern PAGE_MARKER = Pattern.compile("^(.+)-p\\d+-.*$");

    private UcsdCovidCtDataset() {
    }

    public static SliceDataset<ClassifiedSlice> open(Path dir) {
        List<SliceDataset.Entry<ClassifiedSlice>> entries = new ArrayList<>();
        add(entries, ImageFolder.requireChild(dir, COVID_FOLDER, LAYOUT), ClassifiedSlice.COVID);
        add(entries, ImageFolder.requireChild(dir, NON_COVID_FOLDER, LAYOUT), ClassifiedSlice.NON_COVID);
        return new SliceDataset<>("UCSD COVID-CT, " + dir, entries);
    }

    private static void add(List<SliceDataset.Entry<ClassifiedSlice>> entries, Path folder, int label) {
        String prefix = folder.getFileName() + "/";
        for (Path f : ImageFolder.list(folder)) {
            String name = prefix + f.getFileName();
            String source = source(f.getFileName().toString());
            entries.add(new SliceDataset.Entry<>(name, prefix + source,
                    () -> new ClassifiedSlice(name, SliceImageReader.readImage(f), label, source)));
        }
    }

    /**
     * The source of an image, from its file name: COVID images are named after the paper they were cut from,
     * then "-p<page>-<figure>", then optional sub-figure marks ("%3", "-2", "_1").
     * <ol>
     *   <li>without the extension, everything before the last "-p&lt;digits&gt;-" page marker
     *       ("2020.02.10.20021584-p6-52%3.png" → "2020.02.10.20021584", "kjr-21-e24-p2-8.png" → "kjr-21-e24");</li>
     *   <li>else everything before the first "%", less a trailing "_&lt;digits&gt;"
     *       ("PIIS0140673620301549_0%1.png" and "PIIS0140673620301549_2.png" → "PIIS0140673620301549";
     *       non-COVID "12%3.jpg" → "12", "105.png" → "105").</li>
     * </ol>
     */
    public static String source(String fileName) {
        String stem = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        Matcher m = PAGE_MARKER.matcher(stem);
        if (m.matches()) {
            return m.group(1);
        }
        int percent = stem.indexOf('%');
        String figure = percent >= 0 ? stem.substring(0, percent) : stem;
        String source = figure.replaceFirst("_\\d+$", "");
        return source.isEmpty() ? stem : source;
    }
}
