package io.philia.platform;

import java.util.List;

/**
 * What a module reads for a whole micro-batch of {@link GroupCommit} at its start, in its transaction,
 * instead of once per piece (issue #3: a statement per batch instead of one per event). Each piece may
 * carry hints of what it will read (an event's order and customer, say); a module keeps what it read in the
 * transaction's memory ({@link WriteBehind#memory}) and takes it from there. Only the batch's
 * all-or-nothing run reads ahead: the rerun with savepoints reads as it goes.
 */
public interface BatchReads {

	/** Reads ahead for the hints of one batch, those of other modules' kinds included (to be skipped). */
	void readAhead(List<Object> hints);
}
