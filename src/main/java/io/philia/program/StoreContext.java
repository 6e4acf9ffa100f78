package io.philia.program;

/** Who is calling the store API: the store an API key belongs to, and so its programme. */
public record StoreContext(String programId, String storeId) {
}
