package dev.haulout.chain.model;

/** An object as stored, with its version (1 on creation, +1 per change). */
public record Versioned<T extends ChainObject>(T object, long version) {}
