package dev.kfboot.cluster.deploy;

/**
 * One step of a deploy: a sync wave, or the final step that deploys the app of apps itself.
 *
 * @param index position in the deploy, from 0
 * @param wave  the sync wave, or null for the app-of-apps step
 */
public record Phase(int index, Integer wave, String label) {

    public static Phase wave(int index, int wave) {
        return new Phase(index, wave, "wave " + wave);
    }

    public static Phase root(int index) {
        return new Phase(index, null, "app of apps");
    }
}
