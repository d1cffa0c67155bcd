package dev.kfboot.generate;

/** An Application's single git source: repository, revision and the directory Argo CD renders. */
public record GitSource(String repoURL, String targetRevision, String path) {}
