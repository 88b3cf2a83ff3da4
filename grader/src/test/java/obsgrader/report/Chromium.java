package obsgrader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.Shell;

/**
 * Debian's headless Chromium, to look at the reports as a person would: installed when missing (as root on
 * Debian), run with a fresh profile, no network services, and local files allowed to read one another (the
 * Allure report loads its data from beside its page).
 */
final class Chromium {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** How long the page's scripts may run before the DOM is dumped or the screenshot taken (virtual time). */
    private static final int SCRIPT_BUDGET_MS = 20_000;

    private Chromium() {
    }

    static void ensureInstalled() {
        DockerEngine.ensureHostTool("chromium", "chromium");
    }

    /** The page's DOM once its scripts have run. */
    static String dumpDom(Path page) {
        Shell.Result result = run(page, "--dump-dom");
        if (!result.ok()) {
            throw new IllegalStateException("chromium could not render " + page + ":\n" + result.tail(20));
        }
        return result.output();
    }

    /** A PNG of the page as a 1280 x 1600 window shows it. */
    static Path screenshot(Path page, Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Shell.Result result = run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,1600",
                "--hide-scrollbars");
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium took no screenshot of " + page + ":\n" + result.tail(20));
        }
        return png;
    }

    private static Shell.Result run(Path page, String... action) {
        Path profile = null;
        try {
            profile = Files.createTempDirectory("obsgrader-chromium");
            List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--allow-file-access-from-files",
                    "--virtual-time-budget=" + SCRIPT_BUDGET_MS));
            command.addAll(List.of(action));
            command.add(page.toAbsolutePath().toUri().toString());
            return Shell.run(TIMEOUT, profile, Map.of(), command.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover profile in the temporary folder is harmless
        }
    }
}
