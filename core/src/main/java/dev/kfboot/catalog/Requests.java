package dev.kfboot.catalog;

/** A component's resource needs as the release README states them: CPU millicores, memory MiB, PVC GB. */
public record Requests(int cpuMillis, int memoryMiB, int storageGB) {

    public static final Requests NONE = new Requests(0, 0, 0);

    public Requests plus(Requests o) {
        return new Requests(cpuMillis + o.cpuMillis, memoryMiB + o.memoryMiB, storageGB + o.storageGB);
    }
}
