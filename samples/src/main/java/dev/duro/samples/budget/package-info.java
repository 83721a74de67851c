/**
 * The budget governor of seed 002 (pattern 3): a {@link dev.duro.samples.budget.BudgetGovernor}
 * allocates each cycle's budget across processors by weight, routes them to a model tier, plans
 * their work in phase order, and tracks what they report spending.
 */
package dev.duro.samples.budget;
