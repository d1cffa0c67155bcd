/**
 * Takes nothing but the machine and the shared upstream data and prints figures: wall times, ratios, heap.
 * Benchmarks never run as tests and never assert; {@code bench/run} runs them.
 */
package dev.kfboot.bench;
