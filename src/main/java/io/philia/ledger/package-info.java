/**
 * The points ledger: double-entry, append-only journal of every point movement; members' balances
 * materialised from it; lots with their pending state and expiry; the debt policy of clawbacks;
 * transfers and account merges; the jobs that release and expire due points; the liability report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Points ledger")
package io.philia.ledger;
