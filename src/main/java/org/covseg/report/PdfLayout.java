package org.covseg.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Flowing A4 layout on a PDFBox document: paragraphs wrapped to the page width, tables whose cells wrap, images,
 * and a new page whenever the next block does not fit. Text uses the standard Helvetica fonts; characters they cannot
 * encode are written as their nearest ASCII form.
 */
final class PdfLayout implements AutoCloseable {

    static final float MARGIN = 42;
    private static final float LEADING = 1.25f;
    private static final float CELL_PAD = 3;
    private static final Map<Character, String> ASCII = Map.of('≥', ">=", '≤', "<=", '→', "->", '−', "-",
            'σ', "sigma", '·', ".", '≈', "~", '×', "x");

    /**
     * PDFBox warns (through java.util.logging) when it builds its font cache and when it draws Helvetica with a metric
     * twin such as Liberation Sans; neither concerns the reader of the report. Held here so that the setting stays.
     */
    private static final Logger PDFBOX_LOG = quiet(Logger.getLogger("org.apache.pdfbox"));

    private final PDDocument doc;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Character, String> encodable = new HashMap<>();
    private PDPageContentStream page;
    private float y;

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    PdfLayout(PDDocument doc) {
        this.doc = doc;
    }

    float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    /** A paragraph in {@code size} points and {@code colour}, wrapped to the page width. */
    void paragraph(String text, float size, boolean isBold, Color colour) throws IOException {
        PDType1Font font = isBold ? bold : regular;
        List<String> lines = wrap(text, font, size, width());
        for (String line : lines) {
            room(size * LEADING);
            write(line, font, size, MARGIN, y - size, colour);
            y -= size * LEADING;
        }
        y -= size * 0.4f;
    }

    void heading(String text) throws IOException {
        heading(text, 120);
    }

    /** A heading kept on the same page as the {@code following} points of content under it. */
    void heading(String text, float following) throws IOException {
        room(following + 20);
        y -= 6;
        paragraph(text, 13, true, Color.BLACK);
    }

    /** The height an image takes when drawn {@code width} points wide. */
    static float heightAt(BufferedImage image, float width) {
        return width * image.getHeight() / image.getWidth();
    }

    /**
     * A table: {@code widths} are shares of the page width, the first row is the header (bold, shaded).
     */
    void table(float[] widths, List<String[]> rows, float size) throws IOException {
        for (int r = 0; r < rows.size(); r++) {
            boolean header = r == 0;
            PDType1Font font = header ? bold : regular;
            String[] cells = rows.get(r);
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < cells.length; c++) {
                List<String> w = wrap(cells[c], font, size, widths[c] * width() - 2 * CELL_PAD);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            float height = lines * size * LEADING + 2 * CELL_PAD;
            room(height);
            float x = MARGIN;
            for (int c = 0; c < cells.length; c++) {
                float cw = widths[c] * width();
                if (header) {
                    page.setNonStrokingColor(0.93f, 0.94f, 0.95f);
                    page.addRect(x, y - height, cw, height);
                    page.fill();
                }
                page.setStrokingColor(0.75f, 0.75f, 0.75f);
                page.addRect(x, y - height, cw, height);
                page.stroke();
                float ty = y - CELL_PAD - size;
                for (String line : wrapped.get(c)) {
                    write(line, font, size, x + CELL_PAD, ty, Color.BLACK);
                    ty -= size * LEADING;
                }
                x += cw;
            }
            y -= height;
        }
        y -= 8;
    }

    /** Images side by side, each {@code width} points wide, with a caption under each; rows wrap. */
    void images(List<BufferedImage> images, List<String> captions, float width) throws IOException {
        int perRow = Math.max(1, (int) ((width() + 8) / (width + 8)));
        for (int start = 0; start < images.size(); start += perRow) {
            float rowHeight = 0;
            int end = Math.min(images.size(), start + perRow);
            for (int i = start; i < end; i++) {
                rowHeight = Math.max(rowHeight, heightAt(images.get(i), width));
            }
            room(rowHeight + 22);
            for (int i = start; i < end; i++) {
                BufferedImage img = images.get(i);
                float h = heightAt(img, width);
                float x = MARGIN + (i - start) * (width + 8);
                PDImageXObject pdf = LosslessFactory.createFromImage(doc, img);
                page.drawImage(pdf, x, y - h, width, h);
                if (captions != null) {
                    List<String> lines = wrap(captions.get(i), regular, 8, width);
                    write(lines.get(0), regular, 8, x, y - rowHeight - 10, Color.BLACK);
                }
            }
            y -= rowHeight + (captions != null ? 20 : 8);
        }
    }

    /**
     * One image, centred, as large as fits both the page width and the room left on this page; on a new page when
     * that room would make it narrower than {@code smallestWidth} points.
     */
    void imageInRoomLeft(BufferedImage image, float smallestWidth) throws IOException {
        float aspect = (float) image.getHeight() / image.getWidth();
        room(0);
        float w = Math.min(width(), (y - MARGIN - 8) / aspect);
        if (w < smallestWidth) {
            newPage();
            w = Math.min(width(), (y - MARGIN - 8) / aspect);
        }
        float h = w * aspect;
        page.drawImage(LosslessFactory.createFromImage(doc, image), MARGIN + (width() - w) / 2, y - h, w, h);
        y -= h + 8;
    }

    /** Starts a new page when less than {@code height} points are left on this one. */
    private void room(float height) throws IOException {
        if (page == null || y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void write(String text, PDType1Font font, float size, float x, float baseline, Color colour)
            throws IOException {
        page.beginText();
        page.setNonStrokingColor(colour.getRed() / 255f, colour.getGreen() / 255f, colour.getBlue() / 255f);
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline);
        page.showText(text);
        page.endText();
    }

    /** {@code text} in lines no wider than {@code width}; a word too long for a line is cut. */
    private List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : encodable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (textWidth(candidate, font, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                while (textWidth(word, font, size) > width && word.length() > 1) {
                    int cut = word.length() - 1;
                    while (cut > 1 && textWidth(word.substring(0, cut), font, size) > width) {
                        cut--;
                    }
                    lines.add(word.substring(0, cut));
                    word = word.substring(cut);
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float textWidth(String s, PDType1Font font, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }

    /** {@code text} with every character Helvetica cannot encode replaced by its ASCII form (or '?'). */
    private String encodable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\n') {
                out.append(c);
                continue;
            }
            out.append(encodable.computeIfAbsent(c, ch -> {
                try {
                    regular.encode(String.valueOf(ch));
                    return String.valueOf(ch);
                } catch (IllegalArgumentException | IOException e) {
                    return ASCII.getOrDefault(ch, "?");
                }
            }));
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }
}
