package obsgrader.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a student's or an LMS's zip, which is untrusted input: an entry that would land outside the folder
 * (zip-slip) and a symbolic link are skipped; more than {@link #MAX_ENTRIES} entries or {@link #MAX_BYTES}
 * unpacked (counted as written, whatever the entries' headers claim: a zip bomb) refuse the archive with a
 * message naming it.
 */
public final class Archives {
    static final int MAX_ENTRIES = 20_000;
    static final long MAX_BYTES = 512L << 20;

    private Archives() {
    }

    /** A refused archive, with what to fix. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    public static void unzip(Path archive, Path into) {
        unzip(archive, into, MAX_ENTRIES, MAX_BYTES);
    }

    static void unzip(Path archive, Path into, int maxEntries, long maxBytes) {
        Path root = into.toAbsolutePath().normalize();
        long written = 0;
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            // counted in the central directory, before anything is written
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > maxEntries) {
                throw new Refused(archive.getFileName() + ": more than " + maxEntries + " entries; unpack it, keep the lab's files only and zip it again");
            }
            for (ZipArchiveEntry entry : entries) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || entry.isUnixSymlink()) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry);
                     OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int read; (read = in.read(buffer)) > 0; ) {
                        written += read;
                        if (written > maxBytes) {
                            throw new Refused(archive.getFileName() + ": unpacks to more than " + (maxBytes >> 20)
                                    + " MiB; leave out images, volumes' data and dependencies and zip it again");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new Refused(archive.getFileName() + ": holds " + root.relativize(Path.of(e.getFile())) + " twice");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
