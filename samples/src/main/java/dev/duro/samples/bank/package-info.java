/**
 * Bank accounts with a transactional debit and a saga transfer between two accounts (issue #8): an
 * {@link dev.duro.samples.bank.Account} per account, a {@link dev.duro.samples.bank.Transfer} per
 * transaction id coordinating reserve, credit, confirm and release through calls between objects.
 */
package dev.duro.samples.bank;
