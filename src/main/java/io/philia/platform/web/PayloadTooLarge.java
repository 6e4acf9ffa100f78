package io.philia.platform.web;

import java.io.IOException;

/** Thrown by the body stream once a request has sent more than the limit. */
public class PayloadTooLarge extends IOException {

	PayloadTooLarge(long limit) {
		super("The body is larger than the limit of " + limit + " bytes");
	}
}
