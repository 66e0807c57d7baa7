package org.covseg.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI as a user drives it, in Debian's headless Chromium: upload a phantom through the page, wait for the
 * job to finish, open its study page and see the CT with its overlays in the viewer. The screenshot is saved as
 * target/serve-study.png. Skipped, saying why, where Chromium or its driver is not installed (.ci/run installs them).
 */
class ServeBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path tmp;

    @Test
    void aStudyUploadedThroughThePageIsShownWithItsOverlays() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and chromium-driver are not installed (apt-get install chromium chromium-driver);"
                        + " the browser test is skipped");
        Path phantom = tmp.resolve("phantom.nii.gz");
        NiftiWriter.write(Phantom.generate(PhantomConfig.builder().grid(128, 12, 2.8, 15).seed(5).build()).ct(),
                phantom, NiftiDatatype.FLOAT32);
        try (CovsegServer server = CovsegServerTest.start(tmp.resolve("data"), 1, 4)) {
            ChromeDriver browser = browser();
            try {
                browser.get("http://127.0.0.1:" + server.port() + "/#token="
                        + CovsegServerTest.token(tmp.resolve("data")));
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));

                browser.findElement(By.id("file-input")).sendKeys(phantom.toString());
                browser.findElement(By.id("upload-button")).click();
                String id = wait.until(d -> {
                    List<WebElement> rows = d.findElements(By.cssSelector("tr[data-job-id]"));
                    return rows.isEmpty() ? null : rows.get(0).getAttribute("data-job-id");
                });
                browser.get("http://127.0.0.1:" + server.port() + "/#/jobs/" + id);
                WebElement canvas = wait.until(d -> {
                    WebElement c = d.findElement(By.id("viewer"));
                    return "true".equals(c.getAttribute("data-viewer-ready")) ? c : null;
                });

                assertThat(Integer.parseInt(canvas.getAttribute("data-overlays"))).isGreaterThanOrEqualTo(2);
                Files.createDirectories(Path.of("target"));
                Files.write(Path.of("target/serve-study.png"), browser.getScreenshotAs(OutputType.BYTES));
                BufferedImage shown = ImageIO.read(new ByteArrayInputStream(canvas.getScreenshotAs(OutputType.BYTES)));
                assertThat(colouredPixels(shown)).as("overlay colours drawn on the viewer's canvas")
                        .isGreaterThan(200);
                assertThat(browser.findElement(By.id("report-frame")).getAttribute("src")).contains("report.html");
            } finally {
                browser.quit();
            }
        }
    }

    /** Pixels far from grey: the CT is drawn in grey, the overlays in colour. */
    private static int colouredPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    n++;
                }
            }
        }
        return n;
    }

    private ChromeDriver browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--use-gl=angle",
                "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,900",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
