package test;

import dev.duro.*;

@DurableObject
public record NotAClassRecord(long count) {}
