/**
 * Takes YAML text written by people or by kustomize and returns node trees that remember their line
 * (for user files) or plain maps (for rendered output), refusing alias bombs, oversized documents, binary
 * and non-UTF-8 input with an {@link dev.kfboot.model.InputException} that names the file and line.
 */
package dev.kfboot.yaml;
