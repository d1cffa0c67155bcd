/**
 * Takes rendered objects (plain maps from kustomize output, or facts committed for a release) and returns
 * the inventory: every object with its id, origin component, size, scope and effective namespace, plus the
 * few facts the analysis reads (CRDs defined, webhooks, pod-template labels, Secret keys; never values).
 */
package dev.kfboot.inventory;
