package dev.kfboot.render;

import dev.kfboot.files.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of files, remembered across runs the way git's index does: a file whose size, modification time and
 * inode are unchanged since it was hashed keeps its hash, unless it was modified within two seconds of being
 * hashed (a write in the same clock tick could leave the time unchanged). Kept in the render cache directory;
 * a damaged index is ignored and rebuilt.
 */
final class FileHashes {

    private static final String HEADER = "kfboot-file-hashes 1";
    private static final long RACY_MILLIS = 2000;

    /** What a file looked like when it was hashed. */
    private record Stamp(String sha, long size, long mtimeNanos, String inode, long hashedAtMillis) {}

    private final Path index;
    private final Map<Path, Stamp> known = new ConcurrentHashMap<>();
    private final Map<Path, String> thisRun = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    private FileHashes(Path index) {
        this.index = index;
    }

    /** @param index the index file, or null to remember nothing across runs */
    static FileHashes load(Path index) {
        FileHashes h = new FileHashes(index);
        if (index == null || !Files.isRegularFile(index)) return h;
        try {
            List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) return h;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(" ", 6);
                if (f.length != 6) return new FileHashes(index); // damaged: start over
                h.known.put(Path.of(f[5]), new Stamp(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], Long.parseLong(f[4])));
            }
        } catch (IOException | RuntimeException e) {
            return new FileHashes(index);
        }
        return h;
    }

    /** The file's SHA-256 in hex, or "unreadable". */
    String of(Path file) {
        return thisRun.computeIfAbsent(file, this::compute);
    }

    private String compute(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long mtime = a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            String inode = String.valueOf(a.fileKey()).replace(' ', '_');
            Stamp s = known.get(file);
            if (s != null && s.size() == a.size() && s.mtimeNanos() == mtime && s.inode().equals(inode)
                    && mtime / 1_000_000 < s.hashedAtMillis() - RACY_MILLIS) {
                return s.sha();
            }
            String sha = sha256(Files.readAllBytes(file));
            known.put(file, new Stamp(sha, a.size(), mtime, inode, System.currentTimeMillis()));
            dirty = true;
            return sha;
        } catch (IOException e) {
            return "unreadable"; // the render fails on it with kustomize's own message
        }
    }

    /** Writes the index when it changed, atomically; files that no longer exist are dropped. */
    void save() {
        if (index == null || !dirty) return;
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        known.forEach((p, s) -> {
            if (Files.exists(p)) {
                sb.append(s.sha()).append(' ').append(s.size()).append(' ').append(s.mtimeNanos()).append(' ')
                        .append(s.inode()).append(' ').append(s.hashedAtMillis()).append(' ').append(p).append('\n');
            }
        });
        try {
            AtomicFiles.writeBytes(index, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the next run hashes again
        }
    }

    static String sha256(byte[] bytes) {
        return sha256(bytes, 0, bytes.length);
    }

    static String sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, offset, length);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
