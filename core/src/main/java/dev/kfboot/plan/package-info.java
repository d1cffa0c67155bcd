/**
 * Takes the dependency graph (and pinned waves) and returns the plan: the fewest sync waves that respect
 * every edge (longest-path layering, deterministic), each component's placement with the edges that placed
 * it, and the text, explain and JSON views of it. A cycle or a contradicting pin is an error naming the
 * components and reasons.
 */
package dev.kfboot.plan;
