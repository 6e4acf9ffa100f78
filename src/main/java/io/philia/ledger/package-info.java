/**
 * The points ledger: double-entry, append-only journal of every point movement, and members' balances
 * materialised from it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Points ledger")
package io.philia.ledger;
