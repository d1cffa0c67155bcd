/**
 * Takes two rendered releases (each app's objects with their bodies, waves and edges) and returns the upgrade
 * between them: immutable changes Argo CD's apply would be refused, objects that go away and the data they hold,
 * objects that move between apps or are renamed, CRD versions dropped from {@code spec.versions}, and ordering
 * changes; each with the fix and, where a per-resource sync option makes Argo CD do it by itself, that option.
 * A side is a release's manifests tree ({@code ReleaseTree}) or a GitOps tree read as {@code validate} reads it
 * ({@code TreeSide}). Everything is derived from the rendered objects: no object of any release is named here.
 */
package dev.kfboot.upgrade;
