package dev.a2doctor.catalog;

/** One reading of an entry that its context enricher can pick, with its own explanation and fix. */
public record Variant(String id, Text explanation, Text fix) {}
