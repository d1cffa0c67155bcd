/**
 * Takes nothing and returns the value records every stage shares: resource ids, group/kinds, findings and
 * the input error that carries a file and line to the user.
 */
package dev.kfboot.model;
