package dev.kfboot.argocd;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Argo CD releases with known defects that matter to wave ordering, by version. */
public final class ArgoCdVersions {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)\\S*");

    private ArgoCdVersions() {}

    /**
     * Why {@code version} cannot be trusted to gate waves, or empty: Argo CD 3.4.x lets a child Application whose
     * resource failed to apply (Live nil, health Missing) report Healthy (argoproj/argo-cd#27917, a regression from
     * 3.3.9), so a parent's wave opens early. kfboot's health check reads status.resources to close that gap.
     */
    public static Optional<String> waveDefect(String version) {
        if (version == null) return Optional.empty();
        Matcher m = VERSION.matcher(version.strip());
        if (!m.matches()) return Optional.empty();
        if (Integer.parseInt(m.group(1)) == 3 && Integer.parseInt(m.group(2)) == 4) {
            return Optional.of(
                    "Argo CD " + version + " is in the 3.4.x range of argo-cd#27917: a child whose resources failed "
                            + "to apply (health Missing) can report Healthy and release the next wave");
        }
        return Optional.empty();
    }
}
