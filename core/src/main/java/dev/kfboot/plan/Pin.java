package dev.kfboot.plan;

import dev.kfboot.model.Location;

/** A wave the spec fixes for an app, and where it says so. */
public record Pin(int wave, Location location) {}
