package dev.daxray.devices;

/** An ndctl bus object ({@code ndctl list -B}). */
public record Bus(String file, long line, String dev, String provider, String scrubState) {
}
