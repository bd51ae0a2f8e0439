package io.mailroom.server.config;

/** A value of the setup file with the place it was written, for errors found when applying it. */
public record Located<T>(T value, Position at) {
}
