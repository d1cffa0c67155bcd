package dev.kfboot.cluster.health;

/**
 * A health verdict and why, e.g. Progressing "Waiting for rollout to finish: 1 of 2 updated replicas are available...".
 */
public record Health(HealthStatus status, String message) {

    public Health {
        message = message == null ? "" : message;
    }

    public static Health healthy(String message) {
        return new Health(HealthStatus.HEALTHY, message);
    }

    public static Health progressing(String message) {
        return new Health(HealthStatus.PROGRESSING, message);
    }

    public static Health degraded(String message) {
        return new Health(HealthStatus.DEGRADED, message);
    }

    public static Health suspended(String message) {
        return new Health(HealthStatus.SUSPENDED, message);
    }

    public boolean isHealthy() {
        return status == HealthStatus.HEALTHY;
    }

    @Override
    public String toString() {
        return message.isEmpty() ? status.label() : status.label() + ": " + message;
    }
}
