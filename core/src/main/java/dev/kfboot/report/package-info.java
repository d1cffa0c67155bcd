/**
 * Takes a plan (and optionally validation findings and live Argo CD state) and returns one self-contained
 * HTML report: the wave graph as SVG with every edge's reasons, per-component details, filterable findings.
 * Built with jsoup's DOM, laid out deterministically; no external scripts, fonts or styles.
 */
package dev.kfboot.report;
