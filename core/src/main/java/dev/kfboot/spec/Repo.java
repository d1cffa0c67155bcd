package dev.kfboot.spec;

/**
 * Where sources live in git.
 *
 * @param url      git URL of the repository
 * @param revision branch, tag or commit
 * @param path     a directory inside that repository ("" for its root; null when not given)
 */
public record Repo(String url, String revision, String path) {}
