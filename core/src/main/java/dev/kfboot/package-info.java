/**
 * The library's entry point, {@link dev.kfboot.Kfboot}: spec in, plan out, each stage in a package of its
 * own ({@code spec}, {@code catalog}, {@code render}, {@code inventory}, {@code graph}, {@code plan}).
 */
package dev.kfboot;
