package dev.duro.samples.bank;

/**
 * The outcome of transfer {@code transactionId}: {@code amount} from {@code from} to {@code to};
 * {@code reason} says why it failed (empty when completed).
 */
public record TransferResult(
    String transactionId,
    String from,
    String to,
    long amount,
    TransferStatus status,
    String reason) {}
