/**
 * Takes a checklist (one class per {@link dev.kfboot.cluster.check.Check}, over a context the checks share) and returns
 * one {@link dev.kfboot.cluster.check.CheckResult} row per check: id, title, pass/warn/fail/info, what was found, the
 * objects in trouble and what to do. {@code preflight} and {@code verify} are both checklists of this one model, so
 * they print and serialize the same way.
 */
package dev.kfboot.cluster.check;
