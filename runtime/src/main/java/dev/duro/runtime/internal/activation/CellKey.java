package dev.duro.runtime.internal.activation;

import dev.duro.ObjectId;

/** Identity of an object in the runtime: namespace and id (the id's name does not participate). */
record CellKey(String namespace, ObjectId id) {}
