package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceImageReaderTest {

    @TempDir
    Path dir;

    /** A 4x3 image whose pixel (x, y) holds 10 * y + x (scaled for the image type by the caller). */
    private static final int W = 4;
    private static final int H = 3;

    private static int ramp(int x, int y) {
        return 10 * y + x;
    }

    private Path write(BufferedImage image, String name, String format) throws IOException {
        Path file = dir.resolve(name);
        assertThat(ImageIO.write(image, format, file.toFile())).as("writer for " + format).isTrue();
        return file;
    }

    private static BufferedImage rampImage(int type, int scale) {
        BufferedImage im = new BufferedImage(W, H, type);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                im.getRaster().setSample(x, y, 0, ramp(x, y) * scale);
            }
        }
        return im;
    }

    private static void assertRamp(Volume v, float scale) {
        assertThat(v.width()).isEqualTo(W);
        assertThat(v.height()).isEqualTo(H);
        assertThat(v.depth()).isEqualTo(1);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertThat(v.get(x, y, 0)).as("pixel (%d, %d)", x, y).isEqualTo(ramp(x, y) * scale);
            }
        }
    }

    @Test
    void grey8PngIsReadAsWindowedGreyLevels() throws IOException {
        Path file = write(rampImage(BufferedImage.TYPE_BYTE_GRAY, 7), "g8.png", "png");
        Volume v = SliceImageReader.readImage(file);
        assertRamp(v, 7);
        assertThat(v.unit()).isEqualTo(IntensityUnit.WINDOWED_8BIT);
        assertThat(v.metadata()).containsEntry(SliceImageReader.SOURCE, file.toString());
    }

    @Test
    void grey16PngIsScaledTo255ButKeptRawAsLabels() throws IOException {
        Path file = write(rampImage(BufferedImage.TYPE_USHORT_GRAY, 257 * 7), "g16.png", "png");
        assertRamp(SliceImageReader.readImage(file), 7);
        assertRamp(SliceImageReader.readLabels(file, SliceOrientation.DISPLAY), 257 * 7);
    }

    @Test
    void tiff8And16BitReadThroughTwelveMonkeys() throws IOException {
        assertRamp(SliceImageReader.readImage(write(rampImage(BufferedImage.TYPE_BYTE_GRAY, 3), "g8.tif", "tiff")), 3);
        assertRamp(SliceImageReader.readImage(write(rampImage(BufferedImage.TYPE_USHORT_GRAY, 257 * 3), "g16.tiff",
                "tiff")), 3);
    }

    @Test
    void rgbWithEqualChannelsGivesTheChannelOtherwiseLuminance() throws IOException {
        BufferedImage im = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        im.setRGB(0, 0, 0x7b7b7b);
        im.setRGB(1, 0, 0x644bc8); // (100, 75, 200)
        Volume v = SliceImageReader.readImage(write(im, "rgb.png", "png"));
        assertThat(v.get(0, 0, 0)).isEqualTo(123f);
        assertThat(v.get(1, 0, 0)).isCloseTo(0.299f * 100 + 0.587f * 75 + 0.114f * 200, offset(1e-4f));
    }

    @Test
    void rgbaIgnoresAlpha() throws IOException {
        BufferedImage im = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        im.setRGB(0, 0, 0xff505050);
        im.setRGB(1, 0, 0x10505050);
        Volume v = SliceImageReader.readImage(write(im, "rgba.png", "png"));
        assertThat(v.toArray()).containsExactly(80f, 80f);
    }

    @Test
    void greyJpegIsRead() throws IOException {
        BufferedImage im = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < 256; p++) {
            im.getRaster().setSample(p % 16, p / 16, 0, 100);
        }
        Volume v = SliceImageReader.readImage(write(im, "flat.jpg", "jpeg"));
        assertThat(v.range()[0]).isBetween(98f, 102f);
        assertThat(v.range()[1]).isBetween(98f, 102f);
    }

    private static BufferedImage paletteImage(IndexColorModel palette, int type, int[] indices) {
        BufferedImage im = new BufferedImage(indices.length, 1, type, palette);
        for (int x = 0; x < indices.length; x++) {
            im.getRaster().setSample(x, 0, 0, indices[x]);
        }
        return im;
    }

    @Test
    void paletteImageGivesColourGreyButLabelMapKeepsIndices() throws IOException {
        // Inf-Net's multi-class ground truth uses the PASCAL VOC palette: 1 = (128, 0, 0), 2 = (0, 128, 0).
        byte[] r = {0, (byte) 128, 0};
        byte[] g = {0, 0, (byte) 128};
        byte[] b = {0, 0, 0};
        IndexColorModel voc = new IndexColorModel(8, 3, r, g, b);
        Path file = write(paletteImage(voc, BufferedImage.TYPE_BYTE_INDEXED, new int[] {0, 1, 2, 1}), "pal.png", "png");

        Volume labels = SliceImageReader.readLabels(file, SliceOrientation.DISPLAY);
        assertThat(labels.toArray()).containsExactly(0f, 1f, 2f, 1f);
        assertThat(labels.unit()).isEqualTo(IntensityUnit.LABEL);

        Volume image = SliceImageReader.readImage(file);
        assertThat(image.get(1, 0, 0)).isCloseTo(0.299f * 128, offset(1e-4f));
        assertThat(image.get(2, 0, 0)).isCloseTo(0.587f * 128, offset(1e-4f));
    }

    @Test
    void oneBitPaletteMaskReadsAsZeroOne() throws IOException {
        byte[] r = {0, (byte) 255};
        byte[] g = {0, 0};
        byte[] b = {0, 0};
        IndexColorModel blackRed = new IndexColorModel(1, 2, r, g, b);
        int[] bits = {0, 1, 1, 0, 1, 0, 0, 0, 1};
        Path file = write(paletteImage(blackRed, BufferedImage.TYPE_BYTE_BINARY, bits), "bit.png", "png");
        Volume mask = SliceImageReader.readMask(file, MaskEncoding.BINARY_0_1, SliceOrientation.DISPLAY);
        assertThat(mask.toArray()).containsExactly(0, 1, 1, 0, 1, 0, 0, 0, 1);
    }

    @Test
    void oneBitGreyPngReadsAsZeroOneLabelsAndBlackWhiteImage() throws IOException {
        BufferedImage im = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY);
        im.getRaster().setSample(1, 0, 0, 1);
        Path file = write(im, "bw.png", "png");
        assertThat(SliceImageReader.readLabels(file, SliceOrientation.DISPLAY).toArray()).containsExactly(0, 1, 0);
        assertThat(SliceImageReader.readImage(file).toArray()).containsExactly(0, 255, 0);
    }

    @Test
    void colourLabelMapIsRefusedWithTheFileName() throws IOException {
        BufferedImage im = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        im.setRGB(0, 0, 0xff0000);
        Path file = write(im, "colour.png", "png");
        assertThatThrownBy(() -> SliceImageReader.readLabels(file, SliceOrientation.DISPLAY))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void transposedFileReachesCanonicalOrientation() throws IOException {
        Path file = write(rampImage(BufferedImage.TYPE_BYTE_GRAY, 1), "t.png", "png");
        Volume v = SliceImageReader.readImage(file, SliceOrientation.TRANSPOSED);
        assertThat(v.width()).isEqualTo(H);
        assertThat(v.height()).isEqualTo(W);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                assertThat(v.get(y, x, 0)).isEqualTo(ramp(x, y));
            }
        }
        assertThat(v.affine().apply(1, 1, 0)).containsExactly(-1, -1, 0);
        assertThat(v.fromSource()).isEqualTo(SliceOrientation.TRANSPOSED.toCanonical());
    }

    @Test
    void masksAreBinarisedAsTheirEncodingSays() throws IOException {
        BufferedImage im = new BufferedImage(5, 1, BufferedImage.TYPE_BYTE_GRAY);
        int[] stored = {0, 1, 128, 129, 255};
        im.getRaster().setSamples(0, 0, 5, 1, 0, stored);
        Path file = write(im, "m.png", "png");
        assertThat(SliceImageReader.readMask(file, MaskEncoding.BINARY_0_255, SliceOrientation.DISPLAY).toArray())
                .containsExactly(0, 0, 0, 1, 1);
        assertThat(SliceImageReader.readMask(file, MaskEncoding.BINARY_0_1, SliceOrientation.DISPLAY).toArray())
                .containsExactly(0, 1, 1, 1, 1);
        assertThat(SliceImageReader.readMask(file, MaskEncoding.AUTO, SliceOrientation.DISPLAY).toArray())
                .containsExactly(0, 0, 0, 1, 1);
        assertThat(SliceImageReader.readMask(file, MaskEncoding.LABELS, SliceOrientation.DISPLAY).toArray())
                .containsExactly(0, 1, 128, 129, 255);
    }

    @Test
    void autoEncodingKeepsSmallLabels() throws IOException {
        BufferedImage im = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        im.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 2, 1});
        Path file = write(im, "small.png", "png");
        assertThat(SliceImageReader.readMask(file, MaskEncoding.AUTO, SliceOrientation.DISPLAY).toArray())
                .containsExactly(0, 2, 1);
    }

    @Test
    void missingFileIsAUserError() {
        Path file = dir.resolve("absent.png");
        assertThatThrownBy(() -> SliceImageReader.readImage(file))
                .isInstanceOf(CovsegException.class)
                .hasMessage("image file not found: " + file);
    }

    @Test
    void folderIsAUserError() {
        assertThatThrownBy(() -> SliceImageReader.readImage(dir))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void textFileNamedPngIsAUserError() throws IOException {
        Path file = dir.resolve("notes.png");
        Files.writeString(file, "not an image\n");
        assertThatThrownBy(() -> SliceImageReader.readImage(file))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a readable image");
    }

    @Test
    void truncatedPngAndJpegAreUserErrorsOnOneLine() throws IOException {
        BufferedImage im = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < 64 * 64; p++) {
            im.getRaster().setSample(p % 64, p / 64, 0, (p * 37) % 256);
        }
        for (String format : new String[] {"png", "jpeg"}) {
            Path whole = write(im, "whole." + format, format);
            byte[] bytes = Files.readAllBytes(whole);
            Path cut = dir.resolve("cut." + format);
            Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> SliceImageReader.readImage(cut))
                    .as(format)
                    .isInstanceOf(CovsegException.class)
                    .hasMessageContaining(cut.toString())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    /** A few hundred bytes of PNG declaring 30000 x 30000 pixels is refused from its header, before decoding. */
    @Test
    void anImageDeclaringBillionsOfPixelsIsRefusedBeforeDecoding() throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(30000).putInt(30000)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(png, "IEND", new byte[0]);
        Path file = Files.write(dir.resolve("huge.png"), png.toByteArray());
        assertThatThrownBy(() -> SliceImageReader.readImage(file)).isInstanceOf(CovsegException.class)
                .hasMessage("image " + file + " declares 30000 x 30000 pixels, more than covseg reads (8192 x 8192 at"
                        + " most, far beyond a CT slice's 512 x 512); is it a CT slice?");
    }

    private static void chunk(java.io.ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        png.write(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        png.write(data);
        png.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
