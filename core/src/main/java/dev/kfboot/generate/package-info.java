/**
 * Takes a resolved platform and its plan and returns the Argo CD app-of-apps tree as files in memory (root
 * Application, AppProjects, one child Application per app with facts-driven sync options, kustomize overlays
 * where per-resource options are needed, the Application health check, environment overlays, fleets, and for an
 * upgrade the plan's per-object sync options and kept objects, listed in the README), then
 * writes it atomically, refusing to overwrite hand edits. Also rewrites the tree's own repository URL in place.
 */
package dev.kfboot.generate;
