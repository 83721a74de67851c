package dev.duro.samples.bank;

/** One debit of {@link Account#debitAll}: {@code amount} (positive) for {@code memo}. */
public record Debit(long amount, String memo) {}
