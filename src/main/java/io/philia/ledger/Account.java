package io.philia.ledger;

/**
 * Ledger accounts. A member has their own available and pending accounts; the programme's house accounts
 * are where points come from and go to. House balances are never stored per event (a hot row would
 * serialise every writer): they are sums of postings, computed when read.
 */
public enum Account {

	MEMBER_AVAILABLE, MEMBER_PENDING,

	/** Source of earned points: minus everything earned, plus everything clawed back. */
	PROGRAMME_ISSUED,

	/** Counterpart of manual adjustments by support or marketers. */
	PROGRAMME_ADJUSTMENTS,

	/** Where spent points go (rewards, points as payment); a restore takes them back out. */
	PROGRAMME_REDEEMED,

	/** Where expired points go: the breakage finance reports. */
	PROGRAMME_EXPIRED,

	/**
	 * Clearing account of transfers and merges between members: each transfer or merge posts to it twice,
	 * once per member, so that it always sums to zero and every entry still concerns one member.
	 */
	PROGRAMME_TRANSFERS
}
