package io.philia.program;

/** A new API key: the key itself is in this answer only; Philia keeps its hash. */
public record IssuedApiKey(String id, String storeId, String key, String prefix) {
}
