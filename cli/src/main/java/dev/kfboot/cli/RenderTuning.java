package dev.kfboot.cli;

import dev.kfboot.render.RenderOptions;
import dev.kfboot.render.RenderPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --remote-cache}, {@code --jobs} and the bounds of each render ({@code --render-timeout},
 * {@code --render-memory}, {@code --deadline}): how kustomize renders, for every command that renders.
 */
public final class RenderTuning {

    @Option(
            names = "--remote-cache",
            paramLabel = "DIR",
            description = "Local copies of remote kustomize bases, with an INDEX.tsv mapping URL and ref to a "
                    + "directory. Without it, kustomize fetches remote bases from the network.")
    Path remoteCache;

    @Option(
            names = {"-j", "--jobs"},
            paramLabel = "N",
            description = "Renders at once (default: the number of cores).")
    Integer jobs;

    @Option(
            names = "--render-timeout",
            paramLabel = "DURATION",
            defaultValue = "2m",
            converter = DurationConverter.class,
            description = "Longest one kustomize run may take; beyond it the app gets a render-failed finding "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration renderTimeout;

    @Option(
            names = "--render-memory",
            paramLabel = "SIZE",
            defaultValue = "4g",
            converter = SizeConverter.class,
            description = "Memory cap of each kustomize run (its address space; kubectl kustomize needs about 1g to "
                    + "start), e.g. 1500m, 3g; 0 for none (default: ${DEFAULT-VALUE}).")
    long renderMemory;

    @Option(
            names = "--deadline",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "Longest all renders of the run may take together (default: ${DEFAULT-VALUE}).")
    Duration deadline;

    public RenderOptions renderOptions() {
        int n = jobs == null ? RenderPool.defaultThreads() : Math.max(1, jobs);
        return new RenderOptions(remoteCache, n, RenderOptions.DEFAULT_TIMEOUT, null)
                .withLimits(
                        renderTimeout == null ? RenderOptions.DEFAULT_TIMEOUT : renderTimeout,
                        renderMemory,
                        deadline == null ? RenderOptions.DEFAULT_DEADLINE : deadline);
    }

    /** {@code 2g}, {@code 1500m}, {@code 0}: bytes. */
    static final class SizeConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            long unit = v.endsWith("g") ? 1L << 30 : v.endsWith("m") ? 1L << 20 : v.endsWith("k") ? 1L << 10 : 1;
            String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
            try {
                long n = Long.parseLong(digits);
                if (n < 0) throw new NumberFormatException();
                return n * unit;
            } catch (NumberFormatException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a size; write e.g. 2g or 1500m (0 for no cap)");
            }
        }
    }
}
