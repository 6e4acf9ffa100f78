package io.philia.program;

/** Who is calling the store API: the store an API key belongs to, and so its programme. */
public record StoreContext(String programId, String storeId) {

	/** The request attribute under which the API key filter puts the calling store. */
	public static final String ATTRIBUTE = StoreContext.class.getName();
}
