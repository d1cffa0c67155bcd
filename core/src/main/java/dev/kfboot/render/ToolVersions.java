package dev.kfboot.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The versions binaries answered, kept beside the render cache ({@value #FILE}: real path, size, modification time
 * and version, tab-separated), so kustomize is asked once per binary rather than once per run. A line that does not
 * match the binary as it is now (upgraded, replaced) is asked again; an unreadable or damaged file is asked again.
 */
final class ToolVersions {

    static final String FILE = "tool-versions.tsv";
    private static final int MAX_LINES = 16;
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+|unknown");

    private final Path file;

    /** @param cacheDir the render cache's directory; null keeps nothing */
    ToolVersions(Path cacheDir) {
        this.file = cacheDir == null ? null : cacheDir.resolve(FILE);
    }

    /** The binary's version: the one kept for it as it is now, else {@code ask}'s answer (then kept). */
    String of(Path binary, Supplier<String> ask) {
        String key = key(binary);
        if (file == null || key == null) return ask.get();
        List<String> lines = read();
        for (String line : lines) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0
                    && line.substring(0, tab).equals(key)
                    && VERSION.matcher(line.substring(tab + 1)).matches()) {
                return line.substring(tab + 1);
            }
        }
        String version = ask.get();
        if (!version.equals("unknown")) write(key, version, lines);
        return version;
    }

    /** Real path, size and modification time in nanoseconds; null when the binary cannot be read. */
    private static String key(Path binary) {
        try {
            Path real = binary.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            String path = real.toString();
            if (path.contains("\t") || path.contains("\n")) return null;
            return path + "\t" + a.size() + "\t"
                    + a.lastModifiedTime().toInstant().getEpochSecond() + "."
                    + a.lastModifiedTime().toInstant().getNano();
        } catch (IOException e) {
            return null;
        }
    }

    private List<String> read() {
        try {
            if (Files.size(file) > 64 * 1024) return List.of();
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Writes the kept lines with this one first, at most {@value #MAX_LINES}, atomically; a failure keeps nothing. */
    private void write(String key, String version, List<String> old) {
        String path = key.substring(0, key.indexOf('\t'));
        List<String> lines = new ArrayList<>();
        lines.add(key + "\t" + version);
        for (String l : old) {
            if (lines.size() < MAX_LINES && !l.startsWith(path + "\t")) lines.add(l);
        }
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the next run asks again either way
            }
        }
    }
}
