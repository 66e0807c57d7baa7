package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HelpTextTest {

    /** picocli formats descriptions with String.format: a bare '%' garbles the help and warns on stderr. */
    @Test
    void everyCommandsHelpFormatsWithoutAWarning() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String command : Main.commandLine().getSubcommands().keySet()) {
                Cli help = Cli.run(command, "--help");
                assertThat(help.exitCode()).as(command).isZero();
                assertThat(help.out()).as(command).contains("Usage: covseg " + command).doesNotContain("%n");
            }
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }
}
