/**
 * Takes an app-of-apps tree (a directory of Argo CD Applications, ApplicationSets and AppProjects, plain or
 * aggregated by a kustomization) and returns findings: it resolves every child's source to a local directory,
 * renders each component app with the same renderer as {@code plan} (through a content-addressed cache), builds
 * one inventory across the apps, derives the dependency graph, and runs the rules of
 * {@link dev.kfboot.validate.rules}. {@link dev.kfboot.validate.Validator} is the pipeline in one method.
 */
package dev.kfboot.validate;
